#pragma once
// Random identifiers for records that must stay unique across PCs (learners, attempts, responses),
// so databases from several laptops can be merged without clashes.
#include <string>
#include <string_view>

namespace sinau::util {

// A version-4 UUID from libsodium's CSPRNG, lower-case, "xxxxxxxx-xxxx-4xxx-Yxxx-xxxxxxxxxxxx".
// Thread-safe. Never throws (aborts only if libsodium cannot initialise, as libsodium itself does).
std::string NewUuid();

// True for the canonical 36-character form NewUuid() produces (any version, either case).
bool IsUuid(std::string_view text);

}  // namespace sinau::util
