#pragma once
// Small layout helpers shared by screens. Sizes are in multiples of the current font size.
#include <imgui.h>

namespace sinau::ui {

// A centred column of at most `max_em` font sizes (reading text: ~42 em = 80-90 characters).
struct Column {
    float width = 0.0f;
    float offset = 0.0f;
};
// `margin_px` keeps at least that much space on each side when the window is narrow.
Column BeginColumn(float max_em, float margin_px = 0.0f);
void EndColumn(const Column& column);

// A flat button in the accent colour; returns true when clicked. `primary` = filled, else outlined.
bool ActionButton(const char* label, bool primary, bool enabled = true, float min_width_em = 0.0f);

}  // namespace sinau::ui
