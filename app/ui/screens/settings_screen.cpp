#include "ui/screens/settings_screen.hpp"

#include <string>

#include "ui/widgets/layout.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {
namespace {

// One setting: a title, a help line, and a row of choices where the current one is filled.
template <class Choices>
void Section(const ScreenContext& ctx, float width, const char* title, const char* help, Choices&& choices) {
    const auto& f = ctx.fonts.normal;
    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawListSplitter splitter;
    splitter.Split(draw, 2);
    splitter.SetCurrentChannel(draw, 1);
    const float pad = 1.2f * em;
    ImGui::SetCursorScreenPos(ImVec2(a.x + pad, a.y + pad));
    ImGui::BeginGroup();
    WrappedText(title, f.h3, ctx.palette.heading, width - 2 * pad, 1.25f);
    if (help) WrappedText(help, f.regular, ctx.palette.text_muted, width - 2 * pad);
    ImGui::Dummy(ImVec2(1, 0.5f * em));
    choices();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    splitter.SetCurrentChannel(draw, 0);
    draw->AddRectFilled(a, ImVec2(a.x + width, bottom), ctx.palette.surface, 0.5f * em);
    draw->AddRect(a, ImVec2(a.x + width, bottom), ctx.palette.border, 0.5f * em);
    splitter.Merge(draw);
    ImGui::SetCursorScreenPos(ImVec2(a.x, bottom + 0.9f * em));
    ImGui::Dummy(ImVec2(width, 0));
}

// Choices sit in one row; the first starts the row at the section's text edge.
bool Choice(const char* label, bool selected, bool first) {
    if (!first) ImGui::SameLine(0, 0.5f * ImGui::GetFontSize());
    return ActionButton(label, selected, true, 7.0f);
}

}  // namespace

void SettingsScreen::Draw(const ScreenContext& ctx) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    ImGui::Dummy(ImVec2(1, 1.2f * em));
    const Column col = BeginColumn(42.0f, 1.5f * em);
    WrappedText(ctx.tr("settings.heading"), f.h1, p.heading, col.width, 1.25f);
    WrappedText(ctx.tr("settings.intro"), f.regular, p.text_muted, col.width);
    if (!ctx.status.empty())
        WrappedText(ctx.tr.Fmt("settings.not_saved", {{"error", ctx.status}}), f.bold, p.error_text,
                    col.width);
    ImGui::Dummy(ImVec2(1, 0.6f * em));

    Section(ctx, col.width, ctx.tr("settings.scale"), ctx.tr("settings.scale_help"), [&] {
        for (int percent : kScaleChoices) {
            const std::string label = std::to_string(percent) + " %";
            if (Choice(label.c_str(), ctx.settings.scale_percent == percent, percent == kScaleChoices[0]) &&
                ctx.settings.scale_percent != percent)
                ctx.intents.Push(ChangeScale{percent});
        }
    });
    Section(ctx, col.width, ctx.tr("settings.theme"), nullptr, [&] {
        const std::pair<ThemeId, const char*> themes[] = {
            {ThemeId::Light, ctx.tr("settings.theme_light")},
            {ThemeId::Dark, ctx.tr("settings.theme_dark")},
            {ThemeId::HighContrast, ctx.tr("settings.theme_contrast")}};
        for (const auto& [theme, label] : themes)
            if (Choice(label, ctx.settings.theme == theme, theme == ThemeId::Light) &&
                ctx.settings.theme != theme)
                ctx.intents.Push(ChangeTheme{theme});
    });
    Section(ctx, col.width, ctx.tr("settings.language"), nullptr, [&] {
        const std::pair<const char*, const char*> languages[] = {{"id", ctx.tr("settings.lang_id")},
                                                                 {"en", ctx.tr("settings.lang_en")}};
        for (const auto& [code, label] : languages)
            if (Choice(label, ctx.settings.language == code, std::string_view(code) == "id") &&
                ctx.settings.language != code)
                ctx.intents.Push(ChangeLanguage{code});
    });
    ImGui::Dummy(ImVec2(1, 0.3f * em));
    WrappedText(ctx.tr("settings.preview"), f.italic, p.text_muted, col.width);
    ImGui::Dummy(ImVec2(1, 1.5f * em));
    EndColumn(col);
}

}  // namespace sinau::ui
