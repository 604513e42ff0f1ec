#include "ui/strings.hpp"

#include <algorithm>

namespace sinau::ui {

void Strings::Load(const std::filesystem::path& dir, const std::string& language,
                   std::vector<std::string>& problems) {
    auto id = i18n::Catalog::Load(dir / "id.toml");
    if (id) {
        fallback_ = std::move(*id);
    } else {
        problems.push_back(id.error().message);
        fallback_ = {};
    }
    language_ = language;
    current_ = {};
    if (language != "id") {
        auto other = i18n::Catalog::Load(dir / (language + ".toml"));
        if (other) {
            current_ = std::move(*other);
        } else {
            problems.push_back(other.error().message);
            language_ = "id";
        }
    }
}

const char* Strings::operator()(std::string_view key) const {
    if (const auto* text = current_.Find(key)) return text->c_str();
    if (const auto* text = fallback_.Find(key)) return text->c_str();
    auto it = std::find(missing_.begin(), missing_.end(), key);
    if (it == missing_.end()) {
        missing_.emplace_back(key);
        return missing_.back().c_str();
    }
    return it->c_str();
}

std::string Strings::Fmt(std::string_view key,
                         const std::vector<std::pair<std::string_view, std::string>>& args) const {
    return i18n::Format((*this)(key), args);
}

std::string Strings::AllText() const {
    return fallback_.AllText() + current_.AllText();
}

}  // namespace sinau::ui
