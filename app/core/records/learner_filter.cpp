#include "records/learner_filter.hpp"

namespace sinau::records {
namespace {

const char* ModuleStatusName(ModuleStatus s) {
    switch (s) {
        case ModuleStatus::Belum: return "belum";
        case ModuleStatus::Sedang: return "sedang";
        case ModuleStatus::Lulus: return "lulus";
        case ModuleStatus::Any: break;
    }
    return "";
}

const char* CourseStatusName(CourseStatus s) {
    switch (s) {
        case CourseStatus::Belum: return "belum";
        case CourseStatus::Sedang: return "sedang";
        case CourseStatus::Selesai: return "selesai";
        case CourseStatus::Any: break;
    }
    return "";
}

// The per-learner figures. module_results is the derived table kept current for dashboards
// (migrations.cpp); aggregating it once with GROUP BY (one scan in primary-key order) is far cheaper at
// 100,000 learners than one correlated lookup per learner per figure.
constexpr const char* kWithPrefix = R"SQL(WITH
mr_agg AS (SELECT learner_id, sum(status = 'lulus') AS passed, sum(status <> 'belum') AS started,
                  avg(score) AS avg_score, max(updated_at) AS last
           FROM module_results GROUP BY learner_id),
rp_agg AS (SELECT learner_id, max(updated_at) AS last FROM reading_progress GROUP BY learner_id),
learner_summary AS (
  SELECT l.id, l.nip, l.name, l.instansi, l.jabatan, l.removed_at,
         coalesce(m.passed, 0) AS passed, coalesce(m.started, 0) AS started, m.avg_score AS avg_score,
         c.completed_at AS completed_at, c.final_score AS final_score,
         max(l.updated_at, coalesce(m.last, ''), coalesce(r.last, ''), coalesce(c.updated_at, '')) AS last_activity,
         CASE WHEN c.learner_id IS NOT NULL THEN 'selesai'
              WHEN coalesce(m.started, 0) > 0 OR r.learner_id IS NOT NULL THEN 'sedang'
              ELSE 'belum' END AS course_status
  FROM learners l
  LEFT JOIN mr_agg m ON m.learner_id = l.id
  LEFT JOIN rp_agg r ON r.learner_id = l.id
  LEFT JOIN completions c ON c.learner_id = l.id))SQL";

}  // namespace

std::string EscapeLike(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out;
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
        if (f.module_status == ModuleStatus::Belum) {
            conds.push_back(
                "NOT EXISTS (SELECT 1 FROM module_results x WHERE x.learner_id = learner_summary.id "
                "AND x.module_id = ? AND x.status <> 'belum')");
            p.push_back(f.module_id);
        } else {
            conds.push_back(
                "EXISTS (SELECT 1 FROM module_results x WHERE x.learner_id = learner_summary.id "
                "AND x.module_id = ? AND x.status = ?)");
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

}  // namespace sinau::records
