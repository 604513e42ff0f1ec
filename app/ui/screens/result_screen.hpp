#pragma once
// "Hasil kuis": the score, lulus / belum lulus against the course pass mark, what the module still
// needs, and every question with the learner's answer, the right one and the feedback (with its legal
// basis). Essays waiting for a trainer are marked as such. Reads the controller's ResultView only.
#include "ui/learning/learning_controller.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui {

struct ResultScreen {
    void Draw(const ScreenContext& ctx, const learning::LearningController& learning);

private:
    std::string shown_attempt_;  // scroll back to the top when another result is shown
};

}  // namespace sinau::ui
