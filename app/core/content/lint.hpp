#pragma once
// The semantic rules a course must satisfy beyond syntax (the readers check syntax). Each finding
// is a Diagnostic at the spot to fix, worded for a trainer. Pure functions, any thread.
#include "content/model.hpp"

namespace sinau::content {

// Every rule below over the whole course, in module order.
Diagnostics Lint(const Course& course);

// Per question (no course context): a right answer exists (MC: exactly one '='; multiple answers:
// positive weights add up to 100%; short/numerical: an answer worth 100%), matching has Moodle's
// 2 questions + 3 answers, each question has `// [id:...]`, a `// [tag:...]` without spaces,
// per-answer #feedback and ####general feedback (Sinau's content rules).
Diagnostics LintQuestions(const std::vector<Question>& questions);

// Question ids unique across all the given questions ("file:line" of the first use in the message).
Diagnostics LintUniqueIds(const std::vector<const Question*>& questions);

// StoryTitle/ifid present, start passage exists, no duplicate names, every link target exists,
// every passage reachable from the start, no cycles, no dead ends (every path reaches an ending),
// endings have `skor:` and `Umpan balik:` and no links, >= 3 decisions on the longest path.
Diagnostics LintScenario(const Scenario& scenario);

// Front matter has title, description, objectives; the module has questions; images exist under
// `assets_dir` (skipped when empty).
Diagnostics LintModule(const Module& module, const std::string& assets_dir);

}  // namespace sinau::content
