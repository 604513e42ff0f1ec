// CSV export: a plain sqlite3_step loop writing straight into AtomicFile's 1 MiB buffer, with RFC 4180
// quoting and the OWASP guard done by hand (csv.hpp). No per-cell allocation, no iostreams: the goal is
// to beat the sqlite3 shell's own `-csv` output of the same query (tools/bench/export_csv.sh).
#include <sqlite3.h>

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

Status Prepare(SQLite::Database& db, const QuerySpec& q, Stmt& st) {
    sqlite3* h = db.getHandle();
    if (sqlite3_prepare_v2(h, q.sql.c_str(), int(q.sql.size()), &st.p, nullptr) != SQLITE_OK)
        return Error{std::string("Kueri ekspor gagal: ") + sqlite3_errmsg(h)};
    for (size_t i = 0; i < q.params.size(); ++i)
        sqlite3_bind_text(st.p, int(i) + 1, q.params[i].data(), int(q.params[i].size()), SQLITE_STATIC);
    return Success();
}

// Writes one result row's cells. Numbers are formatted by us (shortest round-trip form) and so are never
// guarded; text goes through EncodeCsvText.
inline void WriteRow(AtomicFile& f, sqlite3_stmt* st, int cols, const CsvStyle& style) {
    for (int c = 0; c < cols; ++c) {
        if (c) f.Put(style.separator);
        switch (sqlite3_column_type(st, c)) {
            case SQLITE_NULL: break;
            case SQLITE_INTEGER: {
                char* p = f.Reserve(24);
                f.Advance(size_t(std::to_chars(p, p + 24, sqlite3_column_int64(st, c)).ptr - p));
                break;
            }
            case SQLITE_FLOAT: {
                char* p = f.Reserve(32);
                f.Advance(size_t(std::to_chars(p, p + 32, sqlite3_column_double(st, c)).ptr - p));
                break;
            }
            default: {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
                const size_t n = size_t(sqlite3_column_bytes(st, c));
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

}  // namespace

// Streams one query to an open file; returns the data row count. Error when cancelled or SQLite fails.
Expected<int64_t> StreamCsv(SQLite::Database& db, const QuerySpec& q, AtomicFile& f, const CsvStyle& style,
                            const std::atomic<bool>* cancel) {
    Stmt st;
    if (auto ok = Prepare(db, q, st); !ok) return ok.error();
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
        if ((++rows & 4095) == 0 && cancel && cancel->load()) return Error{"Ekspor dibatalkan; tidak ada berkas ditulis."};
    }
    if (rc != SQLITE_DONE) return Error{std::string("Ekspor gagal: ") + sqlite3_errmsg(db.getHandle())};
    return rows;
}

Expected<int64_t> CountLearners(SQLite::Database& db, const LearnerFilter& filter) {
    auto parts = BuildLearnerQuery(filter);
    QuerySpec spec;
    spec.sql = parts.with.sql + "\nSELECT count(*) FROM learner_summary" + parts.where.sql;
    spec.params = parts.with.params;
    spec.params.insert(spec.params.end(), parts.where.params.begin(), parts.where.params.end());
    Stmt st;
    if (auto ok = Prepare(db, spec, st); !ok) return ok.error();
    if (sqlite3_step(st.p) != SQLITE_ROW) return Error{std::string("Kueri gagal: ") + sqlite3_errmsg(db.getHandle())};
    return int64_t(sqlite3_column_int64(st.p, 0));
}

Expected<ExportReport> ExportCsv(SQLite::Database& db, const ExportOptions& o, const std::filesystem::path& out) {
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
    auto rows = StreamCsv(db, q, **file, o.csv, o.cancel);
    if (!rows) return rows.error();
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
