#pragma once
// Reading typed fields out of a toml++ table with diagnostics that name the key, its line and
// what a trainer should write instead. Internal to the content readers.
#include <toml++/toml.h>

#include <optional>
#include <string>
#include <vector>

#include "content/model.hpp"

namespace sinau::content {

// Where a toml node sits, shifted by `line_offset` lines (front matter starts below `+++`).
struct TomlPlace {
    const std::string& file;
    int line_offset = 0;
    Diagnostics& out;

    Diagnostic At(const toml::node& node, std::string message) const;
    Diagnostic AtTable(const toml::table& table, std::string message) const;
};

std::optional<std::string> ReadString(const toml::table& t, std::string_view key, const TomlPlace& place);
std::optional<long long> ReadInteger(const toml::table& t, std::string_view key, const TomlPlace& place);
std::optional<double> ReadNumber(const toml::table& t, std::string_view key, const TomlPlace& place);
std::optional<bool> ReadBool(const toml::table& t, std::string_view key, const TomlPlace& place);
std::optional<std::vector<std::string>> ReadStringArray(const toml::table& t, std::string_view key,
                                                        const TomlPlace& place);

// Each key of `t` not in `known` is reported ("kunci tidak dikenal") so typos do not pass silently.
void ReportUnknownKeys(const toml::table& t, std::initializer_list<std::string_view> known,
                       std::string_view where, const TomlPlace& place);

// Applies a `[quiz]` table on top of `settings` (course defaults, then a module's overrides).
void ApplyQuizTable(const toml::table& quiz, QuizSettings& settings, const TomlPlace& place);

// Parses TOML text; on a syntax error appends "file:line:col: TOML tidak valid: ..." and returns nullopt.
// Never throws.
std::optional<toml::table> ParseToml(std::string_view text, const TomlPlace& place);

}  // namespace sinau::content
