#pragma once
// A question as played in a live class: the subset of content::Question a phone can answer with taps.
// Only mc, tf and multi are playable; every other type is skipped when a session is planned
// (PROTOCOL.md "Question types"). Pure data and pure functions: no thread or I/O concerns.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "engine/answer.hpp"

namespace sinau::classroom {

enum class ClassQuestionKind { Mc, TrueFalse, Multi };
std::string_view KindName(ClassQuestionKind kind);  // "mc", "tf", "multi" (the protocol's names)

struct ClassQuestion {
    std::string id;    // content question id ("m2-q05")
    std::string hash;  // content::Question::Hash() when planned: stored with every response
    ClassQuestionKind kind = ClassQuestionKind::Mc;
    std::string text;                  // stem as plain text (stem + blank + stem_after for missing word)
    std::vector<std::string> choices;  // shown in this order to everyone (projector and phones alike)
    std::vector<double> fractions;     // credit per choice, same order as choices
    std::string feedback;              // general feedback: the explanation shown at reveal
    std::vector<std::string> basis;    // the question's tags: its legal basis ("UU-7-2017-Ps-280")
    content::Question source;          // graded by the engine against this (engine/grading.hpp)
};

// nullopt when the question type cannot be played in class (short, match, numerical, essay, description)
// or when it has fewer than two choices.
std::optional<ClassQuestion> ToClassQuestion(const content::Question& question);

// Indices of the choices that earn full marks when picked (mc/tf: the right one; multi: every choice with
// positive credit).
std::vector<int> CorrectChoices(const ClassQuestion& question);

struct Grade {
    double fraction = 0.0;  // credit in -1..1 as stored in responses.fraction
    bool correct = false;   // full credit
};

// The engine's answer for a selection that has already been validated (indices in range, unique, one
// for mc/tf; tf: index 0 = "Benar", 1 = "Salah"). Stored as responses.answer via engine::AnswerToJson.
engine::Answer ToEngineAnswer(const ClassQuestion& question, const std::vector<int>& selection);
// Back from a stored answer to the indices shown in class (empty when it does not fit the question).
std::vector<int> SelectionFromEngineAnswer(const ClassQuestion& question, const engine::Answer& answer);

// Grades with the engine's rules (engine::GradeAnswer: mc the choice's credit, multi the sum clamped to
// 0..1, tf right/wrong), so a class answer counts exactly as the same answer in a self-paced quiz.
Grade GradeSelection(const ClassQuestion& question, const std::vector<int>& selection);

}  // namespace sinau::classroom
