#pragma once
// Exports of the records, headless (`sinau export`) and from the dashboard (the current filter).
//
//   CSV   RFC 4180, UTF-8, CRLF; optional BOM and ';' separator for Excel; OWASP formula guard on text
//         cells (csv.hpp). `what` = completions (one row per learner x module, EVERY learner selected by the
//         filter, also those who have not started) or responses (one row per answer).
//   XLSX  libxlsxwriter in constant_memory mode: sheets "Ringkasan" (what the file contains, the filter, row
//         counts, export time, per-instansi summary), "Penyelesaian" (completions), "Jawaban" (responses,
//         continued on "Jawaban (2)" ... past Excel's 1,048,576-row limit). Text is written as strings,
//         never as formulas.
//   xAPI  1.0.3 statements as one JSON array (export_xapi.cpp documents the mapping).
//
// Every export says what it contains: the returned ExportReport (printed by the CLI), the XLSX summary
// sheet, and for CSV/xAPI a JSON sidecar "<out>.meta.json". Files appear complete or not at all
// (AtomicFile: temp file in the same folder, fsync, rename); on error the destination is untouched.
//
// Threads: runs on the caller's thread and connection (the UI runs it on a worker with its own
// connection). `cancel`, when set, is polled every few thousand rows; a cancelled export writes nothing.
// Never throws: database errors come back as Error.
#include <SQLiteCpp/Database.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "records/csv.hpp"
#include "records/learner_filter.hpp"
#include "util/expected.hpp"

namespace sinau::records {

enum class ExportFormat { Csv, Xlsx, Xapi };
enum class ExportWhat { Completions, Responses };  // CSV chooses one; XLSX holds both; xAPI holds all

struct ModuleInfo {
    std::string id;
    std::string title;  // "" when unknown (CLI without content): the id is shown instead
};

struct ExportOptions {
    ExportFormat format = ExportFormat::Csv;
    ExportWhat what = ExportWhat::Completions;
    // Learners to include. For responses and xAPI, since/until select the records' own times (answered,
    // started, submitted, completed) instead of the learners' last activity.
    LearnerFilter filter;
    CsvStyle csv;
    std::vector<ModuleInfo> modules;  // course order; empty = the module ids found in the database
    std::string course_title;         // for the summary and xAPI activity names
    std::string agency_url = "https://bpsdm.jatimprov.go.id";                // xAPI actor account homePage
    std::string base_iri = "https://bpsdm.jatimprov.go.id/sinau/xapi";       // xAPI activity ids live under it
    bool sidecar = true;  // CSV/xAPI: write "<out>.meta.json"
    const std::atomic<bool>* cancel = nullptr;
};

struct ExportReport {
    std::filesystem::path file;
    std::filesystem::path sidecar;  // empty when none
    std::string format;             // "csv" | "xlsx" | "xapi"
    std::string contents;           // "penyelesaian" | "jawaban" | "penyelesaian+jawaban" | "pernyataan xAPI"
    std::string filter;             // DescribeFilter()
    int64_t rows = 0;               // data rows (CSV/XLSX: completions + responses; xAPI: statements)
    int64_t completion_rows = 0, response_rows = 0;
    int64_t learners = 0;
    std::string exported_at;        // ISO 8601 UTC
    double seconds = 0;
    std::string Describe() const;   // one paragraph in Bahasa Indonesia for the CLI / a toast
};

Expected<ExportReport> Export(SQLite::Database& db, const ExportOptions& options, const std::filesystem::path& out);

// Building blocks shared by the format writers (export_*.cpp); documented for tests.
namespace detail {
struct QuerySpec {
    std::string sql;
    std::vector<std::string> params;
    std::vector<std::string> header;      // column titles (Bahasa Indonesia)
};
QuerySpec CompletionsQuery(SQLite::Database& db, const ExportOptions& options);
QuerySpec ResponsesQuery(const ExportOptions& options);
std::vector<ModuleInfo> ResolveModules(SQLite::Database& db, const ExportOptions& options);
Status WriteSidecar(const ExportReport& report);
Expected<int64_t> CountLearners(SQLite::Database& db, const LearnerFilter& filter);
Expected<ExportReport> ExportCsv(SQLite::Database& db, const ExportOptions& options, const std::filesystem::path& out);
Expected<ExportReport> ExportXlsx(SQLite::Database& db, const ExportOptions& options, const std::filesystem::path& out);
Expected<ExportReport> ExportXapi(SQLite::Database& db, const ExportOptions& options, const std::filesystem::path& out);
}  // namespace detail

}  // namespace sinau::records
