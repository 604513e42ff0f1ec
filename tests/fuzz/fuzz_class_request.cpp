// libFuzzer: what a phone sends to the class server (join and answer bodies, names, the bearer header).
// The server trusts nothing from a phone, so whatever these accept must keep the promises validate.hpp makes:
// a clean name has no '<', '>' or control character and at most kMaxNameChars code points; an answer has
// at most 16 picks; a token is 32 lowercase hex digits.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "classroom/validate.hpp"

namespace sc = sinau::classroom;

namespace {
std::size_t CodePoints(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

void CheckName(std::string_view name) {
    if (name.empty() || CodePoints(name) > sc::kMaxNameChars) __builtin_trap();
    for (unsigned char c : name)
        if (c == '<' || c == '>' || c < 0x20 || c == 0x7F) __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);

    if (auto name = sc::CleanName(body); std::holds_alternative<std::string>(name))
        CheckName(std::get<std::string>(name));

    if (auto join = sc::ParseJoin(body); std::holds_alternative<sc::JoinRequest>(join)) {
        const auto& j = std::get<sc::JoinRequest>(join);
        CheckName(j.name);
        if (!sc::ValidPin(j.pin)) __builtin_trap();
        if (!j.nip.empty() && !sc::ValidNip(j.nip)) __builtin_trap();
    }

    for (bool allow_type : {false, true})
        if (auto answer = sc::ParseAnswer(body, allow_type);
            std::holds_alternative<sc::AnswerRequest>(answer))
            if (std::get<sc::AnswerRequest>(answer).choices.size() > 16) __builtin_trap();

    if (auto token = sc::BearerToken(body); token && !sc::ValidTokenFormat(*token)) __builtin_trap();
    return 0;
}
