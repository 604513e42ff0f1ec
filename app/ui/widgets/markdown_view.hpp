#pragma once
// Draws the blocks of one reading page (content::Document): headings, wrapped paragraphs with
// bold/italic spans, nested bullet and numbered lists, tables, block quotes as a "Dasar hukum"
// callout, images (or a placeholder naming the missing file), rules and code. Pure drawing: it
// reads the page and pushes nothing.
#include <filesystem>
#include <vector>

#include "content/model.hpp"
#include "ui/fonts.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"

namespace sinau::ui {

namespace platform {
class TextureCache;
}

struct MarkdownView {
    const FontSet& fonts;
    const Palette& palette;
    const Strings& tr;
    const std::filesystem::path& assets_dir;
    platform::TextureCache& textures;
    float width;  // the reading column, in pixels
};

void DrawBlocks(const std::vector<content::Block>& blocks, const MarkdownView& view);

// A tinted box with a coloured bar and a small capital label, around whatever `body` draws.
// Used for "Dasar hukum" and for the learning objectives.
template <class Body>
void Callout(const char* label, ImU32 bg, ImU32 bar, ImU32 label_color, ImFont* label_font, float width,
             Body&& body);

// --- implementation of the template -------------------------------------------------------------
void BeginCallout(const char* label, ImU32 label_color, ImFont* label_font, float width);
void EndCallout(ImU32 bg, ImU32 bar, float width);

template <class Body>
void Callout(const char* label, ImU32 bg, ImU32 bar, ImU32 label_color, ImFont* label_font, float width,
             Body&& body) {
    BeginCallout(label, label_color, label_font, width);
    body(width - 2.6f * ImGui::GetFontSize());
    EndCallout(bg, bar, width);
}

}  // namespace sinau::ui
