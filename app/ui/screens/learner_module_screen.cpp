#include "ui/screens/learner_module_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/learning/learning_widgets.hpp"
#include "ui/widgets/layout.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {
namespace {

using learning::Gap;

void Push(const ScreenContext& ctx, learning::Action action) {
    ctx.intents.Push(LearningIntent{std::move(action)});
}

// "2026-11-24T14:03:00.123Z" -> "24/11/2026" (the date as an Indonesian form writes it).
std::string ShortDate(const std::string& iso) {
    if (iso.size() < 10) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

// A card: draws `body` inside a bordered surface of `width`.
template <class Body>
void Card(const ScreenContext& ctx, float width, Body&& body) {
    const float em = ImGui::GetFontSize();
    const float pad = 1.1f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(a.x + pad, a.y + pad));
    ImGui::BeginGroup();
    body(width - 2 * pad);
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(a, ImVec2(a.x + width, bottom), ctx.palette.surface, 0.5f * em);
    draw->AddRect(a, ImVec2(a.x + width, bottom), ctx.palette.border, 0.5f * em);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(a.x, bottom + 1.0f * em));
    ImGui::Dummy(ImVec2(width, 0));
}

std::string ModeText(const ScreenContext& ctx, content::QuizMode mode) {
    return mode == content::QuizMode::Ujian ? ctx.tr("quiz.mode_ujian") : ctx.tr("quiz.mode_latihan");
}

}  // namespace

void LearnerModuleScreen::Draw(const ScreenContext& ctx, const learning::LearningController& learning) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    const auto& view = learning.overview();
    Gap(1.2f);
    const Column col = BeginColumn(48.0f, 1.5f * em);
    if (ActionButton((std::string("\xE2\x86\x90  ") + ctx.tr("nav.home")).c_str(), false))
        ctx.intents.Push(Navigate{Route{ScreenId::Home, {}, 0}});
    Gap(0.8f);
    const content::Module* m = view.module;
    if (!m || !learning.learner()) {
        WrappedText(ctx.tr("learn.no_module"), f.regular, p.text_muted, col.width);
        EndColumn(col);
        return;
    }
    if (!learning.error().empty()) {
        learning::NoteBox(ctx, ctx.tr("learn.error_title"), learning.error(), p.error_bg, p.error_text,
                          p.error_text, col.width);
        Gap(0.6f);
    }
    const store::ModuleState* state = learning.module_state(m->id);
    const auto status = state ? state->outcome.status : engine::ModuleStatus::Belum;
    int number = 1;
    for (size_t i = 0; i < ctx.course.modules.size(); ++i)
        if (ctx.course.modules[i].id == m->id) number = int(i) + 1;

    const ImVec2 title_top = ImGui::GetCursorScreenPos();
    WrappedText(ctx.tr.Fmt("home.module_number", {{"n", std::to_string(number)}}), f.small, p.accent,
                col.width, 1.3f);
    learning::StatusPill(ctx, status, ImVec2(title_top.x + col.width, title_top.y));
    WrappedText(m->title, f.h1, p.heading, col.width - 8.0f * em, 1.25f);
    if (!m->description.empty()) WrappedText(m->description, f.regular, p.text_muted, col.width);
    Gap(0.9f);

    // ---- reading ----
    Card(ctx, col.width, [&](float inner) {
        WrappedText(ctx.tr("overview.reading"), f.h3, p.heading, inner, 1.3f);
        const int pages = int(m->reading.pages.size());
        const auto& reading = state ? state->reading : std::nullopt;
        const int reached = reading ? std::min(pages, reading->max_page + 1) : 0;
        Gap(0.3f);
        WrappedText(
            reading ? ctx.tr.Fmt("overview.reading_progress", {{"page", std::to_string(reading->page + 1)},
                                                               {"total", std::to_string(pages)},
                                                               {"reached", std::to_string(reached)}})
                    : ctx.tr.Fmt("overview.reading_new",
                                 {{"total", std::to_string(pages)}, {"n", std::to_string(m->minutes)}}),
            f.regular, p.text, inner);
        Gap(0.4f);
        learning::ProgressBar(ctx, pages > 0 ? float(reached) / float(pages) : 0.0f, inner);
        Gap(0.7f);
        const char* label =
            !reading ? ctx.tr("overview.read_start")
                     : (reached >= pages ? ctx.tr("overview.read_again") : ctx.tr("overview.read_continue"));
        if (ActionButton(label, !reading || reached<pages, pages> 0, 10.0f))
            Push(ctx, learning::ResumeReading{m->id});
    });

    // ---- quiz ----
    Card(ctx, col.width, [&](float inner) {
        WrappedText(ctx.tr("overview.quiz"), f.h3, p.heading, inner, 1.3f);
        Gap(0.3f);
        const auto& q = m->quiz;
        int bank = 0;
        for (const auto& question : m->questions)
            if (question.type != content::QuestionType::Description) ++bank;
        const int per = std::min(q.questions_per_attempt, bank);
        const int used = state ? state->submitted_attempts : 0;
        std::string attempts =
            q.attempts_allowed == 0
                ? std::string(ctx.tr("overview.attempts_unlimited"))
                : ctx.tr.Fmt("overview.attempts_left",
                             {{"used", std::to_string(used)}, {"max", std::to_string(q.attempts_allowed)}});
        WrappedText(ctx.tr.Fmt("overview.quiz_info", {{"n", std::to_string(per)},
                                                      {"mode", ModeText(ctx, q.mode)},
                                                      {"pass", learning::FormatScore(ctx.course.pass_mark)},
                                                      {"grading", q.grading == content::Grading::Highest
                                                                      ? ctx.tr("overview.grading_highest")
                                                                      : ctx.tr("overview.grading_last")}}),
                    f.regular, p.text, inner);
        WrappedText(attempts, f.small, p.text_muted, inner, 1.4f);
        if (state && state->outcome.score)
            WrappedText(
                ctx.tr.Fmt("overview.quiz_score", {{"score", learning::FormatScore(*state->outcome.score)}}),
                f.bold, state->outcome.quiz_passed ? learning::SuccessText(p) : p.text, inner, 1.4f);
        Gap(0.7f);
        if (bank == 0) {
            WrappedText(ctx.tr("overview.no_quiz"), f.regular, p.text_muted, inner);
        } else if (view.has_open_attempt) {
            if (ActionButton(ctx.tr("overview.quiz_continue"), true, true, 10.0f))
                Push(ctx, learning::StartQuiz{m->id, std::nullopt});
        } else if (!view.may_start_attempt) {
            WrappedText(ctx.tr("overview.no_attempts_left"), f.regular, p.error_text, inner);
        } else {
            if (q.mode == content::QuizMode::Latihan) {
                if (ActionButton(ctx.tr("overview.start_latihan"), true, true, 10.0f))
                    Push(ctx, learning::StartQuiz{m->id, content::QuizMode::Latihan});
                ImGui::SameLine();
            }
            if (ActionButton(ctx.tr("overview.start_ujian"), q.mode == content::QuizMode::Ujian, true, 10.0f))
                Push(ctx, learning::StartQuiz{m->id, content::QuizMode::Ujian});
            Gap(0.3f);
            WrappedText(q.mode == content::QuizMode::Latihan ? ctx.tr("overview.modes_help")
                                                             : ctx.tr("overview.ujian_help"),
                        f.small, p.text_muted, inner, 1.4f);
        }
        // Past attempts, newest first.
        int shown = 0;
        for (auto it = view.attempts.rbegin(); it != view.attempts.rend() && shown < 5; ++it) {
            if (it->open()) continue;
            if (shown++ == 0) {
                Gap(0.7f);
                WrappedText(ctx.tr("overview.history"), f.bold, p.text, inner, 1.4f);
            }
            const int n = int(view.attempts.rend() - it);
            ImGui::PushID(it->id.c_str());
            Gap(0.25f);
            const std::string line =
                ctx.tr.Fmt("overview.history_row",
                           {{"n", std::to_string(n)},
                            {"date", ShortDate(it->submitted_at.value_or(it->started_at))},
                            {"mode", ModeText(ctx, it->mode)},
                            {"score", learning::FormatScore(it->score.value_or(0))},
                            {"verdict", it->passed.value_or(false) ? ctx.tr("result.passed_short")
                                                                   : ctx.tr("result.failed_short")}});
            ImGui::AlignTextToFramePadding();
            ImGui::PushFont(f.regular);
            ImGui::TextUnformatted(line.c_str());
            ImGui::PopFont();
            ImGui::SameLine();
            if (ActionButton(ctx.tr("overview.show_result"), false)) Push(ctx, learning::ShowResult{it->id});
            ImGui::PopID();
        }
    });

    // ---- scenarios ----
    if (!m->scenarios.empty()) {
        Card(ctx, col.width, [&](float inner) {
            WrappedText(ctx.tr("overview.scenarios"), f.h3, p.heading, inner, 1.3f);
            WrappedText(ctx.tr("overview.scenarios_help"), f.small, p.text_muted, inner, 1.4f);
            for (const auto& sc : m->scenarios) {
                ImGui::PushID(sc.id.c_str());
                Gap(0.6f);
                bool ended = false, open = false;
                int best_score = 0;
                bool any_score = false;
                for (const auto& run : view.runs) {
                    if (run.scenario_id != sc.id) continue;
                    if (run.ended) {
                        ended = true;
                        if (!any_score || run.score > best_score) best_score = run.score;
                        any_score = true;
                    } else {
                        open = true;
                    }
                }
                WrappedText(sc.title.empty() ? sc.id : sc.title, f.bold, p.text, inner, 1.4f);
                std::string st =
                    ended ? ctx.tr.Fmt("overview.scenario_done", {{"score", std::to_string(best_score)}})
                          : (open ? std::string(ctx.tr("overview.scenario_open"))
                                  : std::string(ctx.tr("overview.scenario_new")));
                WrappedText(st, f.small, ended ? learning::SuccessText(p) : p.text_muted, inner, 1.4f);
                Gap(0.3f);
                const char* label =
                    open ? ctx.tr("overview.scenario_continue")
                         : (ended ? ctx.tr("overview.scenario_again") : ctx.tr("overview.scenario_play"));
                if (ActionButton(label, !ended, true, 10.0f))
                    Push(ctx, learning::StartScenario{m->id, sc.id});
                ImGui::PopID();
            }
        });
    }
    WrappedText(ctx.tr.Fmt("overview.pass_rule", {{"pass", learning::FormatScore(ctx.course.pass_mark)}}),
                f.small, p.text_muted, col.width, 1.4f);
    Gap(1.5f);
    EndColumn(col);
}

}  // namespace sinau::ui
