#include "store/merge.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

#include "store/migrations.hpp"
#include "store/statement.hpp"
#include "util/uuid.hpp"

namespace sinau::store {
namespace {

std::string SourceUri(const std::filesystem::path& p) {
    std::string uri = "file:";
    const std::string abs = std::filesystem::absolute(p).string();
    for (const unsigned char c : abs) {
        if (c == '?' || c == '#' || c == '%' || c < 0x21) {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            uri += buf;
        } else {
            uri.push_back(char(c));
        }
    }
    uri += "?mode=ro";
    // immutable=1 skips locking and the WAL: only safe when there is no WAL file holding recent commits.
    std::error_code ec;
    if (!std::filesystem::exists(p.string() + "-wal", ec)) uri += "&immutable=1";
    return uri;
}

Expected<std::unique_ptr<SQLite::Database>> OpenSource(const std::filesystem::path& p) {
    const std::string name = p.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec)) return Error{name + ": berkas tidak ditemukan."};
    {
        std::ifstream in(p, std::ios::binary);
        char header[16] = {};
        in.read(header, 16);
        if (in.gcount() < 16 || std::string_view(header, 16) != std::string_view("SQLite format 3\0", 16))
            return Error{name + ": bukan basis data Sinau (bukan berkas SQLite). Tidak ada yang diimpor."};
    }
    try {
        auto db = std::make_unique<SQLite::Database>(SourceUri(p), SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        {
            SQLite::Statement q(*db, "PRAGMA quick_check");
            if (!q.executeStep() || q.getColumn(0).getString() != "ok")
                return Error{name +
                             ": basis data rusak (pemeriksaan integritas gagal). Tidak ada yang diimpor."};
        }
        const int version = db->execAndGet("PRAGMA user_version").getInt();
        if (!db->tableExists("meta"))
            return Error{
                name + ": berkas SQLite milik program lain, bukan basis data Sinau. Tidak ada yang diimpor."};
        SQLite::Statement app(*db, "SELECT value FROM meta WHERE key = 'app'");
        if (!app.executeStep() || app.getColumn(0).getString() != "sinau")
            return Error{
                name + ": berkas SQLite milik program lain, bukan basis data Sinau. Tidak ada yang diimpor."};
        if (version < 1)
            return Error{name + ": basis data Sinau tanpa skema (versi 0). Tidak ada yang diimpor."};
        if (version > LatestSchemaVersion())
            return Error{name + ": dibuat oleh Sinau yang lebih baru (skema v" + std::to_string(version) +
                         "); perbarui Sinau di PC ini dulu. Tidak ada yang diimpor."};
        return db;
    } catch (const SQLite::Exception& e) {
        return Error{name + ": tidak dapat dibaca sebagai basis data Sinau (" + e.what() +
                     "). Tidak ada yang diimpor."};
    }
}

struct Stmt {
    sqlite3_stmt* p = nullptr;
    Stmt(sqlite3* db, const std::string& sql) {
        if (sqlite3_prepare_v2(db, sql.c_str(), int(sql.size()), &p, nullptr) != SQLITE_OK)
            throw SQLite::Exception(db, sqlite3_errcode(db));
    }
    ~Stmt() { sqlite3_finalize(p); }
};

using IdMap = std::unordered_map<std::string, std::string>;

// One table copied by a single upsert per row. `learner_cols` are the select's columns holding learner ids,
// rewritten through the NIP mapping.
struct TableSpec {
    const char* table;
    std::string select;
    std::string upsert;
    std::vector<int> learner_cols;
    bool since_v4 = false;  // a source made before schema v4 may not have the table: skipped then
};

void Step(sqlite3* db, sqlite3_stmt* st) {
    const int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) throw SQLite::Exception(db, rc);
}

// The select of `spec` as this source can answer it: a v3 source's issued_certificates has no public_key
// column; its rows were signed by the source's own key (meta), or by an unknown one when the source carries
// no key (a bundle strips it): NULL, which no verification ever matches.
std::string SelectFor(SQLite::Database& source, const TableSpec& spec) {
    if (std::string_view(spec.table) != "issued_certificates") return spec.select;
    SQLite::Statement cols(
        source, "SELECT 1 FROM pragma_table_info('issued_certificates') WHERE name = 'public_key'");
    if (cols.executeStep()) return spec.select;
    return "SELECT short_code, facts, signature, nip, issued_at, (SELECT value FROM meta WHERE key = "
           "'certificate.ed25519_public') FROM issued_certificates";
}

void MergeTable(SQLite::Database& source, SQLite::Database& target, const TableSpec& spec,
                const IdMap& learners, TableMerge& out) {
    if (spec.since_v4 && !source.tableExists(spec.table)) return;
    sqlite3* t = target.getHandle();
    Stmt read(source.getHandle(), SelectFor(source, spec));
    Stmt write(t, spec.upsert);
    const int cols = sqlite3_column_count(read.p);
    int rc;
    while ((rc = sqlite3_step(read.p)) == SQLITE_ROW) {
        ++out.read;
        for (int c = 0; c < cols; ++c) {
            const bool is_learner =
                std::find(spec.learner_cols.begin(), spec.learner_cols.end(), c) != spec.learner_cols.end();
            if (is_learner && sqlite3_column_type(read.p, c) != SQLITE_NULL) {
                const std::string id(reinterpret_cast<const char*>(sqlite3_column_text(read.p, c)));
                auto it = learners.find(id);
                if (it == learners.end())
                    throw std::runtime_error(std::string("tabel ") + spec.table + " merujuk peserta " + id +
                                             " yang tidak ada di berkas sumber");
                sqlite3_bind_text(write.p, c + 1, it->second.c_str(), int(it->second.size()),
                                  SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_value(write.p, c + 1, sqlite3_column_value(read.p, c));
            }
        }
        Step(t, write.p);
        // Changed rows are split into inserted/updated at the end from the table's row count (merging never
        // deletes), because an upsert does not say which of the two it did.
        if (sqlite3_changes(t) == 0)
            ++out.unchanged;
        else
            ++out.updated;
        sqlite3_reset(write.p);
        sqlite3_clear_bindings(write.p);
    }
    if (rc != SQLITE_DONE) throw SQLite::Exception(source.getHandle(), rc);
}

// "col = excluded.col, ..." for an upsert.
std::string SetAll(std::initializer_list<const char*> cols) {
    std::string s;
    for (const char* c : cols) s += std::string(s.empty() ? "" : ", ") + c + " = excluded." + c;
    return s;
}

std::string Placeholders(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += i ? ", ?" : "?";
    return s;
}

std::vector<TableSpec> Specs() {
    std::vector<TableSpec> v;
    v.push_back({"class_sessions",
                 "SELECT id, module_id, title, started_at, ended_at, state, updated_at FROM class_sessions",
                 "INSERT INTO class_sessions (id, module_id, title, started_at, ended_at, state, updated_at) "
                 "VALUES (" +
                     Placeholders(7) + ") ON CONFLICT (id) DO UPDATE SET " +
                     SetAll({"module_id", "title", "started_at", "ended_at", "state", "updated_at"}) +
                     " WHERE excluded.updated_at > class_sessions.updated_at",
                 {}});
    v.push_back({"class_participants",
                 "SELECT id, session_id, name, nip, learner_id, token_hash, score, joined_at, updated_at "
                 "FROM class_participants",
                 "INSERT INTO class_participants (id, session_id, name, nip, learner_id, token_hash, score, "
                 "joined_at, "
                 "updated_at) VALUES (" +
                     Placeholders(9) + ") ON CONFLICT (id) DO UPDATE SET " +
                     SetAll({"session_id", "name", "nip", "learner_id", "token_hash", "score", "joined_at",
                             "updated_at"}) +
                     " WHERE excluded.updated_at > class_participants.updated_at",
                 {4}});
    v.push_back(
        {"attempts",
         "SELECT id, learner_id, participant_id, module_id, kind, mode, course_id, content_version, plan, "
         "class_session_id, started_at, submitted_at, score, passed, updated_at FROM attempts",
         "INSERT INTO attempts (id, learner_id, participant_id, module_id, kind, mode, course_id, "
         "content_version, "
         "plan, class_session_id, started_at, submitted_at, score, passed, updated_at) VALUES (" +
             Placeholders(15) + ") ON CONFLICT (id) DO UPDATE SET " +
             SetAll({"learner_id", "participant_id", "module_id", "kind", "mode", "course_id",
                     "content_version", "plan", "class_session_id", "started_at", "submitted_at", "score",
                     "passed", "updated_at"}) +
             " WHERE excluded.updated_at > attempts.updated_at",
         {1}});
    v.push_back(
        {"responses",
         "SELECT id, attempt_id, question_id, question_hash, content_version, answer, fraction, answered_at, "
         "duration_ms, updated_at FROM responses",
         "INSERT INTO responses (id, attempt_id, question_id, question_hash, content_version, answer, "
         "fraction, "
         "answered_at, duration_ms, updated_at) VALUES (" +
             Placeholders(10) + ") ON CONFLICT (id) DO UPDATE SET " +
             SetAll({"question_hash", "content_version", "answer", "fraction", "answered_at", "duration_ms",
                     "updated_at"}) +
             " WHERE excluded.updated_at > responses.updated_at ON CONFLICT DO NOTHING",
         {}});
    v.push_back(
        {"reading_progress",
         "SELECT learner_id, module_id, page, pages, max_page, updated_at FROM reading_progress",
         "INSERT INTO reading_progress (learner_id, module_id, page, pages, max_page, updated_at) VALUES (" +
             Placeholders(6) +
             ") ON CONFLICT (learner_id, module_id) DO UPDATE SET page = excluded.page, "
             "pages = excluded.pages, max_page = max(reading_progress.max_page, excluded.max_page), "
             "updated_at = excluded.updated_at WHERE excluded.updated_at > reading_progress.updated_at",
         {0}});
    v.push_back(
        {"scenario_runs",
         "SELECT id, learner_id, module_id, scenario_id, content_version, path, score, best_score, ended, "
         "started_at, finished_at, updated_at FROM scenario_runs",
         "INSERT INTO scenario_runs (id, learner_id, module_id, scenario_id, content_version, path, score, "
         "best_score, ended, started_at, finished_at, updated_at) VALUES (" +
             Placeholders(12) + ") ON CONFLICT (id) DO UPDATE SET " +
             SetAll({"learner_id", "module_id", "scenario_id", "content_version", "path", "score",
                     "best_score", "ended", "started_at", "finished_at", "updated_at"}) +
             " WHERE excluded.updated_at > scenario_runs.updated_at",
         {1}});
    // The lattice merge (see merge.hpp). The WHERE makes a no-op a no-op, so changes() counts real changes.
    const std::string rank_old =
        "(CASE module_results.status WHEN 'lulus' THEN 2 WHEN 'sedang' THEN 1 ELSE 0 END)";
    const std::string rank_new = "(CASE excluded.status WHEN 'lulus' THEN 2 WHEN 'sedang' THEN 1 ELSE 0 END)";
    const std::string status =
        "CASE WHEN " + rank_new + " > " + rank_old + " THEN excluded.status ELSE module_results.status END";
    const std::string score =
        "max(coalesce(module_results.score, excluded.score), coalesce(excluded.score, module_results.score))";
    const std::string passed =
        "min(coalesce(module_results.passed_at, excluded.passed_at), coalesce(excluded.passed_at, "
        "module_results.passed_at))";
    const std::string attempts = "max(module_results.attempts, excluded.attempts)";
    const std::string updated = "max(module_results.updated_at, excluded.updated_at)";
    v.push_back(
        {"module_results",
         "SELECT learner_id, module_id, status, score, attempts, passed_at, updated_at FROM module_results",
         "INSERT INTO module_results (learner_id, module_id, status, score, attempts, passed_at, updated_at) "
         "VALUES (" +
             Placeholders(7) + ") ON CONFLICT (learner_id, module_id) DO UPDATE SET status = " + status +
             ", score = " + score + ", attempts = " + attempts + ", passed_at = " + passed +
             ", updated_at = " + updated + " WHERE (" + status + ") IS NOT module_results.status OR (" +
             score + ") IS NOT module_results.score OR (" + attempts +
             ") IS NOT module_results.attempts OR (" + passed + ") IS NOT module_results.passed_at OR (" +
             updated + ") IS NOT module_results.updated_at",
         {0}});
    v.push_back({"completions",
                 "SELECT learner_id, course_id, content_version, completed_at, final_score, updated_at FROM "
                 "completions",
                 "INSERT INTO completions (learner_id, course_id, content_version, completed_at, "
                 "final_score, updated_at) "
                 "VALUES (" +
                     Placeholders(6) + ") ON CONFLICT (learner_id) DO UPDATE SET " +
                     SetAll({"course_id", "content_version", "completed_at", "final_score", "updated_at"}) +
                     " WHERE excluded.updated_at > completions.updated_at",
                 {0}});
    v.push_back({"issued_certificates",
                 "SELECT short_code, facts, signature, nip, issued_at, public_key FROM issued_certificates",
                 "INSERT INTO issued_certificates (short_code, facts, signature, nip, issued_at, public_key) "
                 "VALUES (" +
                     Placeholders(6) + ") ON CONFLICT (short_code) DO NOTHING",
                 {},
                 true});
    // Only for an answer the target has (the responses merge may have kept the target's own row for that
    // attempt and question under another id): a grade of nothing would break the foreign key.
    v.push_back(
        {"essay_grades",
         "SELECT response_id, percent, comment, graded_at, updated_at FROM essay_grades",
         "INSERT INTO essay_grades (response_id, percent, comment, graded_at, updated_at) SELECT ?1, ?2, "
         "?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM responses WHERE id = ?1) ON CONFLICT (response_id) DO "
         "UPDATE SET " +
             SetAll({"percent", "comment", "graded_at", "updated_at"}) +
             " WHERE excluded.updated_at > essay_grades.updated_at",
         {},
         true});
    return v;
}

// Learners: matched by NIP. Fills `map` (source id -> target id).
void MergeLearners(SQLite::Database& source, SQLite::Database& target, IdMap& map, TableMerge& out,
                   int64_t& matched) {
    SQLite::Statement read(
        source, "SELECT id, nip, name, instansi, jabatan, created_at, updated_at, removed_at FROM learners");
    SQLite::Statement by_nip(target, "SELECT id, updated_at, created_at FROM learners WHERE nip = ?");
    SQLite::Statement id_taken(target, "SELECT 1 FROM learners WHERE id = ?");
    SQLite::Statement insert(
        target,
        "INSERT INTO learners (id, nip, name, instansi, jabatan, created_at, updated_at, removed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement update(
        target,
        "UPDATE learners SET name = ?, instansi = ?, jabatan = ?, updated_at = ?, removed_at = ?, "
        "created_at = min(created_at, ?) WHERE id = ?");
    while (read.executeStep()) {
        ++out.read;
        const std::string id = read.getColumn(0).getString(), nip = read.getColumn(1).getString();
        const std::string updated_at = read.getColumn(6).getString();
        by_nip.reset();
        by_nip.bind(1, nip);
        if (by_nip.executeStep()) {
            const std::string target_id = by_nip.getColumn(0).getString();
            map[id] = target_id;
            if (target_id != id) ++matched;
            if (updated_at > by_nip.getColumn(1).getString()) {
                update.reset();
                update.bind(1, read.getColumn(2).getString());
                update.bind(2, read.getColumn(3).getString());
                update.bind(3, read.getColumn(4).getString());
                update.bind(4, updated_at);
                if (read.getColumn(7).isNull())
                    update.bind(5);
                else
                    update.bind(5, read.getColumn(7).getString());
                update.bind(6, read.getColumn(5).getString());
                update.bind(7, target_id);
                update.exec();
                ++out.updated;
            } else {
                ++out.unchanged;
            }
            continue;
        }
        // A new learner. Keep the UUID unless (astronomically unlikely) it is taken by another NIP.
        std::string new_id = id;
        id_taken.reset();
        id_taken.bind(1, id);
        if (id_taken.executeStep()) new_id = util::NewUuid();
        map[id] = new_id;
        insert.reset();
        insert.bind(1, new_id);
        for (int c = 1; c < 8; ++c) {
            if (read.getColumn(c).isNull())
                insert.bind(c + 1);
            else
                insert.bind(c + 1, read.getColumn(c).getString());
        }
        insert.exec();
        ++out.inserted;
    }
}

}  // namespace

Status CheckMergeSource(const std::filesystem::path& source) {
    auto db = OpenSource(source);
    if (!db) return db.error();
    return Success();
}

int64_t MergeReport::changed() const {
    int64_t n = 0;
    for (const auto& t : tables) n += t.inserted + t.updated;
    return n;
}

std::string MergeReport::Describe() const {
    std::string s = "Digabung dari " + std::to_string(sources.size()) + " berkas:\n";
    char line[160];
    std::snprintf(line, sizeof line, "  %-20s %10s %10s %10s %10s\n", "tabel", "dibaca", "baru", "diperbarui",
                  "tetap");
    s += line;
    for (const auto& t : tables) {
        std::snprintf(line, sizeof line, "  %-20s %10lld %10lld %10lld %10lld\n", t.table.c_str(),
                      (long long)t.read, (long long)t.inserted, (long long)t.updated, (long long)t.unchanged);
        s += line;
    }
    s += "Peserta yang dicocokkan lewat NIP: " + std::to_string(learners_matched_by_nip) + ".\n";
    if (changed() == 0) s += "Tidak ada perubahan (semua rekaman sudah ada).\n";
    return s;
}

Expected<MergeReport> MergeDatabases(Database& target_db, const std::vector<std::filesystem::path>& sources) {
    SQLite::Database& target = target_db.sql();
    MergeReport report;
    report.sources = sources;
    // Check every source first: a bad file among many stops the import before anything is written.
    std::vector<std::unique_ptr<SQLite::Database>> opened;
    for (const auto& p : sources) {
        auto db = OpenSource(p);
        if (!db) return db.error();
        opened.push_back(std::move(*db));
    }
    const auto specs = Specs();
    report.tables.push_back({"learners"});
    for (const auto& s : specs) report.tables.push_back({s.table});
    std::string current;
    try {
        WriteTransaction tx(target_db);
        auto count = [&](const char* table) {
            return target.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
        };
        std::vector<int64_t> before;
        for (const auto& s : specs) before.push_back(count(s.table));
        for (size_t i = 0; i < opened.size(); ++i) {
            current = sources[i].string();
            IdMap map;
            MergeLearners(*opened[i], target, map, report.tables[0], report.learners_matched_by_nip);
            for (size_t s = 0; s < specs.size(); ++s)
                MergeTable(*opened[i], target, specs[s], map, report.tables[s + 1]);
        }
        current.clear();
        for (size_t s = 0; s < specs.size(); ++s) {
            auto& t = report.tables[s + 1];
            t.inserted = count(specs[s].table) - before[s];
            t.updated -= t.inserted;
        }
        tx.commit();
    } catch (const std::exception& e) {
        return Error{"Impor dibatalkan" + (current.empty() ? std::string() : " saat membaca " + current) +
                     ": " + e.what() + ". Basis data tujuan tidak diubah."};
    }
    return report;
}

}  // namespace sinau::store
