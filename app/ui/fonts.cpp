#include "ui/fonts.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

namespace sinau::ui {
namespace {

struct Family {
    const char* regular;
    const char* bold;
    const char* italic;
    const char* bold_italic;
};

// Looked up at run time so a machine without Noto still gets a real TTF. Paths are Debian's.
const Family kFamilies[] = {
    {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
     "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf",
     "/usr/share/fonts/truetype/noto/NotoSans-BoldItalic.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf"},
    {"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-BoldItalic.ttf"},
};
// Noto Sans has no arrows or geometric shapes; DejaVu fills them in (merged into the regular face).
const char* kSymbolFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const ImWchar kSymbolRanges[] = {0x2190, 0x21FF, 0x25A0, 0x25FF, 0};

bool Exists(const char* path) {
    std::error_code ec;
    return path && std::filesystem::is_regular_file(path, ec);
}

const char* Or(const char* wanted, const char* fallback) {
    return Exists(wanted) ? wanted : fallback;
}

// Each TTF is read once per build and shared by every size baked from it (the atlas does not own
// the bytes). Once the atlas is baked the bytes are dropped: 2.9 MB of Noto and DejaVu would
// otherwise stay resident for nothing. A rebuild (scale, language) reads them again.
using FontFiles = std::map<std::string, std::vector<char>>;

std::vector<char>& FileBytes(FontFiles& files, const char* file) {
    auto it = files.find(file);
    if (it == files.end()) {
        std::vector<char> bytes;
        std::ifstream in(file, std::ios::binary | std::ios::ate);
        if (in) {
            bytes.resize(std::size_t(in.tellg()));
            in.seekg(0);
            if (!in.read(bytes.data(), std::streamsize(bytes.size()))) bytes.clear();
        }
        it = files.emplace(file, std::move(bytes)).first;
    }
    return it->second;
}

ImFont* AddTtf(FontFiles& files, const char* file, float pixels, ImFontConfig& config,
               const ImWchar* ranges) {
    std::vector<char>& bytes = FileBytes(files, file);
    if (bytes.empty()) return nullptr;
    config.FontDataOwnedByAtlas = false;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(bytes.data(), int(bytes.size()), pixels, &config,
                                                      ranges);
}

ImFont* Add(FontFiles& files, const char* file, float pixels, const ImWchar* ranges, bool merge_symbols) {
    ImFontConfig config;
    // Horizontal oversampling sharpens small text; big projector text does not need it.
    config.OversampleH = pixels < 26.0f ? 2 : 1;
    config.OversampleV = 1;
    ImFont* font = AddTtf(files, file, std::round(pixels), config, ranges);
    if (font && merge_symbols && Exists(kSymbolFont) && std::string(file) != kSymbolFont) {
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.OversampleH = config.OversampleH;
        merge.OversampleV = 1;
        AddTtf(files, kSymbolFont, std::round(pixels), merge, kSymbolRanges);
    }
    return font;
}

void AddSet(FontFiles& files, FontSet& set, const Family& family, float pixels, const ImWchar* ranges) {
    const char* bold = Or(family.bold, family.regular);
    const char* italic = Or(family.italic, family.regular);
    const char* bold_italic = Or(family.bold_italic, bold);
    set.regular = Add(files, family.regular, pixels, ranges, true);
    set.bold = Add(files, bold, pixels, ranges, true);
    set.italic = Add(files, italic, pixels, ranges, false);
    set.bold_italic = Add(files, bold_italic, pixels, ranges, false);
    set.h1 = Add(files, bold, pixels * 1.65f, ranges, false);
    set.h2 = Add(files, bold, pixels * 1.3f, ranges, false);
    set.h3 = Add(files, bold, pixels * 1.12f, ranges, false);
    set.small = Add(files, family.regular, pixels * 0.85f, ranges, true);
}

void DefaultSet(FontSet& set, float pixels) {
    ImFontConfig config;
    config.SizePixels = std::round(pixels);
    ImFont* font = ImGui::GetIO().Fonts->AddFontDefault(&config);
    set = FontSet{font, font, font, font, font, font, font, font};
}

}  // namespace

ImFont* FontSet::Body(bool bold_style, bool italic_style) const {
    if (bold_style && italic_style) return bold_italic;
    if (bold_style) return bold;
    if (italic_style) return italic;
    return regular;
}

void BuildFonts(Fonts& fonts, float scale, const std::string& text, bool with_present) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();

    // GetGlyphRangesDefault() in 1.86 stops at U+00FF: curly quotes, dashes and bullets would
    // become '?'. Cover every character the UI and the course actually use.
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    static const ImWchar kTypography[] = {0x0100, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A,
                                          0x20AC, 0x20AC, 0x2122, 0x2122, 0};
    builder.AddRanges(kTypography);
    builder.AddText(text.c_str(), text.c_str() + text.size());
    fonts.ranges.clear();
    builder.BuildRanges(&fonts.ranges);

    const Family* family = nullptr;
    for (const auto& candidate : kFamilies)
        if (Exists(candidate.regular)) {
            family = &candidate;
            break;
        }
    const float body = kBaseFontPixels * scale;
    static bool warned = false;
    FontFiles files;
    if (family) {
        AddSet(files, fonts.normal, *family, body, fonts.ranges.Data);
        if (with_present) AddSet(files, fonts.present, *family, body * 1.75f, fonts.ranges.Data);
        fonts.ttf_found = true;
        fonts.regular_file = family->regular;
    } else {
        if (!warned)
            std::fprintf(stderr,
                         "sinau: tidak ada font TTF (Noto Sans, DejaVu Sans, Liberation Sans); memakai font "
                         "bawaan ImGui, huruf di luar ASCII mungkin tampil sebagai '?'\n");
        warned = true;
        DefaultSet(fonts.normal, body);
        if (with_present) DefaultSet(fonts.present, body * 1.75f);
        fonts.ttf_found = false;
        fonts.regular_file.clear();
    }
    if (!with_present) fonts.present = fonts.normal;
    fonts.has_present = with_present;
    io.Fonts->Build();
    io.Fonts->ClearInputData();  // the baked glyphs are all ImGui needs now; `files` goes next
    io.FontDefault = fonts.normal.regular;
}

}  // namespace sinau::ui
