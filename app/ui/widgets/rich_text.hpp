#pragma once
// Wrapped text whose words may change font mid-line (bold, italic, links). ImGui 1.86 wraps only
// single-font text, so this lays out words itself: split spans at spaces, measure each word with
// its own font, break lines at the wrap width, draw with ImDrawList::AddText, then reserve the
// space with a Dummy so the layout continues below.
#include <string_view>
#include <vector>

#include <imgui.h>

#include "content/model.hpp"
#include "ui/fonts.hpp"

namespace sinau::ui {

struct RichTextStyle {
    const FontSet* fonts = nullptr;
    ImFont* font_override = nullptr;  // headings: every span in this face
    ImU32 color = 0;
    ImU32 link_color = 0;
    ImU32 code_bg = 0;
    float line_spacing = 1.45f;  // line height / font size (comfortable reading)
};

// Draws at the cursor, wrapping at `wrap_width` pixels. Returns the height used.
float RichText(const std::vector<content::Span>& spans, const RichTextStyle& style, float wrap_width);
// Convenience for plain strings in one font.
float WrappedText(std::string_view text, ImFont* font, ImU32 color, float wrap_width,
                  float line_spacing = 1.4f);

}  // namespace sinau::ui
