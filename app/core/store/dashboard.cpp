#include "store/dashboard.hpp"

#include <algorithm>
#include <map>

#include "store/statement.hpp"

namespace sinau::store {
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
        case SortKey::Name:
            return "name";
        case SortKey::Nip:
            return "nip";
        case SortKey::Instansi:
            return "instansi";
        case SortKey::ModulesPassed:
            return "passed";
        case SortKey::AverageScore:
            return "avg_score";
        case SortKey::FinalScore:
            return "final_score";
        case SortKey::CompletedAt:
            return "completed_at";
        case SortKey::LastActivity:
            return "last_activity";
    }
    return "name";
}

bool IsText(SortKey key) {
    return key == SortKey::Name || key == SortKey::Instansi;
}

// WITH ... + body + WHERE, params in order.
SqlQuery Compose(const LearnerFilter& filter, const std::string& select_from, const std::string& tail = {}) {
    auto parts = BuildLearnerQuery(filter);
    SqlQuery q;
    q.sql = parts.with.sql + "\n" + select_from + parts.where.sql + tail;
    q.params = parts.with.params;
    q.params.insert(q.params.end(), parts.where.params.begin(), parts.where.params.end());
    return q;
}

bool IsNullable(SortKey key) {
    return key == SortKey::AverageScore || key == SortKey::FinalScore || key == SortKey::CompletedAt;
}

constexpr const char* kRowColumns =
    "SELECT id, nip, name, instansi, jabatan, removed_at IS NOT NULL, passed, started, avg_score, "
    "final_score, "
    "coalesce(completed_at, ''), last_activity, course_status";

LearnerRow ReadRow(SQLite::Statement& st) {
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
    return r;
}

// The sort value of a row as bound in a keyset condition; nullopt when the row has none (NULL in SQL).
std::optional<SqlValue> SortValue(const LearnerRow& r, SortKey key) {
    switch (key) {
        case SortKey::Name:
            return SqlValue{r.name};
        case SortKey::Nip:
            return SqlValue{r.nip};
        case SortKey::Instansi:
            return SqlValue{r.instansi};
        case SortKey::ModulesPassed:
            return SqlValue{int64_t(r.modules_passed)};
        case SortKey::AverageScore:
            return r.average_score ? std::optional<SqlValue>(*r.average_score) : std::nullopt;
        case SortKey::FinalScore:
            return r.final_score ? std::optional<SqlValue>(*r.final_score) : std::nullopt;
        case SortKey::CompletedAt:
            return r.completed_at.empty() ? std::nullopt : std::optional<SqlValue>(r.completed_at);
        case SortKey::LastActivity:
            return SqlValue{r.last_activity};
    }
    return std::nullopt;
}

void Bind(SQLite::Statement& st, int index, const SqlValue& v) {
    if (const auto* t = std::get_if<std::string>(&v))
        st.bind(index, *t);
    else if (const auto* i = std::get_if<int64_t>(&v))
        st.bind(index, *i);
    else
        st.bind(index, std::get<double>(v));
}

// The filter's WITH + SELECT of the row columns + WHERE (filter AND extra) + tail.
TypedQuery ComposeRows(const LearnerFilter& filter, const std::string& extra, const std::string& tail) {
    auto parts = BuildLearnerQuery(filter);
    TypedQuery q;
    q.sql = parts.with.sql + "\n" + kRowColumns + " FROM learner_summary" + parts.where.sql;
    if (!extra.empty()) q.sql += (parts.where.sql.empty() ? " WHERE " : " AND ") + extra;
    q.sql += tail;
    for (const auto& p : parts.with.params) q.params.emplace_back(p);
    for (const auto& p : parts.where.params) q.params.emplace_back(p);
    return q;
}

// The per-module cells of the given rows (primary-key lookups in module_results).
void AttachModuleCells(Database& db, std::vector<LearnerRow>& rows) {
    if (rows.empty()) return;
    std::map<std::string, size_t> index;
    std::string sql = "SELECT learner_id, module_id, status, score FROM module_results WHERE learner_id IN (";
    for (size_t i = 0; i < rows.size(); ++i) {
        sql += i ? ",?" : "?";
        index[rows[i].id] = i;
    }
    sql += ") ORDER BY learner_id, module_id";
    SQLite::Statement cells(db.sql(), sql);
    for (size_t i = 0; i < rows.size(); ++i) cells.bind(int(i) + 1, rows[i].id);
    while (cells.executeStep()) {
        auto it = index.find(cells.getColumn(0).getString());
        if (it == index.end()) continue;
        rows[it->second].modules.push_back(
            {cells.getColumn(1).getString(), cells.getColumn(2).getString(), OptDouble(cells.getColumn(3))});
    }
}

}  // namespace

int64_t Histogram::total() const {
    int64_t t = 0;
    for (auto c : counts) t += c;
    return t;
}

namespace detail {
SqlQuery LearnerCountSql(const LearnerFilter& filter) {
    return Compose(filter, "SELECT count(*) FROM learner_summary");
}

SqlQuery LearnerPageSql(const LearnerFilter& filter, LearnerSort sort) {
    // NULLs last whatever the direction: a learner without a score is not "the lowest score".
    const std::string col = OrderColumn(sort.key);
    const std::string dir = sort.descending ? " DESC" : " ASC";
    const std::string order = " ORDER BY (" + col + " IS NULL), " + col +
                              (IsText(sort.key) ? " COLLATE NOCASE" : "") + dir + ", nip" + dir +
                              " LIMIT ? OFFSET ?";
    return Compose(filter, std::string(kRowColumns) + " FROM learner_summary", order);
}

std::vector<TypedQuery> KeysetPageSql(const LearnerFilter& filter, LearnerSort sort, const LearnerRow* after,
                                      int64_t limit) {
    const std::string col = OrderColumn(sort.key);
    const std::string sorted = IsText(sort.key) ? col + " COLLATE NOCASE" : col;
    const std::string dir = sort.descending ? " DESC" : " ASC";
    const std::string gt = sort.descending ? " < " : " > ";
    const std::string ge = sort.descending ? " <= " : " >= ";
    const bool nullable = IsNullable(sort.key);
    const std::optional<SqlValue> value = after ? SortValue(*after, sort.key) : std::nullopt;
    const bool in_null_part =
        after && nullable && !value;  // the previous page ended among the rows without value
    std::vector<TypedQuery> out;
    if (!in_null_part) {
        std::string extra = nullable ? col + " IS NOT NULL" : "";
        std::vector<SqlValue> keys;
        if (after) {
            // Forms SQLite turns into an index range seek (checked with EXPLAIN QUERY PLAN): a row value for
            // BINARY columns, ">= v AND (> v OR nip > n)" for the case-insensitive text columns.
            std::string cond;
            if (sort.key == SortKey::Nip) {
                cond = "nip" + gt + "?";
                keys = {after->nip};
            } else if (IsText(sort.key)) {
                cond = sorted + ge + "? AND (" + sorted + gt + "? OR nip" + gt + "?)";
                keys = {*value, *value, after->nip};
            } else {
                cond = "(" + col + ", nip)" + gt + "(?, ?)";
                keys = {*value, after->nip};
            }
            extra += (extra.empty() ? "" : " AND ") + cond;
        }
        const std::string order =
            sort.key == SortKey::Nip ? " ORDER BY nip" + dir : " ORDER BY " + sorted + dir + ", nip" + dir;
        TypedQuery q = ComposeRows(filter, extra, order + " LIMIT ?");
        q.params.insert(q.params.end(), keys.begin(), keys.end());
        q.params.emplace_back(limit);
        out.push_back(std::move(q));
    }
    if (nullable) {
        std::string extra = col + " IS NULL";
        if (in_null_part) extra += " AND nip" + gt + "?";
        TypedQuery q = ComposeRows(filter, extra, " ORDER BY nip" + dir + " LIMIT ?");
        if (in_null_part) q.params.emplace_back(after->nip);
        q.params.emplace_back(limit);
        out.push_back(std::move(q));
    }
    return out;
}

TypedQuery SummarySql(const LearnerFilter& filter, const std::vector<std::string>& /*modules*/, int bins) {
    // One statement, two parts told apart by the first column:
    //   0 | instansi | score bin (NULL = no final score) | learners | started | completed | sum, count of
    //   final 1 | module   | status                            | rows     | 0       | 0         | sum, count
    //   of score
    auto parts = BuildLearnerQuery(filter);
    LearnerFilter beyond_instansi = filter;
    beyond_instansi.instansi.clear();
    const bool tally = beyond_instansi.empty();
    const double width = 100.0 / double(bins);
    TypedQuery q;
    for (const auto& p : parts.with.params) q.params.emplace_back(p);
    auto where_params = [&] {
        for (const auto& p : parts.where.params) q.params.emplace_back(p);
    };
    // Any filter beyond instansi: the chosen learners are found once (the filter may be a scan with LIKE)
    // and both parts read that set.
    std::string from = "learner_summary" + parts.where.sql;
    q.sql = parts.with.sql;
    if (!tally) {
        q.sql +=
            ",\npicked AS MATERIALIZED (SELECT id, instansi, course_status, final_score FROM "
            "learner_summary" +
            parts.where.sql + ")";
        where_params();
        from = "picked";
    }
    q.sql +=
        "\nSELECT 0, instansi, CASE WHEN final_score IS NULL THEN NULL ELSE "
        "min(max(CAST((final_score - ?) / ? AS INTEGER), 0), ?) END AS bin, count(*), "
        "sum(course_status <> 'belum'), sum(course_status = 'selesai'), sum(final_score), count(final_score) "
        "FROM " +
        from + " GROUP BY 2, 3\nUNION ALL\n";
    q.params.emplace_back(0.0);
    q.params.emplace_back(width);
    q.params.emplace_back(int64_t(bins - 1));
    if (tally) {
        where_params();
        // Everyone or one instansi: the module chart comes from module_tally (a few dozen rows), which the
        // schema keeps equal to module_results joined to learners (store/migrations.cpp, v3).
        q.sql += "SELECT 1, module_id, status, sum(n), 0, 0, sum(score_sum), sum(score_n) FROM module_tally";
        if (!filter.instansi.empty()) {
            q.sql += " WHERE instansi = ?";
            q.params.emplace_back(filter.instansi);
        }
    } else {
        // The chosen learners' module rows, from the covering index (learner_id, module_id, status, score):
        // named, because statistics gathered before v3 may not know it yet.
        q.sql +=
            "SELECT 1, module_id, status, count(*), 0, 0, sum(score), count(score) FROM module_results "
            "INDEXED BY module_results_learner_cover WHERE learner_id IN (SELECT id FROM picked)";
    }
    q.sql += " GROUP BY 2, 3";
    return q;
}
}  // namespace detail

KeysetPage QueryLearnerPage(Database& db, const LearnerFilter& filter, LearnerSort sort,
                            const LearnerRow* after, int64_t limit) {
    KeysetPage page;
    if (limit <= 0) return page;
    // One row more than asked says whether a next page exists.
    const int64_t want = limit + 1;
    for (const auto& q : detail::KeysetPageSql(filter, sort, after, want)) {
        if (int64_t(page.rows.size()) >= want) break;
        SQLite::Statement st(db.sql(), q.sql);
        for (size_t i = 0; i + 1 < q.params.size(); ++i) Bind(st, int(i) + 1, q.params[i]);
        st.bind(int(q.params.size()), want - int64_t(page.rows.size()));
        while (st.executeStep()) page.rows.push_back(ReadRow(st));
    }
    if (int64_t(page.rows.size()) > limit) {
        page.more = true;
        page.rows.resize(size_t(limit));
    }
    AttachModuleCells(db, page.rows);
    return page;
}

LearnerPage QueryLearners(Database& db, const LearnerFilter& filter, LearnerSort sort, int64_t offset,
                          int64_t limit) {
    LearnerPage page;
    {
        auto c = detail::LearnerCountSql(filter);
        SQLite::Statement cs(db.sql(), c.sql);
        BindAll(cs, c.params);
        if (cs.executeStep()) page.total = cs.getColumn(0).getInt64();
    }
    auto q = detail::LearnerPageSql(filter, sort);
    SQLite::Statement st(db.sql(), q.sql);
    BindAll(st, q.params);
    st.bind(int(q.params.size()) + 1, limit);
    st.bind(int(q.params.size()) + 2, offset);
    while (st.executeStep()) page.rows.push_back(ReadRow(st));
    AttachModuleCells(db, page.rows);
    return page;
}

DashboardSummary SummariseDashboard(Database& db, const LearnerFilter& filter,
                                    const std::vector<std::string>& modules, int bins) {
    bins = std::max(1, bins);
    DashboardSummary out;
    out.histogram.counts.assign(size_t(bins), 0);
    struct Sum {
        double sum = 0;
        int64_t n = 0;
    };
    std::map<std::string, InstansiSummary> instansi;
    std::map<std::string, Sum> instansi_scores;
    std::map<std::string, ModuleCompletion> by_module;
    std::map<std::string, Sum> module_scores;
    for (const auto& m : modules) by_module[m].module_id = m;
    Sum final_scores;

    const auto q = detail::SummarySql(filter, modules, bins);
    SQLite::Statement st(db.sql(), q.sql);
    for (size_t i = 0; i < q.params.size(); ++i) Bind(st, int(i) + 1, q.params[i]);
    while (st.executeStep()) {
        const std::string key = st.getColumn(1).getString();
        const int64_t n = st.getColumn(3).getInt64();
        const double score_sum = st.getColumn(6).getDouble();
        const int64_t score_n = st.getColumn(7).getInt64();
        if (st.getColumn(0).getInt() == 0) {
            auto& s = instansi[key];
            s.instansi = key;
            s.learners += n;
            s.started += st.getColumn(4).getInt64();
            s.completed += st.getColumn(5).getInt64();
            instansi_scores[key].sum += score_sum;
            instansi_scores[key].n += score_n;
            if (!st.getColumn(2).isNull())
                out.histogram.counts[size_t(std::clamp(st.getColumn(2).getInt(), 0, bins - 1))] += score_n;
        } else {
            if (!modules.empty() && !by_module.count(key)) continue;
            auto& m = by_module[key];
            m.module_id = key;
            const std::string status = st.getColumn(2).getString();
            if (status == "lulus")
                m.lulus += n;
            else if (status == "sedang")
                m.sedang += n;
            module_scores[key].sum += score_sum;
            module_scores[key].n += score_n;
        }
    }
    for (auto& [name, s] : instansi) {
        const auto& sc = instansi_scores[name];
        if (sc.n) s.average_final_score = sc.sum / double(sc.n);
        out.learners += s.learners;
        out.started += s.started;
        out.completed += s.completed;
        final_scores.sum += sc.sum;
        final_scores.n += sc.n;
        out.instansi.push_back(s);
    }
    if (final_scores.n) out.average_final_score = final_scores.sum / double(final_scores.n);
    // As SQLite's NOCASE: ASCII letters folded, everything else by byte.
    auto fold = [](std::string t) {
        for (auto& c : t)
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        return t;
    };
    std::stable_sort(out.instansi.begin(), out.instansi.end(),
                     [&](const InstansiSummary& a, const InstansiSummary& b) {
                         return fold(a.instansi) < fold(b.instansi);
                     });
    auto finish = [&](ModuleCompletion m) {
        const auto& sc = module_scores[m.module_id];
        if (sc.n) m.average_score = sc.sum / double(sc.n);
        m.belum = std::max<int64_t>(0, out.learners - m.lulus - m.sedang);
        out.modules.push_back(std::move(m));
    };
    if (modules.empty())
        for (auto& [id, m] : by_module) finish(m);
    else
        for (const auto& id : modules) finish(by_module[id]);
    return out;
}

std::vector<InstansiSummary> SummariseByInstansi(Database& db, const LearnerFilter& filter) {
    auto q =
        Compose(filter,
                "SELECT instansi, count(*), sum(course_status <> 'belum'), sum(course_status = 'selesai'), "
                "avg(final_score) FROM learner_summary",
                " GROUP BY instansi ORDER BY instansi COLLATE NOCASE");
    SQLite::Statement st(db.sql(), q.sql);
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

std::vector<ModuleCompletion> CompletionPerModule(Database& db, const LearnerFilter& filter,
                                                  const std::vector<std::string>& modules) {
    int64_t learners = 0;
    {
        auto q = Compose(filter, "SELECT count(*) FROM learner_summary");
        SQLite::Statement st(db.sql(), q.sql);
        BindAll(st, q.params);
        if (st.executeStep()) learners = st.getColumn(0).getInt64();
    }
    std::map<std::string, ModuleCompletion> by_id;
    for (const auto& m : modules) by_id[m].module_id = m;
    auto q =
        Compose(filter,
                "SELECT mr.module_id, sum(mr.status = 'lulus'), sum(mr.status = 'sedang'), avg(mr.score) "
                "FROM module_results mr WHERE mr.learner_id IN (SELECT id FROM learner_summary",
                ") GROUP BY mr.module_id");
    SQLite::Statement st(db.sql(), q.sql);
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

Histogram ScoreHistogram(Database& db, const LearnerFilter& filter, const std::string& module_id, int bins) {
    Histogram h;
    h.counts.assign(size_t(std::max(1, bins)), 0);
    SqlQuery q;
    if (module_id.empty()) {
        q = Compose(filter, "SELECT final_score FROM (SELECT final_score FROM learner_summary",
                    ") WHERE final_score IS NOT NULL");
    } else {
        q = Compose(
            filter,
            "SELECT mr.score FROM module_results mr WHERE mr.score IS NOT NULL AND mr.module_id = ?1000 "
            "AND mr.learner_id IN (SELECT id FROM learner_summary",
            ")");
    }
    SQLite::Statement st(db.sql(), q.sql);
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

std::vector<std::string> ListInstansi(Database& db) {
    SQLite::Statement st(db.sql(), "SELECT DISTINCT instansi FROM learners ORDER BY instansi");
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
}

std::vector<std::string> ListModules(Database& db) {
    SQLite::Statement st(
        db.sql(), "SELECT module_id FROM module_results UNION SELECT module_id FROM attempts ORDER BY 1");
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
}

}  // namespace sinau::store
