#pragma once
// Internal to store/learning_*.cpp: reading rows into records, shared SQL column lists.
#include <optional>
#include <string>

#include "store/learning.hpp"
#include "store/statement.hpp"

namespace sinau::store::detail {

using store::OptReal;
using store::OptText;

inline constexpr const char* kAttemptColumns =
    "id, module_id, mode, content_version, plan, started_at, submitted_at, score, passed";

// Reads the kAttemptColumns of the current row. Throws SQLite::Exception; a plan that no longer parses
// (hand-edited database) reads as an empty plan.
AttemptRecord ReadAttempt(SQLite::Statement& q);

inline constexpr const char* kRunColumns =
    "id, module_id, scenario_id, path, score, best_score, ended, started_at, finished_at";
ScenarioRunRecord ReadRun(SQLite::Statement& q);

// Fractions of the scored plan items from the committed responses (see engine::ScoreAttempt).
std::vector<std::optional<double>> ScoredFractions(Database& db, const content::Module& module,
                                                   const AttemptRecord& attempt);

}  // namespace sinau::store::detail
