#pragma once
#include <string>

#include "ui/screen_context.hpp"

namespace sinau::ui {

// The reader: one `##` page of a module at a time, like slides. Sebelumnya/Berikutnya buttons,
// Left/Right (and PageUp/PageDown) keys, "Halaman 2 dari 6"; the objectives on the first page.
// F5 toggles presentation mode (same page, full screen, projector fonts); Esc leaves it.
// Page changes are Navigate intents; App turns them into PageChanged for progress tracking.
struct ModuleScreen {
    void Draw(const ScreenContext& ctx);

private:
    // Ephemeral: which page was drawn last, to scroll back to the top when the page changes.
    std::string shown_module_;
    int shown_page_ = -1;
};

}  // namespace sinau::ui
