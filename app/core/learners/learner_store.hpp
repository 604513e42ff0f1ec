#pragma once
// Learners in the database: create, edit, list, soft-remove, find by NIP.
// Mutations commit before returning (each its own transaction, or part of the caller's: see
// store::WriteTransaction). Rule violations -> Error in Bahasa Indonesia; disk errors throw
// SQLite::Exception. Use from the Database's thread.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "learners/learner.hpp"
#include "store/database.hpp"

namespace sinau::learners {

class LearnerStore {
public:
    explicit LearnerStore(store::Database& db, util::Date today = util::TodayUtc())
        : db_(db), today_(today) {}

    // What Create (learner_id empty) or Edit (learner_id) would refuse, one problem per form field: the
    // validator's (ProfileProblems) plus a NIP that another learner already has. Cleans the profile first.
    // Empty: the save would go through (unless the learner to edit is gone). Reads only.
    std::vector<FieldProblem> Check(const LearnerProfile& profile, std::string_view learner_id = {});

    // Cleans and validates the profile. A NIP already used by a learner is refused; a REMOVED learner
    // with that NIP is brought back with the new profile (their records were kept).
    Expected<Learner> Create(const LearnerProfile& profile);
    // Changes the profile (the NIP too, unless another learner has it).
    Expected<Learner> Edit(std::string_view id, const LearnerProfile& profile);
    // Soft removal: hidden from List(), records kept for the administrator.
    Status Remove(std::string_view id);

    std::vector<Learner> List();  // not removed, by name
    std::optional<Learner> Find(std::string_view id);
    std::optional<Learner> FindByNip(std::string_view nip);  // removed ones too (see removed_at)

private:
    store::Database& db_;
    util::Date today_;
};

}  // namespace sinau::learners
