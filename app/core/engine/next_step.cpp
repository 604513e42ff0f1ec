#include "engine/next_step.hpp"

#include <algorithm>

namespace sinau::engine {
namespace {

bool HasScoredQuestion(const content::Module& m) {
    return std::any_of(m.questions.begin(), m.questions.end(), [](const content::Question& q) {
        return q.type != content::QuestionType::Description;
    });
}

NextStep Step(NextStep::Kind kind, const content::Module& m, bool resumes) {
    NextStep s;
    s.kind = kind;
    s.module_id = m.id;
    s.resumes = resumes;
    return s;
}

NextStep ScenarioStep(const content::Module& m, const std::string& scenario_id, bool resumes) {
    NextStep s = Step(NextStep::Kind::Scenario, m, resumes);
    s.scenario_id = scenario_id;
    return s;
}

// Rule 1: the open work the learner left last in this module, exactly.
std::optional<NextStep> OpenWork(const content::Module& m, const ModuleSituation& s,
                                 const std::optional<LastActivity>& last) {
    const bool here = last && last->module_id == m.id;
    if (here && last->kind == LastActivity::Kind::Scenario && !s.open_scenario_id.empty() &&
        last->scenario_id == s.open_scenario_id)
        return ScenarioStep(m, s.open_scenario_id, true);
    if (here && last->kind == LastActivity::Kind::Quiz && s.open_attempt)
        return Step(NextStep::Kind::Quiz, m, true);
    return std::nullopt;
}

}  // namespace

std::optional<NextStep> ModuleNextStep(const content::Module& m, const ModuleSituation& s,
                                       const std::optional<LastActivity>& last) {
    if (!m.ok()) return std::nullopt;
    if (auto open = OpenWork(m, s, last)) return open;  // even in a lulus module: a retake in progress
    if (s.outcome.status == ModuleStatus::Lulus) return std::nullopt;
    // Work already begun comes before anything new.
    if (s.open_attempt) return Step(NextStep::Kind::Quiz, m, true);
    if (!s.open_scenario_id.empty()) return ScenarioStep(m, s.open_scenario_id, true);
    if (!s.outcome.quiz_passed) {
        // Read before (re)taking the quiz: a failed learner who skipped pages is sent back to them.
        if (!s.reading_finished && !m.reading.pages.empty()) {
            NextStep r = Step(NextStep::Kind::Read, m, s.reading_page.has_value());
            r.page = std::clamp(s.reading_page.value_or(0), 0, int(m.reading.pages.size()) - 1);
            return r;
        }
        if (HasScoredQuestion(m) && s.may_start_attempt && !s.essay_waiting)
            return Step(NextStep::Kind::Quiz, m, false);
    }
    for (const auto& sc : m.scenarios)
        if (!s.scenarios_ended.count(sc.id)) return ScenarioStep(m, sc.id, false);
    return std::nullopt;
}

NextStep ChooseNextStep(const content::Course& course, const std::vector<ModuleSituation>& situations,
                        const std::optional<LastActivity>& last) {
    if (situations.size() != course.modules.size()) return NextStep{};
    const auto& modules = course.modules;
    // Rules 1 and 2: the module in focus.
    if (last) {
        for (size_t i = 0; i < modules.size(); ++i)
            if (modules[i].id == last->module_id)
                if (auto step = ModuleNextStep(modules[i], situations[i], last)) return *step;
    }
    // Rule 3: course order.
    for (size_t i = 0; i < modules.size(); ++i)
        if (auto step = ModuleNextStep(modules[i], situations[i])) return *step;
    // Rules 4 and 5.
    bool any_usable = false;
    for (size_t i = 0; i < modules.size(); ++i) {
        if (!modules[i].ok()) continue;
        any_usable = true;
        if (situations[i].outcome.status != ModuleStatus::Lulus)
            return Step(NextStep::Kind::Overview, modules[i], false);
    }
    // A broken module can never be lulus, so the course cannot be completed until its content is fixed.
    const bool any_broken =
        std::any_of(modules.begin(), modules.end(), [](const auto& m) { return !m.ok(); });
    if (!any_usable || any_broken) return NextStep{};
    NextStep done;
    done.kind = NextStep::Kind::CourseResult;
    return done;
}

}  // namespace sinau::engine
