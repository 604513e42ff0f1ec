#pragma once
// CSV fields per RFC 4180 with the OWASP CSV-injection guard, as pure functions over bytes.
//
// RFC 4180: a field is quoted when it holds the separator, a double quote, CR or LF; quotes inside are
// doubled; records end with CRLF.
// OWASP "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection): a text cell that
// begins with '=', '+', '-', '@', TAB (0x09) or CR (0x0D) is prefixed with a single quote and the field
// is quoted, so Excel/LibreOffice show it as text instead of evaluating it ("=HYPERLINK(...)" stays text).
// The guard applies to TEXT cells only: numbers the exporter formats itself (-0.5, 87.5) cannot carry a
// formula and stay numbers.
#include <cstddef>
#include <string>
#include <string_view>

namespace sinau::exports {

struct CsvStyle {
    char separator = ',';  // ';' for Excel in locales whose decimal mark is a comma (id-ID)
    bool bom = false;      // UTF-8 byte-order mark first, so Excel opens the file as UTF-8
    bool guard = true;     // OWASP formula-injection guard on text cells
};

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
inline constexpr std::string_view kCsvEol = "\r\n";

// True when a text cell would be read as a formula by a spreadsheet (first byte per OWASP's list).
inline bool LooksLikeFormula(std::string_view v) {
    if (v.empty()) return false;
    const char c = v.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// Writes the field into out (which must have room for 2 * v.size() + 3 bytes); returns bytes written.
// The hot path of every CSV export: no allocation, one pass.
inline size_t EncodeCsvText(char* out, std::string_view v, const CsvStyle& style) {
    const bool guard = style.guard && LooksLikeFormula(v);
    bool quote = guard;
    if (!quote) {
        for (const char c : v) {
            if (c == style.separator || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
    }
    if (!quote) {
        if (!v.empty()) __builtin_memcpy(out, v.data(), v.size());
        return v.size();
    }
    char* p = out;
    *p++ = '"';
    if (guard) *p++ = '\'';
    for (const char c : v) {
        if (c == '"') *p++ = '"';
        *p++ = c;
    }
    *p++ = '"';
    return size_t(p - out);
}

// Appends one encoded text field (no separator) to a string. For tests and small files.
inline void AppendCsvText(std::string& out, std::string_view v, const CsvStyle& style) {
    const size_t at = out.size();
    out.resize(at + 2 * v.size() + 3);
    out.resize(at + EncodeCsvText(out.data() + at, v, style));
}

}  // namespace sinau::exports
