#pragma once
// Playing a branching scenario: the state is the path of passage names from the start; choosing a link
// appends its target. Pure; the store commits the path after every choice (store/scenario_runs.hpp).
#include <string>
#include <vector>

#include "content/model.hpp"
#include "util/expected.hpp"

namespace sinau::engine {

struct ScenarioPath {
    std::vector<std::string> passages;  // names, start first
};

// The path at the start: just the start passage. Error when the scenario has no such passage.
Expected<ScenarioPath> StartScenario(const content::Scenario& scenario);

// The passage the learner is on (nullptr when the path no longer matches the content).
const content::Passage* CurrentPassage(const content::Scenario& scenario, const ScenarioPath& path);

// Follows link number `link_index` of the current passage. Error (path unchanged) when the run has
// ended, the index is out of range, or the link leads nowhere / back onto the path (a cycle).
Status Choose(const content::Scenario& scenario, ScenarioPath& path, size_t link_index);

// An ending: tagged `akhir`, or a passage with no way forward.
bool IsEnded(const content::Scenario& scenario, const ScenarioPath& path);

// Sum of the `skor:` of every passage on the path (start included; untagged passages count 0).
int PathScore(const content::Scenario& scenario, const ScenarioPath& path);

// True when every step of the path follows a link of the content (a stored run still replays).
bool PathIsValid(const content::Scenario& scenario, const ScenarioPath& path);

// The path with the highest score from the start to an ending (ties: the first found in link order),
// for the review "your path vs the best path". Links that would revisit a passage are ignored.
struct BestPath {
    ScenarioPath path;
    int score = 0;
};
BestPath FindBestPath(const content::Scenario& scenario);

std::string PathToJson(const ScenarioPath& path);
Expected<ScenarioPath> PathFromJson(std::string_view json);

}  // namespace sinau::engine
