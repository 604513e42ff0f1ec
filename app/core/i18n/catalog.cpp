#include "i18n/catalog.hpp"

#include <fstream>
#include <sstream>

#define TOML_EXCEPTIONS 1
#include <toml++/toml.h>

namespace sinau::i18n {
namespace {

// Flattens nested tables into dotted keys. Returns an error for values that are not strings, so a
// typo like `home = 3` is caught when the catalog is read, not when the screen shows "3".
Status Flatten(const toml::table& table, const std::string& prefix, std::string_view source,
               std::map<std::string, std::string, std::less<>>& out) {
    for (auto&& [key, node] : table) {
        const std::string name =
            prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        if (const auto* sub = node.as_table()) {
            if (auto status = Flatten(*sub, name, source, out); !status) return status;
        } else if (const auto* text = node.as_string()) {
            out[name] = text->get();
        } else {
            const auto& where = node.source().begin;
            std::ostringstream msg;
            msg << source << ":" << where.line << ":" << where.column << ": nilai \"" << name
                << "\" harus berupa teks dalam tanda kutip";
            return Error{msg.str()};
        }
    }
    return Success();
}

}  // namespace

Expected<Catalog> Catalog::Parse(std::string_view toml_text, std::string_view source) {
    Catalog catalog;
    try {
        const toml::table table = toml::parse(toml_text, source);
        if (auto status = Flatten(table, "", source, catalog.entries_); !status) return status.error();
    } catch (const toml::parse_error& e) {
        std::ostringstream msg;
        msg << source << ":" << e.source().begin.line << ":" << e.source().begin.column << ": "
            << e.description();
        return Error{msg.str()};
    }
    return catalog;
}

Expected<Catalog> Catalog::Load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error{file.string() + ": berkas katalog bahasa tidak dapat dibuka"};
    std::ostringstream text;
    text << in.rdbuf();
    return Parse(text.str(), file.string());
}

const std::string* Catalog::Find(std::string_view key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalog::Keys() const {
    std::vector<std::string> keys;
    keys.reserve(entries_.size());
    for (const auto& [key, text] : entries_) keys.push_back(key);
    return keys;
}

std::string Catalog::AllText() const {
    std::string all;
    for (const auto& [key, text] : entries_) all += text;
    return all;
}

std::vector<std::string> CompareCatalogs(const Catalog& a, std::string_view a_name, const Catalog& b,
                                         std::string_view b_name) {
    std::vector<std::string> problems;
    auto check = [&](const Catalog& one, std::string_view one_name, const Catalog& other,
                     std::string_view other_name) {
        for (const auto& key : one.Keys()) {
            if (!other.Find(key))
                problems.push_back("kunci \"" + key + "\" ada di " + std::string(one_name) +
                                   " tetapi tidak ada di " + std::string(other_name));
            if (one.Find(key)->empty())
                problems.push_back("kunci \"" + key + "\" di " + std::string(one_name) + " kosong");
        }
    };
    check(a, a_name, b, b_name);
    check(b, b_name, a, a_name);
    return problems;
}

std::string Format(std::string_view text, const std::vector<std::pair<std::string_view, std::string>>& args) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const auto close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                const auto name = text.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [arg, value] : args) {
                    if (arg == name) {
                        out += value;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace sinau::i18n
