#pragma once
// The window's application object: owns the loaded course, the settings, fonts, theme, router and
// screens, and applies the intents the screens record. It never calls GLFW; RunApp (run_app.cpp)
// drives it with a platform::Window:
//     events().Drain(); NewFrame(); DrawFrame(); Render(); ... ApplyIntents() -> Effects
// Main thread only, except events().Push() which any thread may call.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "ui/admin/admin_controller.hpp"
#include "ui/admin/admin_gate.hpp"
#include "ui/event_queue.hpp"
#include "ui/fonts.hpp"
#include "ui/intent.hpp"
#include "ui/learning/learning_controller.hpp"
#include "ui/route.hpp"
#include "ui/screens/about_screen.hpp"
#include "ui/screens/admin_data_screen.hpp"
#include "ui/screens/class_screen.hpp"
#include "ui/screens/dashboard_screen.hpp"
#include "ui/screens/essay_screen.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/item_analysis_screen.hpp"
#include "ui/screens/learner_module_screen.hpp"
#include "ui/screens/module_screen.hpp"
#include "ui/screens/profile_screen.hpp"
#include "ui/screens/quiz_screen.hpp"
#include "ui/screens/result_screen.hpp"
#include "ui/screens/scenario_screen.hpp"
#include "ui/screens/settings_screen.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/ui_settings.hpp"

namespace sinau::store {
class Database;
}

namespace sinau::ui {

namespace platform {
class TextureCache;
}

struct AppPaths {
    std::filesystem::path content_dir;
    std::filesystem::path assets_dir;  // Markdown images are relative to it
    std::filesystem::path i18n_dir;    // id.toml, en.toml
};

class App {
public:
    // `db` may be null (settings are then kept for this run only). `content_scale` is the monitor's
    // DPI factor; the font size is base * scale setting * content_scale.
    App(content::Course course, AppPaths paths, store::Database* db, UiSettings settings,
        float content_scale);
    ~App();

    // Builds fonts and style. Call once after ImGui::CreateContext, before the first NewFrame; the
    // caller then uploads the font texture (the platform's backend does it on its first NewFrame).
    void Init();

    void DrawFrame();  // between ImGui::NewFrame() and ImGui::Render()

    // What the platform has to do after ApplyIntents.
    struct Effects {
        bool reload_font_texture = false;
        std::optional<bool> fullscreen;
        bool quit = false;
        bool redraw = false;  // something changed: draw a few more frames
    };
    Effects ApplyIntents();  // after ImGui::Render(), outside any Begin/End

    // Direct entry points for command-line options (--module/--page/--present, --screen).
    void Push(Intent intent) { intents_.Push(std::move(intent)); }
    const Route& route() const { return route_; }
    bool presenting() const { return presenting_; }
    const UiSettings& settings() const { return settings_; }
    float content_scale() const { return content_scale_; }
    const content::Course& course() const { return course_; }
    const std::vector<std::string>& startup_problems() const { return problems_; }

    // Reading-progress hook: called after every page the reader shows (see PageChanged).
    void OnPageChanged(std::function<void(const PageChanged&)> listener) {
        page_listeners_.push_back(std::move(listener));
    }
    EventQueue& events() { return events_; }

private:
    void RebuildFontsAndStyle();
    void Apply(const Intent& intent, Effects& effects);
    void DrawScreen(const struct ScreenContext& ctx);
    float Scale() const { return float(settings_.scale_percent) / 100.0f * content_scale_; }

    content::Course course_;
    AppPaths paths_;
    store::Database* db_;
    UiSettings settings_;
    float content_scale_;
    Strings strings_;
    Fonts fonts_;
    Palette palette_{};
    Route route_;
    bool presenting_ = false;
    Intents intents_;
    EventQueue events_;
    std::unique_ptr<platform::TextureCache> textures_;
    std::vector<std::function<void(const PageChanged&)>> page_listeners_;
    std::vector<std::string> problems_;
    std::string status_;  // shown on the settings screen when a save failed
    std::string course_text_;

    HomeScreen home_;
    SettingsScreen settings_screen_;
    ModuleScreen module_;
    AboutScreen about_;

    // The learning loop (issue 5): declared after course_ and db_, which it refers to.
    learning::LearningController learning_{db_, course_};
    ProfileScreen profiles_;
    LearnerModuleScreen overview_;
    QuizScreen quiz_;
    ResultScreen result_;
    ScenarioScreen scenario_;

public:
    learning::LearningController& learning() { return learning_; }

    // Trainer/administrator area (issue 6): the PIN gate every trainer screen goes through
    // (ui/admin/admin_gate.hpp), and the dashboard/exports controller.
    admin::AdminGate& admin_gate() { return admin_gate_; }
    admin::AdminController& admin() { return *admin_; }
    // --screenshot --unlock-for-screenshot only: opens the area without a PIN and runs its queries on
    // the main thread so the picture shows data (run_app.cpp refuses the flag in normal runs).
    void UnlockAdminForScreenshot();

private:
    void ApplyAdmin(const AdminIntent& intent);
    admin::AdminGate admin_gate_;
    std::unique_ptr<admin::AdminController> admin_;  // made in the constructor (needs db_ and course_)
    DashboardScreen dashboard_;
    ItemAnalysisScreen item_analysis_;
    EssayScreen essays_;
    AdminDataScreen admin_data_;

public:
    // Live class, trainer side (issue 7): the controller owning the class server, behind the same gate.
    const live::ClassController& live_class() const { return *class_; }
    // `--class-debug SPEC` (ui/classroom/class_debug.hpp): a loopback-only session for tests/benchmarks.
    Status StartClassDebug(const std::string& spec);
    // Seconds the loop may sleep before the next frame (0: until an event). A running countdown ticks.
    double RedrawInterval() const { return class_->RedrawInterval(); }
    // --screenshot: false until a scripted class (demo=PHASE) reached the phase to show.
    bool ReadyForScreenshot() const { return class_->ReadyForScreenshot(); }

private:
    // Declared after events_ (its wake pushes there), so it is destroyed first: its threads stop before
    // the queue goes.
    std::unique_ptr<live::ClassController> class_;
    ClassScreen class_screen_;
};

}  // namespace sinau::ui
