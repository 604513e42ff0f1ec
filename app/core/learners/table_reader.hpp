#pragma once
// Reading a roster's cells from CSV (RFC 4180) or XLSX (first sheet) into rows of text.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "util/expected.hpp"

namespace sinau::learners {

struct Cell {
    std::string text;
    bool numeric = false;  // XLSX: stored as a number (its raw <v> text, e.g. "1.98803122015032E+17")
};

struct TableRow {
    int number = 0;  // 1-based: the CSV line where the record starts, or the XLSX row number
    std::vector<Cell> cells;
};

struct Table {
    std::vector<TableRow> rows;
    char separator = ',';  // CSV only
};

// RFC 4180 with the variations spreadsheets write: UTF-8 with or without BOM, CRLF or LF, separator `,`
// or `;` (whichever occurs more, outside quotes, on the first non-empty line), quoted fields with ""
// escapes and line breaks. Error (with the line) for an unterminated quote or text that is not UTF-8.
// Pure; never throws.
Expected<Table> ParseCsv(std::string_view text);

// The first worksheet of an .xlsx (sharedStrings, inline strings, numbers kept as their raw text).
// Error for a file that is not a readable XLSX. Never throws.
Expected<Table> ReadXlsx(const std::filesystem::path& path);

// True when `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

}  // namespace sinau::learners
