#include "ui/widgets/rich_text.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace sinau::ui {
namespace {

struct Fragment {
    std::string_view text;
    ImFont* font;
    unsigned style;
    float width;
};

struct Word {
    std::vector<Fragment> parts;
    float width = 0.0f;
    bool space_before = false;
    bool break_before = false;  // hard line break in the source
};

ImFont* FontFor(unsigned style, const RichTextStyle& s) {
    if (s.font_override) return s.font_override;
    return s.fonts->Body(style & content::kBold, style & content::kItalic);
}

std::vector<Word> SplitWords(const std::vector<content::Span>& spans, const RichTextStyle& s) {
    std::vector<Word> words;
    bool pending_space = false, pending_break = false, in_word = false;
    for (const auto& span : spans) {
        ImFont* font = FontFor(span.style, s);
        const std::string_view text = span.text;
        std::size_t i = 0;
        while (i < text.size()) {
            const char c = text[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                pending_space = true;
                in_word = false;
                ++i;
                continue;
            }
            if (c == '\n') {
                pending_break = true;
                in_word = false;
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' &&
                   text[end] != '\r')
                ++end;
            if (!in_word || words.empty()) {
                Word w;
                w.space_before = pending_space && !pending_break;
                w.break_before = pending_break;
                words.push_back(std::move(w));
                pending_space = pending_break = false;
                in_word = true;
            }
            const std::string_view piece = text.substr(i, end - i);
            const float width =
                font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, piece.data(), piece.data() + piece.size())
                    .x;
            words.back().parts.push_back({piece, font, span.style, width});
            words.back().width += width;
            i = end;
        }
    }
    return words;
}

}  // namespace

float RichText(const std::vector<content::Span>& spans, const RichTextStyle& s, float wrap_width) {
    const std::vector<Word> words = SplitWords(spans, s);
    ImFont* base = s.font_override ? s.font_override : s.fonts->regular;
    const float size = base->FontSize;
    const float line_h = std::round(size * s.line_spacing);
    const float space = base->CalcTextSizeA(size, FLT_MAX, 0.0f, " ").x;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float pad_y = std::round((line_h - size) * 0.5f);

    float x = 0.0f, y = 0.0f;
    bool line_empty = true;
    for (const Word& word : words) {
        if (word.break_before && !line_empty) {
            x = 0.0f;
            y += line_h;
            line_empty = true;
        }
        const float gap = (!line_empty && word.space_before) ? space : 0.0f;
        if (!line_empty && x + gap + word.width > wrap_width) {
            x = 0.0f;
            y += line_h;
            line_empty = true;
        } else {
            x += gap;
        }
        for (const Fragment& f : word.parts) {
            // Whole pixels: ImGui floors each text start, so fractional starts would jitter the spacing.
            const ImVec2 pos(std::round(origin.x + x), std::round(origin.y + y + pad_y));
            const bool link = f.style & content::kLink;
            const bool code = f.style & content::kCode;
            if (code && s.code_bg)
                draw->AddRectFilled(ImVec2(pos.x - 2, pos.y - 1),
                                    ImVec2(pos.x + f.width + 2, pos.y + size + 1), s.code_bg, 3.0f);
            const ImU32 color = link && s.link_color ? s.link_color : s.color;
            draw->AddText(f.font, f.font->FontSize, pos, color, f.text.data(), f.text.data() + f.text.size());
            if (link)
                draw->AddLine(ImVec2(pos.x, pos.y + size), ImVec2(pos.x + f.width, pos.y + size), color,
                              1.0f);
            x += f.width;
        }
        line_empty = false;
    }
    const float height = words.empty() ? 0.0f : y + line_h;
    ImGui::Dummy(ImVec2(wrap_width, height));
    return height;
}

float WrappedText(std::string_view text, ImFont* font, ImU32 color, float wrap_width, float line_spacing) {
    FontSet set{font, font, font, font, font, font, font, font};
    RichTextStyle style;
    style.fonts = &set;
    style.font_override = font;
    style.color = color;
    style.line_spacing = line_spacing;
    return RichText({content::Span{std::string(text), content::kNormal, {}}}, style, wrap_width);
}

}  // namespace sinau::ui
