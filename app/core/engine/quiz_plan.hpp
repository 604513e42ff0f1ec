#pragma once
// Which questions an attempt shows, in which order, with which choice order: drawn once from a seed at
// the start of the attempt and stored (attempts.plan) so a resumed attempt shows exactly the same quiz.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "util/expected.hpp"

namespace sinau::engine {

struct PlannedQuestion {
    std::string question_id;
    // Display order of the options as indices into the ORIGINAL list: Mc/Multi -> Question::choices;
    // Match -> the right-hand sides (indices into Question::pairs). Empty for other types.
    std::vector<int> order;
};

struct QuizPlan {
    uint64_t seed = 0;
    std::vector<PlannedQuestion> items;
};

// Draws the plan for one attempt. Pure and deterministic: same module + settings + seed -> same plan.
//  - description questions (text only) are always shown, first, in file order, and never scored;
//  - of the other questions, min(questions_per_attempt, bank size) are drawn (all of them, in file
//    order, when shuffle_questions is false and the bank fits);
//  - choices (Mc, Multi) and the right-hand options of a Match are shuffled when shuffle_choices is on.
QuizPlan DrawPlan(const content::Module& module, const content::QuizSettings& settings, uint64_t seed);

std::string PlanToJson(const QuizPlan& plan);
Expected<QuizPlan> PlanFromJson(std::string_view json);

// The question the plan item names, or nullptr when the content no longer has it.
const content::Question* FindQuestion(const content::Module& module, std::string_view question_id);

// Number of scored (non-description) items in a plan.
int ScoredCount(const content::Module& module, const QuizPlan& plan);

}  // namespace sinau::engine
