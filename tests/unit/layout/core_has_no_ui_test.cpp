// app/core is the product without a window: the CLI, the tests and the benchmarks link it, so it must
// never include ImGui, OpenGL or GLFW. This reads every core source file and fails on such an include.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("app/core includes no ImGui, GL or GLFW header") {
    const fs::path core = fs::path(SINAU_SOURCE_DIR) / "app" / "core";
    REQUIRE(fs::is_directory(core));
    const std::regex forbidden(R"(^\s*#\s*include\s*[<"](imgui|GLFW/|GL/|backends/imgui|glad)[^>"]*[>"])",
                               std::regex::icase);
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(core)) {
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp" && ext != ".h") continue;
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            INFO(entry.path().string() << ":" << number << ": " << line);
            CHECK_FALSE(std::regex_search(line, forbidden));
        }
    }
    CHECK(files > 3);
}
