#include "ui/screens/home_screen.hpp"

#include <algorithm>
#include <cfloat>

#include "ui/learning/progress_panel.hpp"
#include "ui/widgets/layout.hpp"
#include "ui/widgets/problems_panel.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {
namespace {

// Draws one card's text at the cursor; returns the y where its text ends.
float CardText(const ScreenContext& ctx, const content::Module& m, int number, float inner) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const std::string badge = ctx.tr.Fmt("home.module_number", {{"n", std::to_string(number)}});
    WrappedText(badge, f.small, m.ok() ? p.accent : p.error_text, inner, 1.3f);
    WrappedText(m.title.empty() ? m.id : m.title, f.h3, p.heading, inner, 1.25f);
    ImGui::Dummy(ImVec2(1, 0.15f * ImGui::GetFontSize()));
    if (m.ok()) {
        if (!m.description.empty()) WrappedText(m.description, f.regular, p.text_muted, inner, 1.4f);
    } else {
        WrappedText(ctx.tr("home.broken"), f.regular, p.error_text, inner, 1.4f);
    }
    return ImGui::GetCursorScreenPos().y;
}

}  // namespace

void HomeScreen::Draw(const ScreenContext& ctx) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    ImGui::Dummy(ImVec2(1, 1.2f * em));
    const Column col = BeginColumn(62.0f, 1.5f * em);

    if (learning) learning::DrawLearnerPanel(ctx, *learning, col.width);
    WrappedText(ctx.tr("home.heading"), f.h1, p.heading, col.width, 1.25f);
    WrappedText(ctx.tr("home.intro"), f.regular, p.text_muted, col.width);
    ImGui::Dummy(ImVec2(1, 0.6f * em));

    const auto& modules = ctx.course.modules;
    if (modules.empty())
        WrappedText(ctx.tr.Fmt("home.no_modules", {{"dir", ctx.course.dir}}), f.regular, p.text, col.width);

    const int per_row = col.width >= 40.0f * em ? 2 : 1;
    const float gap = 1.0f * em;
    const float card_w = (col.width - gap * float(per_row - 1)) / float(per_row);
    const float pad = 1.2f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float meta_h = f.small->FontSize * 1.6f + 0.4f * em;

    for (std::size_t row = 0; row * per_row < modules.size(); ++row) {
        const ImVec2 row_start = ImGui::GetCursorScreenPos();
        ImDrawListSplitter splitter;
        splitter.Split(draw, 2);
        splitter.SetCurrentChannel(draw, 1);
        float row_bottom = row_start.y;
        const std::size_t first = row * per_row, last = std::min(modules.size(), first + per_row);
        for (std::size_t i = first; i < last; ++i) {
            const float x = row_start.x + float(i - first) * (card_w + gap);
            ImGui::SetCursorScreenPos(ImVec2(x + pad, row_start.y + pad));
            ImGui::BeginGroup();  // wrapped lines return to the card's left edge, not the column's
            row_bottom = std::max(row_bottom, CardText(ctx, modules[i], int(i) + 1, card_w - 2 * pad));
            ImGui::EndGroup();
        }
        const float card_h = row_bottom - row_start.y + meta_h + pad;
        for (std::size_t i = first; i < last; ++i) {
            const auto& m = modules[i];
            const float x = row_start.x + float(i - first) * (card_w + gap);
            const ImVec2 a(x, row_start.y), b(x + card_w, row_start.y + card_h);
            ImGui::SetCursorScreenPos(a);
            ImGui::PushID(int(i));
            const bool clicked = ImGui::InvisibleButton("##card", ImVec2(card_w, card_h)) && m.ok();
            const bool hovered = ImGui::IsItemHovered() && m.ok();
            ImGui::PopID();
            if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (clicked) learning::OpenModule(ctx, learning, m.id);

            // Bottom line: minutes and pages on the left, the call to action on the right.
            splitter.SetCurrentChannel(draw, 1);
            if (learning && m.ok())
                learning::DrawModuleBadge(ctx, *learning, m.id, ImVec2(b.x - pad, a.y + 0.8f * pad));
            const float y = b.y - pad - f.small->FontSize * 1.2f;
            std::string meta;
            if (m.ok() && m.minutes > 0)
                meta = ctx.tr.Fmt("home.minutes", {{"n", std::to_string(m.minutes)}});
            if (m.ok() && !m.reading.pages.empty()) {
                if (!meta.empty()) meta += "  \xC2\xB7  ";
                meta += ctx.tr.Fmt("home.pages", {{"n", std::to_string(m.reading.pages.size())}});
            }
            draw->AddText(f.small, f.small->FontSize, ImVec2(a.x + pad, y), p.text_muted, meta.c_str());
            if (m.ok()) {
                const std::string action = std::string(ctx.tr("home.open")) + "  \xE2\x86\x92";
                const float w = f.bold->CalcTextSizeA(f.bold->FontSize, FLT_MAX, 0, action.c_str()).x;
                draw->AddText(f.bold, f.bold->FontSize,
                              ImVec2(b.x - pad - w, y - (f.bold->FontSize - f.small->FontSize) * 0.5f),
                              p.accent, action.c_str());
            }

            splitter.SetCurrentChannel(draw, 0);
            const float r = 0.5f * em;
            draw->AddRectFilled(a, b, hovered ? p.surface_hover : (m.ok() ? p.surface : p.error_bg), r);
            draw->AddRect(a, b, hovered ? p.accent : (m.ok() ? p.border : p.error_text), r, 0,
                          hovered ? 2.0f : 1.0f);
            draw->AddRectFilled(a, ImVec2(a.x + 0.3f * em, b.y), m.ok() ? p.accent : p.error_text, r,
                                ImDrawFlags_RoundCornersLeft);
        }
        splitter.Merge(draw);
        ImGui::SetCursorScreenPos(ImVec2(row_start.x, row_start.y + card_h + gap));
        ImGui::Dummy(ImVec2(col.width, 0));
    }

    const Diagnostics problems = ctx.course.AllErrors();
    if (!problems.empty()) {
        ImGui::Dummy(ImVec2(1, 0.5f * em));
        ProblemsPanel(ctx, problems, col.width);
    }
    ImGui::Dummy(ImVec2(1, 1.5f * em));
    EndColumn(col);
}

}  // namespace sinau::ui
