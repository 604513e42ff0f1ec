#pragma once
// The administrator's dashboard as queries: a page of the learner table (search, filters, sort), the
// per-instansi summary and the data behind the charts. Plain structs out; the UI draws them and never
// touches SQL (app/ui rule).
//
// Every query reads learner_stats, the per-learner summary the schema keeps current on write (store/
// migrations.cpp v3, through `learner_summary` in learner_filter.hpp), so at 100,000 learners:
//   - QueryLearnerPage is keyset paging: a page starts after the previous page's last row (its sort key and
//     NIP), an index range walk whatever page it is; no OFFSET, no count.
//   - SummariseDashboard is one statement for the filtered total, the per-instansi summary, the score
//     distribution and the completion per module.
// Figures: tools/bench/dashboard_filter.sh.
//
// Threads: each call runs on the connection it is given (the UI runs them on a worker with its own
// connection). All functions throw SQLite::Exception on database errors.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "store/database.hpp"
#include "store/learner_filter.hpp"

namespace sinau::store {

enum class SortKey {
    Name,
    Nip,
    Instansi,
    ModulesPassed,
    AverageScore,
    FinalScore,
    CompletedAt,
    LastActivity
};

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

// One page of the filtered, sorted table: the `limit` rows that follow `after` (the previous page's last
// row; nullptr = the first page) in the sort order. Ties are broken by NIP; rows without the sort value
// (no score, not completed) come last in both directions. `more` = a further page exists.
struct KeysetPage {
    std::vector<LearnerRow> rows;
    bool more = false;
};
KeysetPage QueryLearnerPage(Database& db, const LearnerFilter& filter, LearnerSort sort,
                            const LearnerRow* after, int64_t limit);

// Rows [offset, offset + limit) of the filtered, sorted table and the filtered total, in the same order as
// QueryLearnerPage. For "every row the filter selects" (certificates); pages of the UI use QueryLearnerPage.
LearnerPage QueryLearners(Database& db, const LearnerFilter& filter, LearnerSort sort, int64_t offset,
                          int64_t limit);

struct InstansiSummary {
    std::string instansi;
    int64_t learners = 0;
    int64_t started = 0;    // course_status sedang or selesai
    int64_t completed = 0;  // course_status selesai
    std::optional<double> average_final_score;
    double completion_rate() const { return learners ? double(completed) / double(learners) : 0.0; }
};
std::vector<InstansiSummary> SummariseByInstansi(Database& db, const LearnerFilter& filter);

struct ModuleCompletion {
    std::string module_id;
    int64_t lulus = 0, sedang = 0, belum = 0;  // belum includes learners with no row for the module
    std::optional<double> average_score;
};
// One entry per module id in `modules` (or every module seen in the database when empty).
std::vector<ModuleCompletion> CompletionPerModule(Database& db, const LearnerFilter& filter,
                                                  const std::vector<std::string>& modules = {});

struct Histogram {
    double lo = 0, hi = 100;
    std::vector<int64_t> counts;  // bins of equal width; the last bin includes hi
    int64_t total() const;
};
// Distribution of final course scores (module_id empty) or of one module's scores, for the filtered learners.
Histogram ScoreHistogram(Database& db, const LearnerFilter& filter, const std::string& module_id = {},
                         int bins = 10);

// Everything the dashboard shows beside the table, from ONE statement (two scans: learner_stats for the
// counts, per-instansi rows and score bins; module_results for the module chart).
struct DashboardSummary {
    int64_t learners = 0, started = 0, completed = 0;  // the filtered learners
    std::optional<double> average_final_score;
    std::vector<InstansiSummary> instansi;  // ordered by instansi, case-insensitively
    std::vector<ModuleCompletion> modules;  // as CompletionPerModule
    Histogram histogram;                    // final scores, as ScoreHistogram(db, filter, {}, bins)
};
DashboardSummary SummariseDashboard(Database& db, const LearnerFilter& filter,
                                    const std::vector<std::string>& modules = {}, int bins = 10);

// SQL with typed parameters (a keyset value may be text, an integer or a real).
using SqlValue = std::variant<std::string, int64_t, double>;
struct TypedQuery {
    std::string sql;
    std::vector<SqlValue> params;
};

// The SQL the queries above run, exposed so tools/bench/dashboard_*.sh can give the sqlite3 shell exactly
// the same statements. LearnerPageSql ends in LIMIT ? OFFSET ? (bound after the filter's parameters).
namespace detail {
SqlQuery LearnerCountSql(const LearnerFilter& filter);
SqlQuery LearnerPageSql(const LearnerFilter& filter, LearnerSort sort);
// The statements of one keyset page, run in order until `limit` rows are found: the rows that have the
// sort value, then (nullable keys) those without it. Each ends in LIMIT (bound as its last parameter).
std::vector<TypedQuery> KeysetPageSql(const LearnerFilter& filter, LearnerSort sort, const LearnerRow* after,
                                      int64_t limit);
TypedQuery SummarySql(const LearnerFilter& filter, const std::vector<std::string>& modules, int bins);
}  // namespace detail

// Values for the filter drop-downs.
std::vector<std::string> ListInstansi(Database& db);
std::vector<std::string> ListModules(Database& db);  // ids seen in module_results or attempts

}  // namespace sinau::store
