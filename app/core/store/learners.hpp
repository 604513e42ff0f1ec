#pragma once
// The learners table: one row per person who learns on this PC (or was merged from another), never
// deleted (a removed learner keeps their records for the administrator). Validation and the rules of who
// may take which NIP are learners/learner_store.hpp's; this file only reads and writes rows.
//
// Threads: the caller's connection. Throw SQLite::Exception (std::exception) on database errors.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace sinau::store {

struct LearnerRecord {
    std::string id;  // UUID
    std::string nip, name, instansi, jabatan;
    std::string created_at, updated_at;
    std::optional<std::string> removed_at;
};

// Inserts a new learner (created_at = updated_at = record.created_at).
void InsertLearner(Database& db, const LearnerRecord& record);
// Replaces the profile fields of learner `id` and brings them back if removed.
void UpdateLearnerProfile(Database& db, const LearnerRecord& record, const std::string& now);
// Soft removal; false when no such learner or already removed.
bool RemoveLearner(Database& db, std::string_view id, const std::string& now);

std::vector<LearnerRecord> ListLearners(Database& db);  // not removed, by name (case-insensitive), NIP
std::optional<LearnerRecord> FindLearner(Database& db, std::string_view id);
std::optional<LearnerRecord> FindLearnerByNip(Database& db, std::string_view nip);  // removed ones too

}  // namespace sinau::store
