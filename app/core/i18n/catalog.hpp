#pragma once
// The text of the user interface in one language, read from assets/i18n/<lang>.toml.
// A catalog is flat key -> text; TOML tables name the key prefix ([nav] home = "..." is "nav.home").
// Plain data, no UI library: the window and the CLI can both use it. Any thread may read a const Catalog.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/expected.hpp"

namespace sinau::i18n {

class Catalog {
public:
    // Reads a catalog file. A syntax error or a non-string value becomes an Error whose message
    // starts with "file:line:col:". Never throws.
    static Expected<Catalog> Load(const std::filesystem::path& file);
    // Same from text already in memory; `source` names it in error messages.
    static Expected<Catalog> Parse(std::string_view toml_text, std::string_view source);

    // The text for `key`, or nullptr when the catalog has no such key.
    const std::string* Find(std::string_view key) const;
    std::vector<std::string> Keys() const;  // sorted
    std::size_t size() const { return entries_.size(); }
    // Every text concatenated: lets the UI know which characters its font must hold.
    std::string AllText() const;

private:
    std::map<std::string, std::string, std::less<>> entries_;
};

// Problems that make two catalogs unusable side by side: a key only one of them has, or an empty
// text. Each entry is a sentence naming the key (for tests and `sinau lint`).
std::vector<std::string> CompareCatalogs(const Catalog& a, std::string_view a_name, const Catalog& b,
                                         std::string_view b_name);

// Replaces each "{name}" in `text` by its value; unknown placeholders stay as written.
std::string Format(std::string_view text, const std::vector<std::pair<std::string_view, std::string>>& args);

}  // namespace sinau::i18n
