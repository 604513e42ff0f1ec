// libFuzzer: the Twee reader and the scenario graph rules (cycles, reachability) on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/json_export.hpp"
#include "content/lint.hpp"
#include "content/twee_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto twee = sinau::content::ParseTwee(bytes, "fuzz.twee", "fuzz");
    (void)sinau::content::LintScenario(twee.scenario);
    (void)sinau::content::TweeJson(twee.scenario, twee.errors);
    return 0;
}
