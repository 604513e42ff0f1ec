#pragma once
// The module quiz, one question at a time, answerable with mouse or keyboard alone:
//   mc / tf   radio rows            multi   check rows          short / numerical   a text field
//   essay     a multi-line field    match   a combo per left item
//   1–9 pick option n (match: for the focused left item), Tab / Shift+Tab move the focus ring, Space
//   toggles the focused option, Enter gives the answer (latihan: "Periksa", then "Berikutnya"; ujian:
//   "Simpan & lanjut"), Ctrl+Enter in an essay.
// Latihan shows the verdict, the right answer and the feedback (with its legal basis) after each answer
// and locks it; ujian keeps answers editable and shows nothing until "Kirim". Every answer is pushed as
// an AnswerQuestion intent and committed by the store after the frame. Only the draft lives here.
#include <string>

#include "ui/learning/learning_controller.hpp"
#include "ui/screen_context.hpp"
#include "ui/screens/quiz_draft.hpp"

namespace sinau::ui {

struct QuizScreen {
    void Draw(const ScreenContext& ctx, const learning::LearningController& learning);

private:
    void Sync(const learning::QuizSession& s);
    void DrawQuestion(const ScreenContext& ctx, const learning::QuizSession& s, float width);
    void DrawOptions(const ScreenContext& ctx, const learning::QuizSession& s, const learning::QuizItem& item,
                     bool locked, float width);
    void DrawMatch(const ScreenContext& ctx, const learning::QuizItem& item, bool locked, float width);
    void DrawText(const ScreenContext& ctx, const learning::QuizSession& s, const learning::QuizItem& item,
                  bool locked, float width);
    void DrawFeedback(const ScreenContext& ctx, const learning::QuizItem& item, const engine::Grade& grade,
                      float width);
    void DrawConfirm(const ScreenContext& ctx, const learning::QuizSession& s, float width);
    void DrawFooter(const ScreenContext& ctx, const learning::QuizSession& s, float footer_h);
    void HandleKeys(const ScreenContext& ctx, const learning::QuizSession& s);
    // Enter / the primary button: give the answer, go on, or finish.
    void Primary(const ScreenContext& ctx, const learning::QuizSession& s);
    // Commits the draft when it differs from what is stored (ujian edits, text typed but not yet given).
    void CommitDraft(const ScreenContext& ctx, const learning::QuizSession& s, bool advance);
    int DurationMs() const;

    QuizDraft draft_;
    std::string attempt_id_;
    std::string feedback_shown_for_;  // question whose feedback was scrolled into view
    int generation_ = -1;
    int index_ = -1;
    int focus_ = 0;            // focused option / match row
    bool focus_text_ = false;  // give the text field the keyboard on the question's first frame
    bool confirm_submit_ = false;
    bool enter_consumed_ = false;  // a text field took this frame's Enter
    bool essay_active_ = false;    // the essay field had the keyboard last frame
    bool keyboard_used_ = false;   // show the focus ring only to someone using the keyboard
    double shown_at_ = 0.0;
};

}  // namespace sinau::ui
