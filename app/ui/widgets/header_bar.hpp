#pragma once
#include "ui/screen_context.hpp"

namespace sinau::ui {

// The bar across the top: course title on the left, Beranda / Pengaturan / Tentang on the right.
// Pushes Navigate intents. Returns its height in pixels.
float HeaderBar(const ScreenContext& ctx);

}  // namespace sinau::ui
