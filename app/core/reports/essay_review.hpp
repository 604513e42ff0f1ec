#pragma once
// Essays waiting for a trainer: the list the "Esai belum dinilai" screen shows, and the grade a trainer
// gives (0–100 %, as a GIFT essay allows) with an optional comment.
//
// An essay answer is "ungraded" while responses.fraction IS NULL (store/learning.hpp commits it so). Only
// questions the course still declares as essays are listed (an answer to a question that was removed
// or changed type cannot be graded by the current rules, so it is not offered).
//
// Grading goes through store::GradeEssay (the one core path that rescores the attempt, module_results and
// the completion); the comment and when are kept in `essay_grades` (schema v4, store/essay_records.hpp).
//
// Threads: the caller's connection (the UI lists on a worker with its own connection and grades on the
// main thread's store::Database). ListUngradedEssays throws SQLite::Exception (std::exception) on database
// errors; GradeEssayAnswer never throws.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "store/database.hpp"
#include "store/essay_records.hpp"
#include "util/expected.hpp"

namespace sinau::reports {

struct UngradedEssay {
    std::string response_id;
    std::string attempt_id;
    std::string nip, name, instansi;  // learner ("" NIP for a class participant without one)
    std::string module_id, module_title;
    std::string question_id, question_text;  // the stem as the learner read it
    std::string answer;                      // the text the learner wrote
    std::string answered_at;                 // ISO 8601 UTC
    bool submitted = false;                  // the attempt was handed in (an open attempt can be graded too)
};

// Oldest first (the trainer works through the queue in the order answers came in). `limit` bounds the
// list the screen holds; `total` (when given) receives the full count.
std::vector<UngradedEssay> ListUngradedEssays(store::Database& db, const content::Course& course,
                                              size_t limit = 500, int64_t* total = nullptr);

using store::EssayGrade;  // response_id, percent (0..100), comment, graded_at

// Grades one essay answer: percent in 0..100 (Error otherwise), comment optional (trimmed, at most 2000
// bytes). One transaction: store::GradeEssay (rescoring the attempt, module result and completion) and
// the comment row commit together or not at all.
Status GradeEssayAnswer(store::Database& db, const content::Course& course, std::string_view response_id,
                        double percent, std::string_view comment);

// The comment a trainer left, if any. Never throws (nullopt on error).
std::optional<EssayGrade> FindEssayGrade(store::Database& db, std::string_view response_id);

}  // namespace sinau::reports
