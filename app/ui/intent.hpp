#pragma once
// What a widget asks for. Screens push intents while drawing; App::ApplyIntents() carries them out
// after ImGui::Render(), outside any Begin/End (style.md rule 3): navigation, settings writes to
// SQLite, font rebuilds and fullscreen switches never happen in the middle of a frame.
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ui/admin/admin_intent.hpp"
#include "ui/classroom/class_intent.hpp"
#include "ui/learning/learning_intent.hpp"
#include "ui/route.hpp"
#include "ui/theme.hpp"

namespace sinau::ui {

struct Navigate {
    Route to;
};
// Hook for reading progress: App fires it (App::OnPageChanged listeners) whenever the reader shows
// a different module page, however it got there (button, arrow key, --module/--page, Navigate).
struct PageChanged {
    std::string module;
    int page = 0;  // 0-based
    int page_count = 0;
};
struct ChangeScale {
    int percent = 100;  // 100, 125, 150, 175
};
// The window moved to a monitor with another DPI factor (or start-up guessed it wrong): re-bake fonts.
struct ChangeContentScale {
    float scale = 1.0f;
};
struct ChangeTheme {
    ThemeId theme = ThemeId::Light;
};
struct ChangeLanguage {
    std::string language;  // "id", "en"
};
struct SetPresentation {
    bool on = false;
};
struct Quit {};
// Learner profiles, reading position, quiz and scenario actions (ui/learning/learning_intent.hpp),
// carried out by App's LearningController.
struct LearningIntent {
    learning::Action action;
};

// Trainer/administrator area: dashboard queries, exports, certificates, merges (ui/admin/admin_intent.hpp),
// carried out by App's AdminController, mostly on its worker threads.
struct AdminIntent {
    admin::Action action;
};

// Live class, trainer side: start/stop the server, next/reveal/pause/skip/end
// (ui/classroom/class_intent.hpp), carried out by App's live::ClassController after the frame.
struct ClassIntent {
    live::Action action;
};

using Intent = std::variant<Navigate, PageChanged, ChangeScale, ChangeContentScale, ChangeTheme,
                            ChangeLanguage, SetPresentation, Quit, LearningIntent, AdminIntent, ClassIntent>;

// Collected during one frame, drained by App::ApplyIntents in order.
class Intents {
public:
    // Built in place: no temporary Intent to move (g++ 12 at -O3 warns falsely about moving one).
    template <class T>
    void Push(T&& intent) {
        list_.emplace_back(std::forward<T>(intent));
    }
    std::vector<Intent> Take() { return std::exchange(list_, {}); }
    bool empty() const { return list_.empty(); }

private:
    std::vector<Intent> list_;
};

}  // namespace sinau::ui
