#pragma once
// Everything a screen may read while drawing, plus the one thing it may write: intents.
// Screens never touch the database, the window or the font atlas directly.
#include <filesystem>

#include "content/model.hpp"
#include "ui/fonts.hpp"
#include "ui/intent.hpp"
#include "ui/route.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/ui_settings.hpp"

namespace sinau::ui {

namespace platform {
class TextureCache;
}

struct ScreenContext {
    const content::Course& course;
    const Strings& tr;
    const Fonts& fonts;
    const Palette& palette;
    const UiSettings& settings;
    const Route& route;
    bool presenting;                          // presentation mode: no chrome, projector fonts (fonts.present)
    const std::filesystem::path& assets_dir;  // where Markdown image paths are resolved
    platform::TextureCache& textures;
    Intents& intents;
    const std::string& status;  // last error to show (e.g. a setting that could not be saved), or ""
};

}  // namespace sinau::ui
