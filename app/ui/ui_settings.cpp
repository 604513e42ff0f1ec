#include "ui/ui_settings.hpp"

#include <exception>

#include "store/database.hpp"

namespace sinau::ui {
namespace {

Status Write(store::Database& db, std::string_view key, std::string_view value) {
    try {
        db.SetSetting(key, value);
    } catch (const std::exception& e) {
        return Error{std::string(key) + ": " + e.what()};
    }
    return Success();
}

}  // namespace

Expected<UiSettings> LoadUiSettings(store::Database& db) {
    UiSettings s;
    try {
        if (auto v = db.GetSetting("ui.scale")) {
            for (int choice : kScaleChoices)
                if (*v == std::to_string(choice)) s.scale_percent = choice;
        }
        if (auto v = db.GetSetting("ui.theme"))
            if (auto theme = ParseTheme(*v)) s.theme = *theme;
        if (auto v = db.GetSetting("ui.language"))
            if (*v == "id" || *v == "en") s.language = *v;
    } catch (const std::exception& e) {
        return Error{e.what()};
    }
    return s;
}

Status SaveScale(store::Database& db, int percent) {
    return Write(db, "ui.scale", std::to_string(percent));
}
Status SaveTheme(store::Database& db, ThemeId theme) {
    return Write(db, "ui.theme", ThemeKey(theme));
}
Status SaveLanguage(store::Database& db, const std::string& language) {
    return Write(db, "ui.language", language);
}

}  // namespace sinau::ui
