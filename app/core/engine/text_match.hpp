#pragma once
// How a typed short answer is compared with the accepted answers: people type "  Netral", "NETRAL",
// "netral " and mean the same thing.
#include <string>
#include <string_view>

namespace sinau::engine {

// Trims, collapses every run of whitespace (incl. tabs, newlines, NBSP) to one space, and lower-cases
// A-Z and the Latin-1 capitals À..Þ (Ä -> ä); other text is kept as is. Pure.
std::string NormalizeShortAnswer(std::string_view text);

// True when `typed` matches `accepted` after normalisation. `*` in `accepted` matches any run of
// characters (Moodle's short-answer wildcard); "\*" is a literal star.
bool ShortAnswerMatches(std::string_view accepted, std::string_view typed);

}  // namespace sinau::engine
