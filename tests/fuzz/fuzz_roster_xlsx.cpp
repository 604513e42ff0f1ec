// libFuzzer: the roster XLSX reader (libzip + pugixml over a workbook an administrator was sent) and the
// row checker. A spreadsheet from outside must never crash, hang or leak; every accepted row has a valid NIP.
// ReadXlsx takes a path, so each input is written to one scratch file first.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "roster_check.hpp"

namespace {
const std::filesystem::path& ScratchFile() {
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("sinau-fuzz-roster-" + std::to_string(getpid()) + ".xlsx");
    return path;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(ScratchFile(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    auto table = sinau::learners::ReadXlsx(ScratchFile());
    if (table) CheckRosterRows(*table);
    return 0;
}
