#include "classroom/unfinished.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "classroom/classroom.hpp"
#include "store/database.hpp"
#include "util/time.hpp"

namespace sinau::classroom {

Expected<std::vector<UnfinishedSession>> FindUnfinishedSessions(const std::filesystem::path& db_path) {
    auto db = store::Database::Open(db_path);
    if (!db) return db.error();
    try {
        std::vector<UnfinishedSession> out;
        SQLite::Statement s(
            (*db)->sql(),
            "SELECT s.id, s.module_id, s.title, s.started_at, s.updated_at, s.state, "
            "(SELECT COUNT(*) FROM class_participants p WHERE p.session_id = s.id) "
            "FROM class_sessions s WHERE s.ended_at IS NULL ORDER BY s.started_at DESC, s.rowid DESC");
        while (s.executeStep()) {
            UnfinishedSession u;
            u.id = s.getColumn(0).getString();
            u.module_id = s.getColumn(1).getString();
            u.title = s.getColumn(2).getString();
            u.started_at = s.getColumn(3).getString();
            u.updated_at = s.getColumn(4).getString();
            u.participants = s.getColumn(6).getInt();
            const auto state = nlohmann::json::parse(s.getColumn(5).getString(), nullptr, false);
            const auto phase = state.is_object() ? PhaseFromName(state.value("phase", "")) : std::nullopt;
            if (!phase || !state.contains("question_ids") || !state["question_ids"].is_array()) {
                u.resumable = false;
            } else {
                u.phase = *phase;
                u.current = state.value("current", -1);
                u.total = static_cast<int>(state["question_ids"].size());
            }
            out.push_back(std::move(u));
        }
        return out;
    } catch (const std::exception& e) {
        return Error{"Sesi kelas yang belum selesai tidak dapat dibaca: " + std::string(e.what())};
    }
}

Status EndUnfinishedSession(const std::filesystem::path& db_path, const std::string& session_id,
                            const content::Course& course) {
    {
        auto db = store::Database::Open(db_path);
        if (!db) return db.error();
        try {
            SQLite::Statement s((*db)->sql(), "SELECT ended_at IS NULL FROM class_sessions WHERE id = ?");
            s.bind(1, session_id);
            if (!s.executeStep())
                return Error{"Sesi kelas " + session_id + " tidak ditemukan di basis data."};
            if (s.getColumn(0).getInt() == 0) return Error{"Sesi kelas " + session_id + " sudah diakhiri."};
        } catch (const std::exception& e) {
            return Error{"Sesi kelas tidak dapat dibaca: " + std::string(e.what())};
        }
    }
    // The normal end (attempt scores, ended_at) lives in Classroom: reuse it rather than repeat its SQL.
    if (auto room = Classroom::Resume(db_path, session_id, course)) {
        (*room)->End();
        (*room)->Flush();
        return Success();
    }
    // Not resumable: close the row so it is not offered again; answers and attempts stay as they are.
    auto db = store::Database::Open(db_path);
    if (!db) return db.error();
    try {
        const std::string now = util::NowIso8601();
        SQLite::Statement s(
            (*db)->sql(),
            "UPDATE class_sessions SET ended_at = ?, updated_at = ? WHERE id = ? AND ended_at IS NULL");
        s.bind(1, now);
        s.bind(2, now);
        s.bind(3, session_id);
        s.exec();
        return Success();
    } catch (const std::exception& e) {
        return Error{"Sesi kelas tidak dapat diakhiri: " + std::string(e.what())};
    }
}

}  // namespace sinau::classroom
