#pragma once
// Grading one answer against one GIFT question, and what the learner is told about it.
// Pure functions of (question, answer): the same answer always gets the same grade and feedback.
//
// Rules (Moodle's, as the GIFT weights describe them):
//   mc         the chosen choice's fraction (GIFT allows partial and negative weights)
//   multi      sum of the chosen choices' fractions, clamped to [0, 1]
//   tf         1 when the chosen value is the correct one, else 0
//   short      the highest fraction among accepted answers that match (case/space-insensitive, `*` wildcard)
//   numerical  the highest fraction among alternatives whose [min, max] contains the value
//   match      share of (non-distractor) left items paired with their right side
//   essay      not graded here: fraction stays empty until a trainer grades it
//   description shown only, never scored
#include <optional>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "engine/answer.hpp"

namespace sinau::engine {

enum class Verdict { Benar, Sebagian, Salah, BelumDinilai, TidakDinilai };
// "benar", "sebagian benar", "salah", "menunggu penilaian pelatih", "tidak dinilai"
std::string_view VerdictText(Verdict verdict);

struct Grade {
    bool scored = true;              // false for a description
    std::optional<double> fraction;  // -1..1; empty for an essay awaiting a trainer, or a description
    Verdict verdict = Verdict::Salah;
    std::vector<std::string> feedback;  // feedback for what the learner chose (per-answer / tf right-wrong)
    std::string general_feedback;       // the question's ####general feedback
};

constexpr double kFullCredit = 0.9999999;  // a fraction at or above this counts as "benar"

// Grades `answer` (which may be empty/unanswered: fraction 0). An answer whose type differs from the
// question's gets 0 (content changed under a stored answer).
Grade GradeAnswer(const content::Question& question, const Answer& answer);

// "The right answer" for the review screen, e.g. "Netralitas", "Benar", "12000000 (±0)",
// "Partai -> peserta pemilu; ...". Empty for essay and description.
std::string RightAnswerText(const content::Question& question);

// The learner's own answer as text for the review screen ("(tidak dijawab)" when empty).
std::string AnswerText(const content::Question& question, const Answer& answer);

// Formats a number without trailing zeros ("12000000", "2.5").
std::string FormatNumber(double value);

}  // namespace sinau::engine
