#pragma once
// The three settings the window owns (scale, theme, language), read from and written to the
// store's settings table. Values in the DB are plain strings so a CLI or an older Sinau can read them.
#include <string>

#include "ui/theme.hpp"
#include "util/expected.hpp"

namespace sinau::store {
class Database;
}

namespace sinau::ui {

struct UiSettings {
    int scale_percent = 100;  // 100, 125, 150, 175
    ThemeId theme = ThemeId::Light;
    std::string language = "id";  // "id" or "en"
};

inline constexpr int kScaleChoices[] = {100, 125, 150, 175};

// Unknown or malformed stored values fall back to the defaults (a hand-edited DB never stops the
// app from starting). Returns an Error only when the database cannot be read at all.
Expected<UiSettings> LoadUiSettings(store::Database& db);
// Writes one setting (commits immediately). Error when the write fails (disk full, read-only).
Status SaveScale(store::Database& db, int percent);
Status SaveTheme(store::Database& db, ThemeId theme);
Status SaveLanguage(store::Database& db, const std::string& language);

}  // namespace sinau::ui
