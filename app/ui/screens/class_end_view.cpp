// The end of the class: the podium (top 3, ties share a step) and the class summary.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/classroom/class_text.hpp"
#include "ui/screens/class_screen.hpp"
#include "ui/screens/class_widgets.hpp"

namespace sinau::ui {

namespace cv = classview;

void ClassScreen::DrawEnded(const ScreenContext& ctx, const live::LiveView& view, Area area) {
    const auto& P = ctx.fonts.has_present ? ctx.fonts.present : ctx.fonts.normal;
    const auto& p = ctx.palette;
    const auto& t = view.trainer;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float big = P.regular->FontSize;
    const float gap = 0.8f * big;

    const float summary_w = std::max(area.w() * 0.34f, 13.0f * big);
    const float podium_w = area.w() - summary_w - 1.5f * gap;
    float y = area.min.y;
    cv::Text(draw, P.h1, P.h1->FontSize, ImVec2(area.min.x, y), p.heading, ctx.tr("class.ended"));
    y += P.h1->FontSize * 1.4f;

    // ---- podium: 2nd, 1st, 3rd from left to right ----
    const float base_y = area.max.y;
    const float step_w = (podium_w - 2.0f * gap) / 3.0f;
    const float full = base_y - y - 3.2f * big;  // leave room for name + score above the tallest step
    const float heights[] = {full * 0.9f, full * 0.7f, full * 0.52f};  // by place: equal scores, equal steps
    const int order[] = {1, 0, 2};                                     // standings index drawn in each slot
    const ImU32 medal[] = {IM_COL32(212, 160, 23, 255), IM_COL32(140, 148, 160, 255),
                           IM_COL32(176, 110, 60, 255)};
    for (int slot = 0; slot < 3; ++slot) {
        const int i = order[slot];
        const float x = area.min.x + float(slot) * (step_w + gap);
        if (size_t(i) >= t.standings.size()) {
            draw->AddRect(ImVec2(x, base_y - heights[2] * 0.5f), ImVec2(x + step_w, base_y), p.border,
                          0.3f * big);
            continue;
        }
        const int place_of_slot = std::clamp(t.standings[size_t(i)].rank, 1, 3);
        const float h = heights[place_of_slot - 1];
        const ImVec2 a(x, base_y - h), b(x + step_w, base_y);
        const auto& r = t.standings[size_t(i)];
        draw->AddRectFilled(a, b, medal[place_of_slot - 1], 0.3f * big, ImDrawFlags_RoundCornersTop);
        const std::string rank = std::to_string(r.rank);
        cv::TextCentered(draw, P.h1, P.h1->FontSize * 1.3f, x + step_w * 0.5f, a.y + 0.4f * gap,
                         IM_COL32_WHITE, rank);
        // Name and score above the step (names wrap inside the step's width).
        const std::string name = live::PlainName(r.name, 40);
        const std::string score = ctx.tr.Fmt("class.points", {{"n", std::to_string(r.score)}}) +
                                  "  \xC2\xB7  " +
                                  ctx.tr.Fmt("class.right_count", {{"n", std::to_string(r.correct)}});
        const float name_h = cv::Measure(P.h3, P.h3->FontSize, name, step_w).y;
        const float top = a.y - 0.3f * gap - big * 1.25f - name_h;
        const ImVec2 nm = cv::Measure(P.h3, P.h3->FontSize, name, step_w);
        cv::Text(draw, P.h3, P.h3->FontSize, ImVec2(x + (step_w - std::min(nm.x, step_w)) * 0.5f, top),
                 p.heading, name, step_w);
        cv::TextCentered(draw, P.regular, big, x + step_w * 0.5f, a.y - 0.3f * gap - big * 1.2f, p.text_muted,
                         score);
    }

    // ---- summary card ----
    const ImVec2 a(area.max.x - summary_w, area.min.y), b(area.max.x, area.max.y);
    draw->AddRectFilled(a, b, p.surface, 0.4f * big);
    float sy = a.y + gap;
    const float sx = a.x + gap;
    const float inner = summary_w - 2.0f * gap;
    sy +=
        cv::Text(draw, P.h3, P.h3->FontSize, ImVec2(sx, sy), p.heading, ctx.tr("class.summary")) + 0.5f * gap;

    const double denom = double(t.participants) * double(t.asked);
    char average[32];
    std::snprintf(average, sizeof average, "%.1f%%", denom > 0 ? 100.0 * t.correct_answers / denom : 0.0);
    std::string avg = average;
    std::replace(avg.begin(), avg.end(), '.', ',');  // Indonesian decimal comma
    const std::pair<std::string, std::string> stats[] = {
        {ctx.tr("class.summary_participants"), std::to_string(t.participants)},
        {ctx.tr("class.summary_asked"),
         ctx.tr.Fmt("class.of", {{"n", std::to_string(t.asked)}, {"total", std::to_string(t.total)}})},
        {ctx.tr("class.summary_average"), avg},
    };
    for (const auto& [label, value] : stats) {
        cv::Text(draw, P.regular, big, ImVec2(sx, sy), p.text_muted, label);
        const float vw = cv::Measure(P.bold, big, value).x;
        cv::Text(draw, P.bold, big, ImVec2(a.x + summary_w - gap - vw, sy), p.heading, value);
        sy += big * 1.5f;
    }
    sy += 0.4f * gap;
    // Per question: how many of those who answered got it right and how long they took on average
    // (Classroom::Results: recounted from every stored answer); skipped ones say so.
    const float row_h = P.small->FontSize * 1.45f;
    for (size_t i = 0; i < view.results.size() && sy + row_h <= b.y - gap; ++i) {
        const auto& o = view.results[i];
        if (!o.asked) continue;
        const std::string label = ctx.tr.Fmt("class.summary_question", {{"n", std::to_string(i + 1)}});
        cv::Text(draw, P.small, P.small->FontSize, ImVec2(sx, sy), p.text, label);
        const float bar_x = sx + cv::Measure(P.small, P.small->FontSize, "Soal 00").x + 0.5f * gap;
        std::string value;
        if (o.skipped) {
            value = ctx.tr("class.summary_skipped");
        } else {
            value = ctx.tr.Fmt("class.summary_right",
                               {{"n", std::to_string(o.correct)}, {"total", std::to_string(o.answered)}});
            if (o.answered > 0)
                value += "  \xC2\xB7  " + live::SecondsLabel(ctx.tr("class.summary_time"), o.average_ms);
        }
        const float vw = cv::Measure(P.small, P.small->FontSize, value).x;
        const float bar_end = a.x + summary_w - gap - vw - 0.5f * gap;
        if (!o.skipped && bar_end > bar_x)
            cv::Bar(draw, ImVec2(bar_x, sy + row_h * 0.25f), ImVec2(bar_end, sy + row_h * 0.55f),
                    o.answered > 0 ? float(o.correct) / float(o.answered) : 0.0f,
                    cv::CorrectColor(p.background), p.border);
        cv::Text(draw, P.small, P.small->FontSize, ImVec2(a.x + summary_w - gap - vw, sy), p.text_muted,
                 value);
        sy += row_h;
    }
    if (sy + 3.0f * row_h < b.y)
        cv::Text(draw, P.small, P.small->FontSize, ImVec2(sx, b.y - gap - 2.6f * P.small->FontSize),
                 p.text_muted, ctx.tr("class.saved"), inner);
}

}  // namespace sinau::ui
