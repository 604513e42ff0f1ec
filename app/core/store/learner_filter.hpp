#pragma once
// Which learners a dashboard view or an export covers. One filter type for both, so "export the current
// filter" from the dashboard and `sinau export --instansi X --since D` select exactly the same people.
//
// The filter is turned into SQL over the `learner_summary` common table expression (one row per learner
// with derived figures, read from the learner_stats table the schema keeps current on write, v3);
// BuildLearnerQuery() returns the text and its parameters, bound in order.
#include <string>
#include <vector>

namespace sinau::store {

enum class CourseStatus { Any, Belum, Sedang, Selesai };  // not started / in progress / course completed
enum class ModuleStatus { Any, Belum, Sedang, Lulus };    // module_results.status (absent row = belum)
enum class DateField { LastActivity, Completion };        // what --since/--until compare

struct LearnerFilter {
    std::string search;    // substring of name or NIP, ASCII-case-insensitive; "" = everyone
    std::string instansi;  // exact instansi; "" = all
    std::string since;     // "YYYY-MM-DD" inclusive (UTC day); "" = open
    std::string until;     // "YYYY-MM-DD" inclusive; "" = open
    DateField date_field = DateField::LastActivity;
    std::string module_id;  // with module_status: learners whose status in this module is ...
    ModuleStatus module_status = ModuleStatus::Any;
    CourseStatus status = CourseStatus::Any;
    bool include_removed = true;  // learners removed from the picker still have records an admin reports on

    bool empty() const {
        return search.empty() && instansi.empty() && since.empty() && until.empty() &&
               (module_id.empty() || module_status == ModuleStatus::Any) && status == CourseStatus::Any &&
               include_removed;
    }
};

// Whether two filters select the same learners (every field equal).
bool SameFilter(const LearnerFilter& a, const LearnerFilter& b);

// One line in Bahasa Indonesia naming the filter ("instansi = X; sejak 2024-01-01"), "semua peserta" if
// empty.
std::string DescribeFilter(const LearnerFilter& filter);

struct SqlQuery {
    std::string sql;
    std::vector<std::string> params;  // bound as text, in order
};

// "WITH ... learner_summary AS (...)" — one row per learner, columns: id, nip, name, instansi, jabatan,
// removed_at, passed, started, avg_score, completed_at, final_score, last_activity, course_status
// ('belum'|'sedang'|'selesai') — and the filter as " WHERE ..." over learner_summary.
struct LearnerQueryParts {
    SqlQuery with;   // the WITH clause (params for it)
    SqlQuery where;  // " WHERE ..." or "" (params for it)
};
LearnerQueryParts BuildLearnerQuery(const LearnerFilter& filter);

// SQL for "the ids of the learners the filter selects": "SELECT id FROM learner_summary WHERE ..." with
// the WITH clause; params in order.
SqlQuery BuildLearnerIdQuery(const LearnerFilter& filter);

// Escapes % _ and \ for LIKE ... ESCAPE '\'.
std::string EscapeLike(std::string_view text);

}  // namespace sinau::store
