#pragma once
// The rows behind every export (exports/export.hpp writes them as CSV, XLSX or xAPI): the queries, and a
// stream that hands their rows out one at a time with no allocation per cell, so a million answers cost
// what the formatting costs (tools/bench/export_csv.sh compares with the sqlite3 shell's own CSV).
//
// Threads: the caller's connection, or a private one (RowStream::Open). Never throws: errors are values.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "store/learner_filter.hpp"
#include "util/expected.hpp"

namespace sinau::store {

// One export query: SQL, its text parameters in order, and the export's column titles (one per column).
struct ExportQuery {
    std::string sql;
    std::vector<std::string> params;
    std::vector<std::string> header;  // Bahasa Indonesia, as the file shows them
};

// One row per learner the filter selects x module (course order, `module_ids`; every module, "belum" when
// the learner has no row for it), by name (case-insensitive), NIP, module.
ExportQuery CompletionRows(const LearnerFilter& filter, const std::vector<std::string>& module_ids);
// One row per answer (quiz and class), in the order answers were recorded; the filter's since/until select
// the answers' own times, its other fields the learners.
ExportQuery ResponseRows(const LearnerFilter& filter);
// The three record kinds an xAPI export states, each with since/until on its own time: attempts (started),
// answers (answered), course completions (completed). Columns: see exports/export_xapi.cpp.
ExportQuery XapiAttemptRows(const LearnerFilter& filter);
ExportQuery XapiAnswerRows(const LearnerFilter& filter);
ExportQuery XapiCompletionRows(const LearnerFilter& filter);

// count(*) of a query's rows (a progress total), and of the learners a filter selects.
Expected<int64_t> CountRows(Database& db, const ExportQuery& query);
Expected<int64_t> CountLearners(Database& db, const LearnerFilter& filter);

// A value as SQLite stored it. `text` stays valid until the stream's next Next() and is NUL-terminated
// (text.data()[text.size()] == '\0', SQLite's own buffer), so C libraries can take text.data().
struct Cell {
    enum class Type { Null, Integer, Real, Text } type = Type::Null;
    int64_t integer = 0;
    double real = 0;
    std::string_view text;
};

class RowStream {
public:
    // Prepares `query`. private_connection: read through a read-only connection of its own to the same
    // file, opened without SQLite's mutex (it never leaves this thread) and memory-mapped (no pread copy
    // per page); it sees the file's COMMITTED state. A database without a file (":memory:") is read
    // through `db` whatever is asked.
    static Expected<std::unique_ptr<RowStream>> Open(Database& db, const ExportQuery& query,
                                                     bool private_connection = false);
    ~RowStream();
    RowStream(const RowStream&) = delete;
    RowStream& operator=(const RowStream&) = delete;

    int columns() const { return int(cells_.size()); }
    // The next row into cells(): false at the end, or on an error (status() then says what).
    bool Next();
    const std::vector<Cell>& cells() const { return cells_; }
    const Status& status() const { return status_; }

private:
    RowStream() = default;
    struct Handles;
    std::unique_ptr<Handles> handles_;
    std::vector<Cell> cells_;
    Status status_ = Success();
};

}  // namespace sinau::store
