#pragma once
#include "ui/screen_context.hpp"

namespace sinau::ui {

namespace learning {
class LearningController;
}

// Beranda: the course's modules as cards (title, one-line description, minutes, pages). Broken
// modules stay listed, marked, and their errors appear in the Problems panel below.
struct HomeScreen {
    void Draw(const ScreenContext& ctx);

    // Set by App: the signed-in learner's strip (progress, Lanjutkan, completion) above the cards, a
    // status pill on each card, and a card click opens the module's overview (ui/learning/progress_panel).
    const learning::LearningController* learning = nullptr;
};

}  // namespace sinau::ui
