// Export queries and the row stream (see export_rows.hpp).
//
// Why a private connection: at a million rows the profile was a third SQLite's own bookkeeping around the
// export loop, not the query: every sqlite3_column_* call takes the connection's mutex (~10 % of the time
// with 3 calls per cell), and every page read is a pread() copy from the page cache (~200,000 of them,
// another ~12 %, growing with the file). A read-only connection opened with SQLITE_OPEN_NOMUTEX and a
// memory map over the file remove both; each cell is read once through sqlite3_column_value (the one call
// per cell that takes a mutex; the sqlite3_value_* readers take none).
#include "store/export_rows.hpp"

#include <sqlite3.h>

#include "store/statement.hpp"

namespace sinau::store {
namespace {

// The learners the filter selects (since/until ignored) and since/until on `time_col`, as a WITH prefix
// and a WHERE clause over `learner_col`.
struct Scope {
    std::string with, where;
    std::vector<std::string> params;
};
Scope MakeScope(const LearnerFilter& filter, const std::string& learner_col, const std::string& time_col) {
    Scope s;
    LearnerFilter learners = filter;
    learners.since.clear();
    learners.until.clear();
    std::vector<std::string> conds;
    if (!learners.empty()) {
        // Only learners (class participants without NIP have no instansi to filter on).
        auto parts = BuildLearnerQuery(learners);
        s.with = parts.with.sql + "\n";
        s.params = parts.with.params;
        conds.push_back(learner_col + " IN (SELECT id FROM learner_summary" + parts.where.sql + ")");
        s.params.insert(s.params.end(), parts.where.params.begin(), parts.where.params.end());
    }
    if (!filter.since.empty()) {
        conds.push_back(time_col + " >= ?");
        s.params.push_back(filter.since);
    }
    if (!filter.until.empty()) {
        conds.push_back(time_col + " < ?");
        s.params.push_back(filter.until + "U");
    }
    for (size_t i = 0; i < conds.size(); ++i) s.where += (i ? " AND " : " WHERE ") + conds[i];
    return s;
}

struct Stmt {
    sqlite3_stmt* p = nullptr;
    ~Stmt() { sqlite3_finalize(p); }
};

Status Prepare(sqlite3* h, const std::string& sql, const std::vector<std::string>& params, Stmt& st) {
    if (sqlite3_prepare_v2(h, sql.c_str(), int(sql.size()), &st.p, nullptr) != SQLITE_OK)
        return Error{std::string("Kueri ekspor gagal: ") + sqlite3_errmsg(h)};
    for (size_t i = 0; i < params.size(); ++i)
        sqlite3_bind_text(st.p, int(i) + 1, params[i].data(), int(params[i].size()), SQLITE_STATIC);
    return Success();
}

Expected<int64_t> CountOf(Database& db, const std::string& sql, const std::vector<std::string>& params) {
    Stmt st;
    sqlite3* h = db.sql().getHandle();
    if (auto ok = Prepare(h, sql, params, st); !ok) return ok.error();
    if (sqlite3_step(st.p) != SQLITE_ROW) return Error{std::string("Kueri gagal: ") + sqlite3_errmsg(h)};
    return int64_t(sqlite3_column_int64(st.p, 0));
}

}  // namespace

ExportQuery CompletionRows(const LearnerFilter& filter, const std::vector<std::string>& module_ids) {
    ExportQuery q;
    auto parts = BuildLearnerQuery(filter);
    // The course's modules as a VALUES table, so a learner with no row for a module still gets a line
    // ("belum"), and lines follow the course order.
    std::string mods = ",\nmods(module_id, ord) AS (VALUES ";
    if (module_ids.empty()) mods += "('', 0)";
    for (size_t i = 0; i < module_ids.size(); ++i) mods += (i ? ", (?, " : "(?, ") + std::to_string(i) + ")";
    mods += ")";
    q.sql = parts.with.sql + mods +
            "\nSELECT nip, name, instansi, jabatan, mods.module_id, coalesce(mr.status, 'belum'), mr.score, "
            "coalesce(mr.attempts, 0), mr.passed_at, course_status, final_score, completed_at, last_activity "
            "FROM learner_summary CROSS JOIN mods "
            "LEFT JOIN module_results mr ON mr.learner_id = learner_summary.id AND mr.module_id = "
            "mods.module_id" +
            parts.where.sql + " ORDER BY name COLLATE NOCASE, nip, mods.ord";
    q.params = parts.with.params;
    q.params.insert(q.params.end(), module_ids.begin(), module_ids.end());
    q.params.insert(q.params.end(), parts.where.params.begin(), parts.where.params.end());
    q.header = {"nip",
                "nama",
                "instansi",
                "jabatan",
                "modul",
                "status_modul",
                "nilai_modul",
                "percobaan",
                "lulus_modul_pada",
                "status_kursus",
                "nilai_akhir",
                "kursus_selesai_pada",
                "aktivitas_terakhir"};
    return q;
}

ExportQuery ResponseRows(const LearnerFilter& filter) {
    LearnerFilter learners = filter;
    learners.since.clear();
    learners.until.clear();
    // Without a learner filter, CROSS JOIN makes SQLite read `responses` in rowid order (the order answers
    // were recorded) and look each attempt up, instead of walking attempts and jumping to each one's
    // responses through the (attempt_id, question_id) index: at a million rows the jumps touch the big
    // table's pages in random order and cost ~15 % more. With a learner filter the planner picks (the
    // filter may select a handful of attempts).
    const auto scope = MakeScope(filter, "a.learner_id", "r.answered_at");
    ExportQuery q;
    q.sql = scope.with +
            "SELECT r.id, l.nip, coalesce(l.name, p.name), l.instansi, a.module_id, a.kind, a.mode, a.id, "
            "r.question_id, r.answer, r.fraction, r.answered_at, r.duration_ms "
            "FROM responses r " +
            std::string(learners.empty() ? "CROSS JOIN" : "JOIN") +
            " attempts a ON a.id = r.attempt_id "
            "LEFT JOIN learners l ON l.id = a.learner_id "
            "LEFT JOIN class_participants p ON p.id = a.participant_id" +
            scope.where;
    q.params = scope.params;
    q.header = {"id_jawaban",   "nip",     "nama",    "instansi",     "modul",        "jenis",    "mode",
                "id_percobaan", "id_soal", "jawaban", "nilai_fraksi", "dijawab_pada", "durasi_ms"};
    return q;
}

ExportQuery XapiAttemptRows(const LearnerFilter& filter) {
    const auto s = MakeScope(filter, "a.learner_id", "a.started_at");
    return {s.with +
                "SELECT a.id, a.module_id, a.kind, a.mode, a.course_id, coalesce(a.class_session_id, ''), "
                "a.started_at, a.submitted_at, a.score, a.passed, coalesce(l.nip, ''), "
                "coalesce(l.name, p.name, ''), coalesce(a.participant_id, '') FROM attempts a "
                "LEFT JOIN learners l ON l.id = a.learner_id "
                "LEFT JOIN class_participants p ON p.id = a.participant_id" +
                s.where + " ORDER BY a.started_at, a.id",
            s.params,
            {}};
}

ExportQuery XapiAnswerRows(const LearnerFilter& filter) {
    const auto s = MakeScope(filter, "a.learner_id", "r.answered_at");
    return {s.with +
                "SELECT r.id, r.question_id, r.answer, r.fraction, r.answered_at, r.duration_ms, a.id, "
                "a.module_id, a.course_id, coalesce(a.class_session_id, ''), coalesce(l.nip, ''), "
                "coalesce(l.name, p.name, ''), coalesce(a.participant_id, '') FROM responses r "
                "JOIN attempts a ON a.id = r.attempt_id LEFT JOIN learners l ON l.id = a.learner_id "
                "LEFT JOIN class_participants p ON p.id = a.participant_id" +
                s.where,
            s.params,
            {}};
}

ExportQuery XapiCompletionRows(const LearnerFilter& filter) {
    const auto s = MakeScope(filter, "c.learner_id", "c.completed_at");
    return {s.with +
                "SELECT c.learner_id, c.course_id, c.completed_at, c.final_score, l.nip, l.name FROM "
                "completions c JOIN learners l ON l.id = c.learner_id" +
                s.where + " ORDER BY c.completed_at",
            s.params,
            {}};
}

Expected<int64_t> CountRows(Database& db, const ExportQuery& query) {
    // The WITH prefix (learner filters) must stay in front: count over the final SELECT only.
    const std::string& sql = query.sql;
    const auto select = sql.rfind("\nSELECT ");
    const auto plain = sql.rfind("SELECT ", 0) == 0;
    if (select != std::string::npos && !plain)
        return CountOf(db,
                       sql.substr(0, select + 1) + "SELECT count(*) FROM (" + sql.substr(select + 1) + ")",
                       query.params);
    return CountOf(db, "SELECT count(*) FROM (" + sql + ")", query.params);
}

Expected<int64_t> CountLearners(Database& db, const LearnerFilter& filter) {
    auto parts = BuildLearnerQuery(filter);
    auto params = parts.with.params;
    params.insert(params.end(), parts.where.params.begin(), parts.where.params.end());
    return CountOf(db, parts.with.sql + "\nSELECT count(*) FROM learner_summary" + parts.where.sql, params);
}

// ---- RowStream -------------------------------------------------------------------------------------

struct RowStream::Handles {
    sqlite3* handle = nullptr;  // the connection read through
    sqlite3* own = nullptr;     // set when that is a private one (closed here, never the caller's)
    Stmt statement;
    std::vector<std::string> params;  // bound SQLITE_STATIC: kept alive here
    ~Handles() {
        sqlite3_finalize(statement.p);
        statement.p = nullptr;
        sqlite3_close(own);
    }
};

Expected<std::unique_ptr<RowStream>> RowStream::Open(Database& db, const ExportQuery& query,
                                                     bool private_connection) {
    std::unique_ptr<RowStream> s(new RowStream());
    s->handles_ = std::make_unique<Handles>();
    auto& h = *s->handles_;
    h.handle = db.sql().getHandle();
    const char* file = sqlite3_db_filename(h.handle, "main");
    if (private_connection && file && *file) {
        sqlite3* own = nullptr;
        if (sqlite3_open_v2(file, &own, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) == SQLITE_OK) {
            sqlite3_busy_timeout(own, 5000);
            // 1 GiB of address space, not of memory: pages are the page cache's, shared with every reader.
            sqlite3_exec(own, "PRAGMA mmap_size = 1073741824", nullptr, nullptr, nullptr);
            h.own = h.handle = own;
        } else {
            sqlite3_close(own);  // fall back to the caller's connection
        }
    }
    h.params = query.params;
    if (auto ok = Prepare(h.handle, query.sql, h.params, h.statement); !ok) return ok.error();
    s->cells_.resize(size_t(sqlite3_column_count(h.statement.p)));
    return s;
}

RowStream::~RowStream() = default;

bool RowStream::Next() {
    sqlite3_stmt* st = handles_->statement.p;
    const int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        if (rc != SQLITE_DONE)
            status_ = Error{std::string("Ekspor gagal: ") + sqlite3_errmsg(handles_->handle)};
        return false;
    }
    for (size_t c = 0; c < cells_.size(); ++c) {
        Cell& cell = cells_[c];
        sqlite3_value* v = sqlite3_column_value(st, int(c));
        switch (sqlite3_value_type(v)) {
            case SQLITE_NULL:
                cell.type = Cell::Type::Null;
                break;
            case SQLITE_INTEGER:
                cell.type = Cell::Type::Integer;
                cell.integer = sqlite3_value_int64(v);
                cell.real = double(cell.integer);
                break;
            case SQLITE_FLOAT:
                cell.type = Cell::Type::Real;
                cell.real = sqlite3_value_double(v);
                break;
            default: {
                cell.type = Cell::Type::Text;
                const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
                cell.text = std::string_view(text ? text : "", size_t(sqlite3_value_bytes(v)));
            }
        }
    }
    return true;
}

}  // namespace sinau::store
