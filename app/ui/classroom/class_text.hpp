#pragma once
// Text the class screen puts on the projector, made safe and readable. Pure functions, any thread.
#include <optional>
#include <string>
#include <string_view>

namespace sinau::ui::live {

// A participant's name as plain text for ImGui: the server already validated it (PROTOCOL.md field
// rules), but the screen trusts nothing a phone sent. Drops C0/C1 controls, DEL, zero-width and bidi
// override characters; replaces invalid UTF-8 with '?'; cuts after `max_chars` code points with "…".
std::string PlainName(std::string_view raw, int max_chars = 40);

// A question tag as a legal reference a room can read: "UU-7-2017-Ps-280" -> "UU 7/2017 Pasal 280",
// "UU-5-2014-Ps-2-f" -> "UU 5/2014 Pasal 2 huruf f (kini UU 20/2023)", "Putusan-MK-41-PUU-XII-2014" ->
// "Putusan MK 41/PUU-XII/2014". nullopt for tags that are not a legal basis (the seed markers "seed-S3").
std::optional<std::string> LegalBasisLabel(std::string_view tag);

// "A", "B", ... for choice 0, 1, ... (past "Z": "27", "28", ... — class questions have at most 16).
std::string ChoiceLetter(int index);

// A mean answer time for the summary: `pattern` is the catalog text with "{s}" for the seconds, one
// decimal with the Indonesian comma ("rata-rata {s} dtk", 6140 ms -> "rata-rata 6,1 dtk").
std::string SecondsLabel(std::string_view pattern, double ms);

// "2026-11-24T07:03:00.123Z" (UTC, as stored) -> "24/11/2026 14.03" in this PC's local time zone
// (Indonesian time style); the input unchanged when it is not such a timestamp.
std::string LocalTimeLabel(std::string_view iso_utc);

}  // namespace sinau::ui::live
