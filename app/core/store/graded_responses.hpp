#pragma once
// The graded answers behind item analysis (reports/item_analysis.hpp): which attempts count and which of
// their answers have a credit.
//
// Threads: the caller's connection. Throws SQLite::Exception (std::exception) on database errors.
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/learner_filter.hpp"

namespace sinau::store {

enum class AttemptSet { First, All };

struct ResponseSelection {
    std::string module_id;  // required
    // First: each learner's or class participant's earliest submitted attempt at the module (Moodle's
    // default); All: every submitted attempt.
    AttemptSet attempts = AttemptSet::First;
    bool include_class_sessions = true;  // class-session answers too (kind = 'class')
    LearnerFilter learners;              // e.g. one instansi; class participants without NIP only when empty
};

struct GradedResponse {
    std::string attempt_id;
    std::string question_id;
    double mark = 0;     // the stored fraction (-1..1)
    std::string answer;  // the stored answer JSON
};

// Answers with a credit (ungraded essays left out) in the chosen attempts, by attempt then answer time.
std::vector<GradedResponse> GradedResponses(Database& db, const ResponseSelection& selection);

}  // namespace sinau::store
