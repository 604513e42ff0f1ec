// The open question (countdown, answers arriving) and its reveal (distribution, right answer, legal
// basis, leaderboard), on the projector. The right answer is never drawn before the reveal: the room
// sees this screen.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/classroom/class_text.hpp"
#include "ui/screens/class_screen.hpp"
#include "ui/screens/class_widgets.hpp"

namespace sinau::ui {

namespace cv = classview;
using classroom::Phase;

namespace {

const FontSet& Big(const ScreenContext& ctx) {
    return ctx.fonts.has_present ? ctx.fonts.present : ctx.fonts.normal;
}

std::string QuestionOf(const ScreenContext& ctx, const classroom::TrainerView& t) {
    return ctx.tr.Fmt("class.question_of",
                      {{"n", std::to_string(t.current + 1)}, {"total", std::to_string(t.total)}});
}

std::string Percent(int part, int whole) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d%%", whole > 0 ? int(std::lround(100.0 * part / whole)) : 0);
    return buf;
}

}  // namespace

void ClassScreen::DrawQuestion(const ScreenContext& ctx, const live::LiveView& view, Area area) {
    const auto& P = Big(ctx);
    const auto& p = ctx.palette;
    const auto& t = view.trainer;
    if (!t.question) return;
    const auto& q = *t.question;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float big = P.regular->FontSize;
    const float gap = 0.8f * big;

    // Top right: the countdown ring.
    const float radius = 2.3f * big;
    const ImVec2 center(area.max.x - radius, area.min.y + radius);
    const float fraction = t.question_ms > 0 ? float(t.remaining_ms) / float(t.question_ms) : 0.0f;
    const int seconds = int((t.remaining_ms + 999) / 1000);
    const bool paused = t.phase == Phase::Paused;
    const ImU32 ring = paused ? p.text_muted : (seconds <= 5 ? p.error_text : p.accent);
    cv::Countdown(draw, center, radius, fraction, seconds, P.h1, ring, p.border, p.heading);
    if (paused)
        cv::TextCentered(draw, P.h3, P.h3->FontSize, center.x, center.y + radius + 0.3f * gap, p.error_text,
                         ctx.tr("class.paused"));

    // Top left: which question, then the question itself.
    const float text_w = area.w() - 2.0f * radius - 1.5f * gap;
    float y = area.min.y;
    std::string label = QuestionOf(ctx, t);
    if (q.kind == classroom::ClassQuestionKind::Multi)
        label += "  \xC2\xB7  " + std::string(ctx.tr("class.kind_multi"));
    y += cv::Text(draw, P.regular, big, ImVec2(area.min.x, y), p.text_muted, label, text_w) + 0.4f * gap;
    y += cv::Text(draw, P.h2, P.h2->FontSize, ImVec2(area.min.x, y), p.heading, q.text, text_w);
    y = std::max(y + gap, center.y + radius + (paused ? 1.6f : 0.6f) * gap);

    // The choices as cards, two columns when they are short enough.
    const float answered_h = 2.6f * big;
    const int n = int(q.choices.size());
    const float badge = 1.5f * big;
    const float inner_pad = 0.5f * big;
    bool two = n >= 3;
    const float col_w2 = (area.w() - gap) * 0.5f;
    for (const auto& c : q.choices)
        if (cv::Measure(P.regular, big, c, col_w2 - badge - 3 * inner_pad).y > 3.2f * big) two = false;
    const int cols = two ? 2 : 1;
    const float col_w = cols == 2 ? col_w2 : area.w();
    const float text_wrap = col_w - badge - 3.0f * inner_pad;
    for (int row = 0; row * cols < n; ++row) {
        float row_h = badge;
        for (int c = 0; c < cols && row * cols + c < n; ++c)
            row_h =
                std::max(row_h, cv::Measure(P.regular, big, q.choices[size_t(row * cols + c)], text_wrap).y);
        row_h += 2.0f * inner_pad;
        if (y + row_h > area.max.y - answered_h) break;  // never draw over the answer counter
        for (int c = 0; c < cols && row * cols + c < n; ++c) {
            const int i = row * cols + c;
            const ImVec2 a(area.min.x + float(c) * (col_w + gap), y), b(a.x + col_w, y + row_h);
            draw->AddRectFilled(a, b, p.surface, 0.3f * big);
            draw->AddRect(a, b, p.border, 0.3f * big);
            cv::Badge(draw, ImVec2(a.x + inner_pad, a.y + (row_h - badge) * 0.5f), badge, p.accent,
                      p.accent_text, P.bold, live::ChoiceLetter(i));
            const float th = cv::Measure(P.regular, big, q.choices[size_t(i)], text_wrap).y;
            cv::Text(draw, P.regular, big, ImVec2(a.x + badge + 2.0f * inner_pad, a.y + (row_h - th) * 0.5f),
                     p.text, q.choices[size_t(i)], text_wrap);
        }
        y += row_h + 0.5f * gap;
    }

    // Bottom: answers arriving (count / participants) — never which choice they picked.
    const int people = t.participants;
    const std::string count = ctx.tr.Fmt(
        "class.answered", {{"n", std::to_string(t.result.answered)}, {"total", std::to_string(people)}});
    const float by = area.max.y - answered_h;
    const ImVec2 cs = cv::Measure(P.h2, P.h2->FontSize, count);
    cv::Text(draw, P.h2, P.h2->FontSize, ImVec2(area.min.x, by + (answered_h - cs.y) * 0.5f), p.heading,
             count);
    const float bar_x = area.min.x + cs.x + 1.2f * gap;
    const float bar_h = 0.7f * big;
    cv::Bar(draw, ImVec2(bar_x, by + (answered_h - bar_h) * 0.5f),
            ImVec2(area.max.x, by + (answered_h + bar_h) * 0.5f),
            people > 0 ? float(t.result.answered) / float(people) : 0.0f, p.accent, p.border);
}

void ClassScreen::DrawReveal(const ScreenContext& ctx, const live::LiveView& view, Area area) {
    const auto& P = Big(ctx);
    const auto& p = ctx.palette;
    const auto& t = view.trainer;
    if (!t.question) return;
    const auto& q = *t.question;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float big = P.regular->FontSize;
    const float gap = 0.7f * big;
    const ImU32 green = cv::CorrectColor(p.background);

    // Right column: the leaderboard (as many of the top 8 as fit).
    const float board_w = std::max(area.w() * 0.32f, 12.0f * big);
    const float left_w = area.w() - board_w - 1.5f * gap;
    {
        const ImVec2 a(area.max.x - board_w, area.min.y), b(area.max.x, area.max.y);
        draw->AddRectFilled(a, b, p.surface, 0.4f * big);
        float y = a.y + gap;
        y += cv::Text(draw, P.h3, P.h3->FontSize, ImVec2(a.x + gap, y), p.heading,
                      ctx.tr("class.leaderboard")) +
             0.6f * gap;
        const float row_h = 1.9f * big;
        for (size_t i = 0; i < t.standings.size() && i < 8 && y + row_h <= b.y - gap; ++i) {
            const auto& r = t.standings[i];
            const float cy = y + row_h * 0.5f;
            const float circle = 0.72f * big;
            draw->AddCircleFilled(ImVec2(a.x + gap + circle, cy), circle, r.rank <= 3 ? p.accent : p.border);
            cv::TextCentered(draw, P.bold, P.small->FontSize, a.x + gap + circle,
                             cy - P.small->FontSize * 0.55f, r.rank <= 3 ? p.accent_text : p.text,
                             std::to_string(r.rank));
            const std::string score = std::to_string(r.score);
            const float sw = cv::Measure(P.bold, big, score).x;
            const float name_x = a.x + gap + 2.0f * circle + 0.5f * gap;
            draw->PushClipRect(ImVec2(name_x, y), ImVec2(b.x - gap - sw - 0.5f * gap, y + row_h), true);
            cv::Text(draw, P.regular, big, ImVec2(name_x, cy - big * 0.6f), p.text,
                     live::PlainName(r.name, 40));
            draw->PopClipRect();
            cv::Text(draw, P.bold, big, ImVec2(b.x - gap - sw, cy - big * 0.6f), p.heading, score);
            y += row_h;
        }
        if (t.standings.empty())
            cv::Text(draw, P.regular, big, ImVec2(a.x + gap, y), p.text_muted, ctx.tr("class.no_one"));
    }

    // Left: the question, the distribution with the right answer marked, the explanation and basis.
    float y = area.min.y;
    const float x = area.min.x;
    const std::string head = QuestionOf(ctx, t) + "  \xC2\xB7  " +
                             ctx.tr.Fmt("class.answered", {{"n", std::to_string(t.result.answered)},
                                                           {"total", std::to_string(t.participants)}});
    y += cv::Text(draw, P.small, P.small->FontSize, ImVec2(x, y), p.text_muted, head, left_w) + 0.3f * gap;
    y += cv::Text(draw, P.h3, P.h3->FontSize, ImVec2(x, y), p.heading, q.text, left_w) + 1.1f * gap;

    const float badge = 1.25f * big;
    const float count_w = cv::Measure(P.bold, big, "000 (100%)").x;
    const float text_x = x + badge + 0.6f * gap;
    const float text_w = left_w - badge - 0.6f * gap - count_w - gap;
    const float bar_h = 0.42f * big;
    for (int i = 0; i < int(q.choices.size()); ++i) {
        const bool right = std::find(t.correct.begin(), t.correct.end(), i) != t.correct.end();
        const int count = i < int(t.result.counts.size()) ? t.result.counts[size_t(i)] : 0;
        const float th = cv::Measure(P.regular, big, q.choices[size_t(i)], text_w).y;
        const float row_h = std::max(badge, th + 0.3f * gap + bar_h);
        const ImVec2 a(x - 0.4f * gap, y - 0.3f * gap), b(x + left_w, y + row_h + 0.3f * gap);
        if (right) {
            draw->AddRectFilled(a, b, cv::CorrectTint(p.background), 0.3f * big);
            draw->AddRect(a, b, green, 0.3f * big, 0, std::max(2.0f, 0.07f * big));
        }
        cv::Badge(draw, ImVec2(x, y), badge, right ? green : p.border, right ? IM_COL32_WHITE : p.text,
                  P.bold, live::ChoiceLetter(i));
        cv::Text(draw, right ? P.bold : P.regular, big, ImVec2(text_x, y), right ? p.heading : p.text,
                 q.choices[size_t(i)], text_w);
        const float by = y + th + 0.3f * gap;
        cv::Bar(draw, ImVec2(text_x, by), ImVec2(text_x + text_w, by + bar_h),
                t.result.answered > 0 ? float(count) / float(t.result.answered) : 0.0f,
                right ? green : p.text_muted, p.border);
        const std::string c = std::to_string(count) + " (" + Percent(count, t.result.answered) + ")";
        const float cw = cv::Measure(P.bold, big, c).x;
        cv::Text(draw, P.bold, big, ImVec2(x + left_w - cw - 0.2f * gap, y), right ? green : p.text, c);
        if (right)
            cv::Tick(draw, ImVec2(x + left_w - count_w - gap - 0.2f * gap, y), badge * 0.9f, green,
                     0.12f * big);
        y += row_h + 0.9f * gap;
    }

    // Explanation and legal basis in a callout; smaller type if the room would otherwise lose it.
    std::string basis;
    for (const auto& tag : q.basis)
        if (auto label = live::LegalBasisLabel(tag)) basis += (basis.empty() ? "" : "  \xC2\xB7  ") + *label;
    if (q.feedback.empty() && basis.empty()) return;
    const float room = area.max.y - y;
    ImFont* body = P.small;
    float size = P.small->FontSize;
    const float inner = left_w - 1.6f * gap;
    auto height = [&](float s) {
        float h = 0.8f * gap;
        if (!q.feedback.empty()) h += cv::Measure(body, s, q.feedback, inner).y + 0.4f * gap;
        if (!basis.empty()) h += cv::Measure(P.bold, s, basis, inner).y + s * 1.3f;
        return h + 0.6f * gap;
    };
    while (size > ctx.fonts.normal.regular->FontSize && height(size) > room) size -= 1.0f;
    const ImVec2 a(x - 0.4f * gap, y), b(x + left_w, y + std::min(room, height(size)));
    draw->AddRectFilled(a, b, p.callout_bg, 0.3f * big);
    draw->AddRectFilled(a, ImVec2(a.x + 0.22f * big, b.y), p.callout_bar, 0.3f * big,
                        ImDrawFlags_RoundCornersLeft);
    draw->PushClipRect(a, b, true);
    float cy = y + 0.5f * gap;
    const float cx = x + 0.5f * gap;
    if (!q.feedback.empty())
        cy += cv::Text(draw, body, size, ImVec2(cx, cy), p.text, q.feedback, inner) + 0.4f * gap;
    if (!basis.empty()) {
        cy += cv::Text(draw, P.bold, size * 0.9f, ImVec2(cx, cy), p.callout_label, ctx.tr("class.basis"));
        cv::Text(draw, P.bold, size, ImVec2(cx, cy), p.heading, basis, inner);
    }
    draw->PopClipRect();
}

}  // namespace sinau::ui
