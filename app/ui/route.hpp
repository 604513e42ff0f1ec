#pragma once
// Where the user is: one screen plus, for the reader, which module page. Adding a screen means a
// new ScreenId here, its name in route.cpp, and a case in App::DrawScreen (app/ui/README.md).
#include <optional>
#include <string>
#include <string_view>

namespace sinau::ui {

enum class ScreenId {
    Home,
    Settings,
    Module,
    About,
    Profiles,
    Overview,
    Quiz,
    Result,
    Scenario,
    Dashboard,
    ItemAnalysis,
    AdminData,
    Essays,  // trainer area: ui/admin/
    Class
};  // live class, trainer side: ui/classroom/, screens/class_*

struct Route {
    ScreenId screen = ScreenId::Home;
    std::string module;  // Module: the module id
    int page = 0;        // Module: 0-based page index

    bool operator==(const Route&) const = default;
};

std::string_view ScreenName(ScreenId screen);                    // "home", "settings", "module", "about"
std::optional<ScreenId> ParseScreenName(std::string_view name);  // also accepts "tentang", "pengaturan"

}  // namespace sinau::ui
