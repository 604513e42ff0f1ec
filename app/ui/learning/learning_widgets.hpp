#pragma once
// Drawing pieces shared by the learning screens (profiles, overview, quiz, result, scenario). Pure
// drawing: they return what was clicked and push nothing. Sizes in font units, colours from the palette.
#include <optional>
#include <string>
#include <string_view>

#include <imgui.h>

#include "engine/grading.hpp"
#include "engine/module_progress.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui::learning {

// Green for "right / passed" that stays readable on the theme's background (the palette has no green).
ImU32 SuccessText(const Palette& p);
ImU32 SuccessBg(const Palette& p);
ImU32 WarningBg(const Palette& p);
ImU32 WarningText(const Palette& p);

// "Belum mulai" / "Sedang dipelajari" / "Lulus" as words for a person.
const char* StatusLabel(const ScreenContext& ctx, engine::ModuleStatus status);
// A small rounded label drawn with its top-right corner at `top_right`; returns its width. No layout.
float StatusPill(const ScreenContext& ctx, engine::ModuleStatus status, ImVec2 top_right);
// A pill in the flow (advances the cursor).
void Pill(const char* text, ImU32 bg, ImU32 fg, ImFont* font);

enum class OptionMark { Radio, Check, None };
enum class OptionState { Neutral, Right, Wrong, RightMissed };

// One answer option as a full-width row: a radio circle or check box, the number key that picks it,
// and the option's text wrapped to `width`. Returns true when clicked (and `enabled`).
bool OptionRow(const ScreenContext& ctx, const char* id, OptionMark mark, int number, std::string_view text,
               bool selected, bool focused, OptionState state, bool enabled, float width);

// A wide button whose label wraps (scenario choices, long actions). Returns true when clicked.
bool WrappedButton(const ScreenContext& ctx, const char* id, std::string_view text, bool primary, float width,
                   std::string_view prefix = {});

// A tinted box with a bold title line and wrapped body text (feedback, explanations, errors).
void NoteBox(const ScreenContext& ctx, std::string_view title, std::string_view body, ImU32 bg, ImU32 bar,
             ImU32 title_color, float width);

// A thin progress bar, `fraction` 0..1.
void ProgressBar(const ScreenContext& ctx, float fraction, float width, float height_em = 0.5f);

// The verdict of a graded answer as words + colours.
struct VerdictStyle {
    std::string text;
    ImU32 bg, fg;
};
VerdictStyle StyleFor(const ScreenContext& ctx, engine::Verdict verdict);

// "85" or "72,5" (Indonesian decimal comma).
std::string FormatScore(double percent);

// Vertical space in em.
void Gap(float em);

}  // namespace sinau::ui::learning
