// CSV export: the store's row stream (store::RowStream, a private read-only connection with no mutex and
// memory-mapped reads) written straight into AtomicFile's 1 MiB buffer, with RFC 4180 quoting and the
// OWASP guard done by hand (csv.hpp). No per-cell allocation, no iostreams: the goal is to beat the sqlite3
// shell's own `-csv` output of the same query (tools/bench/export_csv.sh).
#include <algorithm>
#include <charconv>
#include <chrono>

#include "exports/export.hpp"
#include "util/atomic_file.hpp"
#include "util/time.hpp"

namespace sinau::exports::detail {
namespace {

using store::Cell;
using util::AtomicFile;

// Writes one result row's cells. Numbers are formatted by us (shortest round-trip form) and so are never
// guarded; text goes through EncodeCsvText.
inline void WriteRow(AtomicFile& f, const std::vector<Cell>& cells, const CsvStyle& style) {
    for (size_t c = 0; c < cells.size(); ++c) {
        if (c) f.Put(style.separator);
        const Cell& cell = cells[c];
        switch (cell.type) {
            case Cell::Type::Null:
                break;
            case Cell::Type::Integer: {
                char* p = f.Reserve(24);
                f.Advance(size_t(std::to_chars(p, p + 24, cell.integer).ptr - p));
                break;
            }
            case Cell::Type::Real: {
                char* p = f.Reserve(32);
                f.Advance(size_t(std::to_chars(p, p + 32, cell.real).ptr - p));
                break;
            }
            case Cell::Type::Text: {
                const size_t n = cell.text.size();
                if (2 * n + 3 <= AtomicFile::kBufferSize) {
                    char* p = f.Reserve(2 * n + 3);
                    f.Advance(EncodeCsvText(p, cell.text, style));
                } else {  // a pathological multi-megabyte cell
                    std::string tmp;
                    AppendCsvText(tmp, cell.text, style);
                    f.Write(tmp);
                }
            }
        }
    }
    f.Write(kCsvEol);
}

// Streams one query to an open file; returns the data row count. Error when cancelled or SQLite fails.
Expected<int64_t> StreamCsv(store::Database& db, const store::ExportQuery& q, AtomicFile& f,
                            const CsvStyle& style, ProgressTicker& ticker) {
    auto rows = store::RowStream::Open(db, q, /*private_connection=*/true);
    if (!rows) return rows.error();
    for (size_t i = 0; i < q.header.size(); ++i) {
        if (i) f.Put(style.separator);
        f.Write(q.header[i]);
    }
    f.Write(kCsvEol);
    int64_t n = 0;
    while ((*rows)->Next()) {
        WriteRow(f, (*rows)->cells(), style);
        ++n;
        if (!ticker.Row()) return Error{kCancelledMessage};
    }
    if (!(*rows)->status()) return (*rows)->status().error();
    return n;
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

Expected<ExportReport> ExportCsv(store::Database& db, const ExportOptions& o,
                                 const std::filesystem::path& out) {
    const auto t0 = std::chrono::steady_clock::now();
    ExportReport r;
    r.file = out;
    r.format = "csv";
    r.contents = o.what == ExportWhat::Completions ? "penyelesaian" : "jawaban";
    r.filter = store::DescribeFilter(o.filter);
    r.exported_at = util::NowIso8601();
    auto file = AtomicFile::Create(out);
    if (!file) return file.error();
    if (o.csv.bom) (*file)->Write(kUtf8Bom);
    const store::ExportQuery q = o.what == ExportWhat::Completions
                                     ? store::CompletionRows(o.filter, ModuleIds(db, o))
                                     : store::ResponseRows(o.filter);
    ProgressTicker ticker(o);
    if (ticker.wants_total()) {
        auto total = store::CountRows(db, q);
        if (!total) return total.error();
        ticker.AddTotal(*total);
    }
    auto rows = StreamCsv(db, q, **file, o.csv, ticker);
    if (!rows) return rows.error();
    if (!ticker.Finish()) return Error{kCancelledMessage};
    (o.what == ExportWhat::Completions ? r.completion_rows : r.response_rows) = *rows;
    r.rows = *rows;
    auto learners = store::CountLearners(db, o.filter);
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

}  // namespace sinau::exports::detail
