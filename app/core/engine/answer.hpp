#pragma once
// What a learner answered, one shape per GIFT question type, and its JSON form (responses.answer).
// Indices always refer to the question's ORIGINAL order (content::Question::choices / pairs), never to
// the shuffled display order, so a stored answer keeps its meaning whatever the plan's shuffle was.
//
// JSON shapes (the "type" key is the content::TypeName):
//   mc        {"type":"mc","choice":2}                 choice -1 = none chosen
//   multi     {"type":"multi","choices":[0,3]}
//   tf        {"type":"tf","value":true}
//   short     {"type":"short","text":"netral"}
//   numerical {"type":"numerical","text":"12.000.000","value":12000000}   value absent when not a number
//   match     {"type":"match","pairs":[2,0,-1]}         per left item i: index of the pair whose right side
//                                                        the learner chose, -1 = not answered
//   essay     {"type":"essay","text":"..."}
//   description {"type":"description"}                 (a "seen" marker; never scored)
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "util/expected.hpp"

namespace sinau::engine {

struct Answer {
    content::QuestionType type = content::QuestionType::Description;
    int choice = -1;               // Mc
    std::vector<int> choices;      // Multi
    std::optional<bool> tf;        // TrueFalse
    std::string text;              // Short, Essay, Numerical (as typed)
    std::optional<double> number;  // Numerical (parsed from text)
    std::vector<int> pairs;        // Match

    friend bool operator==(const Answer&, const Answer&) = default;
};

// Convenience constructors for the UI and tests.
Answer McAnswer(int choice);
Answer MultiAnswer(std::vector<int> choices);
Answer TfAnswer(bool value);
Answer ShortAnswer(std::string text);
Answer NumericalAnswerOf(std::string typed);  // parses "12.000.000", "12000000", "2,5", "1e3"
Answer MatchAnswer(std::vector<int> pairs);
Answer EssayAnswer(std::string text);

// Parses a number as an Indonesian learner may type it: "12.000.000" (dot thousands), "2,5" (comma
// decimal), "12000000", "1.5" (a single dot with != 3 digits after is a decimal point), surrounding
// spaces ignored. nullopt when it is not a number.
std::optional<double> ParseLearnerNumber(std::string_view typed);

std::string AnswerToJson(const Answer& answer);
// Error when the text is not JSON or not one of the shapes above.
Expected<Answer> AnswerFromJson(std::string_view json);

}  // namespace sinau::engine
