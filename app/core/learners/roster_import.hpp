#pragma once
// Importing a class roster (CSV or XLSX) into learners: every row checked, a report of what was added,
// updated, unchanged or rejected (with row number and reason); an invalid row never stops the others.
// Importing the same roster twice changes nothing (upsert by NIP only when the data differs).
#include <filesystem>
#include <string>
#include <vector>

#include "learners/learner.hpp"
#include "learners/table_reader.hpp"
#include "store/database.hpp"
#include "util/expected.hpp"
#include "util/time.hpp"

namespace sinau::learners {

enum class RowOutcome { Added, Updated, Unchanged, Rejected };

struct RosterRowResult {
    int row = 0;  // row number as the trainer sees it in the spreadsheet (CSV line / Excel row)
    RowOutcome outcome = RowOutcome::Rejected;
    std::string nip;
    std::string name;
    std::string reason;      // for Rejected (Bahasa Indonesia)
    LearnerProfile profile;  // cleaned, as read from the row (for a preview before importing)
};

struct RosterReport {
    std::string file;
    int added = 0, updated = 0, unchanged = 0, rejected = 0;
    std::vector<RosterRowResult> rows;  // every data row, in file order
    bool has_jabatan_column = false;    // without one, an existing learner's Jabatan is kept

    // A few lines for a terminal or a dialog: totals, then each rejected row with its reason.
    std::string Format() const;
};

// Maps the header and checks every row; no database. Error for a file-level problem (no header with
// Nama lengkap + NIP + Instansi/OPD columns). Rows are Rejected or (provisionally) Added. Pure.
Expected<RosterReport> CheckRoster(const Table& table, util::Date today);

// Reads `path` (.csv or .xlsx, by extension; other extensions: sniffed), checks it and applies it in ONE
// transaction. Error (database untouched) when the file cannot be read or has no usable header.
// Throws SQLite::Exception on disk errors (the transaction is rolled back).
Expected<RosterReport> ImportRoster(store::Database& db, const std::filesystem::path& path,
                                    util::Date today = util::TodayUtc());

}  // namespace sinau::learners
