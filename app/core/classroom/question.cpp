#include "classroom/question.hpp"

#include <algorithm>

#include "engine/grading.hpp"

namespace sinau::classroom {

std::string_view KindName(ClassQuestionKind kind) {
    switch (kind) {
        case ClassQuestionKind::Mc:
            return "mc";
        case ClassQuestionKind::TrueFalse:
            return "tf";
        case ClassQuestionKind::Multi:
            return "multi";
    }
    return "mc";
}

std::optional<ClassQuestion> ToClassQuestion(const content::Question& q) {
    ClassQuestion out;
    out.id = q.id;
    out.text = q.stem;
    if (!q.stem_after.empty()) out.text += " ____ " + q.stem_after;  // missing word: show the blank
    out.feedback = q.general_feedback;
    out.basis = q.tags;
    switch (q.type) {
        case content::QuestionType::Mc:
        case content::QuestionType::Multi:
            out.kind = q.type == content::QuestionType::Mc ? ClassQuestionKind::Mc : ClassQuestionKind::Multi;
            for (const auto& c : q.choices) {
                out.choices.push_back(c.text);
                out.fractions.push_back(c.fraction);
            }
            break;
        case content::QuestionType::TrueFalse:
            out.kind = ClassQuestionKind::TrueFalse;
            out.choices = {"Benar", "Salah"};
            out.fractions = {q.tf_answer ? 1.0 : 0.0, q.tf_answer ? 0.0 : 1.0};
            break;
        default:
            return std::nullopt;  // needs typing or pairing: not a one-tap question
    }
    if (out.choices.size() < 2) return std::nullopt;
    if (CorrectChoices(out).empty()) return std::nullopt;  // nothing earns credit: unplayable
    out.hash = q.Hash();
    out.source = q;
    return out;
}

std::vector<int> CorrectChoices(const ClassQuestion& q) {
    std::vector<int> out;
    if (q.kind == ClassQuestionKind::Multi) {
        for (size_t i = 0; i < q.fractions.size(); ++i)
            if (q.fractions[i] > 0.0) out.push_back(static_cast<int>(i));
        return out;
    }
    const auto best = std::max_element(q.fractions.begin(), q.fractions.end());
    if (best == q.fractions.end() || *best <= 0.0) return out;
    for (size_t i = 0; i < q.fractions.size(); ++i)
        if (q.fractions[i] >= *best - 1e-9) out.push_back(static_cast<int>(i));
    return out;
}

engine::Answer ToEngineAnswer(const ClassQuestion& q, const std::vector<int>& selection) {
    switch (q.kind) {
        case ClassQuestionKind::Mc:
            return engine::McAnswer(selection.empty() ? -1 : selection.front());
        case ClassQuestionKind::TrueFalse:
            return engine::TfAnswer(!selection.empty() && selection.front() == 0);
        case ClassQuestionKind::Multi:
            return engine::MultiAnswer(selection);
    }
    return engine::McAnswer(-1);
}

std::vector<int> SelectionFromEngineAnswer(const ClassQuestion& q, const engine::Answer& a) {
    switch (q.kind) {
        case ClassQuestionKind::Mc:
            if (a.type == content::QuestionType::Mc && a.choice >= 0) return {a.choice};
            return {};
        case ClassQuestionKind::TrueFalse:
            if (a.type == content::QuestionType::TrueFalse && a.tf) return {*a.tf ? 0 : 1};
            return {};
        case ClassQuestionKind::Multi:
            if (a.type == content::QuestionType::Multi) return a.choices;
            return {};
    }
    return {};
}

Grade GradeSelection(const ClassQuestion& q, const std::vector<int>& selection) {
    const engine::Grade g = engine::GradeAnswer(q.source, ToEngineAnswer(q, selection));
    Grade out;
    out.fraction = g.fraction.value_or(0.0);
    out.correct = out.fraction >= engine::kFullCredit;
    return out;
}

}  // namespace sinau::classroom
