#pragma once
// A module's page for the signed-in learner (route "overview"): its status, the reading position with
// "Mulai/Lanjutkan membaca", the quiz (mode, pass mark, attempts left, past attempts with their results)
// and each scenario with its state. Every button records a learning intent; nothing is computed here.
#include "ui/learning/learning_controller.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui {

struct LearnerModuleScreen {
    void Draw(const ScreenContext& ctx, const learning::LearningController& learning);
};

}  // namespace sinau::ui
