#pragma once
// modul.md: TOML front matter between `+++` lines, then CommonMark reading text.
#include <string>
#include <string_view>

#include "content/model.hpp"

namespace sinau::content {

struct FrontMatterSplit {
    bool found = false;       // the text starts with a `+++` line that is closed by another
    std::string_view toml;    // between the fences
    int toml_first_line = 0;  // file line of toml's first byte
    std::string_view body;    // after the closing fence (the whole text when !found)
    int body_first_line = 1;
};

// Pure. `text` is UTF-8 without BOM. Reports a missing or unclosed fence into `out`.
FrontMatterSplit SplitFrontMatter(std::string_view text, const std::string& file, Diagnostics& out);

// Reads one modul.md (raw bytes, checked for size and UTF-8) into `module`: title, description,
// objectives, minutes, legal, quiz overrides (applied on top of module.quiz, which the caller sets to
// the course defaults) and the reading Document. Problems go to module.errors. Never throws.
void ReadModuleFile(std::string_view bytes, const std::string& file, Module& module);

// Reads a Markdown page with optional front matter (e.g. tentang.md); the first page takes
// `default_title` unless the front matter has a `title`. Problems go to `out`. Never throws.
Document ReadPageFile(std::string_view bytes, const std::string& file, const std::string& default_title,
                      Diagnostics& out);

}  // namespace sinau::content
