#pragma once
#include "ui/screen_context.hpp"

namespace sinau::ui {

// Tentang: the course's about page (content/tentang.md) and where the material comes from.
struct AboutScreen {
    void Draw(const ScreenContext& ctx);
};

}  // namespace sinau::ui
