#include "engine/module_progress.hpp"

#include "engine/quiz_policy.hpp"

namespace sinau::engine {

std::string_view StatusName(ModuleStatus s) {
    switch (s) {
        case ModuleStatus::Belum:
            return "belum";
        case ModuleStatus::Sedang:
            return "sedang";
        case ModuleStatus::Lulus:
            return "lulus";
    }
    return "belum";
}

std::optional<ModuleStatus> StatusFromName(std::string_view n) {
    for (auto s : {ModuleStatus::Belum, ModuleStatus::Sedang, ModuleStatus::Lulus})
        if (StatusName(s) == n) return s;
    return std::nullopt;
}

ModuleOutcome EvaluateModule(const content::Module& module, double pass_mark, const ModuleEvidence& e) {
    ModuleOutcome out;
    bool has_quiz = false;
    for (const auto& q : module.questions)
        if (q.type != content::QuestionType::Description) has_quiz = true;
    out.score = ModuleQuizScore(e.submitted_scores, module.quiz.grading);
    out.quiz_passed = has_quiz ? (out.score && *out.score + 1e-9 >= pass_mark) : e.reading_finished;
    if (!has_quiz && out.quiz_passed) out.score = 100.0;
    out.scenarios_done = true;
    for (const auto& s : module.scenarios)
        if (!e.scenarios_ended.count(s.id)) out.scenarios_done = false;
    if (out.quiz_passed && out.scenarios_done && module.ok())
        out.status = ModuleStatus::Lulus;
    else if (e.reading_started || !e.submitted_scores.empty() || e.open_attempts > 0 || e.scenario_runs > 0)
        out.status = ModuleStatus::Sedang;
    return out;
}

std::optional<double> CourseFinalScore(const content::Course& course,
                                       const std::vector<ModuleOutcome>& outcomes) {
    if (course.modules.empty() || outcomes.size() != course.modules.size()) return std::nullopt;
    double sum = 0;
    for (const auto& o : outcomes) {
        if (o.status != ModuleStatus::Lulus) return std::nullopt;
        sum += o.score.value_or(100.0);
    }
    return sum / double(outcomes.size());
}

}  // namespace sinau::engine
