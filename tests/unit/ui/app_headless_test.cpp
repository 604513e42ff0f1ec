// The App driven without a window or GPU (imgui's example_null pattern): real fixture course, real
// SQLite file, real fonts; keys go in through io.KeysDown like the GLFW backend does, and what is on
// screen is read back from the draw data with the same decoder --dump-text uses.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "content/course_loader.hpp"
#include "store/database.hpp"
#include "ui/app.hpp"
#include "ui/text_dump.hpp"

namespace fs = std::filesystem;
using namespace sinau;

namespace {

constexpr int kKeyRight = 262, kKeyLeft = 263;  // GLFW key codes: 1.86 indexes io.KeysDown by them

fs::path Fixture() { return fs::path(SINAU_FIXTURES) / "ui" / "course"; }

struct Harness {
    fs::path dir;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<ui::App> app;

    Harness() {
        dir = fs::temp_directory_path() / ("sinau-ui-test-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
        fs::create_directories(dir);
        auto opened = store::Database::Open(dir / "sinau.db");
        REQUIRE(opened.ok());
        db = std::move(*opened);
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1366, 768);
        io.DeltaTime = 1.0f / 60.0f;
        ui::AppPaths paths{Fixture(), Fixture() / ".." / "assets", fs::path(SINAU_SOURCE_DIR) / "assets" / "i18n"};
        auto settings = ui::LoadUiSettings(*db);
        REQUIRE(settings.ok());
        app = std::make_unique<ui::App>(content::LoadCourse(Fixture()), paths, db.get(), *settings, 1.0f);
        app->Init();
    }
    ~Harness() {
        app.reset();
        ImGui::DestroyContext();
        db.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    // One frame; returns the text drawn. Builds the atlas as the GL backend would.
    std::vector<std::string> Frame() {
        ImGuiIO& io = ImGui::GetIO();
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ImGui::NewFrame();
        app->DrawFrame();
        ImGui::Render();
        auto text = ui::ExtractDrawnText(*ImGui::GetDrawData());
        app->ApplyIntents();
        return text;
    }
    void Press(int key) {
        ImGui::GetIO().KeysDown[key] = true;
        Frame();
        ImGui::GetIO().KeysDown[key] = false;
        Frame();
    }
};

bool Has(const std::vector<std::string>& lines, const std::string& needle) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(needle) != std::string::npos; });
}

}  // namespace

TEST_CASE("home lists every module and the broken one's problem") {
    Harness h;
    h.Frame();
    const auto text = h.Frame();
    CHECK(Has(text, "Modul Pembelajaran"));
    CHECK(Has(text, "Contoh Bacaan Bergaya"));
    CHECK(Has(text, "Modul Kedua yang Singkat"));
    CHECK(Has(text, "Masalah pada isi kursus"));
    CHECK(Has(text, "modules/03-modul-rusak/modul.md:"));
    CHECK(Has(text, "12 menit"));
}

TEST_CASE("arrow keys page through a module and fire PageChanged") {
    Harness h;
    std::vector<ui::PageChanged> seen;
    h.app->OnPageChanged([&](const ui::PageChanged& p) { seen.push_back(p); });
    h.app->Push(ui::Navigate{ui::Route{ui::ScreenId::Module, "01-contoh-bacaan", 0}});
    h.app->ApplyIntents();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].page == 0);
    CHECK(seen[0].page_count == 3);
    auto text = h.Frame();
    CHECK(Has(text, "Halaman 1 dari 3"));
    CHECK(Has(text, "Tujuan pembelajaran"));
    CHECK(Has(text, "Mengenali unsur tampilan bacaan"));

    h.Press(kKeyRight);
    CHECK(h.app->route().page == 1);
    REQUIRE(seen.size() == 2);
    CHECK(seen[1].module == "01-contoh-bacaan");
    CHECK(seen[1].page == 1);
    text = h.Frame();
    CHECK(Has(text, "Halaman 2 dari 3"));
    CHECK(Has(text, "Daftar dan Kutipan"));
    CHECK(Has(text, "Dasar hukum"));
    CHECK(Has(text, "UU 20/2023 tentang Aparatur Sipil Negara"));
    CHECK_FALSE(Has(text, "Tujuan pembelajaran"));

    h.Press(kKeyLeft);
    CHECK(h.app->route().page == 0);
    h.Press(kKeyLeft);  // already on the first page: nothing happens
    CHECK(h.app->route().page == 0);
    CHECK(seen.size() == 3);
}

TEST_CASE("settings intents are applied after the frame and saved to SQLite") {
    Harness h;
    h.Frame();
    h.app->Push(ui::ChangeTheme{ui::ThemeId::Dark});
    h.app->Push(ui::ChangeScale{150});
    h.app->Push(ui::ChangeLanguage{"en"});
    const auto effects = h.app->ApplyIntents();
    CHECK(effects.reload_font_texture);
    CHECK(h.db->GetSetting("ui.theme") == std::optional<std::string>("dark"));
    CHECK(h.db->GetSetting("ui.scale") == std::optional<std::string>("150"));
    CHECK(h.db->GetSetting("ui.language") == std::optional<std::string>("en"));
    CHECK(ImGui::GetIO().FontDefault->FontSize == Approx(std::round(17.0f * 1.5f)));  // rebuilt at 150 %
    const auto text = h.Frame();
    CHECK(Has(text, "Learning Modules"));
    CHECK(Has(text, "Settings"));
    CHECK_FALSE(Has(text, "Pengaturan"));

    auto reloaded = ui::LoadUiSettings(*h.db);
    REQUIRE(reloaded.ok());
    CHECK(reloaded->theme == ui::ThemeId::Dark);
    CHECK(reloaded->scale_percent == 150);
    CHECK(reloaded->language == "en");
}

TEST_CASE("hand-edited or unknown setting values fall back to the defaults") {
    Harness h;
    h.db->SetSetting("ui.scale", "333");
    h.db->SetSetting("ui.theme", "neon");
    h.db->SetSetting("ui.language", "fr");
    auto s = ui::LoadUiSettings(*h.db);
    REQUIRE(s.ok());
    CHECK(s->scale_percent == 100);
    CHECK(s->theme == ui::ThemeId::Light);
    CHECK(s->language == "id");
}

TEST_CASE("screen names parse for --screen") {
    CHECK(ui::ParseScreenName("home") == ui::ScreenId::Home);
    CHECK(ui::ParseScreenName("tentang") == ui::ScreenId::About);
    CHECK(ui::ParseScreenName("settings") == ui::ScreenId::Settings);
    CHECK_FALSE(ui::ParseScreenName("kuis").has_value());
}
