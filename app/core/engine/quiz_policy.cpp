#include "engine/quiz_policy.hpp"

#include <algorithm>

namespace sinau::engine {

AttemptScore ScoreAttempt(const std::vector<std::optional<double>>& fractions, double pass_mark) {
    AttemptScore s;
    double sum = 0;
    for (const auto& f : fractions) {
        ++s.scored_items;
        if (!f) {
            ++s.pending_essays;
            continue;
        }
        ++s.graded_items;
        sum += *f;
    }
    s.percent = s.graded_items == 0 ? 0.0 : 100.0 * std::max(0.0, sum) / s.graded_items;
    s.percent = std::min(100.0, s.percent);
    // Compare with a small tolerance so 7/10 = 69.99999... still meets a pass mark of 70.
    s.passed = s.pending_essays == 0 && s.graded_items > 0 && s.percent + 1e-9 >= pass_mark;
    return s;
}

std::optional<double> ModuleQuizScore(const std::vector<double>& scores, content::Grading grading) {
    if (scores.empty()) return std::nullopt;
    if (grading == content::Grading::Last) return scores.back();
    return *std::max_element(scores.begin(), scores.end());
}

bool MayStartAttempt(int submitted_attempts, const content::QuizSettings& settings) {
    return settings.attempts_allowed <= 0 || submitted_attempts < settings.attempts_allowed;
}

ModeRules RulesFor(content::QuizMode mode) {
    ModeRules r;
    if (mode == content::QuizMode::Latihan) {
        r.feedback_after_each_answer = true;
        r.right_answer_after_each_answer = true;
        r.answer_locked_once_given = true;
    }
    return r;
}

}  // namespace sinau::engine
