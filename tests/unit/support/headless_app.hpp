#pragma once
// The App driven without a window or GPU (imgui's example_null pattern): a real course, a real SQLite file
// in a scratch folder, real fonts. Keys go in through io.KeysDown at the GLFW key codes, as the GLFW backend
// of ImGui 1.86 feeds them, and what is on screen is read back from the draw data with the same decoder
// `--dump-text` uses. Each frame runs like the app's loop: drain worker events, draw, apply intents.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "content/course_loader.hpp"
#include "store/database.hpp"
#include "ui/app.hpp"
#include "ui/text_dump.hpp"

namespace sinau::test {

// GLFW key codes: ImGui 1.86 indexes io.KeysDown by the backend's codes, mapped through io.KeyMap.
inline constexpr int kKeySpace = 32, kKeyEscape = 256, kKeyEnter = 257, kKeyTab = 258, kKeyRight = 262,
                     kKeyLeft = 263;

class HeadlessApp {
public:
    // `course` is a course folder; `assets` holds the fonts. `reuse` keeps an existing scratch folder (and
    // its database), for tests that quit and start the app again.
    HeadlessApp(std::filesystem::path course, std::filesystem::path assets, std::filesystem::path reuse = {})
        : course_(std::move(course)), assets_(std::move(assets)) {
        dir = reuse.empty()
                  ? std::filesystem::temp_directory_path() /
                        ("sinau-ui-test-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()))
                  : reuse;
        std::filesystem::create_directories(dir);
        Open();
    }
    ~HeadlessApp() {
        if (app) Close();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    HeadlessApp(const HeadlessApp&) = delete;
    HeadlessApp& operator=(const HeadlessApp&) = delete;

    // Starts the app on the database in `dir`, as launching Sinau does.
    void Open() {
        auto opened = store::Database::Open(dir / "sinau.db");
        REQUIRE(opened.ok());
        db = std::move(*opened);
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1366, 768);
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_Enter] = kKeyEnter;
        io.KeyMap[ImGuiKey_Tab] = kKeyTab;
        io.KeyMap[ImGuiKey_Escape] = kKeyEscape;
        io.KeyMap[ImGuiKey_Space] = kKeySpace;
        io.KeyMap[ImGuiKey_RightArrow] = kKeyRight;
        io.KeyMap[ImGuiKey_LeftArrow] = kKeyLeft;
        ui::AppPaths paths{course_, assets_, std::filesystem::path(SINAU_SOURCE_DIR) / "assets" / "i18n"};
        auto settings = ui::LoadUiSettings(*db);
        REQUIRE(settings.ok());
        app = std::make_unique<ui::App>(content::LoadCourse(course_), paths, db.get(), *settings, 1.0f);
        app->Init();
    }
    // Like quitting the app: nothing is kept but the database file.
    void Close() {
        app.reset();
        ImGui::DestroyContext();
        db.reset();
    }

    // One frame; returns the text drawn. Builds the font atlas as the GL backend would.
    std::vector<std::string> Frame() {
        ImGuiIO& io = ImGui::GetIO();
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        app->events().Drain();
        ImGui::NewFrame();
        app->DrawFrame();
        ImGui::Render();
        auto text = ui::ExtractDrawnText(*ImGui::GetDrawData());
        app->ApplyIntents();
        return text;
    }
    // A key held for one frame and released; returns the text of the frame after the release.
    std::vector<std::string> Press(int key) {
        ImGui::GetIO().KeysDown[key] = true;
        Frame();
        ImGui::GetIO().KeysDown[key] = false;
        return Frame();
    }
    void Type(const std::string& chars) {
        for (char c : chars) ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
        Frame();
    }
    void Go(ui::ScreenId screen) {
        app->Push(ui::Navigate{ui::Route{screen, {}, 0}});
        app->ApplyIntents();
    }

    std::filesystem::path dir;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<ui::App> app;

private:
    std::filesystem::path course_;
    std::filesystem::path assets_;
};

// True when a drawn line contains `needle`.
inline bool Has(const std::vector<std::string>& lines, const std::string& needle) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(needle) != std::string::npos; });
}

}  // namespace sinau::test
