#pragma once
// Essay answers waiting for a trainer and the grades trainers gave (the essay_grades table, schema v4).
// Which essays to offer and the rules of a grade are reports/essay_review.hpp's; the credit itself is
// written by GradeEssay (store/learning.hpp), which rescores the attempt, the module and the completion.
//
// Threads: the caller's connection. Throws SQLite::Exception (std::exception) on database errors.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace sinau::store {

struct UngradedAnswer {
    std::string response_id;
    std::string attempt_id;
    std::string nip, name, instansi;  // learner ("" NIP for a class participant without one)
    std::string module_id, question_id;
    std::string answer_json;  // as stored
    std::string answered_at;  // ISO 8601 UTC
    bool submitted = false;   // the attempt was handed in
};
// Every answer without a credit yet (responses.fraction IS NULL), oldest first.
std::vector<UngradedAnswer> UngradedAnswers(Database& db);

struct EssayGrade {
    std::string response_id;
    double percent = 0;  // 0..100
    std::string comment;
    std::string graded_at;
};
// Upserts the trainer's grade and comment (graded_at = updated_at = now).
void SaveEssayGrade(Database& db, std::string_view response_id, double percent, std::string_view comment);
std::optional<EssayGrade> FindEssayGrade(Database& db, std::string_view response_id);

}  // namespace sinau::store
