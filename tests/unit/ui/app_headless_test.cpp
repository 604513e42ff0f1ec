// The App driven without a window or GPU (imgui's example_null pattern): real fixture course, real
// SQLite file, real fonts; keys go in through io.KeysDown like the GLFW backend does, and what is on
// screen is read back from the draw data with the same decoder --dump-text uses.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "../support/headless_app.hpp"

namespace fs = std::filesystem;
using namespace sinau;

namespace {

using test::Has;
using test::kKeyLeft;
using test::kKeyRight;

fs::path Fixture() {
    return fs::path(SINAU_FIXTURES) / "ui" / "course";
}

struct Harness : test::HeadlessApp {
    Harness() : HeadlessApp(Fixture(), Fixture() / ".." / "assets") {}
};

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
