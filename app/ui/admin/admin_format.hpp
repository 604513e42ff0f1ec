#pragma once
// Numbers and dates as an Indonesian administrator reads them: "100.000" (dot groups thousands),
// "87,5" (comma decimal), "25 Mei 2024". Pure functions, any thread.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sinau::ui::admin {

std::string Thousands(int64_t value);                            // 100000 -> "100.000"
std::string Decimal(double value, int decimals = 1);             // 87.54 -> "87,5"
std::string ScoreText(const std::optional<double>& score);       // "87,5" or "–"
std::string PercentText(double fraction_0_1, int decimals = 0);  // 0.724 -> "72 %"
std::string DayText(std::string_view iso);       // "2024-05-25T..." -> "25 Mei 2024", "" -> "–"
std::string ShortDayText(std::string_view iso);  // "2024-05-25T..." -> "25/05/2024", "" -> "–"
bool IsIsoDay(std::string_view text);            // "YYYY-MM-DD" with a real month/day

}  // namespace sinau::ui::admin
