#include "ui/theme.hpp"

#include "ui/fonts.hpp"

namespace sinau::ui {
namespace {

constexpr ImU32 Rgb(unsigned hex, unsigned alpha = 255) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

ImVec4 V(ImU32 c, float alpha = 1.0f) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w *= alpha;
    return v;
}

// Civil-service blue on calm off-white; a warm amber for legal callouts so they stand out without
// alarm. Contrast of text on background is >= 7:1 in every theme.
Palette LightPalette() {
    return Palette{Rgb(0xF4F6F9), Rgb(0xFFFFFF), Rgb(0xEEF3FA), Rgb(0xD5DBE3), Rgb(0x1E2630),
                   Rgb(0x566272), Rgb(0x123A66), Rgb(0x1F5C99), Rgb(0xFFFFFF), Rgb(0x123A66),
                   Rgb(0xFFFFFF), Rgb(0x2B6CB0), Rgb(0xFFF5DC), Rgb(0xD49B0B), Rgb(0x7A4F00),
                   Rgb(0xE9F2FB), Rgb(0xFDECEA), Rgb(0x9B1C1C), Rgb(0xE6EDF6)};
}
Palette DarkPalette() {
    return Palette{Rgb(0x15181D), Rgb(0x1F242B), Rgb(0x28303A), Rgb(0x39414C), Rgb(0xE4E8EE),
                   Rgb(0xA4AEBB), Rgb(0xBCD6F6), Rgb(0x3F83CF), Rgb(0xFFFFFF), Rgb(0x0E2238),
                   Rgb(0xE8EFF8), Rgb(0x2C64A3), Rgb(0x2D2616), Rgb(0xE0A82E), Rgb(0xF2C76B),
                   Rgb(0x1A2836), Rgb(0x3A1E1E), Rgb(0xFFB4B4), Rgb(0x27303B)};
}
Palette HighContrastPalette() {
    return Palette{Rgb(0x000000), Rgb(0x000000), Rgb(0x1C1C1C), Rgb(0xFFFFFF), Rgb(0xFFFFFF),
                   Rgb(0xF0F0F0), Rgb(0xFFFF00), Rgb(0xFFFF00), Rgb(0x000000), Rgb(0x000000),
                   Rgb(0xFFFFFF), Rgb(0xFFFF00), Rgb(0x000000), Rgb(0xFFFF00), Rgb(0xFFFF00),
                   Rgb(0x000000), Rgb(0x000000), Rgb(0xFF9090), Rgb(0x1C1C1C)};
}

}  // namespace

std::string_view ThemeKey(ThemeId theme) {
    switch (theme) {
        case ThemeId::Light:
            return "light";
        case ThemeId::Dark:
            return "dark";
        case ThemeId::HighContrast:
            return "high-contrast";
    }
    return "light";
}

std::optional<ThemeId> ParseTheme(std::string_view key) {
    if (key == "light") return ThemeId::Light;
    if (key == "dark") return ThemeId::Dark;
    if (key == "high-contrast") return ThemeId::HighContrast;
    return std::nullopt;
}

Palette ApplyTheme(ThemeId theme, float scale) {
    const Palette p = theme == ThemeId::Dark           ? DarkPalette()
                      : theme == ThemeId::HighContrast ? HighContrastPalette()
                                                       : LightPalette();
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    // Spacing in units of the base font, so the whole layout grows with the text.
    const float em = kBaseFontPixels;
    style.WindowPadding = ImVec2(em, em);
    style.FramePadding = ImVec2(0.75f * em, 0.4f * em);
    style.ItemSpacing = ImVec2(0.6f * em, 0.5f * em);
    style.ItemInnerSpacing = ImVec2(0.45f * em, 0.3f * em);
    style.CellPadding = ImVec2(0.5f * em, 0.35f * em);
    style.ScrollbarSize = 0.8f * em;
    style.GrabMinSize = 0.8f * em;
    style.WindowRounding = 0.0f;
    style.ChildRounding = 0.45f * em;
    style.FrameRounding = 0.35f * em;
    style.PopupRounding = 0.35f * em;
    style.ScrollbarRounding = 0.4f * em;
    style.GrabRounding = 0.35f * em;
    style.WindowBorderSize = 0.0f;
    style.ChildBorderSize = 1.0f;
    style.FrameBorderSize = theme == ThemeId::HighContrast ? 2.0f : 1.0f;
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    const bool hc = theme == ThemeId::HighContrast;
    c[ImGuiCol_Text] = V(p.text);
    c[ImGuiCol_TextDisabled] = V(p.text_muted);
    c[ImGuiCol_WindowBg] = V(p.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = V(p.surface);
    c[ImGuiCol_Border] = V(p.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = V(p.surface);
    c[ImGuiCol_FrameBgHovered] = V(p.surface_hover);
    c[ImGuiCol_FrameBgActive] = V(p.surface_hover);
    c[ImGuiCol_Button] = hc ? V(p.background) : V(p.accent);
    c[ImGuiCol_ButtonHovered] = hc ? V(p.surface_hover) : V(p.header_active);
    c[ImGuiCol_ButtonActive] = hc ? V(p.surface_hover) : V(p.heading);
    c[ImGuiCol_Header] = V(p.surface_hover);
    c[ImGuiCol_HeaderHovered] = V(p.surface_hover);
    c[ImGuiCol_HeaderActive] = V(p.surface_hover);
    c[ImGuiCol_CheckMark] = V(p.accent);
    c[ImGuiCol_SliderGrab] = V(p.accent);
    c[ImGuiCol_SliderGrabActive] = V(p.header_active);
    c[ImGuiCol_Separator] = V(p.border);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = V(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = V(p.text_muted);
    c[ImGuiCol_ScrollbarGrabActive] = V(p.text_muted);
    c[ImGuiCol_TableHeaderBg] = V(p.table_header_bg);
    c[ImGuiCol_TableBorderStrong] = V(p.border);
    c[ImGuiCol_TableBorderLight] = V(p.border);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = hc ? ImVec4(0, 0, 0, 0) : V(p.surface_hover, 0.55f);
    c[ImGuiCol_NavHighlight] = V(p.accent);
    c[ImGuiCol_TextSelectedBg] = V(p.accent, 0.35f);
    return p;
}

}  // namespace sinau::ui
