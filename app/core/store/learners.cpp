#include "store/learners.hpp"

#include "store/statement.hpp"

namespace sinau::store {
namespace {

constexpr const char* kColumns = "id, nip, name, instansi, jabatan, created_at, updated_at, removed_at";

LearnerRecord Read(SQLite::Statement& q) {
    return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
            q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
            q.getColumn(6).getString(), OptText(q.getColumn(7))};
}

std::optional<LearnerRecord> FindOne(Database& db, const char* where, std::string_view value) {
    auto& q = db.Prepared(std::string("SELECT ") + kColumns + " FROM learners WHERE " + where);
    ResetOnExit reset(q);
    q.bind(1, std::string(value));
    if (!q.executeStep()) return std::nullopt;
    return Read(q);
}

}  // namespace

void InsertLearner(Database& db, const LearnerRecord& l) {
    auto& q = db.Prepared(
        "INSERT INTO learners (id, nip, name, instansi, jabatan, created_at, updated_at) VALUES (?, ?, ?, ?, "
        "?, ?, ?)");
    ResetOnExit reset(q);
    q.bind(1, l.id);
    q.bind(2, l.nip);
    q.bind(3, l.name);
    q.bind(4, l.instansi);
    q.bind(5, l.jabatan);
    q.bind(6, l.created_at);
    q.bind(7, l.created_at);
    q.exec();
}

void UpdateLearnerProfile(Database& db, const LearnerRecord& l, const std::string& now) {
    auto& q = db.Prepared(
        "UPDATE learners SET nip = ?, name = ?, instansi = ?, jabatan = ?, updated_at = ?, removed_at = NULL "
        "WHERE id = ?");
    ResetOnExit reset(q);
    q.bind(1, l.nip);
    q.bind(2, l.name);
    q.bind(3, l.instansi);
    q.bind(4, l.jabatan);
    q.bind(5, now);
    q.bind(6, l.id);
    q.exec();
}

bool RemoveLearner(Database& db, std::string_view id, const std::string& now) {
    auto& q = db.Prepared(
        "UPDATE learners SET removed_at = ?1, updated_at = ?1 WHERE id = ?2 AND removed_at IS NULL");
    ResetOnExit reset(q);
    q.bind(1, now);
    q.bind(2, std::string(id));
    return q.exec() > 0;
}

std::vector<LearnerRecord> ListLearners(Database& db) {
    auto& q = db.Prepared(std::string("SELECT ") + kColumns +
                          " FROM learners WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE, nip");
    ResetOnExit reset(q);
    std::vector<LearnerRecord> out;
    while (q.executeStep()) out.push_back(Read(q));
    return out;
}

std::optional<LearnerRecord> FindLearner(Database& db, std::string_view id) {
    return FindOne(db, "id = ?", id);
}

std::optional<LearnerRecord> FindLearnerByNip(Database& db, std::string_view nip) {
    return FindOne(db, "nip = ?", nip);
}

}  // namespace sinau::store
