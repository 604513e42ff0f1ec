#pragma once
// Item analysis per question, as Moodle's quiz statistics report computes it
// (moodle/question/classes/statistics/questions/calculator.php; Moodle Docs "Quiz statistics calculations"):
//
//   s        number of graded responses to the question in the chosen attempts
//   x_i      the mark on this question in attempt i (fraction, clamped to 0..1; max mark 1)
//   X_i      the mark on the REST of attempt i (sum of the attempt's other graded marks)
//   Facility index F = mean(x) / max mark, shown as %            (high = easy)
//   SD       sqrt( sum (x - mean)^2 / (s - 1) ), as % of max mark
//   Discrimination index D = 100 * Cov(x, X) / sqrt(V(x) V(X))   (variances and covariance over s - 1)
//   Discriminative efficiency E = 100 * Cov(x, X) / Cov_max(x, X), where Cov_max pairs the SORTED x with
//            the SORTED X — the largest covariance those two distributions allow.
//   D and E are undefined (nullopt) when s < 2 or a variance is 0, as in Moodle.
//
// Flags, with their sources:
//   too_easy    F > 90 %  (Moodle Docs' facility scale: 90-94 "very easy", 95-100 "extremely easy")
//   too_hard    F < 10 %  (Moodle Docs: 6-10 "very difficult", 5 or less "extremely difficult")
//   negative_discrimination  D < 0 (Moodle Docs: "negative: the question is probably invalid")
//   low_efficiency  E < 15 % (Moodle's statistics_table::is_dubious_question() highlights these)
//
// Attempts: first attempts only (each learner's or class participant's earliest submitted attempt at the
// module, Moodle's default) or all submitted attempts. Ungraded essays (fraction NULL) are left out. The
// answers come from the store (store/graded_responses.hpp); this file only computes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/graded_responses.hpp"

namespace sinau::reports {

using store::AttemptSet;

struct AnswerCount {
    std::string answer;  // the stored answer JSON, as given
    int64_t count = 0;
    double frequency = 0;  // % of s
    double mean_mark = 0;  // average credit for this answer (1 = right)
};

struct ItemStats {
    std::string question_id;
    int64_t s = 0;
    double facility = 0;                   // %
    std::optional<double> sd;              // % of max mark
    std::optional<double> discrimination;  // %
    std::optional<double> efficiency;      // %
    std::vector<AnswerCount> answers;      // most chosen first
    bool too_easy = false, too_hard = false, negative_discrimination = false, low_efficiency = false;
};

// The pure computation: one entry per graded response (mark = fraction; clamped to 0..1 inside).
using ItemResponse = store::GradedResponse;
// Questions in order of first appearance.
std::vector<ItemStats> ComputeItemStats(const std::vector<ItemResponse>& responses);

// Which attempts and learners: module_id (required), first or all attempts, class sessions or not, a
// learner filter (class participants without NIP only when it is empty).
using ItemAnalysisOptions = store::ResponseSelection;
// Reads the responses from the database and computes. Throws SQLite::Exception (std::exception).
std::vector<ItemStats> AnalyseItems(store::Database& db, const ItemAnalysisOptions& options);

// A question needs a trainer's look when any flag above is set.
bool IsFlagged(const ItemStats& stats);

}  // namespace sinau::reports
