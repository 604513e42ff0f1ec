#pragma once
// The live class's rows: class_sessions (one per class, its state JSON kept current so a crash can be
// resumed), class_participants, and each participant's attempt (kind 'class') with its responses. Written
// through the class's BatchWriter (batch_writer.hpp) by classroom/classroom.cpp; read back to resume or to
// list the sessions a crash left unfinished (classroom/unfinished.hpp).
//
// Threads: the caller's connection. Throw SQLite::Exception (std::exception) on database errors.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace sinau::store {

void InsertClassSession(Database& db, const std::string& id, const std::string& module_id,
                        const std::string& title, const std::string& started_at,
                        const std::string& state_json);
// Stores the session's state; `ended` also sets ended_at (once).
void UpdateClassSession(Database& db, const std::string& id, const std::string& state_json,
                        const std::string& now, bool ended);

struct NewClassParticipant {
    std::string id, attempt_id, session_id;
    std::string name, nip;  // nip "" when not given
    std::string token_hash;
    std::string module_id, course_id, content_version, plan_json;  // of the participant's attempt
    std::string joined_at;
};
// Inserts the participant and their attempt. A NIP that names a learner (not removed) links both to that
// learner; returns the learner id, "" when none.
std::string InsertClassParticipant(Database& db, const NewClassParticipant& p);

struct ClassAnswerRow {
    std::string response_id, attempt_id, participant_id, question_id, question_hash, content_version;
    std::string answer_json, answered_at;
    double fraction = 0;
    int64_t duration_ms = 0;
    int participant_score = 0;  // the participant's points after this answer
};
void InsertClassAnswer(Database& db, const ClassAnswerRow& row);

struct ClassAttemptScore {
    std::string attempt_id;
    double score = 0;  // percent
    bool passed = false;
};
// The end of the class: every attempt submitted (submitted_at kept when already set) with its score.
void SubmitClassAttempts(Database& db, const std::vector<ClassAttemptScore>& scores, const std::string& now);

// ---- reading a session back ----
struct StoredClassSession {
    std::string id, module_id, title, state_json;
    std::string started_at, updated_at;
    bool ended = false;
    int participants = 0;
};
std::optional<StoredClassSession> FindClassSession(Database& db, std::string_view id);
// Sessions without ended_at, newest first.
std::vector<StoredClassSession> UnfinishedClassSessions(Database& db);
// Sets ended_at (and nothing else) of a session not ended yet.
void CloseClassSession(Database& db, std::string_view id, const std::string& now);

struct StoredParticipant {
    std::string id, name, nip, learner_id, token_hash, attempt_id;  // "" for absent values
    int score = 0;
};
std::vector<StoredParticipant> ClassParticipants(Database& db, std::string_view session_id);  // join order

struct StoredClassAnswer {
    std::string participant_id, question_id, answer_json;
    double fraction = 0;
    int64_t duration_ms = 0;
};
std::vector<StoredClassAnswer> ClassAnswers(Database& db, std::string_view session_id);

}  // namespace sinau::store
