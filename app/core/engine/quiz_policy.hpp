#pragma once
// The rules around a quiz attempt: its score, pass/fail, how many attempts, which one counts, and what
// each mode (latihan / ujian) may show when. Pure functions over plain values.
#include <optional>
#include <vector>

#include "content/model.hpp"

namespace sinau::engine {

struct AttemptScore {
    double percent = 0;    // 0..100 over the graded items
    bool passed = false;   // percent >= pass mark (and nothing left to grade)
    int scored_items = 0;  // items that count (descriptions excluded)
    int graded_items = 0;  // of those, graded (essays awaiting a trainer are not)
    int pending_essays = 0;
};

// `fractions` has one entry per SCORED plan item: the stored credit, 0 for an unanswered item, empty for
// an essay not graded yet. percent = 100 * max(0, sum) / graded items (negative weights can lower the
// sum but never below 0). An attempt with an ungraded essay is not passed yet: the trainer decides.
AttemptScore ScoreAttempt(const std::vector<std::optional<double>>& fractions, double pass_mark);

// The module's quiz score from its submitted attempts' scores, oldest first (highest or last);
// nullopt when there is none.
std::optional<double> ModuleQuizScore(const std::vector<double>& submitted_scores, content::Grading grading);

// True when another attempt may start (attempts_allowed 0 = unlimited).
bool MayStartAttempt(int submitted_attempts, const content::QuizSettings& settings);

// What a mode shows when. Latihan: feedback and the right answer right after each answer, and the
// answer is then locked (changing it after seeing the key would be meaningless). Ujian: nothing until
// the attempt is submitted; answers may be changed until then. Both: full review after submitting.
struct ModeRules {
    bool feedback_after_each_answer = false;
    bool right_answer_after_each_answer = false;
    bool answer_locked_once_given = false;
    bool review_after_submit = true;  // score, each answer, the right answer, feedback
};
ModeRules RulesFor(content::QuizMode mode);

}  // namespace sinau::engine
