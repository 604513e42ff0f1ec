#include "ui/screens/quiz_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

#include "engine/grading.hpp"
#include "ui/learning/learning_widgets.hpp"
#include "ui/learning/widget_dump.hpp"
#include "ui/widgets/layout.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {
namespace {

using content::QuestionType;
using learning::Gap;
using learning::MarkWidget;

void Push(const ScreenContext& ctx, learning::Action action) {
    ctx.intents.Push(LearningIntent{std::move(action)});
}

bool KeyPressed(ImGuiKey key) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false);
}

const char* TypeLabel(const ScreenContext& ctx, QuestionType t) {
    switch (t) {
        case QuestionType::Mc:
            return ctx.tr("quiz.type_mc");
        case QuestionType::Multi:
            return ctx.tr("quiz.type_multi");
        case QuestionType::TrueFalse:
            return ctx.tr("quiz.type_tf");
        case QuestionType::Short:
            return ctx.tr("quiz.type_short");
        case QuestionType::Numerical:
            return ctx.tr("quiz.type_numerical");
        case QuestionType::Match:
            return ctx.tr("quiz.type_match");
        case QuestionType::Essay:
            return ctx.tr("quiz.type_essay");
        case QuestionType::Description:
            return ctx.tr("quiz.type_description");
    }
    return "";
}

bool IsLast(const learning::QuizSession& s) {
    return s.current + 1 >= int(s.items.size());
}

const store::ResponseRecord* Committed(const learning::QuizSession& s, const std::string& question_id) {
    auto it = s.responses.find(question_id);
    return it == s.responses.end() ? nullptr : &it->second;
}

int LeftRows(const content::Question& q) {
    return int(std::count_if(q.pairs.begin(), q.pairs.end(),
                             [](const content::MatchPair& p) { return !p.left.empty(); }));
}

}  // namespace

int QuizScreen::DurationMs() const {
    return int(std::max(0.0, ImGui::GetTime() - shown_at_) * 1000.0);
}

void QuizScreen::Sync(const learning::QuizSession& s) {
    const bool moved = attempt_id_ != s.attempt.id || index_ != s.current;
    if (!moved && generation_ == s.generation) return;
    if (moved) {
        focus_ = 0;
        focus_text_ = true;
        confirm_submit_ = false;
        shown_at_ = ImGui::GetTime();
        ImGui::SetScrollY(0.0f);
    }
    attempt_id_ = s.attempt.id;
    index_ = s.current;
    generation_ = s.generation;
    if (s.items.empty()) return;
    const learning::QuizItem& item = s.items[size_t(s.current)];
    if (const store::ResponseRecord* r = Committed(s, item.question->id))
        draft_ = DraftFrom(*item.question, item.order, r->answer);
    else if (moved)
        draft_ = EmptyDraft(*item.question, item.order);
}

void QuizScreen::CommitDraft(const ScreenContext& ctx, const learning::QuizSession& s, bool advance) {
    if (s.items.empty()) return;
    const learning::QuizItem& item = s.items[size_t(s.current)];
    const store::ResponseRecord* committed = Committed(s, item.question->id);
    if (s.rules.answer_locked_once_given && committed) return;
    const auto answer = AnswerFrom(*item.question, item.order, draft_);
    if (!answer) return;
    if (committed && committed->answer == *answer) return;
    Push(ctx, learning::AnswerQuestion{item.question->id, *answer, DurationMs(), advance});
}

void QuizScreen::Primary(const ScreenContext& ctx, const learning::QuizSession& s) {
    if (s.items.empty()) return;
    const learning::QuizItem& item = s.items[size_t(s.current)];
    const store::ResponseRecord* committed = Committed(s, item.question->id);
    const bool all_answered = s.AnsweredScored() >= s.ScoredCount();
    if (s.rules.answer_locked_once_given) {  // latihan: give the answer, then read the feedback, then go on
        if (!committed) {
            if (auto answer = AnswerFrom(*item.question, item.order, draft_))
                Push(ctx, learning::AnswerQuestion{item.question->id, *answer, DurationMs(),
                                                   item.question->type == QuestionType::Description});
            return;
        }
        if (!IsLast(s))
            Push(ctx, learning::GoToQuestion{s.current + 1});
        else if (all_answered)
            Push(ctx, learning::SubmitQuiz{});
        else
            confirm_submit_ = true;
        return;
    }
    // ujian: store what is there (answers may change until "Kirim"), go on; the last asks to send.
    CommitDraft(ctx, s, !IsLast(s));
    const auto answer = AnswerFrom(*item.question, item.order, draft_);
    const bool changed = answer && (!committed || committed->answer != *answer);
    if (IsLast(s))
        confirm_submit_ = true;
    else if (!changed)
        Push(ctx, learning::GoToQuestion{s.current + 1});
}

void QuizScreen::Draw(const ScreenContext& ctx, const learning::LearningController& learning) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    const learning::QuizSession* s = learning.quiz();
    if (!s || s->items.empty()) {
        Gap(1.5f);
        const Column col = BeginColumn(42.0f, 1.5f * em);
        WrappedText(learning.error().empty() ? ctx.tr("quiz.none") : learning.error(), f.regular, p.text,
                    col.width);
        Gap(0.8f);
        if (ActionButton((std::string("\xE2\x86\x90  ") + ctx.tr("nav.home")).c_str(), false))
            ctx.intents.Push(Navigate{Route{ScreenId::Home, {}, 0}});
        EndColumn(col);
        return;
    }
    enter_consumed_ = false;
    const float footer_h = 4.2f * em;
    ImGui::BeginChild("##quiz", ImVec2(0, -footer_h), false, ImGuiWindowFlags_NoNavInputs);
    Sync(*s);  // inside the child, so a new question scrolls this region back to the top
    Gap(1.0f);
    const Column col = BeginColumn(44.0f, 1.5f * em);

    // Heading: where this quiz belongs, which mode, how far.
    if (ActionButton((std::string("\xE2\x86\x90  ") + ctx.tr("quiz.leave")).c_str(), false)) {
        CommitDraft(ctx, *s, false);
        Push(ctx, learning::OpenOverview{s->module->id});
    }
    MarkWidget("quiz.leave");
    Gap(0.7f);
    const ImVec2 head = ImGui::GetCursorScreenPos();
    WrappedText(ctx.tr.Fmt("quiz.heading", {{"title", s->module->title}}), f.small, p.text_muted,
                col.width - 10.0f * em, 1.3f);
    {
        const bool ujian = s->attempt.mode == content::QuizMode::Ujian;
        const char* mode = ujian ? ctx.tr("quiz.mode_ujian") : ctx.tr("quiz.mode_latihan");
        const ImVec2 ms = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, mode);
        ImGui::SetCursorScreenPos(ImVec2(head.x + col.width - ms.x - 1.2f * em, head.y));
        learning::Pill(mode, ujian ? learning::WarningBg(p) : p.objectives_bg,
                       ujian ? learning::WarningText(p) : p.accent, f.small);
        ImGui::SetCursorScreenPos(ImVec2(head.x, ImGui::GetCursorScreenPos().y));
    }
    Gap(0.4f);

    // Question dots: answered ones filled (latihan: green/red by verdict), the current one ringed.
    {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float box = 1.9f * em, gap = 0.35f * em;
        const int per_row = std::max(1, int((col.width + gap) / (box + gap)));
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        for (int i = 0; i < int(s->items.size()); ++i) {
            const auto& q = *s->items[size_t(i)].question;
            const ImVec2 a(origin.x + float(i % per_row) * (box + gap),
                           origin.y + float(i / per_row) * (box + gap));
            const ImVec2 b(a.x + box, a.y + box);
            ImGui::SetCursorScreenPos(a);
            ImGui::PushID(i);
            const bool clicked = ImGui::InvisibleButton("##dot", ImVec2(box, box));
            const bool hovered = ImGui::IsItemHovered();
            ImGui::PopID();
            if (clicked && i != s->current) {
                CommitDraft(ctx, *s, false);
                Push(ctx, learning::GoToQuestion{i});
            }
            ImU32 bg = hovered ? p.surface_hover : p.surface, ink = p.text_muted;
            if (s->Answered(q.id)) {
                bg = p.accent, ink = p.accent_text;
                if (auto g = s->shown.find(q.id); g != s->shown.end()) {
                    if (g->second.verdict == engine::Verdict::Benar)
                        bg = learning::SuccessText(p);
                    else if (g->second.verdict == engine::Verdict::Salah)
                        bg = p.error_text;
                    else if (g->second.verdict == engine::Verdict::Sebagian)
                        bg = learning::WarningText(p);
                }
            }
            draw->AddRectFilled(a, b, bg, 0.3f * em);
            draw->AddRect(a, b, i == s->current ? p.heading : p.border, 0.3f * em, 0,
                          i == s->current ? 2.5f : 1.0f);
            const std::string n = std::to_string(i + 1);
            const ImVec2 ts = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, n.c_str());
            draw->AddText(f.small, f.small->FontSize,
                          ImVec2((a.x + b.x - ts.x) * 0.5f, (a.y + b.y - ts.y) * 0.5f), ink, n.c_str());
        }
        const int rows = (int(s->items.size()) + per_row - 1) / per_row;
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + float(rows) * (box + gap)));
        ImGui::Dummy(ImVec2(col.width, 0));
    }
    Gap(0.8f);
    if (!s->error.empty()) {
        learning::NoteBox(ctx, ctx.tr("learn.error_title"), s->error, p.error_bg, p.error_text, p.error_text,
                          col.width);
        Gap(0.6f);
    } else if (!learning.error().empty()) {
        learning::NoteBox(ctx, ctx.tr("learn.error_title"), learning.error(), p.error_bg, p.error_text,
                          p.error_text, col.width);
        Gap(0.6f);
    }
    if (confirm_submit_)
        DrawConfirm(ctx, *s, col.width);
    else
        DrawQuestion(ctx, *s, col.width);
    Gap(1.5f);
    EndColumn(col);
    ImGui::EndChild();
    DrawFooter(ctx, *s, footer_h);
    HandleKeys(ctx, *s);
}

void QuizScreen::DrawQuestion(const ScreenContext& ctx, const learning::QuizSession& s, float width) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const learning::QuizItem& item = s.items[size_t(s.current)];
    const content::Question& q = *item.question;
    const store::ResponseRecord* committed = Committed(s, q.id);
    const bool locked = s.rules.answer_locked_once_given && committed;

    WrappedText(ctx.tr.Fmt("quiz.position", {{"n", std::to_string(s.current + 1)},
                                             {"total", std::to_string(s.items.size())}}) +
                    "  \xC2\xB7  " + TypeLabel(ctx, q.type),
                f.small, p.accent, width, 1.4f);
    Gap(0.2f);
    std::string stem = q.stem;
    if (!q.stem_after.empty()) stem += " ________ " + q.stem_after;
    WrappedText(stem, q.type == QuestionType::Description ? f.regular : f.h3,
                q.type == QuestionType::Description ? p.text : p.heading, width, 1.4f);
    Gap(0.9f);

    switch (q.type) {
        case QuestionType::Mc:
        case QuestionType::Multi:
        case QuestionType::TrueFalse:
            DrawOptions(ctx, s, item, locked, width);
            break;
        case QuestionType::Match:
            DrawMatch(ctx, item, locked, width);
            break;
        case QuestionType::Short:
        case QuestionType::Numerical:
        case QuestionType::Essay:
            DrawText(ctx, s, item, locked, width);
            break;
        case QuestionType::Description:
            break;
    }
    if (q.type != QuestionType::Description && !locked) {
        Gap(0.5f);
        WrappedText(
            ctx.tr(q.type == QuestionType::Essay                                          ? "quiz.keys_essay"
                   : (q.type == QuestionType::Short || q.type == QuestionType::Numerical) ? "quiz.keys_text"
                   : q.type == QuestionType::Match                                        ? "quiz.keys_match"
                                                   : "quiz.keys_choice"),
            f.small, p.text_muted, width, 1.4f);
    }
    if (locked && q.type != QuestionType::Description)
        if (auto g = s.shown.find(q.id); g != s.shown.end()) {
            Gap(0.9f);
            const float top = ImGui::GetCursorScreenPos().y;
            DrawFeedback(ctx, item, g->second, width);
            // On a 768-pixel screen the feedback of a long question starts below the fold: bring it into
            // view once, without scrolling its first line out at the top.
            if (feedback_shown_for_ != q.id) {
                feedback_shown_for_ = q.id;
                const float em = ImGui::GetFontSize();
                const float bottom = ImGui::GetCursorScreenPos().y;
                const float win_top = ImGui::GetWindowPos().y,
                            win_bottom = win_top + ImGui::GetWindowHeight();
                const float delta = std::min(bottom - win_bottom + em, top - win_top - em);
                if (delta > 0) ImGui::SetScrollY(ImGui::GetScrollY() + delta);
            }
        }
    if (!s.rules.answer_locked_once_given && committed && q.type != QuestionType::Description) {
        Gap(0.5f);
        WrappedText(ctx.tr("quiz.saved"), f.small, learning::SuccessText(p), width, 1.4f);
    }
}

void QuizScreen::DrawOptions(const ScreenContext& ctx, const learning::QuizSession& s,
                             const learning::QuizItem& item, bool locked, float width) {
    const content::Question& q = *item.question;
    const float em = ImGui::GetFontSize();
    const int count = OptionCount(q, item.order);
    const bool show_key = locked && s.rules.right_answer_after_each_answer;
    for (int d = 0; d < count; ++d) {
        std::string text;
        bool selected = false;
        learning::OptionState state = learning::OptionState::Neutral;
        if (q.type == QuestionType::TrueFalse) {
            const bool value = d == 0;
            text = value ? ctx.tr("quiz.answer_true") : ctx.tr("quiz.answer_false");
            selected = draft_.tf && *draft_.tf == value;
            if (show_key) {
                if (value == q.tf_answer)
                    state = selected ? learning::OptionState::Right : learning::OptionState::RightMissed;
                else if (selected)
                    state = learning::OptionState::Wrong;
            }
        } else {
            const int original = OriginalIndex(item.order, d);
            if (original < 0 || original >= int(q.choices.size())) continue;
            text = q.choices[size_t(original)].text;
            selected = q.type == QuestionType::Mc
                           ? draft_.choice == d
                           : (d < int(draft_.picked.size()) && draft_.picked[size_t(d)]);
            if (show_key) {
                const double frac = q.choices[size_t(original)].fraction;
                if (frac > 0)
                    state = selected ? learning::OptionState::Right : learning::OptionState::RightMissed;
                else if (selected)
                    state = learning::OptionState::Wrong;
            }
        }
        ImGui::PushID(d);
        const bool clicked = learning::OptionRow(
            ctx, "row",
            q.type == QuestionType::Multi ? learning::OptionMark::Check : learning::OptionMark::Radio,
            d < 9 ? d + 1 : 0, text, selected, keyboard_used_ && focus_ == d && !locked, state, !locked,
            width);
        ImGui::PopID();
        MarkWidget("quiz.option." + std::to_string(d + 1));
        if (clicked) {
            focus_ = d;
            PickOption(q, item.order, draft_, d + 1, 0);
            if (!s.rules.answer_locked_once_given) CommitDraft(ctx, s, false);  // ujian: every pick is given
        }
        Gap(0.45f);
    }
    (void)em;
}

void QuizScreen::DrawMatch(const ScreenContext& ctx, const learning::QuizItem& item, bool locked,
                           float width) {
    const content::Question& q = *item.question;
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    const float left_w = width * 0.42f, gap = 1.0f * em, right_w = width - left_w - gap;
    const int count = OptionCount(q, item.order);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    int row = -1;
    for (size_t i = 0; i < q.pairs.size(); ++i) {
        if (q.pairs[i].left.empty()) continue;
        ++row;
        ImGui::PushID(int(i));
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImGui::BeginGroup();
        WrappedText(std::to_string(row + 1) + ".  " + q.pairs[i].left, f.regular, p.text, left_w, 1.4f);
        ImGui::EndGroup();
        const float text_bottom = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(a.x + left_w + gap, a.y));
        const int chosen = i < draft_.pairs.size() ? draft_.pairs[i] : -1;
        const int original = OriginalIndex(item.order, chosen);
        const std::string preview = (original >= 0 && original < int(q.pairs.size()))
                                        ? q.pairs[size_t(original)].right
                                        : std::string(ctx.tr("quiz.match_pick"));
        ImGui::SetNextItemWidth(right_w);
        if (locked) ImGui::BeginDisabled();
        if (ImGui::BeginCombo("##right", preview.c_str())) {
            for (int d = 0; d < count; ++d) {
                const int o = OriginalIndex(item.order, d);
                if (o < 0 || o >= int(q.pairs.size())) continue;
                ImGui::PushID(d);
                const std::string label =
                    (d < 9 ? std::to_string(d + 1) + ".  " : std::string()) + q.pairs[size_t(o)].right;
                if (ImGui::Selectable(label.c_str(), chosen == d)) {
                    PickOption(q, item.order, draft_, d + 1, row);
                    focus_ = row;
                }
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        if (locked) ImGui::EndDisabled();
        MarkWidget("quiz.match." + std::to_string(row + 1));
        const float bottom = std::max(text_bottom, ImGui::GetItemRectMax().y);
        if (locked) {  // latihan, answered: mark each pairing right or wrong
            const bool right = original >= 0 && q.pairs[size_t(original)].right == q.pairs[i].right;
            draw->AddRectFilled(ImVec2(a.x - 0.6f * em, a.y), ImVec2(a.x - 0.3f * em, bottom),
                                right ? learning::SuccessText(p) : p.error_text);
        } else if (focus_ == row && keyboard_used_) {
            draw->AddRect(ImVec2(a.x - 0.4f * em, a.y - 0.3f * em),
                          ImVec2(a.x + width + 0.2f * em, bottom + 0.3f * em), p.accent, 0.3f * em, 0, 2.0f);
        }
        ImGui::SetCursorScreenPos(ImVec2(a.x, bottom));
        ImGui::Dummy(ImVec2(width, 0));
        Gap(0.8f);
        ImGui::PopID();
    }
    // The right-hand sides with their numbers, so keys 1-9 can be used without opening a list.
    if (!locked) {
        WrappedText(ctx.tr("quiz.match_options"), f.small, p.text_muted, width, 1.4f);
        for (int d = 0; d < count && d < 9; ++d) {
            const int o = OriginalIndex(item.order, d);
            if (o < 0 || o >= int(q.pairs.size())) continue;
            WrappedText(std::to_string(d + 1) + ".  " + q.pairs[size_t(o)].right, f.small, p.text, width,
                        1.4f);
        }
    }
}

void QuizScreen::DrawText(const ScreenContext& ctx, const learning::QuizSession& s,
                          const learning::QuizItem& item, bool locked, float width) {
    const content::Question& q = *item.question;
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    if (locked) {
        learning::NoteBox(ctx, ctx.tr("quiz.your_answer"), draft_.text, p.surface, p.border, p.text_muted,
                          width);
        return;
    }
    ImGui::PushFont(f.regular);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.6f * em, 0.5f * em));
    if (focus_text_) ImGui::SetKeyboardFocusHere();
    bool enter = false;
    if (q.type == QuestionType::Essay) {
        // Enter makes a new paragraph; Ctrl+Enter gives the essay (the field was active until then).
        const bool was_active = essay_active_;
        ImGui::InputTextMultiline("##essay", &draft_.text, ImVec2(width, 9.0f * em));
        essay_active_ = ImGui::IsItemActive();
        enter = was_active && ImGui::GetIO().KeyCtrl &&
                (KeyPressed(ImGuiKey_Enter) || KeyPressed(ImGuiKey_KeyPadEnter));
    } else {
        ImGui::SetNextItemWidth(q.type == QuestionType::Numerical ? std::min(width, 16.0f * em)
                                                                  : std::min(width, 30.0f * em));
        enter = ImGui::InputTextWithHint("##text", ctx.tr("quiz.text_hint"), &draft_.text,
                                         ImGuiInputTextFlags_EnterReturnsTrue);
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
    MarkWidget("quiz.text");
    focus_text_ = false;
    if (q.type == QuestionType::Numerical) {
        Gap(0.3f);
        WrappedText(ctx.tr("quiz.number_help"), f.small, p.text_muted, width, 1.4f);
    }
    if (enter) {
        enter_consumed_ = true;
        Primary(ctx, s);
    }
}

void QuizScreen::DrawFeedback(const ScreenContext& ctx, const learning::QuizItem& item,
                              const engine::Grade& grade, float width) {
    const content::Question& q = *item.question;
    const learning::VerdictStyle style = learning::StyleFor(ctx, grade.verdict);
    std::string body;
    auto para = [&body](const std::string& s) {
        if (s.empty()) return;
        if (!body.empty()) body += "\n\n";
        body += s;
    };
    if (q.type == QuestionType::Essay) para(ctx.tr("quiz.essay_saved"));
    const std::string right = engine::RightAnswerText(q);
    if (!right.empty() && grade.verdict != engine::Verdict::Benar)
        para(ctx.tr.Fmt("quiz.right_answer", {{"answer", right}}));
    for (const auto& line : grade.feedback) para(line);
    if (!grade.general_feedback.empty())
        para(ctx.tr.Fmt("quiz.explanation", {{"text", grade.general_feedback}}));
    learning::NoteBox(ctx, style.text, body, style.bg, style.fg, style.fg, width);
}

void QuizScreen::DrawConfirm(const ScreenContext& ctx, const learning::QuizSession& s, float width) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    WrappedText(ctx.tr("quiz.confirm_heading"), f.h2, p.heading, width, 1.3f);
    Gap(0.4f);
    const int answered = s.AnsweredScored(), total = s.ScoredCount();
    WrappedText(
        ctx.tr.Fmt("quiz.confirm_count", {{"n", std::to_string(answered)}, {"total", std::to_string(total)}}),
        f.regular, p.text, width);
    if (answered < total)
        WrappedText(ctx.tr("quiz.confirm_missing"), f.regular, learning::WarningText(p), width);
    WrappedText(ctx.tr("quiz.confirm_final"), f.regular, p.text_muted, width);
    Gap(0.9f);
    if (ActionButton(ctx.tr("quiz.confirm_yes"), true, true, 10.0f)) Push(ctx, learning::SubmitQuiz{});
    MarkWidget("quiz.confirm.yes");
    ImGui::SameLine();
    if (ActionButton(ctx.tr("quiz.confirm_back"), false)) confirm_submit_ = false;
}

void QuizScreen::DrawFooter(const ScreenContext& ctx, const learning::QuizSession& s, float footer_h) {
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    draw->AddLine(start, ImVec2(start.x + width, start.y), p.border, 1.0f);
    const float y = start.y + (footer_h - ImGui::GetFrameHeight()) * 0.5f;
    const float side = 2.0f * em;

    ImGui::SetCursorScreenPos(ImVec2(start.x + side, y));
    if (!confirm_submit_ && ActionButton((std::string("\xE2\x86\x90  ") + ctx.tr("quiz.prev")).c_str(), false,
                                         s.current > 0, 9.0f)) {
        CommitDraft(ctx, s, false);
        Push(ctx, learning::GoToQuestion{s.current - 1});
    }

    // Centre: how many answered.
    const std::string progress = ctx.tr.Fmt("quiz.answered", {{"n", std::to_string(s.AnsweredScored())},
                                                              {"total", std::to_string(s.ScoredCount())}});
    ImFont* bold = ctx.fonts.normal.bold;
    const ImVec2 ps = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, progress.c_str());
    draw->AddText(bold, bold->FontSize,
                  ImVec2(start.x + (width - ps.x) * 0.5f, start.y + (footer_h - ps.y) * 0.5f), p.text,
                  progress.c_str());

    if (confirm_submit_) {
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + footer_h));
        ImGui::Dummy(ImVec2(0, 0));
        return;
    }
    const learning::QuizItem& item = s.items[size_t(s.current)];
    const store::ResponseRecord* committed = Committed(s, item.question->id);
    std::string label;
    bool enabled = true;
    if (s.rules.answer_locked_once_given) {
        if (!committed) {
            label = item.question->type == QuestionType::Description
                        ? std::string(ctx.tr("quiz.continue")) + "  \xE2\x86\x92"
                        : std::string(ctx.tr("quiz.check"));
            enabled = AnswerFrom(*item.question, item.order, draft_).has_value();
        } else {
            label = IsLast(s) ? std::string(ctx.tr("quiz.finish"))
                              : std::string(ctx.tr("quiz.next")) + "  \xE2\x86\x92";
        }
    } else {
        label = IsLast(s) ? std::string(ctx.tr("quiz.send"))
                          : std::string(ctx.tr("quiz.save_next")) + "  \xE2\x86\x92";
    }
    const float label_w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, label.c_str()).x +
                          2.0f * ImGui::GetStyle().FramePadding.x;
    const float w = std::max(11.0f * em, label_w);
    ImGui::SetCursorScreenPos(ImVec2(start.x + width - side - w, y));
    if (ActionButton(label.c_str(), true, enabled, 11.0f)) Primary(ctx, s);
    MarkWidget("quiz.primary");
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + footer_h));
    ImGui::Dummy(ImVec2(0, 0));
}

void QuizScreen::HandleKeys(const ScreenContext& ctx, const learning::QuizSession& s) {
    ImGuiIO& io = ImGui::GetIO();
    const bool enter = KeyPressed(ImGuiKey_Enter) || KeyPressed(ImGuiKey_KeyPadEnter);
    if (confirm_submit_) {
        if (enter) Push(ctx, learning::SubmitQuiz{});
        if (KeyPressed(ImGuiKey_Escape)) confirm_submit_ = false;
        return;
    }
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    const learning::QuizItem& item = s.items[size_t(s.current)];
    const content::Question& q = *item.question;
    const bool locked = s.rules.answer_locked_once_given && Committed(s, q.id);
    const int rows = q.type == QuestionType::Match ? LeftRows(q) : OptionCount(q, item.order);

    if (!locked) {
        bool picked = false;
        for (ImWchar c : io.InputQueueCharacters)
            if (c >= '1' && c <= '9') {
                const int n = int(c - '0');
                if (PickOption(q, item.order, draft_, n, focus_)) {
                    picked = true;
                    if (q.type == QuestionType::Match)
                        focus_ = std::min(focus_ + 1, std::max(0, rows - 1));
                    else
                        focus_ = n - 1;
                }
            }
        if (KeyPressed(ImGuiKey_Space) && rows > 0 && q.type != QuestionType::Match)
            picked |= PickOption(q, item.order, draft_, focus_ + 1, 0);
        if (picked && !s.rules.answer_locked_once_given) CommitDraft(ctx, s, false);
        if (KeyPressed(ImGuiKey_Tab) && rows > 0) {
            // The first Tab shows the focus ring where it is; later ones move it.
            if (keyboard_used_) focus_ = (focus_ + (io.KeyShift ? rows - 1 : 1)) % rows;
            picked = true;
        }
        keyboard_used_ |= picked;
    }
    if (enter && !enter_consumed_) Primary(ctx, s);
}

}  // namespace sinau::ui
