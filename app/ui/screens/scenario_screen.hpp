#pragma once
// A branching scenario played as a story: the passage text, the choices as buttons (or number keys
// 1–9), then the consequence with its "Umpan balik" and the points it earned, a running score, and at
// the ending its explanation and a review of the path taken beside the best path. Each choice is a
// ChooseLink intent committed by the store after the frame.
#include <string>

#include "ui/learning/learning_controller.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui {

struct ScenarioScreen {
    void Draw(const ScreenContext& ctx, const learning::LearningController& learning);

private:
    std::string run_id_;
    size_t steps_ = 0;  // scroll to the top when the story moves on
};

}  // namespace sinau::ui
