#include "ui/widgets/markdown_view.hpp"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <memory>
#include <string>

#include "content/markdown.hpp"
#include "ui/platform/texture.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {
namespace {

using content::Block;
using content::BlockKind;
using content::Span;

// Callouts nest at most a few deep; keep their start positions on a small stack.
// Each has its own splitter (not ImDrawList::ChannelsSplit) so callouts, code blocks and tables
// can nest: ImGui allows stacking separate ImDrawListSplitter instances.
struct CalloutFrame {
    ImVec2 start;
    ImDrawList* draw;
    std::unique_ptr<ImDrawListSplitter> splitter;
};
std::vector<CalloutFrame> g_callouts;

RichTextStyle BodyStyle(const MarkdownView& v) {
    RichTextStyle s;
    s.fonts = &v.fonts;
    s.color = v.palette.text;
    s.link_color = v.palette.accent;
    s.code_bg = v.palette.surface_hover;
    return s;
}

float Em(const MarkdownView& v) {
    return v.fonts.regular->FontSize;
}

void Space(float pixels) {
    ImGui::Dummy(ImVec2(1.0f, pixels));
}

// The content format writes a quote as "> **Dasar hukum:** UU ...". The callout already shows that
// label, so the leading words (and their colon) are dropped from the text.
std::vector<Span> WithoutLegalLabel(std::vector<Span> spans) {
    auto lower = [](std::string s) {
        for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    if (spans.empty()) return spans;
    std::string first = lower(spans[0].text);
    const std::string prefix = "dasar hukum";
    std::size_t lead = first.find_first_not_of(' ');
    if (lead == std::string::npos || first.compare(lead, prefix.size(), prefix) != 0) return spans;
    spans[0].text.erase(0, lead + prefix.size());
    // Remove the colon and spaces, which may sit in this span or the next one.
    for (std::size_t i = 0; i < spans.size() && i < 2; ++i) {
        auto& t = spans[i].text;
        std::size_t k = 0;
        while (k < t.size() && (t[k] == ':' || t[k] == ' ')) ++k;
        t.erase(0, k);
        if (!t.empty()) break;
    }
    spans.erase(std::remove_if(spans.begin(), spans.end(), [](const Span& s) { return s.text.empty(); }),
                spans.end());
    return spans;
}

void DrawHeading(const Block& b, const MarkdownView& v, float width) {
    RichTextStyle s = BodyStyle(v);
    s.font_override = b.level <= 1 ? v.fonts.h1 : b.level == 2 ? v.fonts.h2 : v.fonts.h3;
    s.color = v.palette.heading;
    s.line_spacing = 1.25f;
    Space(0.5f * Em(v));
    RichText(b.spans, s, width);
    Space(0.15f * Em(v));
}

void DrawListItem(const Block& b, const MarkdownView& v, float width) {
    const float em = Em(v);
    const float indent = (1.6f * float(b.level + 1)) * em;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    std::string marker;
    if (b.number > 0) {
        marker = std::to_string(b.number) + ".";
    } else {
        marker = b.level % 2 == 0 ? "\xE2\x80\xA2" : "\xE2\x80\x93";  // bullet, en dash
    }
    ImFont* font = b.number > 0 ? v.fonts.regular : v.fonts.bold;
    const float marker_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, marker.c_str()).x;
    const float line_h = std::round(em * 1.45f);
    const float y = start.y + std::round((line_h - em) * 0.5f);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize,
                                        ImVec2(start.x + indent - 0.5f * em - marker_w, y),
                                        b.number > 0 ? v.palette.text : v.palette.accent, marker.c_str());
    ImGui::SetCursorScreenPos(ImVec2(start.x + indent, start.y));
    ImGui::BeginGroup();
    RichText(b.spans, BodyStyle(v), width - indent);
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(start.x, ImGui::GetCursorScreenPos().y));
    Space(0.1f * em);
}

void DrawTable(const Block& b, const MarkdownView& v, float width) {
    if (b.rows.empty()) return;
    std::size_t columns = 0;
    for (const auto& row : b.rows) columns = std::max(columns, row.size());
    if (columns == 0) return;
    // A column whose widest cell fits on one line in under a fifth of the table ("No.", "Aturan") gets
    // exactly that width plus its padding; the others share the rest by the length of their longest
    // text. Weights alone made such a column too narrow for its word and its padding.
    const float padding = 2.0f * ImGui::GetStyle().CellPadding.x + 2.0f;  // both sides and the border
    std::vector<float> weight(columns, 4.0f), natural(columns, 0.0f);
    for (const auto& row : b.rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string text = content::PlainText(row[c]);
            weight[c] = std::max(weight[c], std::min(60.0f, float(text.size())));
            ImFont* font = v.fonts.bold;  // the wider face: a bold span or header must fit too
            natural[c] =
                std::max(natural[c], font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str()).x);
        }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX |
                                  ImGuiTableFlags_NoSavedSettings;
    ImGui::PushID(b.line);
    Space(0.2f * Em(v));
    if (ImGui::BeginTable("##table", int(columns), flags, ImVec2(width, 0.0f))) {
        for (std::size_t c = 0; c < columns; ++c) {
            if (natural[c] + padding <= 0.2f * width)
                ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, std::ceil(natural[c]));
            else
                ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch, weight[c]);
        }
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
            const bool header = r == 0;
            ImGui::TableNextRow(header ? ImGuiTableRowFlags_Headers : 0);
            for (std::size_t c = 0; c < columns; ++c) {
                ImGui::TableSetColumnIndex(int(c));
                if (header) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, v.palette.table_header_bg);
                if (c >= b.rows[r].size()) continue;
                RichTextStyle s = BodyStyle(v);
                s.line_spacing = 1.3f;
                if (header) {
                    s.font_override = v.fonts.bold;
                    s.color = v.palette.heading;
                }
                RichText(b.rows[r][c], s, ImGui::GetContentRegionAvail().x);
            }
        }
        ImGui::EndTable();
    }
    Space(0.5f * Em(v));
    ImGui::PopID();
}

void DrawImage(const Block& b, const MarkdownView& v, float width) {
    const float em = Em(v);
    const auto& texture = v.textures.Get(v.assets_dir / b.image);
    Space(0.3f * em);
    if (texture.id) {
        const float w = std::min(width, float(texture.width) * v.fonts.regular->FontSize / kBaseFontPixels);
        const float h = w * float(texture.height) / float(std::max(1, texture.width));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) * 0.5f);
        ImGui::Image(texture.ImGuiId(), ImVec2(w, h));
    } else {
        // Visible, so an author sees a wrong path at once instead of a silent gap.
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = 4.0f * em;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(p, ImVec2(p.x + width, p.y + h), v.palette.error_bg, 0.4f * em);
        draw->AddRect(p, ImVec2(p.x + width, p.y + h), v.palette.error_text, 0.4f * em, 0, 1.5f);
        ImGui::SetCursorScreenPos(ImVec2(p.x + em, p.y + 1.2f * em));
        ImGui::BeginGroup();
        WrappedText(v.tr.Fmt("reader.image_missing", {{"path", b.image}}), v.fonts.regular,
                    v.palette.error_text, width - 2 * em);
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
        ImGui::Dummy(ImVec2(width, 0));
    }
    if (!b.spans.empty()) {
        RichTextStyle s = BodyStyle(v);
        s.font_override = v.fonts.italic;
        s.color = v.palette.text_muted;
        RichText(b.spans, s, width);
    }
    Space(0.4f * em);
}

void DrawRule(const MarkdownView& v, float width) {
    const float em = Em(v);
    Space(0.5f * em);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), v.palette.border, 1.5f);
    Space(0.6f * em);
}

void DrawCode(const Block& b, const MarkdownView& v, float width) {
    const float em = Em(v);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImDrawListSplitter splitter;
    splitter.Split(draw, 2);
    splitter.SetCurrentChannel(draw, 1);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 0.8f * em, p.y + 0.5f * em));
    ImGui::BeginGroup();
    WrappedText(content::PlainText(b.spans), v.fonts.regular, v.palette.text, width - 1.6f * em, 1.3f);
    ImGui::EndGroup();
    const float bottom = ImGui::GetCursorScreenPos().y + 0.3f * em;
    splitter.SetCurrentChannel(draw, 0);
    draw->AddRectFilled(p, ImVec2(p.x + width, bottom), v.palette.surface_hover, 0.3f * em);
    splitter.Merge(draw);
    ImGui::SetCursorScreenPos(ImVec2(p.x, bottom));
    Space(0.5f * em);
}

void DrawBlock(const Block& b, const MarkdownView& v, float width);

void DrawQuote(const Block& b, const MarkdownView& v, float width) {
    Space(0.3f * Em(v));
    Callout(v.tr("reader.legal_basis"), v.palette.callout_bg, v.palette.callout_bar, v.palette.callout_label,
            v.fonts.bold, width, [&](float inner) {
                bool first = true;
                for (const Block& child : b.children) {
                    if (first && child.kind == BlockKind::Paragraph) {
                        Block stripped = child;
                        stripped.spans = WithoutLegalLabel(child.spans);
                        if (!stripped.spans.empty()) DrawBlock(stripped, v, inner);
                    } else {
                        DrawBlock(child, v, inner);
                    }
                    first = false;
                }
            });
    Space(0.5f * Em(v));
}

void DrawBlock(const Block& b, const MarkdownView& v, float width) {
    switch (b.kind) {
        case BlockKind::Heading:
            DrawHeading(b, v, width);
            break;
        case BlockKind::Paragraph:
            RichText(b.spans, BodyStyle(v), width);
            Space(0.55f * Em(v));
            break;
        case BlockKind::ListItem:
            DrawListItem(b, v, width);
            break;
        case BlockKind::Quote:
            DrawQuote(b, v, width);
            break;
        case BlockKind::Table:
            DrawTable(b, v, width);
            break;
        case BlockKind::Image:
            DrawImage(b, v, width);
            break;
        case BlockKind::Rule:
            DrawRule(v, width);
            break;
        case BlockKind::Code:
            DrawCode(b, v, width);
            break;
    }
}

}  // namespace

void BeginCallout(const char* label, ImU32 label_color, ImFont* label_font, float /*width*/) {
    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    g_callouts.push_back({start, draw, std::make_unique<ImDrawListSplitter>()});
    g_callouts.back().splitter->Split(draw, 2);
    g_callouts.back().splitter->SetCurrentChannel(draw, 1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + 1.4f * em, start.y + 0.7f * em));
    ImGui::PushFont(label_font);
    ImGui::PushStyleColor(ImGuiCol_Text, label_color);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(start.x + 1.4f * em, ImGui::GetCursorScreenPos().y + 0.3f * em));
    ImGui::BeginGroup();  // new lines inside the callout start at its inner left edge
}

void EndCallout(ImU32 bg, ImU32 bar, float width) {
    const float em = ImGui::GetFontSize();
    ImGui::EndGroup();
    CalloutFrame frame = std::move(g_callouts.back());
    g_callouts.pop_back();
    const float bottom = ImGui::GetCursorScreenPos().y + 0.2f * em;
    frame.splitter->SetCurrentChannel(frame.draw, 0);
    frame.draw->AddRectFilled(frame.start, ImVec2(frame.start.x + width, bottom), bg, 0.4f * em);
    frame.draw->AddRectFilled(frame.start, ImVec2(frame.start.x + 0.3f * em, bottom), bar, 0.4f * em,
                              ImDrawFlags_RoundCornersLeft);
    frame.splitter->Merge(frame.draw);
    ImGui::SetCursorScreenPos(ImVec2(frame.start.x, bottom));
    ImGui::Dummy(ImVec2(width, 0.0f));
}

void DrawBlocks(const std::vector<Block>& blocks, const MarkdownView& view) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        DrawBlock(blocks[i], view, view.width);
        // Breathing room after the last item of a list.
        if (blocks[i].kind == BlockKind::ListItem &&
            (i + 1 == blocks.size() || blocks[i + 1].kind != BlockKind::ListItem))
            Space(0.45f * Em(view));
    }
}

}  // namespace sinau::ui
