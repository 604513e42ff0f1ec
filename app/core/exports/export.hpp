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
// The rows come from the store (store/export_rows.hpp: the queries and a row stream); this library formats.
//
// Threads: runs on the caller's thread (the UI runs it on a worker with its own connection). CSV reads
// through a private read-only connection to the same file when it has one (store::RowStream: no mutex,
// memory-mapped reads), so it sees the file's COMMITTED state, not an open transaction of `db`.
// `cancel` and `progress`, when set, are polled every few thousand rows; a cancelled export writes nothing
// (no destination, no temporary file). Never throws: database errors come back as Error.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "content/course_info.hpp"
#include "exports/csv.hpp"
#include "store/database.hpp"
#include "store/export_rows.hpp"
#include "store/learner_filter.hpp"
#include "util/expected.hpp"

namespace sinau::exports {

using content::ModuleInfo;

enum class ExportFormat { Csv, Xlsx, Xapi };
enum class ExportWhat { Completions, Responses };  // CSV chooses one; XLSX holds both; xAPI holds all

// How far an export is. `total` is counted before the first row is written (only when a progress callback
// is set, since counting a million rows costs a fraction of a second): rows of every query the format runs.
struct ExportProgress {
    int64_t done = 0;
    int64_t total = 0;
};
// Called on the exporting thread about every 4096 rows and once at the end (done == total). Return false to
// cancel: the export then stops and writes nothing. Must be cheap (post a copy to the UI, don't draw).
using ExportProgressFn = std::function<bool(const ExportProgress&)>;

struct ExportOptions {
    ExportFormat format = ExportFormat::Csv;
    ExportWhat what = ExportWhat::Completions;
    // Learners to include. For responses and xAPI, since/until select the records' own times (answered,
    // started, submitted, completed) instead of the learners' last activity.
    store::LearnerFilter filter;
    CsvStyle csv;
    std::vector<ModuleInfo> modules;  // course order; empty = the module ids found in the database
    std::string course_title;         // for the summary and xAPI activity names
    std::string agency_url = "https://bpsdm.jatimprov.go.id";           // xAPI actor account homePage
    std::string base_iri = "https://bpsdm.jatimprov.go.id/sinau/xapi";  // xAPI activity ids live under it
    bool sidecar = true;                                                // CSV/xAPI: write "<out>.meta.json"
    const std::atomic<bool>* cancel = nullptr;
    ExportProgressFn progress;
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
    std::string exported_at;  // ISO 8601 UTC
    double seconds = 0;
    std::string Describe() const;  // one paragraph in Bahasa Indonesia for the CLI / a toast
};

Expected<ExportReport> Export(store::Database& db, const ExportOptions& options,
                              const std::filesystem::path& out);

// Building blocks shared by the format writers (export_*.cpp); documented for tests.
namespace detail {
// The module ids an export lists: the options' (course order), else every module id in the database.
std::vector<std::string> ModuleIds(store::Database& db, const ExportOptions& options);
Status WriteSidecar(const ExportReport& report);
// Rows counted and reported for one export; Row() is the hot-loop check (a counter test, then every 4096
// rows the cancel flag and the callback).
class ProgressTicker {
public:
    explicit ProgressTicker(const ExportOptions& o) : cancel_(o.cancel), fn_(o.progress) {}
    bool wants_total() const { return bool(fn_); }
    void AddTotal(int64_t n) { state_.total += n; }
    bool Row() { return (++state_.done & 4095) != 0 || Poll(); }
    bool Poll();    // false = cancelled
    bool Finish();  // the last report; false = cancelled
    int64_t done() const { return state_.done; }

private:
    const std::atomic<bool>* cancel_;
    const ExportProgressFn& fn_;
    ExportProgress state_;
};
inline constexpr const char* kCancelledMessage = "Ekspor dibatalkan; tidak ada berkas ditulis.";
Expected<ExportReport> ExportCsv(store::Database& db, const ExportOptions& options,
                                 const std::filesystem::path& out);
Expected<ExportReport> ExportXlsx(store::Database& db, const ExportOptions& options,
                                  const std::filesystem::path& out);
Expected<ExportReport> ExportXapi(store::Database& db, const ExportOptions& options,
                                  const std::filesystem::path& out);
}  // namespace detail

}  // namespace sinau::exports
