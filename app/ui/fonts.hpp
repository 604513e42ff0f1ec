#pragma once
// The fonts of the UI, baked into ImGui's atlas at the pixel size they are shown (never
// io.FontGlobalScale: it blurs). Call BuildFonts outside NewFrame()..Render(); then the platform
// must re-upload the font texture (platform::Window::ReloadFontTexture).
#include <string>

#include <imgui.h>

namespace sinau::ui {

// One family at one set of sizes: body faces for Markdown spans, bold faces for headings.
struct FontSet {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* italic = nullptr;
    ImFont* bold_italic = nullptr;
    ImFont* h1 = nullptr;  // page titles
    ImFont* h2 = nullptr;
    ImFont* h3 = nullptr;
    ImFont* small = nullptr;  // labels, captions

    ImFont* Body(bool bold_style, bool italic_style) const;
};

struct Fonts {
    FontSet normal;   // reading at the desk: base ~17 px at 100 %
    FontSet present;  // projector: same faces ~1.75x; only built while presenting (saves memory)
    bool has_present = false;
    bool ttf_found = false;
    std::string regular_file;  // the TTF in use, "" when ImGui's built-in font is used
    ImVector<ImWchar> ranges;  // must outlive the atlas build (ImFontConfig keeps a pointer)
};

constexpr float kBaseFontPixels = 17.0f;  // fits a 1366x768 laptop at 100 %

// Clears io.Fonts and bakes every face at round(size * scale). `text` lists every character the
// fonts must hold (UI catalogs + loaded course); Latin-1 and common typographic punctuation are
// always included. Looks for Noto Sans, then DejaVu Sans, then Liberation Sans; when none is
// installed it falls back to ImGui's built-in font and says so once on stderr.
void BuildFonts(Fonts& fonts, float scale, const std::string& text, bool with_present);

}  // namespace sinau::ui
