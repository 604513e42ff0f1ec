#pragma once
// Colour themes. A Palette holds the app's own colours (header bar, cards, callouts) next to the
// ImGui style colours that ApplyTheme sets; screens read the palette, never hard-code colours.
#include <optional>
#include <string_view>

#include <imgui.h>

namespace sinau::ui {

enum class ThemeId { Light, Dark, HighContrast };
std::string_view ThemeKey(ThemeId theme);  // "light", "dark", "high-contrast" (settings value)
std::optional<ThemeId> ParseTheme(std::string_view key);

struct Palette {
    ImU32 background;
    ImU32 surface;  // cards, panels
    ImU32 surface_hover;
    ImU32 border;
    ImU32 text;
    ImU32 text_muted;
    ImU32 heading;
    ImU32 accent;       // buttons, links, badges
    ImU32 accent_text;  // text on accent
    ImU32 header_bg;    // the top bar
    ImU32 header_text;
    ImU32 header_active;  // the selected tab in the bar
    ImU32 callout_bg;     // "Dasar hukum"
    ImU32 callout_bar;
    ImU32 callout_label;
    ImU32 objectives_bg;
    ImU32 error_bg;
    ImU32 error_text;
    ImU32 table_header_bg;
};

// Resets ImGui's style, applies the theme's colours and spacing, then ScaleAllSizes(scale).
// Call outside a frame.
Palette ApplyTheme(ThemeId theme, float scale);

}  // namespace sinau::ui
