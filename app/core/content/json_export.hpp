#pragma once
// The parsed model as JSON, for `sinau lint --json` (tools and tests read it). Shapes:
//   course  {"modules": N, "questions": N, "scenarios": N, "errors": [{"file","line","col","message"}]}
//   gift    {"questions":
//   [{"id","title","type","line","stem","stem_after","choices":[{"text","fraction","feedback"}],
//            "answer","pairs":[{"left","right"}],"numerical":[{"value","min","max","fraction","feedback"}],
//            "feedback","tags"}], "errors": [...]}
//   twee    {"title","start","passages":[{"name","tags","line","links":[{"text","target"}],"ending","score",
//            "feedback"}],"errors":[...]}
// `answer` is the true/false value (null for other types); `feedback` is the general feedback.
#include <string>

#include "content/model.hpp"

namespace sinau::content {

std::string CourseJson(const Course& course, const Diagnostics& errors);
std::string GiftJson(const std::vector<Question>& questions, const Diagnostics& errors);
std::string TweeJson(const Scenario& scenario, const Diagnostics& errors);

}  // namespace sinau::content
