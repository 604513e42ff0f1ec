#pragma once
// Recovers the text of a rendered frame from ImGui's draw data, for tests (--dump-text): every
// glyph quad is looked up by its atlas UVs, glyphs on one baseline become a line, gaps wider than a
// fraction of the font size become spaces. Works for every widget (buttons, tables, our rich text)
// without wrapping any drawing call. Main thread, after ImGui::Render().
#include <string>
#include <vector>

struct ImDrawData;

namespace sinau::ui {

std::vector<std::string> ExtractDrawnText(const ImDrawData& data);

}  // namespace sinau::ui
