#pragma once
// Secrets of a live class: the PIN on the projector and each participant's session token.
// Thread-safe (libsodium's CSPRNG). Never throws.
#include <string>
#include <string_view>

namespace sinau::classroom {

std::string RandomPin();    // 6 decimal digits, uniformly drawn ("004217" is possible)
std::string RandomToken();  // 128 random bits as 32 lowercase hex digits: what a phone keeps
// SHA-256 of the token as 64 hex digits: what the database and the session keep
// (class_participants.token_hash), so a copy of the database cannot be used to answer for someone.
std::string HashToken(std::string_view token);

}  // namespace sinau::classroom
