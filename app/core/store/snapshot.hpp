#pragma once
// A copy of a database to carry to another PC (bundles/bundle.hpp puts it in a zip): a consistent snapshot
// of the committed state, without the secrets, reduced to the learners a filter selects.
//
// Threads: the caller's connection (only read); the snapshot is a new file. Never throws.
#include <cstdint>
#include <filesystem>
#include <string>

#include "store/database.hpp"
#include "store/learner_filter.hpp"
#include "util/expected.hpp"

namespace sinau::store {

struct RecordCounts {
    std::string installation_id;  // meta 'installation_id'
    int64_t learners = 0, attempts = 0, responses = 0;
};

// Writes the snapshot to `out` (an existing empty file or none): VACUUM INTO, then settings emptied (the PIN
// hash) and meta reduced to app/installation_id/created_at (the certificate signing key stays here); with a
// non-empty filter every row of the learners it does not select is deleted, and the file is vacuumed again
// so deleted rows cannot be read back from free pages. Returns what the snapshot holds.
Expected<RecordCounts> WriteSnapshot(Database& db, const LearnerFilter& filter,
                                     const std::filesystem::path& out);

// What a database file holds, read-only (a bundle's records.db is checked against its manifest).
Expected<RecordCounts> CountRecords(const std::filesystem::path& file);

}  // namespace sinau::store
