#pragma once
// The administrator's dashboard as queries: a page of the learner table (search, filters, sort), the
// per-instansi summary and the data behind the charts. Plain structs out; the UI draws them and never
// touches SQL (app/ui rule).
//
// Threads: each call runs on the connection it is given; run it on a worker thread with its own
// connection if the UI must not wait (at 100,000 learners a page takes tens to a few hundred ms; see
// tools/bench/dashboard_filter.sh). All functions throw SQLite::Exception on database errors.
#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "records/learner_filter.hpp"

namespace sinau::records {

enum class SortKey { Name, Nip, Instansi, ModulesPassed, AverageScore, FinalScore, CompletedAt, LastActivity };

struct LearnerSort {
    SortKey key = SortKey::Name;
    bool descending = false;
};

struct ModuleCell {  // one learner in one module (module_results), for the page's per-module columns
    std::string module_id;
    std::string status;  // 'belum' | 'sedang' | 'lulus'
    std::optional<double> score;
};

struct LearnerRow {
    std::string id, nip, name, instansi, jabatan;
    bool removed = false;
    int modules_passed = 0;
    int modules_started = 0;
    std::optional<double> average_score;  // mean of module scores
    std::optional<double> final_score;    // completions.final_score
    std::string completed_at;             // "" when the course is not completed
    std::string last_activity;            // ISO 8601 UTC
    std::string course_status;            // 'belum' | 'sedang' | 'selesai'
    std::vector<ModuleCell> modules;      // the learner's module_results rows, ordered by module id
};

struct LearnerPage {
    int64_t total = 0;  // learners matching the filter (for the scroll bar / "1–50 dari 1.234")
    std::vector<LearnerRow> rows;
};

// Rows [offset, offset + limit) of the filtered, sorted table. Ties are broken by NIP so paging is stable.
LearnerPage QueryLearners(SQLite::Database& db, const LearnerFilter& filter, LearnerSort sort, int64_t offset,
                          int64_t limit);

struct InstansiSummary {
    std::string instansi;
    int64_t learners = 0;
    int64_t started = 0;    // course_status sedang or selesai
    int64_t completed = 0;  // course_status selesai
    std::optional<double> average_final_score;
    double completion_rate() const { return learners ? double(completed) / double(learners) : 0.0; }
};
std::vector<InstansiSummary> SummariseByInstansi(SQLite::Database& db, const LearnerFilter& filter);

struct ModuleCompletion {
    std::string module_id;
    int64_t lulus = 0, sedang = 0, belum = 0;  // belum includes learners with no row for the module
    std::optional<double> average_score;
};
// One entry per module id in `modules` (or every module seen in the database when empty).
std::vector<ModuleCompletion> CompletionPerModule(SQLite::Database& db, const LearnerFilter& filter,
                                                  const std::vector<std::string>& modules = {});

struct Histogram {
    double lo = 0, hi = 100;
    std::vector<int64_t> counts;  // bins of equal width; the last bin includes hi
    int64_t total() const;
};
// Distribution of final course scores (module_id empty) or of one module's scores, for the filtered learners.
Histogram ScoreHistogram(SQLite::Database& db, const LearnerFilter& filter, const std::string& module_id = {},
                         int bins = 10);

// The SQL QueryLearners runs (the page with count(*) OVER () and LIMIT/OFFSET as the last two parameters;
// the count alone only for an empty page), exposed so
// tools/bench/dashboard_filter.sh can give the sqlite3 shell exactly the same queries.
namespace detail {
SqlQuery LearnerCountSql(const LearnerFilter& filter);
SqlQuery LearnerPageSql(const LearnerFilter& filter, LearnerSort sort);
}  // namespace detail

// Values for the filter drop-downs.
std::vector<std::string> ListInstansi(SQLite::Database& db);
std::vector<std::string> ListModules(SQLite::Database& db);  // ids seen in module_results or attempts

}  // namespace sinau::records
