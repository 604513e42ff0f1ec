#pragma once
// A learner's profile as the picker and the roster import edit it, and its validation.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// The form fields of a profile, for messages that belong under one of them.
enum class ProfileField { Name, Nip, Instansi, Jabatan };
std::string_view FieldName(ProfileField field);  // "nama", "nip", "instansi", "jabatan"

// One field's problem, in Bahasa Indonesia, worded to be read under that field (it names the field,
// because the same text also goes into roster reports and CLI errors).
struct FieldProblem {
    ProfileField field = ProfileField::Name;
    std::string message;
    friend bool operator==(const FieldProblem&, const FieldProblem&) = default;
};

// Every problem of a CLEANED profile, at most one per field, in form order (empty: valid). Pure.
std::vector<FieldProblem> ProfileProblems(const LearnerProfile& profile, util::Date today);

// The problems of a CLEANED profile as one Error ("; "-separated, form order) for the roster import and
// the CLI, where there is no form to put them under. Pure.
Status ValidateProfile(const LearnerProfile& profile, util::Date today);
// Joins problems the way ValidateProfile does ("" for none).
std::string JoinProblems(const std::vector<FieldProblem>& problems);

// Number of Unicode code points in UTF-8 text (what a person counts as characters).
size_t Utf8Length(std::string_view text);

}  // namespace sinau::learners
