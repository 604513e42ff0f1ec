// libFuzzer: modul.md — the +++ TOML front matter (toml++) and the Markdown body (md4c).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/lint.hpp"
#include "content/model.hpp"
#include "content/module_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    sinau::content::Module module;
    module.id = "fuzz";
    sinau::content::ReadModuleFile(bytes, "modul.md", module);
    (void)sinau::content::LintModule(module, "");
    return 0;
}
