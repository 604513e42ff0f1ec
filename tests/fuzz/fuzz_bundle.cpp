// libFuzzer: the export-bundle reader (libzip + JSON manifest + SHA-256 + SQLite checks over a file carried
// from another PC on a USB stick). A bundle from outside must never crash, hang, leak or leave its extracted
// temporary database behind; an accepted one has a manifest of our format.
// OpenBundle takes a path, so each input is written to one scratch file first.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "bundles/bundle.hpp"

namespace {
const std::filesystem::path& ScratchFile() {
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("sinau-fuzz-bundle-" + std::to_string(getpid()) + ".sinau");
    return path;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(ScratchFile(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    std::filesystem::path extracted;
    {
        auto bundle = sinau::bundles::OpenBundle(ScratchFile());
        if (!bundle) return 0;
        extracted = bundle->db_path();
        if (bundle->manifest().sha256.size() != 64 || !std::filesystem::exists(extracted)) __builtin_trap();
    }
    if (std::filesystem::exists(extracted)) __builtin_trap();  // the temporary database must be gone
    return 0;
}
