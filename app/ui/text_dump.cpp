#include "ui/text_dump.hpp"

#include <imgui.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace sinau::ui {
namespace {

struct GlyphInfo {
    unsigned codepoint;
    float x0, y0, u1, v1, advance, size;
};

std::uint64_t Key(float u, float v) {
    return (std::uint64_t(std::bit_cast<std::uint32_t>(u)) << 32) | std::bit_cast<std::uint32_t>(v);
}

void AppendUtf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

}  // namespace

std::vector<DrawnLine> ExtractDrawnLines(const ImDrawData& data, DrawnTextOptions options) {
    // A glyph quad is found by its top-left UV in the atlas; same baseline + adjacent pen = same line.
    std::unordered_map<std::uint64_t, GlyphInfo> glyphs;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (const ImFont* font : atlas->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible)
                glyphs.emplace(Key(g.U0, g.V0),
                               GlyphInfo{g.Codepoint, g.X0, g.Y0, g.U1, g.V1, g.AdvanceX, font->FontSize});

    std::vector<DrawnLine> lines;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImVector<ImDrawVert>& v = data.CmdLists[l]->VtxBuffer;
        DrawnLine line;
        float line_top = 0.0f, pen_end = 0.0f, size = 0.0f;
        auto flush = [&] {
            if (!line.text.empty()) lines.push_back(line);
            line = DrawnLine{};
        };
        for (int i = 0; i + 3 < v.Size;) {
            auto it = glyphs.find(Key(v[i].uv.x, v[i].uv.y));
            if (it == glyphs.end() || v[i + 2].uv.x != it->second.u1 || v[i + 2].uv.y != it->second.v1) {
                ++i;
                continue;
            }
            const GlyphInfo& g = it->second;
            const float top = v[i].pos.y - g.y0;
            const float pen = v[i].pos.x - g.x0;
            const bool same_line =
                !line.text.empty() && std::fabs(top - line_top) < 0.35f * std::max(size, g.size) &&
                pen > pen_end - 0.3f * g.size && (!options.split_wide_gaps || pen - pen_end < 0.9f * g.size);
            if (!same_line) {
                flush();
            } else if (pen - pen_end > 0.12f * g.size) {  // a space is ~0.26 em; kerning is < 0.05 em
                line.text += ' ';
            }
            if (line.text.empty()) {
                line_top = top;
                size = g.size;
                line.min = ImVec2(pen, top);
                line.max = ImVec2(pen, top + g.size);
            }
            AppendUtf8(line.text, g.codepoint);
            pen_end = pen + g.advance;
            line.max.x = std::max(line.max.x, pen_end);
            line.max.y = std::max(line.max.y, top + g.size);
            i += 4;
        }
        flush();
    }
    return lines;
}

std::vector<std::string> ExtractDrawnText(const ImDrawData& data) {
    std::vector<std::string> text;
    for (auto& line : ExtractDrawnLines(data)) text.push_back(std::move(line.text));
    return text;
}

}  // namespace sinau::ui
