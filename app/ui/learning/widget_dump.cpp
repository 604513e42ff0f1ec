#include "ui/learning/widget_dump.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <unordered_map>

namespace sinau::ui::learning {
namespace {

struct Glyph {
    unsigned codepoint;
    float x0, y0, u1, v1, advance, size;
};

struct Mark {
    std::string name;
    ImVec2 min, max;
};

bool g_enabled = false;
std::vector<Mark> g_marks;

std::uint64_t UvKey(float u, float v) {
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

std::vector<DrawnLine> ExtractDrawnLines(const ImDrawData& data) {
    // A glyph quad is found by its top-left UV in the atlas; same baseline + adjacent pen = same line.
    std::unordered_map<std::uint64_t, Glyph> glyphs;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) glyphs.emplace(UvKey(g.U0, g.V0), Glyph{g.Codepoint, g.X0, g.Y0, g.U1, g.V1, g.AdvanceX, font->FontSize});

    std::vector<DrawnLine> lines;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImVector<ImDrawVert>& v = data.CmdLists[l]->VtxBuffer;
        DrawnLine line;
        float line_top = 0, pen_end = 0, size = 0;
        auto flush = [&] {
            if (!line.text.empty()) lines.push_back(line);
            line = DrawnLine{};
        };
        for (int i = 0; i + 3 < v.Size;) {
            auto it = glyphs.find(UvKey(v[i].uv.x, v[i].uv.y));
            if (it == glyphs.end() || v[i + 2].uv.x != it->second.u1 || v[i + 2].uv.y != it->second.v1) {
                ++i;
                continue;
            }
            const Glyph& g = it->second;
            const float top = v[i].pos.y - g.y0;
            const float pen = v[i].pos.x - g.x0;
            // A gap wider than ~3 spaces is another widget on the same row (two buttons side by side):
            // separate entries, so each can be clicked by its own label.
            const bool same_line = !line.text.empty() && std::fabs(top - line_top) < 0.35f * std::max(size, g.size) &&
                                   pen > pen_end - 0.3f * g.size && pen - pen_end < 0.9f * g.size;
            if (!same_line) {
                flush();
            } else if (pen - pen_end > 0.12f * g.size) {
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

void EnableWidgetDump(bool on) { g_enabled = on; }
bool WidgetDumpEnabled() { return g_enabled; }

void MarkWidget(std::string_view name) {
    if (!g_enabled) return;
    g_marks.push_back(Mark{std::string(name), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

bool WriteWidgetDump(const std::filesystem::path& file, int frame, std::string_view screen, std::string_view learner_id,
                     const ImDrawData& data) {
    const std::vector<DrawnLine> lines = ExtractDrawnLines(data);
    const std::filesystem::path tmp = file.string() + ".tmp";
    bool ok;
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        char buf[160];
        out << "frame " << frame << '\n' << "screen " << screen << '\n';
        if (!learner_id.empty()) out << "learner " << learner_id << '\n';
        for (const Mark& m : g_marks) {
            std::snprintf(buf, sizeof buf, "\t%.0f\t%.0f\t%.0f\t%.0f", m.min.x, m.min.y, m.max.x - m.min.x, m.max.y - m.min.y);
            out << "widget\t" << m.name << buf << '\n';
        }
        for (const DrawnLine& l : lines) {
            std::snprintf(buf, sizeof buf, "text\t%.0f\t%.0f\t%.0f\t%.0f\t", l.min.x, l.min.y, l.max.x - l.min.x,
                          l.max.y - l.min.y);
            out << buf << l.text << '\n';
        }
        ok = bool(out);
    }
    g_marks.clear();
    std::error_code ec;
    if (ok) std::filesystem::rename(tmp, file, ec);  // readers never see half a file
    return ok && !ec;
}

}  // namespace sinau::ui::learning
