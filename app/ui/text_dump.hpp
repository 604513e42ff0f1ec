#pragma once
// Recovers the text of a rendered frame from ImGui's draw data, for tests (--dump-text, --dump-widgets):
// every glyph quad is looked up by its atlas UVs, glyphs on one baseline become a line, gaps wider than a
// fraction of the font size become spaces. Works for every widget (buttons, tables, our rich text)
// without wrapping any drawing call. Main thread, after ImGui::Render().
#include <string>
#include <vector>

#include <imgui.h>

namespace sinau::ui {

struct DrawnLine {
    std::string text;
    ImVec2 min, max;  // bounding box of the glyphs, in window pixels
};

struct DrawnTextOptions {
    // A gap wider than ~3 spaces on one baseline starts a new line: two buttons side by side come out as
    // two entries, so an end-to-end test can click each by its own label.
    bool split_wide_gaps = false;
};

std::vector<DrawnLine> ExtractDrawnLines(const ImDrawData& data, DrawnTextOptions options = {});

// The lines' text only (what --dump-text writes).
std::vector<std::string> ExtractDrawnText(const ImDrawData& data);

}  // namespace sinau::ui
