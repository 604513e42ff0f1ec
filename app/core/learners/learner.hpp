#pragma once
// A learner's profile as the picker and the roster import edit it, and its validation.
#include <optional>
#include <string>
#include <string_view>

#include "util/expected.hpp"
#include "util/time.hpp"

namespace sinau::learners {

struct LearnerProfile {
    std::string name;      // Nama lengkap: required, at most 120 characters
    std::string nip;       // 18 digits (spaces allowed when typed; stored without)
    std::string instansi;  // Instansi/OPD: required, at most 200 characters
    std::string jabatan;   // optional, at most 120 characters
    friend bool operator==(const LearnerProfile&, const LearnerProfile&) = default;
};

struct Learner {
    std::string id;  // UUID
    LearnerProfile profile;
    std::string created_at;
    std::string updated_at;
    std::optional<std::string> removed_at;  // removed from the picker; records kept
};

inline constexpr size_t kMaxNameChars = 120;
inline constexpr size_t kMaxInstansiChars = 200;
inline constexpr size_t kMaxJabatanChars = 120;

// Trims and collapses spaces in every text field and normalises the NIP. Pure.
LearnerProfile CleanProfile(LearnerProfile profile);

// Validates a CLEANED profile. Error lists every problem ("; "-separated), in Bahasa Indonesia. Pure.
Status ValidateProfile(const LearnerProfile& profile, util::Date today);

// Number of Unicode code points in UTF-8 text (what a person counts as characters).
size_t Utf8Length(std::string_view text);

}  // namespace sinau::learners
