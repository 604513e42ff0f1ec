#pragma once
// Class sessions the trainer's app left unfinished (crash, power loss, kill -9): class_sessions rows
// without ended_at. The app offers them when the class area opens ("Lanjutkan sesi kelas" goes through
// Classroom::Resume, the same path as `sinau class serve --resume`), or ends them for good.
//
// Threads: any; each call opens its own connection. Errors are values (Bahasa Indonesia).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "classroom/session.hpp"
#include "content/model.hpp"
#include "util/expected.hpp"

namespace sinau::classroom {

struct UnfinishedSession {
    std::string id;
    std::string module_id;
    std::string title;
    std::string started_at;  // ISO 8601 UTC, as stored
    std::string updated_at;  // the last phase change that reached the disk
    Phase phase = Phase::Lobby;
    int current = -1;  // question index reached (-1: still in the lobby)
    int total = 0;     // questions planned
    int participants = 0;
    bool resumable = true;  // false when its state is unreadable (it can only be ended)
};

// Newest first. Sessions of any module are listed, even one no longer in the course (Resume then
// explains why it cannot continue; EndUnfinishedSession still closes it).
Expected<std::vector<UnfinishedSession>> FindUnfinishedSessions(const std::filesystem::path& db_path);

// "Akhiri sesi itu": ends the session as the trainer's "Akhiri" would have (every attempt submitted with
// its percentage of correct answers, ended_at set) and keeps every answer. When the session cannot be
// resumed (module gone, state damaged), only ended_at is set: nothing is deleted either way.
Status EndUnfinishedSession(const std::filesystem::path& db_path, const std::string& session_id,
                            const content::Course& course);

}  // namespace sinau::classroom
