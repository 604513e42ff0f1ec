#include <zip.h>

#include <pugixml.hpp>

#include <memory>
#include <optional>

#include "learners/table_reader.hpp"

namespace sinau::learners {
namespace fs = std::filesystem;

namespace {
struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }  // read-only: discard never writes
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

constexpr zip_uint64_t kMaxPartBytes = 64ull << 20;  // a roster sheet is far smaller; refuse zip bombs

// Reads one part of the package; nullopt when absent or too large.
std::optional<std::string> ReadPart(zip_t* z, const std::string& name) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPartBytes)
        return std::nullopt;
    zip_file_t* f = zip_fopen(z, name.c_str(), 0);
    if (!f) return std::nullopt;
    std::string data(size_t(st.size), '\0');
    const zip_int64_t got = zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    if (got < 0 || zip_uint64_t(got) != st.size) return std::nullopt;
    return data;
}

// All text of an <si> or <is>: plain <t>, or the <t> of every rich-text run <r>; phonetic <rPh> skipped.
std::string StringItemText(const pugi::xml_node& item) {
    std::string out;
    for (const auto& child : item.children()) {
        const std::string_view name = child.name();
        if (name == "t")
            out += child.text().get();
        else if (name == "r")
            out += child.child("t").text().get();
    }
    return out;
}

// "BC12" -> column 54 (0-based: B=1 ... ), -1 when malformed.
int ColumnIndex(std::string_view ref) {
    int col = 0;
    size_t i = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
        col = col * 26 + (ref[i] - 'A' + 1);
        if (col > 16384) return -1;
        ++i;
    }
    return i == 0 ? -1 : col - 1;
}

std::string Resolve(const std::string& target) {
    // Targets in workbook.xml.rels are relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/...").
    if (!target.empty() && target[0] == '/') return target.substr(1);
    return "xl/" + target;
}
}  // namespace

Expected<Table> ReadXlsx(const fs::path& path) {
    int err = 0;
    Zip z(zip_open(path.string().c_str(), ZIP_RDONLY, &err));
    if (!z) return Error{"berkas .xlsx tidak dapat dibuka (bukan berkas Excel yang utuh)"};

    std::string sheet_part = "xl/worksheets/sheet1.xml";
    if (auto wb = ReadPart(z.get(), "xl/workbook.xml")) {
        pugi::xml_document doc;
        if (doc.load_buffer(wb->data(), wb->size())) {
            const auto first = doc.child("workbook").child("sheets").child("sheet");
            const std::string rid = first.attribute("r:id").value();
            if (auto rels = ReadPart(z.get(), "xl/_rels/workbook.xml.rels"); rels && !rid.empty()) {
                pugi::xml_document rd;
                if (rd.load_buffer(rels->data(), rels->size()))
                    for (const auto& rel : rd.child("Relationships").children("Relationship"))
                        if (rid == rel.attribute("Id").value())
                            sheet_part = Resolve(rel.attribute("Target").value());
            }
        }
    }

    std::vector<std::string> shared;
    if (auto ss = ReadPart(z.get(), "xl/sharedStrings.xml")) {
        pugi::xml_document doc;
        if (!doc.load_buffer(ss->data(), ss->size()))
            return Error{"daftar teks (sharedStrings) dalam .xlsx rusak"};
        for (const auto& si : doc.child("sst").children("si")) shared.push_back(StringItemText(si));
    }

    const auto sheet = ReadPart(z.get(), sheet_part);
    if (!sheet) return Error{"lembar kerja pertama tidak ditemukan dalam .xlsx"};
    pugi::xml_document doc;
    if (!doc.load_buffer(sheet->data(), sheet->size()))
        return Error{"lembar kerja pertama dalam .xlsx rusak"};

    Table table;
    int next_row = 1;
    for (const auto& row : doc.child("worksheet").child("sheetData").children("row")) {
        TableRow out;
        out.number = row.attribute("r").as_int(next_row);
        next_row = out.number + 1;
        int next_col = 0;
        for (const auto& c : row.children("c")) {
            int col = c.attribute("r") ? ColumnIndex(c.attribute("r").value()) : next_col;
            if (col < 0) col = next_col;
            next_col = col + 1;
            Cell cell;
            const std::string_view type = c.attribute("t").value();
            if (type == "s") {
                const int idx = c.child("v").text().as_int(-1);
                if (idx >= 0 && size_t(idx) < shared.size()) cell.text = shared[size_t(idx)];
            } else if (type == "inlineStr") {
                cell.text = StringItemText(c.child("is"));
            } else if (type == "str" || type == "e" || type == "b") {
                cell.text = c.child("v").text().get();
            } else {  // "n" or absent: a number, kept exactly as written in the file
                cell.text = c.child("v").text().get();
                cell.numeric = !cell.text.empty();
            }
            if (size_t(col) >= out.cells.size()) out.cells.resize(size_t(col) + 1);
            out.cells[size_t(col)] = std::move(cell);
        }
        table.rows.push_back(std::move(out));
    }
    return table;
}

}  // namespace sinau::learners
