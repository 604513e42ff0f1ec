#include "content/source_text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace sinau::content {

std::size_t FindInvalidUtf8(std::string_view text) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Content is mostly ASCII: skip 8 bytes at a time while none has its high bit set.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte (RFC 3629 table)
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;  // no overlong forms
            else if (c == 0xED)
                hi = 0x9F;  // no UTF-16 surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;  // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (s[i + 1] < lo || s[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if ((s[i + k] & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::string_view::npos;
}

bool CheckSourceText(std::string_view text, const std::string& file, Diagnostics& out,
                     std::string_view* body) {
    if (text.size() > kMaxSourceBytes) {
        char msg[160];
        std::snprintf(msg, sizeof msg, "berkas terlalu besar (%.1f MiB); batasnya %zu MiB",
                      double(text.size()) / (1024.0 * 1024.0), kMaxSourceBytes / (1024 * 1024));
        out.push_back({file, 0, 0, msg});
        return false;
    }
    if (const auto bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
        const LineMap map(text);
        char msg[200];
        std::snprintf(msg, sizeof msg,
                      "teks bukan UTF-8 yang sah (bita 0x%02X); simpan ulang berkas dengan pengodean UTF-8",
                      unsigned(static_cast<unsigned char>(text[bad])));
        out.push_back(DiagnosticAt(file, map, bad, msg));
        return false;
    }
    if (body) {
        *body = text;
        if (body->size() >= 3 && body->substr(0, 3) == "\xEF\xBB\xBF") body->remove_prefix(3);
    }
    return true;
}

std::optional<std::string> ReadSourceFile(const std::filesystem::path& path, const std::string& display,
                                          Diagnostics& out) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        out.push_back({display, 0, 0, "berkas tidak ditemukan"});
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        out.push_back({display, 0, 0, "berkas tidak bisa dibaca: " + ec.message()});
        return std::nullopt;
    }
    if (size > kMaxSourceBytes) {
        char msg[160];
        std::snprintf(msg, sizeof msg, "berkas terlalu besar (%.1f MiB); batasnya %zu MiB",
                      double(size) / (1024.0 * 1024.0), kMaxSourceBytes / (1024 * 1024));
        out.push_back({display, 0, 0, msg});
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.push_back({display, 0, 0, "berkas tidak bisa dibuka"});
        return std::nullopt;
    }
    std::string data(static_cast<std::size_t>(size), '\0');
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    data.resize(static_cast<std::size_t>(in.gcount()));
    return data;
}

LineMap::LineMap(std::string_view text) : text_(text) {
    starts_.push_back(0);
    const char* p = text.data();
    const char* end = text.data() + text.size();
    while (p < end) {
        const void* nl = std::memchr(p, '\n', std::size_t(end - p));
        if (!nl) break;
        p = static_cast<const char*>(nl) + 1;
        starts_.push_back(std::size_t(p - text.data()));
    }
}

TextPosition LineMap::At(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // >= 1
    std::size_t start = starts_[line - 1];
    int col = 1;
    if (memo_.line == static_cast<int>(line) && memo_offset_ >= start && memo_offset_ <= offset) {
        start = memo_offset_;
        col = memo_.col;
    }
    for (std::size_t i = start; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
    memo_offset_ = offset;
    memo_ = {static_cast<int>(line), col};
    return memo_;
}

Diagnostic DiagnosticAt(const std::string& file, const LineMap& map, std::size_t offset,
                        std::string message) {
    const auto pos = map.At(offset);
    return {file, pos.line, pos.col, std::move(message)};
}

std::string_view TrimView(std::string_view s) noexcept {
    const auto ws = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    };
    while (!s.empty() && ws(s.front())) s.remove_prefix(1);
    while (!s.empty() && ws(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace sinau::content
