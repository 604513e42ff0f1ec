#pragma once
// Drawing pieces of the class screens, made for a projector: big text placed in rectangles, the QR
// code, the countdown ring, answer bars, a check mark. Everything is drawn with ImDrawList in pixel
// rectangles the screens compute from the font size; nothing here keeps state. Main thread, inside a
// frame.
#include <imgui.h>

#include <string>
#include <string_view>

#include "classroom/lan.hpp"

namespace sinau::ui::classview {

// Text height when wrapped at `width` (FLT_MAX: one line).
ImVec2 Measure(ImFont* font, float size, std::string_view text, float width = 0.0f);
// Draws `text` wrapped at `width` at `pos`; returns the height used.
float Text(ImDrawList* draw, ImFont* font, float size, ImVec2 pos, ImU32 color, std::string_view text,
           float width = 0.0f);
// One line, horizontally centred on `center_x`.
void TextCentered(ImDrawList* draw, ImFont* font, float size, float center_x, float y, ImU32 color,
                  std::string_view text);

// The QR code with its 4-module quiet zone, white background, dark modules; modules are whole pixels so
// the code stays sharp. Returns the side actually used (<= side).
float Qr(ImDrawList* draw, const classroom::QrMatrix& qr, ImVec2 top_left, float side);

// The countdown: a ring that empties as time runs out and the seconds left in the middle.
void Countdown(ImDrawList* draw, ImVec2 center, float radius, float fraction_left, int seconds, ImFont* font,
               ImU32 ring, ImU32 track, ImU32 text);

// A horizontal bar filled to `fraction` (0..1) with rounded ends.
void Bar(ImDrawList* draw, ImVec2 a, ImVec2 b, float fraction, ImU32 fill, ImU32 track);

// A tick (correct answer) inside the square at `a` with side `side`.
void Tick(ImDrawList* draw, ImVec2 a, float side, ImU32 color, float thickness);

// A filled rounded square with a centred letter ("A", "B", ...): the choice badge.
void Badge(ImDrawList* draw, ImVec2 a, float side, ImU32 fill, ImU32 text_color, ImFont* font,
           std::string_view letter);

// Colours the palette does not have: green for "correct" readable on light and dark backgrounds.
ImU32 CorrectColor(ImU32 background);
ImU32 CorrectTint(ImU32 background);   // a soft green row background
ImU32 Mix(ImU32 a, ImU32 b, float t);  // t = 0: a, 1: b

}  // namespace sinau::ui::classview
