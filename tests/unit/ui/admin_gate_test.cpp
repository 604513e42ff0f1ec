// The trainer area's PIN gate driven through the real App without a window (example_null pattern): a
// real SQLite file, the real argon2id check in core, characters typed into the focused ImGui field and
// Enter pressed, what is on screen read back from the draw data.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "../support/headless_app.hpp"
#include "admin/pin.hpp"
#include "content/course_loader.hpp"
#include "store/database.hpp"
#include "ui/app.hpp"
#include "ui/text_dump.hpp"

namespace fs = std::filesystem;
using namespace sinau;

namespace {

using test::kKeyEnter;
using test::kKeyTab;

struct GateHarness : test::HeadlessApp {
    GateHarness()
        : HeadlessApp(fs::path(SINAU_FIXTURES) / "ui" / "course",
                      fs::path(SINAU_FIXTURES) / "ui" / "assets") {}
};

using test::Has;

}  // namespace

TEST_CASE("first use: the trainer sets a PIN through the card and the dashboard opens", "[admin]") {
    GateHarness h;
    h.Go(ui::ScreenId::Dashboard);
    h.Frame();  // the gate learns from the database that no PIN exists
    auto text = h.Frame();
    CHECK(Has(text, "Area Pelatih & Admin"));
    CHECK(Has(text, "PIN baru"));
    CHECK(Has(text, "Ulangi PIN baru"));
    CHECK_FALSE(h.app->admin_gate().Unlocked());

    // Two different PINs are refused and nothing is stored.
    h.Type("123456");
    h.Press(kKeyTab);
    h.Type("654321");
    text = h.Press(kKeyEnter);
    CHECK(Has(h.Frame(), "Kedua PIN tidak sama"));
    CHECK_FALSE(admin::IsPinSet(*h.db));

    h.Type("246810");
    h.Press(kKeyTab);
    h.Type("246810");
    h.Press(kKeyEnter);
    CHECK(admin::IsPinSet(*h.db));
    CHECK(h.app->admin_gate().Unlocked());
    text = h.Frame();
    CHECK(Has(text, "Analisis butir"));
    CHECK(Has(text, "Ekspor & data"));
    CHECK(Has(text, "Kunci"));
    // The PIN is stored as an argon2id hash, never as typed.
    const auto hash = h.db->GetSetting("admin.pin_hash");
    REQUIRE(hash);
    CHECK(hash->rfind("$argon2id$", 0) == 0);
    CHECK(hash->find("246810") == std::string::npos);
}

TEST_CASE("leaving the trainer area locks it; a wrong PIN shows the wait; the right one opens", "[admin]") {
    GateHarness h;
    REQUIRE(admin::SetInitialPin(*h.db, "135790").ok());
    h.Go(ui::ScreenId::Dashboard);
    h.Frame();
    auto text = h.Frame();
    CHECK(Has(text, "Masukkan PIN"));
    CHECK(Has(text, "Lupa PIN?"));
    CHECK(Has(text, "sinau admin reset-pin --db"));

    h.Type("000000");
    h.Press(kKeyEnter);
    text = h.Frame();
    CHECK_FALSE(h.app->admin_gate().Unlocked());
    CHECK(Has(text, "PIN salah."));
    CHECK(Has(text, "Tunggu 1 detik"));

    // While the wait runs the right PIN is not even tried.
    h.Type("135790");
    h.Press(kKeyEnter);
    CHECK_FALSE(h.app->admin_gate().Unlocked());
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    h.Frame();
    h.Press(kKeyEnter);  // the typed PIN is still in the field
    CHECK(h.app->admin_gate().Unlocked());

    h.Go(ui::ScreenId::ItemAnalysis);  // moving inside the area keeps it open
    h.Frame();
    CHECK(h.app->admin_gate().Unlocked());
    h.Go(ui::ScreenId::Home);
    h.Frame();
    CHECK_FALSE(h.app->admin_gate().Unlocked());
}

TEST_CASE("the area locks itself after the idle timeout", "[admin]") {
    GateHarness h;
    auto now = std::chrono::steady_clock::now();
    h.app->admin_gate().SetClockForTest([&] { return now; });
    REQUIRE(admin::SetInitialPin(*h.db, "112233").ok());
    h.Go(ui::ScreenId::Dashboard);
    h.Frame();
    h.Frame();
    h.Type("112233");
    h.Press(kKeyEnter);
    REQUIRE(h.app->admin_gate().Unlocked());
    now += std::chrono::minutes(9);
    h.Frame();
    CHECK(h.app->admin_gate().Unlocked());
    now += std::chrono::minutes(11);
    const auto text = h.Frame();
    CHECK_FALSE(h.app->admin_gate().Unlocked());
    CHECK(Has(text, "tidak ada aktivitas"));
}

TEST_CASE("admin intents do nothing while the gate is locked", "[admin]") {
    GateHarness h;
    h.Go(ui::ScreenId::Dashboard);
    h.Frame();
    const int before = h.app->admin().dashboard().generation;
    h.app->Push(ui::AdminIntent{ui::admin::SetDashboardQuery{}});
    h.app->ApplyIntents();
    CHECK(h.app->admin().dashboard().generation == before);
}
