#include "records/dashboard.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>

namespace sinau::records {
namespace {

void BindAll(SQLite::Statement& q, const std::vector<std::string>& params, int first = 1) {
    for (size_t i = 0; i < params.size(); ++i) q.bind(first + int(i), params[i]);
}

std::optional<double> OptDouble(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getDouble();
}

const char* OrderColumn(SortKey key) {
    switch (key) {
        case SortKey::Name: return "name";
        case SortKey::Nip: return "nip";
        case SortKey::Instansi: return "instansi";
        case SortKey::ModulesPassed: return "passed";
        case SortKey::AverageScore: return "avg_score";
        case SortKey::FinalScore: return "final_score";
        case SortKey::CompletedAt: return "completed_at";
        case SortKey::LastActivity: return "last_activity";
    }
    return "name";
}

bool IsText(SortKey key) { return key == SortKey::Name || key == SortKey::Instansi; }

// WITH ... + body + WHERE, params in order.
SqlQuery Compose(const LearnerFilter& filter, const std::string& select_from, const std::string& tail = {}) {
    auto parts = BuildLearnerQuery(filter);
    SqlQuery q;
    q.sql = parts.with.sql + "\n" + select_from + parts.where.sql + tail;
    q.params = parts.with.params;
    q.params.insert(q.params.end(), parts.where.params.begin(), parts.where.params.end());
    return q;
}

}  // namespace

int64_t Histogram::total() const {
    int64_t t = 0;
    for (auto c : counts) t += c;
    return t;
}

namespace detail {
SqlQuery LearnerCountSql(const LearnerFilter& filter) { return Compose(filter, "SELECT count(*) FROM learner_summary"); }

SqlQuery LearnerPageSql(const LearnerFilter& filter, LearnerSort sort) {
    // NULLs last whatever the direction: a learner without a score is not "the lowest score".
    const std::string col = OrderColumn(sort.key);
    const std::string dir = sort.descending ? " DESC" : " ASC";
    const std::string order = " ORDER BY (" + col + " IS NULL), " + col + (IsText(sort.key) ? " COLLATE NOCASE" : "") +
                              dir + ", nip" + dir + " LIMIT ? OFFSET ?";
    return Compose(filter,
                   "SELECT id, nip, name, instansi, jabatan, removed_at IS NOT NULL, passed, started, avg_score, "
                   "final_score, coalesce(completed_at, ''), last_activity, course_status, count(*) OVER () "
                   "FROM learner_summary",
                   order);
}
}  // namespace detail

LearnerPage QueryLearners(SQLite::Database& db, const LearnerFilter& filter, LearnerSort sort, int64_t offset,
                          int64_t limit) {
    LearnerPage page;
    // One pass: the page query carries count(*) OVER () (the filtered total, computed before LIMIT), so the
    // per-learner aggregates are evaluated once, not once for the count and again for the page.
    auto q = detail::LearnerPageSql(filter, sort);
    SQLite::Statement st(db, q.sql);
    BindAll(st, q.params);
    st.bind(int(q.params.size()) + 1, limit);
    st.bind(int(q.params.size()) + 2, offset);
    std::map<std::string, size_t> index;
    while (st.executeStep()) {
        LearnerRow r;
        r.id = st.getColumn(0).getString();
        r.nip = st.getColumn(1).getString();
        r.name = st.getColumn(2).getString();
        r.instansi = st.getColumn(3).getString();
        r.jabatan = st.getColumn(4).getString();
        r.removed = st.getColumn(5).getInt() != 0;
        r.modules_passed = st.getColumn(6).getInt();
        r.modules_started = st.getColumn(7).getInt();
        r.average_score = OptDouble(st.getColumn(8));
        r.final_score = OptDouble(st.getColumn(9));
        r.completed_at = st.getColumn(10).getString();
        r.last_activity = st.getColumn(11).getString();
        r.course_status = st.getColumn(12).getString();
        page.total = st.getColumn(13).getInt64();
        index[r.id] = page.rows.size();
        page.rows.push_back(std::move(r));
    }
    if (page.rows.empty()) {
        // Past the end (or nothing matches): the window count came with no row, so count separately.
        auto c = detail::LearnerCountSql(filter);
        SQLite::Statement cs(db, c.sql);
        BindAll(cs, c.params);
        if (cs.executeStep()) page.total = cs.getColumn(0).getInt64();
        return page;
    }
    // Per-module cells for the page's learners only (primary-key lookups).
    std::string sql = "SELECT learner_id, module_id, status, score FROM module_results WHERE learner_id IN (";
    for (size_t i = 0; i < page.rows.size(); ++i) sql += i ? ",?" : "?";
    sql += ") ORDER BY learner_id, module_id";
    SQLite::Statement cells(db, sql);
    for (size_t i = 0; i < page.rows.size(); ++i) cells.bind(int(i) + 1, page.rows[i].id);
    while (cells.executeStep()) {
        auto it = index.find(cells.getColumn(0).getString());
        if (it == index.end()) continue;
        page.rows[it->second].modules.push_back(
            {cells.getColumn(1).getString(), cells.getColumn(2).getString(), OptDouble(cells.getColumn(3))});
    }
    return page;
}

std::vector<InstansiSummary> SummariseByInstansi(SQLite::Database& db, const LearnerFilter& filter) {
    auto q = Compose(filter,
                     "SELECT instansi, count(*), sum(course_status <> 'belum'), sum(course_status = 'selesai'), "
                     "avg(final_score) FROM learner_summary",
                     " GROUP BY instansi ORDER BY instansi COLLATE NOCASE");
    SQLite::Statement st(db, q.sql);
    BindAll(st, q.params);
    std::vector<InstansiSummary> out;
    while (st.executeStep()) {
        InstansiSummary s;
        s.instansi = st.getColumn(0).getString();
        s.learners = st.getColumn(1).getInt64();
        s.started = st.getColumn(2).getInt64();
        s.completed = st.getColumn(3).getInt64();
        s.average_final_score = OptDouble(st.getColumn(4));
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<ModuleCompletion> CompletionPerModule(SQLite::Database& db, const LearnerFilter& filter,
                                                  const std::vector<std::string>& modules) {
    int64_t learners = 0;
    {
        auto q = Compose(filter, "SELECT count(*) FROM learner_summary");
        SQLite::Statement st(db, q.sql);
        BindAll(st, q.params);
        if (st.executeStep()) learners = st.getColumn(0).getInt64();
    }
    std::map<std::string, ModuleCompletion> by_id;
    for (const auto& m : modules) by_id[m].module_id = m;
    auto q = Compose(filter,
                     "SELECT mr.module_id, sum(mr.status = 'lulus'), sum(mr.status = 'sedang'), avg(mr.score) "
                     "FROM module_results mr WHERE mr.learner_id IN (SELECT id FROM learner_summary",
                     ") GROUP BY mr.module_id");
    SQLite::Statement st(db, q.sql);
    BindAll(st, q.params);
    while (st.executeStep()) {
        const std::string id = st.getColumn(0).getString();
        if (!modules.empty() && !by_id.count(id)) continue;
        auto& m = by_id[id];
        m.module_id = id;
        m.lulus = st.getColumn(1).getInt64();
        m.sedang = st.getColumn(2).getInt64();
        m.average_score = OptDouble(st.getColumn(3));
    }
    std::vector<ModuleCompletion> out;
    if (modules.empty())
        for (auto& [id, m] : by_id) out.push_back(m);
    else
        for (const auto& id : modules) out.push_back(by_id[id]);
    for (auto& m : out) m.belum = std::max<int64_t>(0, learners - m.lulus - m.sedang);
    return out;
}

Histogram ScoreHistogram(SQLite::Database& db, const LearnerFilter& filter, const std::string& module_id,
                         int bins) {
    Histogram h;
    h.counts.assign(size_t(std::max(1, bins)), 0);
    SqlQuery q;
    if (module_id.empty()) {
        q = Compose(filter, "SELECT final_score FROM (SELECT final_score FROM learner_summary",
                    ") WHERE final_score IS NOT NULL");
    } else {
        q = Compose(filter,
                    "SELECT mr.score FROM module_results mr WHERE mr.score IS NOT NULL AND mr.module_id = ?1000 "
                    "AND mr.learner_id IN (SELECT id FROM learner_summary",
                    ")");
    }
    SQLite::Statement st(db, q.sql);
    BindAll(st, q.params);
    if (!module_id.empty()) st.bind(1000, module_id);
    const double width = (h.hi - h.lo) / double(h.counts.size());
    while (st.executeStep()) {
        const double v = st.getColumn(0).getDouble();
        int b = int((v - h.lo) / width);
        b = std::clamp(b, 0, int(h.counts.size()) - 1);
        ++h.counts[size_t(b)];
    }
    return h;
}

std::vector<std::string> ListInstansi(SQLite::Database& db) {
    SQLite::Statement st(db, "SELECT DISTINCT instansi FROM learners ORDER BY instansi");
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
}

std::vector<std::string> ListModules(SQLite::Database& db) {
    SQLite::Statement st(db,
                         "SELECT module_id FROM module_results UNION SELECT module_id FROM attempts ORDER BY 1");
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
}

}  // namespace sinau::records
