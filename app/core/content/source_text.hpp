#pragma once
// Text files written by a person (content, rosters): read with a size cap, checked for UTF-8, and
// addressed as line:col for diagnostics. Every content reader starts here so that garbage, binary
// or huge input becomes one clear diagnostic instead of a crash or a hang.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.hpp"

namespace sinau::content {

// Larger files are refused: the biggest real content file is a few dozen KiB.
inline constexpr std::size_t kMaxSourceBytes = 4u * 1024u * 1024u;

// Offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates and code
// points above U+10FFFF are invalid too), or std::string_view::npos when the text is valid.
std::size_t FindInvalidUtf8(std::string_view text) noexcept;

// Checks the size cap and UTF-8. On failure appends one diagnostic for `file` and returns false.
// On success returns true and `text` minus a leading UTF-8 byte order mark in `body`.
bool CheckSourceText(std::string_view text, const std::string& file, Diagnostics& out,
                     std::string_view* body = nullptr);

// Reads a whole file (at most kMaxSourceBytes). Appends a diagnostic named `display` and returns
// nullopt when the file is missing, unreadable or too large. Does not check UTF-8. Never throws.
std::optional<std::string> ReadSourceFile(const std::filesystem::path& path, const std::string& display,
                                          Diagnostics& out);

struct TextPosition {
    int line = 1;  // 1-based
    int col = 1;   // 1-based, in code points
};

// Maps byte offsets of one text to line:col. Build once per file. Not thread-safe (a memo).
class LineMap {
public:
    explicit LineMap(std::string_view text);
    TextPosition At(std::size_t offset) const;
    int LineOf(std::size_t offset) const { return At(offset).line; }
    int line_count() const { return static_cast<int>(starts_.size()); }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;  // byte offset of each line's first byte
    // Readers ask for positions mostly in increasing order: remember the last answer so a very
    // long line is not recounted from its start for every question (keeps lookups linear).
    mutable std::size_t memo_offset_ = 0;
    mutable TextPosition memo_{1, 1};
};

// A Diagnostic for `file` at `offset` of the text `map` was built from.
Diagnostic DiagnosticAt(const std::string& file, const LineMap& map, std::size_t offset, std::string message);

// Trims ASCII whitespace (space, tab, CR, LF, FF, VT) from both ends.
std::string_view TrimView(std::string_view s) noexcept;

}  // namespace sinau::content
