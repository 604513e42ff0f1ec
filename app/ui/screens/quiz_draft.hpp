#pragma once
// What the learner has picked or typed on the current question, in DISPLAY order (the plan's shuffled
// order), before it is committed — and the conversions to and from engine::Answer (ORIGINAL order).
// Pure functions; the quiz screen keeps one draft for the question on screen.
#include <optional>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "engine/answer.hpp"

namespace sinau::ui {

struct QuizDraft {
    int choice = -1;           // Mc: display index
    std::vector<bool> picked;  // Multi: per display index
    std::optional<bool> tf;    // TrueFalse
    std::string text;          // Short, Numerical, Essay
    std::vector<int>
        pairs;  // Match: per pair index (left items), the DISPLAY index of the right side, -1 none
};

// Original index of display position `d` (the plan's order; identity when the plan has none).
int OriginalIndex(const std::vector<int>& order, int display);
// Display position of original index `original` (-1 when absent).
int DisplayIndex(const std::vector<int>& order, int original);
// Number of options shown for the question (choices, the two truth values, right-hand sides of a match).
int OptionCount(const content::Question& q, const std::vector<int>& order);

// An empty draft shaped for the question.
QuizDraft EmptyDraft(const content::Question& q, const std::vector<int>& order);
// The draft showing a committed answer.
QuizDraft DraftFrom(const content::Question& q, const std::vector<int>& order, const engine::Answer& answer);
// The answer a draft means; nullopt while nothing is picked/typed (nothing to commit).
std::optional<engine::Answer> AnswerFrom(const content::Question& q, const std::vector<int>& order,
                                         const QuizDraft& draft);

// Number key n (1-based) picks option n: Mc/TrueFalse select it, Multi toggles it, Match sets the
// right side of left item `row`. Returns false when there is no such option.
bool PickOption(const content::Question& q, const std::vector<int>& order, QuizDraft& draft, int n, int row);

}  // namespace sinau::ui
