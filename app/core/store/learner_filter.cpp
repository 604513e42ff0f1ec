#include "store/learner_filter.hpp"

namespace sinau::store {
namespace {

const char* ModuleStatusName(ModuleStatus s) {
    switch (s) {
        case ModuleStatus::Belum:
            return "belum";
        case ModuleStatus::Sedang:
            return "sedang";
        case ModuleStatus::Lulus:
            return "lulus";
        case ModuleStatus::Any:
            break;
    }
    return "";
}

const char* CourseStatusName(CourseStatus s) {
    switch (s) {
        case CourseStatus::Belum:
            return "belum";
        case CourseStatus::Sedang:
            return "sedang";
        case CourseStatus::Selesai:
            return "selesai";
        case CourseStatus::Any:
            break;
    }
    return "";
}

// The per-learner figures come from learner_stats, the summary table the schema keeps current on every
// write (store/migrations.cpp, v3): filtering, sorting and counting are index walks over one table instead
// of aggregating module_results, reading_progress and completions for 100,000 learners per query.
// NOT MATERIALIZED: SQLite flattens the CTE into each use (even when a statement uses it twice), so the
// WHERE below reaches learner_stats' indexes instead of a 100,000-row temporary copy.
constexpr const char* kWithPrefix = R"SQL(WITH
learner_summary AS NOT MATERIALIZED (
  SELECT learner_id AS id, nip, name, instansi, jabatan, removed_at, passed, started, avg_score,
         completed_at, final_score, last_activity, course_status
  FROM learner_stats))SQL";

}  // namespace

std::string EscapeLike(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

bool SameFilter(const LearnerFilter& a, const LearnerFilter& b) {
    return a.search == b.search && a.instansi == b.instansi && a.since == b.since && a.until == b.until &&
           a.date_field == b.date_field && a.module_id == b.module_id && a.module_status == b.module_status &&
           a.status == b.status && a.include_removed == b.include_removed;
}

std::string DescribeFilter(const LearnerFilter& f) {
    std::string out;
    auto add = [&](const std::string& part) {
        if (!out.empty()) out += "; ";
        out += part;
    };
    if (!f.search.empty()) add("cari \"" + f.search + "\"");
    if (!f.instansi.empty()) add("instansi = " + f.instansi);
    const char* field = f.date_field == DateField::Completion ? "tanggal selesai" : "aktivitas terakhir";
    if (!f.since.empty()) add(std::string(field) + " sejak " + f.since);
    if (!f.until.empty()) add(std::string(field) + " sampai " + f.until);
    if (!f.module_id.empty() && f.module_status != ModuleStatus::Any)
        add("modul " + f.module_id + " = " + ModuleStatusName(f.module_status));
    if (f.status != CourseStatus::Any) add(std::string("status kursus = ") + CourseStatusName(f.status));
    if (!f.include_removed) add("tanpa peserta yang dihapus");
    return out.empty() ? "semua peserta" : out;
}

LearnerQueryParts BuildLearnerQuery(const LearnerFilter& f) {
    LearnerQueryParts parts;
    parts.with.sql = kWithPrefix;
    std::vector<std::string> conds;
    auto& p = parts.where.params;
    if (!f.search.empty()) {
        conds.push_back("(name LIKE ? ESCAPE '\\' OR nip LIKE ? ESCAPE '\\')");
        const std::string pat = "%" + EscapeLike(f.search) + "%";
        p.push_back(pat);
        p.push_back(pat);
    }
    if (!f.instansi.empty()) {
        conds.push_back("instansi = ?");
        p.push_back(f.instansi);
    }
    if (!f.include_removed) conds.push_back("removed_at IS NULL");
    const char* col = f.date_field == DateField::Completion ? "completed_at" : "last_activity";
    if (!f.since.empty()) {
        conds.push_back(std::string(col) + " >= ?");
        p.push_back(f.since);
    }
    if (!f.until.empty()) {
        // ISO 8601 text sorts in time order; "YYYY-MM-DDU" sorts after every time of that day ('T' < 'U').
        conds.push_back(std::string(col) + " < ?");
        p.push_back(f.until + "U");
    }
    if (!f.module_id.empty() && f.module_status != ModuleStatus::Any) {
        // IN (a set read once from the module_results_module index, module_id + status) rather than a
        // correlated EXISTS per learner: one index range instead of 100,000 probes. The unary + keeps
        // SQLite from driving the query by that set (30,000 lookups and a sort for a page): it walks the
        // sort order's index and tests each learner against the set, stopping after one page.
        if (f.module_status == ModuleStatus::Belum) {
            conds.push_back(
                "+id NOT IN (SELECT learner_id FROM module_results WHERE module_id = ? AND status <> "
                "'belum')");
            p.push_back(f.module_id);
        } else {
            conds.push_back(
                "+id IN (SELECT learner_id FROM module_results WHERE module_id = ? AND status = ?)");
            p.push_back(f.module_id);
            p.push_back(ModuleStatusName(f.module_status));
        }
    }
    if (f.status != CourseStatus::Any) {
        conds.push_back("course_status = ?");
        p.push_back(CourseStatusName(f.status));
    }
    for (size_t i = 0; i < conds.size(); ++i) parts.where.sql += (i == 0 ? " WHERE " : " AND ") + conds[i];
    return parts;
}

SqlQuery BuildLearnerIdQuery(const LearnerFilter& filter) {
    auto parts = BuildLearnerQuery(filter);
    SqlQuery q;
    q.sql = parts.with.sql + "\nSELECT id FROM learner_summary" + parts.where.sql;
    q.params = parts.with.params;
    q.params.insert(q.params.end(), parts.where.params.begin(), parts.where.params.end());
    return q;
}

}  // namespace sinau::store
