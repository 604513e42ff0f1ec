#pragma once
#include "ui/screen_context.hpp"

namespace sinau::ui {

// Lists content problems as "file:line:col: message" in a red-tinted panel, with a sentence telling
// the trainer what to do. Draws nothing when `problems` is empty.
void ProblemsPanel(const ScreenContext& ctx, const Diagnostics& problems, float width);

}  // namespace sinau::ui
