// CSV export: a plain sqlite3_step loop writing straight into AtomicFile's 1 MiB buffer, with RFC 4180
// quoting and the OWASP guard done by hand (csv.hpp). No per-cell allocation, no iostreams: the goal is
// to beat the sqlite3 shell's own `-csv` output of the same query (tools/bench/export_csv.sh).
//
// Why a private connection (ExportReader): at a million rows the profile was a third SQLite's own
// bookkeeping around our loop, not the query: every sqlite3_column_* call takes the connection's mutex
// (~10 % of the time with 3 calls per cell), and every page read is a pread() copy from the page cache
// (~200,000 of them, another ~12 %, growing with the file). A read-only connection opened with
// SQLITE_OPEN_NOMUTEX (it never leaves this thread) and a memory map over the file remove both; the cell
// loop reads each value once through sqlite3_column_value. A database without a file (":memory:", tests)
// is read through the caller's connection.
#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>

#include "records/atomic_file.hpp"
#include "records/export.hpp"
#include "util/time.hpp"

namespace sinau::records::detail {
namespace {

struct Stmt {
    sqlite3_stmt* p = nullptr;
    ~Stmt() { sqlite3_finalize(p); }
};

// The connection an export reads through; closes its own connection, never the caller's.
class ExportReader {
public:
    explicit ExportReader(SQLite::Database& db) : handle_(db.getHandle()) {
        const char* file = sqlite3_db_filename(handle_, "main");
        if (!file || !*file) return;
        sqlite3* own = nullptr;
        if (sqlite3_open_v2(file, &own, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
            sqlite3_close(own);  // fall back to the caller's connection
            return;
        }
        sqlite3_busy_timeout(own, 5000);
        // 1 GiB of address space, not of memory: pages are the page cache's, shared with every reader.
        sqlite3_exec(own, "PRAGMA mmap_size = 1073741824", nullptr, nullptr, nullptr);
        own_ = handle_ = own;
    }
    ~ExportReader() { sqlite3_close(own_); }
    ExportReader(const ExportReader&) = delete;
    ExportReader& operator=(const ExportReader&) = delete;
    sqlite3* handle() const { return handle_; }

private:
    sqlite3* handle_;
    sqlite3* own_ = nullptr;
};

Status Prepare(sqlite3* h, const QuerySpec& q, Stmt& st) {
    if (sqlite3_prepare_v2(h, q.sql.c_str(), int(q.sql.size()), &st.p, nullptr) != SQLITE_OK)
        return Error{std::string("Kueri ekspor gagal: ") + sqlite3_errmsg(h)};
    for (size_t i = 0; i < q.params.size(); ++i)
        sqlite3_bind_text(st.p, int(i) + 1, q.params[i].data(), int(q.params[i].size()), SQLITE_STATIC);
    return Success();
}

// Writes one result row's cells. Numbers are formatted by us (shortest round-trip form) and so are never
// guarded; text goes through EncodeCsvText.
// sqlite3_column_value is the one call per cell that takes the connection's mutex; the sqlite3_value_*
// readers take none.
inline void WriteRow(AtomicFile& f, sqlite3_stmt* st, int cols, const CsvStyle& style) {
    for (int c = 0; c < cols; ++c) {
        if (c) f.Put(style.separator);
        sqlite3_value* v = sqlite3_column_value(st, c);
        switch (sqlite3_value_type(v)) {
            case SQLITE_NULL:
                break;
            case SQLITE_INTEGER: {
                char* p = f.Reserve(24);
                f.Advance(size_t(std::to_chars(p, p + 24, sqlite3_value_int64(v)).ptr - p));
                break;
            }
            case SQLITE_FLOAT: {
                char* p = f.Reserve(32);
                f.Advance(size_t(std::to_chars(p, p + 32, sqlite3_value_double(v)).ptr - p));
                break;
            }
            default: {
                const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
                const size_t n = size_t(sqlite3_value_bytes(v));
                if (2 * n + 3 <= AtomicFile::kBufferSize) {
                    char* p = f.Reserve(2 * n + 3);
                    f.Advance(EncodeCsvText(p, {text, n}, style));
                } else {  // a pathological multi-megabyte cell
                    std::string tmp;
                    AppendCsvText(tmp, {text, n}, style);
                    f.Write(tmp);
                }
            }
        }
    }
    f.Write(kCsvEol);
}

// Streams one query to an open file; returns the data row count. Error when cancelled or SQLite fails.
Expected<int64_t> StreamCsv(sqlite3* h, const QuerySpec& q, AtomicFile& f, const CsvStyle& style,
                            ProgressTicker& ticker) {
    Stmt st;
    if (auto ok = Prepare(h, q, st); !ok) return ok.error();
    for (size_t i = 0; i < q.header.size(); ++i) {
        if (i) f.Put(style.separator);
        f.Write(q.header[i]);
    }
    f.Write(kCsvEol);
    const int cols = sqlite3_column_count(st.p);
    int64_t rows = 0;
    int rc;
    while ((rc = sqlite3_step(st.p)) == SQLITE_ROW) {
        WriteRow(f, st.p, cols, style);
        ++rows;
        if (!ticker.Row()) return Error{kCancelledMessage};
    }
    if (rc != SQLITE_DONE) return Error{std::string("Ekspor gagal: ") + sqlite3_errmsg(h)};
    return rows;
}

}  // namespace

bool ProgressTicker::Poll() {
    if (cancel_ && cancel_->load()) return false;
    return !fn_ || fn_(state_);
}

bool ProgressTicker::Finish() {
    state_.total = std::max(state_.total, state_.done);
    return Poll();
}

Expected<int64_t> CountRows(SQLite::Database& db, const std::string& sql,
                            const std::vector<std::string>& params) {
    // The WITH prefix (learner filters) must stay in front: count over the final SELECT only.
    QuerySpec spec;
    const auto select = sql.rfind("\nSELECT ");
    const auto plain = sql.rfind("SELECT ", 0) == 0;
    if (select != std::string::npos && !plain)
        spec.sql = sql.substr(0, select + 1) + "SELECT count(*) FROM (" + sql.substr(select + 1) + ")";
    else
        spec.sql = "SELECT count(*) FROM (" + sql + ")";
    spec.params = params;
    Stmt st;
    if (auto ok = Prepare(db.getHandle(), spec, st); !ok) return ok.error();
    if (sqlite3_step(st.p) != SQLITE_ROW)
        return Error{std::string("Kueri gagal: ") + sqlite3_errmsg(db.getHandle())};
    return int64_t(sqlite3_column_int64(st.p, 0));
}

Expected<int64_t> CountLearners(SQLite::Database& db, const LearnerFilter& filter) {
    auto parts = BuildLearnerQuery(filter);
    QuerySpec spec;
    spec.sql = parts.with.sql + "\nSELECT count(*) FROM learner_summary" + parts.where.sql;
    spec.params = parts.with.params;
    spec.params.insert(spec.params.end(), parts.where.params.begin(), parts.where.params.end());
    Stmt st;
    if (auto ok = Prepare(db.getHandle(), spec, st); !ok) return ok.error();
    if (sqlite3_step(st.p) != SQLITE_ROW)
        return Error{std::string("Kueri gagal: ") + sqlite3_errmsg(db.getHandle())};
    return int64_t(sqlite3_column_int64(st.p, 0));
}

Expected<ExportReport> ExportCsv(SQLite::Database& db, const ExportOptions& o,
                                 const std::filesystem::path& out) {
    const auto t0 = std::chrono::steady_clock::now();
    ExportReport r;
    r.file = out;
    r.format = "csv";
    r.contents = o.what == ExportWhat::Completions ? "penyelesaian" : "jawaban";
    r.filter = DescribeFilter(o.filter);
    r.exported_at = util::NowIso8601();
    auto file = AtomicFile::Create(out);
    if (!file) return file.error();
    if (o.csv.bom) (*file)->Write(kUtf8Bom);
    const QuerySpec q = o.what == ExportWhat::Completions ? CompletionsQuery(db, o) : ResponsesQuery(o);
    ProgressTicker ticker(o);
    if (ticker.wants_total()) {
        auto total = CountRows(db, q.sql, q.params);
        if (!total) return total.error();
        ticker.AddTotal(*total);
    }
    ExportReader reader(db);
    auto rows = StreamCsv(reader.handle(), q, **file, o.csv, ticker);
    if (!rows) return rows.error();
    if (!ticker.Finish()) return Error{kCancelledMessage};
    (o.what == ExportWhat::Completions ? r.completion_rows : r.response_rows) = *rows;
    r.rows = *rows;
    auto learners = CountLearners(db, o.filter);
    if (!learners) return learners.error();
    r.learners = *learners;
    if (auto ok = (*file)->Commit(); !ok) return ok.error();
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (o.sidecar) {
        r.sidecar = out.string() + ".meta.json";
        if (auto ok = WriteSidecar(r); !ok) return ok.error();
    }
    return r;
}

}  // namespace sinau::records::detail
