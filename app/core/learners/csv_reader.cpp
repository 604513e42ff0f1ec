#include "learners/table_reader.hpp"

#include <cstdint>

namespace sinau::learners {

bool IsValidUtf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t n = 0;
        uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0)
            n = 1, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0)
            n = 2, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0)
            n = 3, cp = c & 0x07;
        else
            return false;
        if (i + n >= s.size()) return false;
        for (size_t k = 1; k <= n; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;  // overlong forms and surrogates
        i += n + 1;
    }
    return true;
}

namespace {
char DetectSeparator(std::string_view text) {
    size_t commas = 0, semicolons = 0;
    bool quoted = false, seen_content = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') {
            if (seen_content) break;
            continue;
        }
        if (c != '\r' && c != ' ') seen_content = true;
        if (c == ',') ++commas;
        if (c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}
}  // namespace

Expected<Table> ParseCsv(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!IsValidUtf8(text))
        return Error{
            "berkas bukan teks UTF-8; simpan ulang dari Excel sebagai \"CSV UTF-8 (Comma delimited)\""};
    Table table;
    table.separator = DetectSeparator(text);
    int line = 1;
    size_t i = 0;
    while (i < text.size()) {
        TableRow row;
        row.number = line;
        std::string field;
        bool at_field_start = true;
        for (;;) {
            if (i >= text.size()) {
                row.cells.push_back({std::move(field), false});
                break;
            }
            const char c = text[i];
            if (c == '"' && at_field_start) {
                const int opened = line;
                ++i;
                for (;;) {
                    if (i >= text.size())
                        return Error{"baris " + std::to_string(opened) +
                                     ": tanda kutip (\") dibuka tetapi tidak ditutup"};
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field.push_back('"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n') ++line;
                    field.push_back(text[i++]);
                }
                at_field_start = false;
                continue;  // text after the closing quote (lenient) is appended below
            }
            if (c == table.separator) {
                row.cells.push_back({std::move(field), false});
                field.clear();
                at_field_start = true;
                ++i;
                continue;
            }
            if (c == '\r' || c == '\n') {
                row.cells.push_back({std::move(field), false});
                if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
                ++i;
                ++line;
                break;
            }
            field.push_back(c);
            at_field_start = false;
            ++i;
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace sinau::learners
