#pragma once
#include "ui/screen_context.hpp"

namespace sinau::ui {

// Pengaturan: display size (100-175 %), colour theme, interface language. Each choice is an intent;
// App applies it after the frame (rebuilds fonts/style) and saves it to the settings table.
struct SettingsScreen {
    void Draw(const ScreenContext& ctx);
};

}  // namespace sinau::ui
