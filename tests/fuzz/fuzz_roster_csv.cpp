// libFuzzer: the roster CSV reader and the row checker on arbitrary bytes. Must never crash, hang or
// leak, and every accepted row must carry a valid NIP.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "learners/nip.hpp"
#include "learners/roster_import.hpp"
#include "learners/table_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto table = sinau::learners::ParseCsv(text);
    if (!table) return 0;
    auto report = sinau::learners::CheckRoster(*table, {2024, 6, 1});
    if (!report) return 0;
    for (const auto& row : report->rows)
        if (row.outcome != sinau::learners::RowOutcome::Rejected && !sinau::learners::ParseNip(row.nip, {2024, 6, 1}))
            __builtin_trap();
    return 0;
}
