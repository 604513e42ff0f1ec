#include "ui/route.hpp"

namespace sinau::ui {

std::string_view ScreenName(ScreenId screen) {
    switch (screen) {
        case ScreenId::Home:
            return "home";
        case ScreenId::Settings:
            return "settings";
        case ScreenId::Module:
            return "module";
        case ScreenId::About:
            return "about";
        case ScreenId::Profiles:
            return "profiles";
        case ScreenId::Overview:
            return "overview";
        case ScreenId::Quiz:
            return "quiz";
        case ScreenId::Result:
            return "result";
        case ScreenId::Scenario:
            return "scenario";
        case ScreenId::Dashboard:
            return "dashboard";
        case ScreenId::ItemAnalysis:
            return "item-analysis";
        case ScreenId::AdminData:
            return "admin-data";
        case ScreenId::Essays:
            return "essays";
        case ScreenId::Class:
            return "class";
    }
    return "home";
}

std::optional<ScreenId> ParseScreenName(std::string_view name) {
    if (name == "home" || name == "beranda") return ScreenId::Home;
    if (name == "settings" || name == "pengaturan") return ScreenId::Settings;
    if (name == "module" || name == "modul" || name == "reader") return ScreenId::Module;
    if (name == "about" || name == "tentang") return ScreenId::About;
    if (name == "profiles" || name == "profil") return ScreenId::Profiles;
    if (name == "overview" || name == "ikhtisar") return ScreenId::Overview;
    if (name == "quiz") return ScreenId::Quiz;
    if (name == "result" || name == "hasil") return ScreenId::Result;
    if (name == "scenario" || name == "skenario") return ScreenId::Scenario;
    if (name == "dashboard" || name == "dasbor" || name == "admin") return ScreenId::Dashboard;
    if (name == "item-analysis" || name == "analisis-butir") return ScreenId::ItemAnalysis;
    if (name == "admin-data" || name == "data") return ScreenId::AdminData;
    if (name == "essays" || name == "esai") return ScreenId::Essays;
    if (name == "class" || name == "kelas") return ScreenId::Class;
    return std::nullopt;
}

}  // namespace sinau::ui
