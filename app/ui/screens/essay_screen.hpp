#pragma once
// "Esai belum dinilai" (trainer area): the essay answers waiting for a grade, oldest first. The trainer
// picks one, reads the question and the learner's answer, gives 0–100 % (quick buttons for the common
// steps, or any whole number) and an optional comment, and saves. Listing and grading run in core
// (reports/essay_review.hpp) through AdminController on its workers; the grade updates the learner's
// score and pass state through store::GradeEssay. This screen keeps only what is being typed.
#include <string>

#include "ui/admin/admin_controller.hpp"
#include "ui/admin/admin_gate.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui {

struct EssayScreen {
    void Draw(const ScreenContext& ctx, admin::AdminGate& gate, const admin::AdminController& admin);

private:
    void DrawList(const ScreenContext& ctx, const admin::AdminController& admin, float height);
    void DrawDetail(const ScreenContext& ctx, const admin::AdminController& admin,
                    const reports::UngradedEssay& essay);
    void Select(const reports::UngradedEssay& essay);

    std::string selected_;   // response id shown in the detail pane
    int seen_results_ = -1;  // EssayData::results the selection was made for
    int percent_ = 0;
    bool chosen_ = false;  // a grade was picked for the selected answer
    char comment_[2001] = {};
};

}  // namespace sinau::ui
