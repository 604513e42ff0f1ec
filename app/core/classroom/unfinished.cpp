#include "classroom/unfinished.hpp"

#include <nlohmann/json.hpp>

#include "classroom/classroom.hpp"
#include "store/class_records.hpp"
#include "util/time.hpp"

namespace sinau::classroom {

Expected<std::vector<UnfinishedSession>> FindUnfinishedSessions(const std::filesystem::path& db_path) {
    auto db = store::Database::Open(db_path);
    if (!db) return db.error();
    try {
        std::vector<UnfinishedSession> out;
        for (const auto& stored : store::UnfinishedClassSessions(**db)) {
            UnfinishedSession u;
            u.id = stored.id;
            u.module_id = stored.module_id;
            u.title = stored.title;
            u.started_at = stored.started_at;
            u.updated_at = stored.updated_at;
            u.participants = stored.participants;
            const auto state = nlohmann::json::parse(stored.state_json, nullptr, false);
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
            const auto stored = store::FindClassSession(**db, session_id);
            if (!stored) return Error{"Sesi kelas " + session_id + " tidak ditemukan di basis data."};
            if (stored->ended) return Error{"Sesi kelas " + session_id + " sudah diakhiri."};
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
        store::CloseClassSession(**db, session_id, util::NowIso8601());
        return Success();
    } catch (const std::exception& e) {
        return Error{"Sesi kelas tidak dapat diakhiri: " + std::string(e.what())};
    }
}

}  // namespace sinau::classroom
