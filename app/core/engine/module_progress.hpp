#pragma once
// A module's state on the home screen (belum / sedang / lulus) and the course completion rule.
// Pure: the store gathers the evidence, these functions decide.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"

namespace sinau::engine {

enum class ModuleStatus { Belum, Sedang, Lulus };
std::string_view StatusName(ModuleStatus status);  // "belum", "sedang", "lulus" (module_results.status)
std::optional<ModuleStatus> StatusFromName(std::string_view name);

// What a learner has done in one module.
struct ModuleEvidence {
    bool reading_started = false;
    bool reading_finished = false;          // reached the last page
    std::vector<double> submitted_scores;   // quiz attempts, oldest first
    int open_attempts = 0;                  // open, or submitted with an essay awaiting the trainer
    std::set<std::string> scenarios_ended;  // scenario ids played to an ending at least once
    int scenario_runs = 0;                  // started, ended or not
};

struct ModuleOutcome {
    ModuleStatus status = ModuleStatus::Belum;
    std::optional<double> score;  // quiz score per the grading method
    bool quiz_passed = false;
    bool scenarios_done = false;
};

// Lulus when the quiz score (highest/last) reached the pass mark AND every scenario of the module was
// played to an ending. A module without scored questions needs its reading finished instead of a quiz.
// Sedang once anything was started; belum otherwise.
ModuleOutcome EvaluateModule(const content::Module& module, double pass_mark, const ModuleEvidence& evidence);

// Course completed when every module is lulus; the final score is the mean of the module scores
// (a module passed without a quiz counts 100). nullopt while not completed.
std::optional<double> CourseFinalScore(const content::Course& course,
                                       const std::vector<ModuleOutcome>& outcomes);

}  // namespace sinau::engine
