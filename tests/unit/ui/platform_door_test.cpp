// style.md rule 2: only app/ui/platform talks to the window system. Screens and widgets that include
// GLFW or GL directly would tie drawing code to one backend and break the headless tests.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("only app/ui/platform includes GLFW or OpenGL") {
    const fs::path ui = fs::path(SINAU_SOURCE_DIR) / "app" / "ui";
    REQUIRE(fs::is_directory(ui / "platform"));
    const std::regex forbidden(R"(^\s*#\s*include\s*[<"](GLFW/|GL/|imgui_impl_)[^>"]*[>"])");
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(ui)) {
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp") continue;
        if (entry.path().parent_path().filename() == "platform") continue;
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
    CHECK(files > 10);
}
