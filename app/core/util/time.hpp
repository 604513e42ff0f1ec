#pragma once
// Timestamps as stored in the database: ISO 8601 UTC text with milliseconds, "2026-11-24T14:03:00.123Z".
// Text sorts in time order, reads in any SQLite tool and survives merges between PCs.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sinau::util {

struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31
    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};

// Now (system clock) as "YYYY-MM-DDTHH:MM:SS.mmmZ". Thread-safe.
std::string NowIso8601();
std::string FormatIso8601(std::chrono::system_clock::time_point t);

// Today's date in UTC.
Date TodayUtc();

// True when year/month/day name a real day of the proleptic Gregorian calendar.
bool IsValidDate(int year, int month, int day);

// "YYYY-MM-DD" or the date part of an ISO 8601 timestamp; nullopt when not a real date.
std::optional<Date> ParseIsoDate(std::string_view text);

}  // namespace sinau::util
