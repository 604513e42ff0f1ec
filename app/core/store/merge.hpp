#pragma once
// Merging the records of several PCs: `sinau import A.db B.db ... --db TARGET`.
//
// Rules:
//  - Sources are opened read-only (SQLite URI mode=ro; immutable=1 when no -wal file is beside them) and
//    checked BEFORE anything is written: a file that is not SQLite, is damaged (quick_check), belongs to
//    another program (no meta app='sinau') or to a newer Sinau is refused with a message naming it.
//  - Everything is merged in ONE transaction on the target: any error rolls back, so the target file is
//    left exactly as it was (tests compare its hash).
//  - Learners are matched by NIP (each PC gives its own UUIDs): a source learner with a NIP the target
//    knows is mapped onto the target's id in every table that refers to learners.
//  - Every other record keeps its UUID, so importing the same file twice changes nothing (idempotent).
//  - For a record present on both sides the copy with the later updated_at wins; an older copy never
//    overwrites a newer one (ties keep the target's).
//  - module_results (a summary) is merged so no progress is lost whatever the order of imports: the best
//    status (lulus > sedang > belum), the highest score, the earliest passed_at, the larger attempt count.
//    (For a module graded "last attempt" the highest score is an approximation until the learner's next
//    attempt recomputes it.)
//  - meta and settings are never merged: the PIN and the certificate key stay this installation's own.
//  - issued_certificates rows are facts (a short code names one signature): copied when new, never changed,
//    each with the public key that signed it (a source older than v4 gives its own meta key), so the
//    target verifies only its own key's rows. essay_grades rows follow the later updated_at, and only
//    for an answer the target has.
//  - Sources of any schema version up to this Sinau's are read; a table a source predates is skipped.
//
// Threads: the caller's target connection. Never throws.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "util/expected.hpp"

namespace sinau::store {

struct TableMerge {
    std::string table;
    int64_t read = 0, inserted = 0, updated = 0, unchanged = 0;
};

struct MergeReport {
    std::vector<std::filesystem::path> sources;
    std::vector<TableMerge> tables;       // in merge order, summed over the sources
    int64_t learners_matched_by_nip = 0;  // source learners mapped onto an existing target learner
    std::string Describe() const;         // a table in Bahasa Indonesia for the CLI
    int64_t changed() const;              // inserted + updated over all tables
};

// Checks one source without changing anything; Error says what is wrong with which file.
Status CheckMergeSource(const std::filesystem::path& source);

Expected<MergeReport> MergeDatabases(Database& target, const std::vector<std::filesystem::path>& sources);

}  // namespace sinau::store
