#include "ui/screens/result_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "ui/learning/learning_widgets.hpp"
#include "ui/learning/progress_panel.hpp"
#include "ui/learning/widget_dump.hpp"
#include "ui/widgets/layout.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {
namespace {

using content::QuestionType;
using learning::Gap;

void Push(const ScreenContext& ctx, learning::Action action) {
    ctx.intents.Push(LearningIntent{std::move(action)});
}

// One reviewed question: number + verdict, the stem, your answer, the right answer, feedback.
void DrawItem(const ScreenContext& ctx, const store::ReviewItem& item, int number, float width) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    const float pad = 1.0f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const learning::VerdictStyle style =
        learning::StyleFor(ctx, item.answer ? item.grade.verdict : engine::Verdict::Salah);
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(a.x + pad + 0.3f * em, a.y + pad));
    ImGui::BeginGroup();
    const float inner = width - 2 * pad - 0.3f * em;
    const ImVec2 row = ImGui::GetCursorScreenPos();
    WrappedText(ctx.tr.Fmt("result.question", {{"n", std::to_string(number)}}), f.small, p.text_muted, inner,
                1.4f);
    const std::string verdict = item.answer ? style.text : std::string(ctx.tr("result.unanswered"));
    const ImVec2 vs = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, verdict.c_str());
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(row.x + inner - vs.x - 1.2f * em, row.y));
    learning::Pill(verdict.c_str(), style.bg, style.fg, f.small);
    ImGui::SetCursorScreenPos(after);
    Gap(0.2f);
    if (!item.question) {
        WrappedText(ctx.tr.Fmt("result.question_gone", {{"id", item.question_id}}), f.regular, p.text_muted,
                    inner);
    } else {
        std::string stem = item.question->stem;
        if (!item.question->stem_after.empty()) stem += " ________ " + item.question->stem_after;
        WrappedText(stem, f.bold, p.heading, inner, 1.4f);
        Gap(0.5f);
        WrappedText(ctx.tr.Fmt("result.your_answer", {{"answer", item.answer_text}}), f.regular, p.text,
                    inner);
        if (!item.right_answer.empty())
            WrappedText(ctx.tr.Fmt("result.right_answer", {{"answer", item.right_answer}}), f.regular,
                        learning::SuccessText(p), inner);
        if (item.question->type == QuestionType::Essay && item.answer && !item.stored_fraction)
            WrappedText(ctx.tr("result.essay_pending"), f.regular, learning::WarningText(p), inner);
        for (const auto& line : item.grade.feedback) {
            Gap(0.3f);
            WrappedText(line, f.regular, p.text_muted, inner);
        }
        if (!item.grade.general_feedback.empty()) {
            Gap(0.3f);
            WrappedText(ctx.tr.Fmt("quiz.explanation", {{"text", item.grade.general_feedback}}), f.regular,
                        p.text_muted, inner);
        }
        if (item.content_changed) {
            Gap(0.3f);
            WrappedText(ctx.tr("result.content_changed"), f.small, learning::WarningText(p), inner, 1.4f);
        }
    }
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(a, ImVec2(a.x + width, bottom), p.surface, 0.5f * em);
    draw->AddRect(a, ImVec2(a.x + width, bottom), p.border, 0.5f * em);
    draw->AddRectFilled(a, ImVec2(a.x + 0.3f * em, bottom), item.answer ? style.fg : p.error_text, 0.5f * em,
                        ImDrawFlags_RoundCornersLeft);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(a.x, bottom + 0.8f * em));
    ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace

void ResultScreen::Draw(const ScreenContext& ctx, const learning::LearningController& learning) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    const learning::ResultView* r = learning.result();
    Gap(1.2f);
    const Column col = BeginColumn(44.0f, 1.5f * em);
    if (!r) {
        WrappedText(learning.error().empty() ? ctx.tr("result.none") : learning.error(), f.regular, p.text,
                    col.width);
        Gap(0.8f);
        if (ActionButton((std::string("\xE2\x86\x90  ") + ctx.tr("nav.home")).c_str(), false))
            ctx.intents.Push(Navigate{Route{ScreenId::Home, {}, 0}});
        EndColumn(col);
        return;
    }
    if (shown_attempt_ != r->attempt.id) {
        shown_attempt_ = r->attempt.id;
        ImGui::SetScrollY(0.0f);
    }
    if (ActionButton((std::string("\xE2\x86\x90  ") + ctx.tr("result.back_module")).c_str(), false))
        Push(ctx, learning::OpenOverview{r->module->id});
    Gap(0.9f);
    WrappedText(ctx.tr.Fmt("quiz.heading", {{"title", r->module->title}}), f.small, p.text_muted, col.width,
                1.3f);
    WrappedText(ctx.tr("result.heading"), f.h1, p.heading, col.width, 1.25f);
    Gap(0.6f);

    // The score panel: big number, verdict, the pass mark, what is next.
    const double score = r->attempt.score.value_or(0);
    const bool passed = r->attempt.passed.value_or(false);
    const bool pending = r->pending_essays > 0;
    {
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float pad = 1.3f * em;
        draw->ChannelsSplit(2);
        draw->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(a.x + pad, a.y + pad));
        ImGui::BeginGroup();
        const float inner = col.width - 2 * pad;
        WrappedText(ctx.tr("result.score_label"), f.small, p.text_muted, inner, 1.3f);
        const std::string big = learning::FormatScore(score);
        ImGui::PushFont(f.h1);
        const float scale = 2.0f;
        const ImVec2 bs = f.h1->CalcTextSizeA(f.h1->FontSize * scale, FLT_MAX, 0, big.c_str());
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw->AddText(f.h1, f.h1->FontSize * scale, at, passed ? learning::SuccessText(p) : p.heading,
                      big.c_str());
        ImGui::PopFont();
        const std::string of =
            ctx.tr.Fmt("result.pass_mark", {{"pass", learning::FormatScore(r->pass_mark)}});
        draw->AddText(f.regular, f.regular->FontSize,
                      ImVec2(at.x + bs.x + 0.8f * em, at.y + bs.y - f.regular->FontSize * 1.5f), p.text_muted,
                      of.c_str());
        ImGui::Dummy(ImVec2(inner, bs.y));
        Gap(0.3f);
        const char* verdict =
            pending ? ctx.tr("result.pending") : (passed ? ctx.tr("result.passed") : ctx.tr("result.failed"));
        learning::Pill(
            verdict, pending ? learning::WarningBg(p) : (passed ? learning::SuccessBg(p) : p.error_bg),
            pending ? learning::WarningText(p) : (passed ? learning::SuccessText(p) : p.error_text), f.bold);
        Gap(0.5f);
        const auto& outcome = r->module_state.outcome;
        std::string next;
        if (pending)
            next = ctx.tr.Fmt("result.pending_help", {{"n", std::to_string(r->pending_essays)}});
        else if (outcome.status == engine::ModuleStatus::Lulus)
            next = ctx.tr("result.module_passed");
        else if (passed && !outcome.scenarios_done)
            next = ctx.tr("result.need_scenarios");
        else if (!passed && r->module_state.may_start_attempt)
            next = ctx.tr("result.try_again");
        else if (!passed)
            next = ctx.tr("result.no_attempts_left");
        if (!next.empty()) WrappedText(next, f.regular, p.text, inner);
        // Passed: "Lanjutkan" leads to the next useful step (this module's scenarios, the next module,
        // the course result), never back to the quiz just passed (engine/next_step.hpp).
        const bool retry = r->module_state.may_start_attempt && !passed;
        const bool go_on = passed && !pending && learning.next_step().kind != engine::NextStep::Kind::Nothing;
        if (go_on) {
            Gap(0.3f);
            WrappedText(ctx.tr("learn.next_step") + std::string(": ") + learning::NextStepText(ctx, learning),
                        f.bold, p.text, inner, 1.4f);
        }
        Gap(0.8f);
        if (retry) {
            if (ActionButton(ctx.tr("result.retry"), true, true, 9.0f))
                Push(ctx, learning::StartQuiz{r->module->id, std::nullopt});
            ImGui::SameLine();
        }
        if (go_on) {
            if (ActionButton((std::string(ctx.tr("learn.continue")) + "  \xE2\x86\x92").c_str(), true, true,
                             9.0f))
                Push(ctx, learning::Continue{});
            ImGui::SameLine();
        }
        if (ActionButton(ctx.tr("nav.home"), !retry && !go_on, true, 7.0f))
            ctx.intents.Push(Navigate{Route{ScreenId::Home, {}, 0}});
        ImGui::EndGroup();
        const float bottom = ImGui::GetItemRectMax().y + pad;
        draw->ChannelsSetCurrent(0);
        draw->AddRectFilled(a, ImVec2(a.x + col.width, bottom), p.surface, 0.6f * em);
        draw->AddRect(a, ImVec2(a.x + col.width, bottom), passed ? learning::SuccessText(p) : p.border,
                      0.6f * em, 0, passed ? 2.0f : 1.0f);
        draw->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(a.x, bottom));
        ImGui::Dummy(ImVec2(col.width, 0));
    }
    if (r->course_completed_now || learning.completion()) {
        Gap(0.8f);
        learning::NoteBox(ctx, ctx.tr("learn.completed_title"), ctx.tr("learn.completed_body"),
                          learning::SuccessBg(p), learning::SuccessText(p), learning::SuccessText(p),
                          col.width);
    }
    Gap(1.4f);
    WrappedText(ctx.tr("result.review"), f.h2, p.heading, col.width, 1.3f);
    Gap(0.6f);
    int n = 0;
    for (const auto& item : r->items) {
        if (item.question && item.question->type == QuestionType::Description) continue;
        ImGui::PushID(n);
        DrawItem(ctx, item, ++n, col.width);
        ImGui::PopID();
    }
    Gap(1.0f);
    EndColumn(col);
}

}  // namespace sinau::ui
