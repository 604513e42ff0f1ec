#pragma once
// What the roster fuzzers assert once a table was read: checking its rows never crashes, and every row the
// checker accepts carries a NIP that parses (the date is fixed so the NIP's age rules are deterministic).
#include "learners/nip.hpp"
#include "learners/roster_import.hpp"
#include "learners/table_reader.hpp"

inline void CheckRosterRows(const sinau::learners::Table& table) {
    auto report = sinau::learners::CheckRoster(table, {2024, 6, 1});
    if (!report) return;
    for (const auto& row : report->rows)
        if (row.outcome != sinau::learners::RowOutcome::Rejected &&
            !sinau::learners::ParseNip(row.nip, {2024, 6, 1}))
            __builtin_trap();
}
