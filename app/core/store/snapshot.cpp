#include "store/snapshot.hpp"

#include "store/statement.hpp"

namespace sinau::store {
namespace {

int64_t CountOf(SQLite::Database& db, const char* table) {
    return db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

RecordCounts Counts(SQLite::Database& s) {
    RecordCounts c;
    SQLite::Statement id(s, "SELECT value FROM meta WHERE key = 'installation_id'");
    if (id.executeStep()) c.installation_id = id.getColumn(0).getString();
    c.learners = CountOf(s, "learners");
    c.attempts = CountOf(s, "attempts");
    c.responses = CountOf(s, "responses");
    return c;
}

// Reduces the snapshot to the learners the filter selects. Order follows the foreign keys (children first);
// the schema's triggers keep learner_stats and module_tally consistent with what is deleted.
void KeepOnlyFiltered(SQLite::Database& s, const LearnerFilter& filter) {
    const auto ids = BuildLearnerIdQuery(filter);
    SQLite::Statement keep(s, "CREATE TEMP TABLE bundle_keep AS " + ids.sql);
    int i = 1;
    for (const auto& p : ids.params) keep.bind(i++, p);
    keep.exec();
    const std::string out = " NOT IN (SELECT id FROM temp.bundle_keep)";
    const std::string gone_attempts = "SELECT id FROM attempts WHERE learner_id IS NULL OR learner_id" + out;
    if (s.tableExists("essay_grades"))
        s.exec(
            "DELETE FROM essay_grades WHERE response_id IN (SELECT id FROM responses WHERE attempt_id IN (" +
            gone_attempts + "))");
    s.exec("DELETE FROM responses WHERE attempt_id IN (" + gone_attempts + ")");
    s.exec("DELETE FROM attempts WHERE learner_id IS NULL OR learner_id" + out);
    s.exec("DELETE FROM class_participants WHERE (learner_id IS NULL OR learner_id" + out +
           ") AND id NOT IN (SELECT participant_id FROM attempts WHERE participant_id IS NOT NULL)");
    s.exec(
        "DELETE FROM class_sessions WHERE id NOT IN (SELECT session_id FROM class_participants) "
        "AND id NOT IN (SELECT class_session_id FROM attempts WHERE class_session_id IS NOT NULL)");
    for (const char* t : {"reading_progress", "scenario_runs", "module_results", "completions"})
        s.exec(std::string("DELETE FROM ") + t + " WHERE learner_id" + out);
    s.exec("DELETE FROM learners WHERE id" + out);
    if (s.tableExists("issued_certificates"))
        s.exec("DELETE FROM issued_certificates WHERE nip NOT IN (SELECT nip FROM learners)");
    // The chart tally keeps emptied (n = 0) rows, which would still name the other instansi.
    if (s.tableExists("module_tally")) s.exec("DELETE FROM module_tally WHERE n = 0 AND score_n = 0");
    s.exec("DROP TABLE temp.bundle_keep");
}

}  // namespace

Expected<RecordCounts> WriteSnapshot(Database& db, const LearnerFilter& filter,
                                     const std::filesystem::path& out) {
    try {
        {
            // A consistent copy of the committed state, without stopping the app that writes to `db`.
            SQLite::Statement vacuum(db.sql(), "VACUUM INTO ?");
            vacuum.bind(1, out.string());
            vacuum.exec();
        }
        SQLite::Database s(out.string(), SQLite::OPEN_READWRITE);
        // Secrets stay on this PC: the PIN (settings) and the certificate signing key (meta).
        s.exec("DELETE FROM settings");
        s.exec("DELETE FROM meta WHERE key NOT IN ('app', 'installation_id', 'created_at')");
        if (!filter.empty()) KeepOnlyFiltered(s, filter);
        s.exec("VACUUM");  // drops the freed pages (deleted rows must not remain readable in the file)
        return Counts(s);
    } catch (const std::exception& e) {
        return Error{std::string("Gagal membuat salinan basis data untuk bundel (") + e.what() +
                     "); bundel tidak ditulis."};
    }
}

Expected<RecordCounts> CountRecords(const std::filesystem::path& file) {
    try {
        SQLite::Database s(file.string(), SQLite::OPEN_READONLY);
        return Counts(s);
    } catch (const std::exception& e) {
        return Error{e.what()};
    }
}

}  // namespace sinau::store
