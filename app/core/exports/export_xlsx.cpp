// XLSX export with libxlsxwriter in constant_memory mode: each row is flushed to a temporary file as soon
// as the next begins, so a million responses need a few MB of RAM (tools/bench/export_xlsx.sh measures
// peak RSS). Rows must therefore be written strictly in order within a sheet; the summary sheet is created
// first (so it is the first tab) and filled last.
//
// Injection: cells are written with worksheet_write_string/_number only — never as formulas — so
// "=HYPERLINK(...)" is a text cell. No quote prefix is added: in XLSX the type is explicit.
#include <xlsxwriter.h>

#include <chrono>

#include "exports/export.hpp"
#include "store/dashboard.hpp"
#include "util/atomic_file.hpp"
#include "util/time.hpp"

namespace sinau::exports::detail {
namespace {

using store::Cell;

constexpr lxw_row_t kMaxRows = 1048576;  // Excel's limit per sheet, header included

struct Book {
    lxw_workbook* wb = nullptr;
    ~Book() {
        // Only reached on an error path with the workbook still open: close it to free its memory; the
        // temporary file is then deleted by AtomicFile.
        if (wb) workbook_close(wb);
    }
};

Status Check(lxw_error err, const char* what) {
    if (err == LXW_NO_ERROR) return Success();
    return Error{std::string("Gagal menulis XLSX (") + what + "): " + lxw_strerror(err)};
}

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* title = nullptr;
};

void WriteHeader(lxw_worksheet* ws, const std::vector<std::string>& header, lxw_format* fmt) {
    for (size_t c = 0; c < header.size(); ++c)
        worksheet_write_string(ws, 0, lxw_col_t(c), header[c].c_str(), fmt);
    worksheet_freeze_panes(ws, 1, 0);
}

// Streams a query into sheets named base, "base (2)", ...; returns the data row count.
Expected<int64_t> StreamSheets(store::Database& db, lxw_workbook* wb, const std::string& base,
                               const store::ExportQuery& q, const Formats& fmt, ProgressTicker& ticker) {
    auto stream = store::RowStream::Open(db, q);
    if (!stream) return stream.error();
    store::RowStream& rows_in = **stream;
    const int cols = rows_in.columns();
    int sheet_no = 1;
    auto new_sheet = [&]() {
        const std::string name = sheet_no == 1 ? base : base + " (" + std::to_string(sheet_no) + ")";
        ++sheet_no;
        lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
        if (ws) {
            WriteHeader(ws, q.header, fmt.header);
            worksheet_set_column(ws, 0, lxw_col_t(cols - 1), 18, nullptr);
        }
        return ws;
    };
    lxw_worksheet* ws = new_sheet();
    if (!ws) return Error{"Gagal membuat lembar " + base + "."};
    lxw_row_t row = 1;
    int64_t rows = 0;
    std::string text;
    while (rows_in.Next()) {
        if (row == kMaxRows) {
            ws = new_sheet();
            if (!ws) return Error{"Gagal membuat lembar lanjutan " + base + "."};
            row = 1;
        }
        const auto& cells = rows_in.cells();
        for (int c = 0; c < cols; ++c) {
            const Cell& cell = cells[size_t(c)];
            lxw_error err = LXW_NO_ERROR;
            switch (cell.type) {
                case Cell::Type::Null:
                    break;
                case Cell::Type::Integer:
                case Cell::Type::Real:
                    err = worksheet_write_number(ws, row, lxw_col_t(c), cell.real, nullptr);
                    break;
                case Cell::Type::Text: {
                    if (cell.text.empty()) break;
                    err = worksheet_write_string(ws, row, lxw_col_t(c), cell.text.data(), nullptr);
                    // Excel refuses cells over 32,767 characters: cut, never drop the row.
                    if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
                        text.assign(cell.text.data(), 32000);
                        text += "…";
                        err = worksheet_write_string(ws, row, lxw_col_t(c), text.c_str(), nullptr);
                    }
                }
            }
            if (err != LXW_NO_ERROR) return Check(err, base.c_str()).error();
        }
        ++row;
        ++rows;
        if (!ticker.Row()) return Error{kCancelledMessage};
    }
    if (!rows_in.status()) return rows_in.status().error();
    return rows;
}

}  // namespace

Expected<ExportReport> ExportXlsx(store::Database& db, const ExportOptions& o,
                                  const std::filesystem::path& out) {
    const auto t0 = std::chrono::steady_clock::now();
    ExportReport r;
    r.file = out;
    r.format = "xlsx";
    r.contents = "penyelesaian+jawaban";
    r.filter = store::DescribeFilter(o.filter);
    r.exported_at = util::NowIso8601();
    auto file = util::AtomicFile::Create(out);
    if (!file) return file.error();

    lxw_workbook_options opts{};
    opts.constant_memory = LXW_TRUE;
    opts.use_zip64 =
        LXW_TRUE;  // large exports pass 4 GB of uncompressed XML only in theory, but cheaply safe
    Book book;
    book.wb = workbook_new_opt((*file)->temp_path().c_str(), &opts);
    if (!book.wb) return Error{"Gagal membuat berkas XLSX " + out.string() + "."};
    Formats fmt;
    fmt.header = workbook_add_format(book.wb);
    format_set_bold(fmt.header);
    format_set_bg_color(fmt.header, 0xDDEBF7);
    fmt.title = workbook_add_format(book.wb);
    format_set_bold(fmt.title);
    format_set_font_size(fmt.title, 14);

    lxw_worksheet* summary = workbook_add_worksheet(book.wb, "Ringkasan");
    const store::ExportQuery completions_query = store::CompletionRows(o.filter, ModuleIds(db, o)),
                             responses_query = store::ResponseRows(o.filter);
    ProgressTicker ticker(o);
    if (ticker.wants_total()) {
        for (const auto* q : {&completions_query, &responses_query}) {
            auto n = store::CountRows(db, *q);
            if (!n) return n.error();
            ticker.AddTotal(*n);
        }
    }
    auto completions = StreamSheets(db, book.wb, "Penyelesaian", completions_query, fmt, ticker);
    if (!completions) return completions.error();
    auto responses = StreamSheets(db, book.wb, "Jawaban", responses_query, fmt, ticker);
    if (!responses) return responses.error();
    if (!ticker.Finish()) return Error{kCancelledMessage};
    r.completion_rows = *completions;
    r.response_rows = *responses;
    r.rows = r.completion_rows + r.response_rows;
    auto learners = store::CountLearners(db, o.filter);
    if (!learners) return learners.error();
    r.learners = *learners;

    // The summary: what this file contains.
    lxw_row_t row = 0;
    auto kv = [&](const std::string& k, const std::string& v) {
        worksheet_write_string(summary, row, 0, k.c_str(), fmt.header);
        worksheet_write_string(summary, row, 1, v.c_str(), nullptr);
        ++row;
    };
    auto kn = [&](const std::string& k, double v) {
        worksheet_write_string(summary, row, 0, k.c_str(), fmt.header);
        worksheet_write_number(summary, row, 1, v, nullptr);
        ++row;
    };
    worksheet_set_column(summary, 0, 0, 30, nullptr);
    worksheet_set_column(summary, 1, 5, 22, nullptr);
    worksheet_write_string(summary, row++, 0, "Ekspor rekaman Sinau", fmt.title);
    if (!o.course_title.empty()) kv("Kursus", o.course_title);
    kv("Isi", "Lembar Penyelesaian (satu baris per peserta per modul) dan Jawaban (satu baris per jawaban)");
    kv("Filter", r.filter);
    kn("Jumlah peserta", double(r.learners));
    kn("Baris penyelesaian", double(r.completion_rows));
    kn("Baris jawaban", double(r.response_rows));
    kv("Waktu ekspor (UTC)", r.exported_at);
    ++row;
    worksheet_write_string(summary, row++, 0, "Ringkasan per instansi", fmt.title);
    const char* cols[] = {
        "Instansi", "Peserta", "Mulai", "Selesai", "Persentase selesai", "Rata-rata nilai akhir"};
    for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(summary, row, c, cols[c], fmt.header);
    ++row;
    for (const auto& s : store::SummariseByInstansi(db, o.filter)) {
        worksheet_write_string(summary, row, 0, s.instansi.c_str(), nullptr);
        worksheet_write_number(summary, row, 1, double(s.learners), nullptr);
        worksheet_write_number(summary, row, 2, double(s.started), nullptr);
        worksheet_write_number(summary, row, 3, double(s.completed), nullptr);
        worksheet_write_number(summary, row, 4, 100.0 * s.completion_rate(), nullptr);
        if (s.average_final_score) worksheet_write_number(summary, row, 5, *s.average_final_score, nullptr);
        ++row;
    }
    lxw_doc_properties props{};
    props.title = const_cast<char*>("Ekspor rekaman Sinau");
    const std::string comments = "Filter: " + r.filter + "; diekspor " + r.exported_at;
    props.comments = const_cast<char*>(comments.c_str());
    workbook_set_properties(book.wb, &props);

    const lxw_error err = workbook_close(book.wb);
    book.wb = nullptr;
    if (auto ok = Check(err, "menutup berkas"); !ok) return ok.error();
    if (auto ok = (*file)->CommitWrittenByName(); !ok) return ok.error();
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

}  // namespace sinau::exports::detail
