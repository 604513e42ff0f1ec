#pragma once
// The UI's words in the chosen language: a catalog (assets/i18n/<lang>.toml) with the Indonesian one
// as fallback, then the key itself, so a missing translation is visible but never crashes.
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "i18n/catalog.hpp"

namespace sinau::ui {

class Strings {
public:
    // Loads <dir>/id.toml and, if language != "id", <dir>/<language>.toml. Errors go to `problems`.
    void Load(const std::filesystem::path& dir, const std::string& language,
              std::vector<std::string>& problems);

    const char* operator()(std::string_view key) const;  // pointer stays valid until the next Load
    std::string Fmt(std::string_view key,
                    const std::vector<std::pair<std::string_view, std::string>>& args) const;
    const std::string& language() const { return language_; }
    std::string AllText() const;  // every character the fonts must hold

private:
    i18n::Catalog current_;
    i18n::Catalog fallback_;
    std::string language_ = "id";
    mutable std::vector<std::string> missing_;  // keys shown as themselves (kept alive for c_str)
};

}  // namespace sinau::ui
