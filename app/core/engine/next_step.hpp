#pragma once
// "Lanjutkan": the next useful thing for a learner to do in the course. Pure: the caller (the UI's
// learning controller, via store::Learning) gathers what the learner has done; this decides.
//
// The rule, in order:
//   1. Unfinished work in the module the learner touched last: an open quiz attempt or an unfinished
//      scenario run is resumed exactly (the most recent of them when both exist).
//   2. That module's next step when it is not lulus yet (see ModuleNextStep): a reading not finished
//      before its quiz is passed, the quiz again while it is not passed and attempts remain, then its
//      scenarios not yet played to an ending, in content order.
//   3. Otherwise the first module in course order (course.toml `modules`, which is the course's
//      prerequisite order: it defines no other) that is not lulus and has a step.
//   4. Every module lulus: the course result (completion and certificate).
//   5. Nothing left to do but not every module lulus (attempts used up, an essay awaiting the trainer):
//      the overview of the first such module, which says why.
// Broken modules (content errors) are never proposed.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "engine/module_progress.hpp"

namespace sinau::engine {

// What NextStep needs to know about one module for one learner.
struct ModuleSituation {
    ModuleOutcome outcome;                  // EvaluateModule
    std::optional<int> reading_page;        // the bookmark (0-based); empty when never opened
    bool reading_finished = false;          // reached the last page at least once
    bool open_attempt = false;              // a quiz attempt not submitted yet
    bool essay_waiting = false;             // a submitted attempt whose essay the trainer has not graded
    bool may_start_attempt = true;          // attempts_allowed not used up
    std::string open_scenario_id;           // an unfinished scenario run, "" when none
    std::set<std::string> scenarios_ended;  // scenario ids played to an ending at least once
};

// The learner's most recent activity (store::Learning::Lanjutkan), naming the module in focus.
struct LastActivity {
    enum class Kind { Reading, Quiz, Scenario } kind = Kind::Reading;
    std::string module_id;
    std::string scenario_id;  // Scenario
};

struct NextStep {
    enum class Kind {
        Read,          // open the reader of module_id at page
        Quiz,          // resume the open attempt of module_id, or start a new one
        Scenario,      // resume or start scenario_id of module_id
        Overview,      // nothing to do in module_id right now; its overview explains why
        CourseResult,  // every module lulus: the result / certificate
        Nothing,       // no usable module, or only broken modules (content errors) are left
    } kind = Kind::Nothing;
    std::string module_id;
    int page = 0;             // Read
    std::string scenario_id;  // Scenario
    bool resumes = false;     // continues unfinished work (bookmark, open attempt, open run)

    friend bool operator==(const NextStep&, const NextStep&) = default;
};

// One module's next step per rule 2 (rule 1's exact resume when `last` is in this module), or nullopt
// when the module is lulus, broken, or has nothing the learner can do now.
std::optional<NextStep> ModuleNextStep(const content::Module& module, const ModuleSituation& situation,
                                       const std::optional<LastActivity>& last = std::nullopt);

// The whole rule. `situations` is in course order, one per course.modules entry (a size mismatch gives
// Nothing).
NextStep ChooseNextStep(const content::Course& course, const std::vector<ModuleSituation>& situations,
                        const std::optional<LastActivity>& last);

}  // namespace sinau::engine
