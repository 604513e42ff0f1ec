// libFuzzer: the roster CSV reader and the row checker on arbitrary bytes. Must never crash, hang or
// leak, and every accepted row must carry a valid NIP.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "roster_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto table = sinau::learners::ParseCsv(text);
    if (table) CheckRosterRows(*table);
    return 0;
}
