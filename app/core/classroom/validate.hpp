#pragma once
// Everything a phone sends is checked here before it reaches the session: pure functions, no I/O.
// Each returns the cleaned value or a Rejection naming the protocol error code (PROTOCOL.md "Errors").
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sinau::classroom {

inline constexpr size_t kMaxBodyBytes = 4096;  // request bodies and WebSocket messages
inline constexpr size_t kMaxNameChars = 40;    // code points after trimming
inline constexpr size_t kPinDigits = 6;
inline constexpr size_t kNipDigits = 18;
inline constexpr size_t kTokenHexChars = 32;  // 128-bit token as lowercase hex

struct Rejection {
    int status = 400;     // HTTP status
    std::string code;     // "invalid_name", "bad_json", ...
    std::string message;  // Bahasa Indonesia, shown to the participant
};

template <class T>
using Checked = std::variant<T, Rejection>;

// Trims spaces, collapses inner whitespace runs to one space, rejects invalid UTF-8, control characters
// (C0, DEL, C1), bidi overrides and zero-width characters, '<' and '>', an empty result, or more than
// kMaxNameChars. Names are still escaped wherever shown.
Checked<std::string> CleanName(std::string_view raw);
bool ValidPin(std::string_view pin);            // exactly kPinDigits ASCII digits
bool ValidNip(std::string_view nip);            // exactly kNipDigits ASCII digits
bool ValidTokenFormat(std::string_view token);  // kTokenHexChars lowercase hex digits

struct JoinRequest {
    std::string pin;
    std::string name;  // cleaned
    std::string nip;   // "" when absent or empty
};
// Body of POST /api/join: {"pin":"123456","name":"...","nip":"..."(optional)}. Unknown keys are refused.
Checked<JoinRequest> ParseJoin(std::string_view body);

struct AnswerRequest {
    int question = -1;
    std::vector<int> choices;
};
// {"question":N,"choices":[i,...]} (the WebSocket form also carries "type":"answer"). At most 16 picks.
Checked<AnswerRequest> ParseAnswer(std::string_view body, bool allow_type_key);

// The value of an `Authorization: Bearer <token>` header, if well formed.
std::optional<std::string> BearerToken(std::string_view header);

}  // namespace sinau::classroom
