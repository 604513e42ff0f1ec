// The class screens drawn by the real App without a window (imgui example_null pattern), with a real
// class on 127.0.0.1 whose scripted phones join and answer through the server (--class-debug demo=...).
// What a room would read is checked from the draw data (the --dump-text decoder).
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
#include "content/course_loader.hpp"
#include "store/database.hpp"
#include "ui/app.hpp"
#include "ui/text_dump.hpp"

namespace fs = std::filesystem;
using namespace sinau;

namespace {

struct Harness : test::HeadlessApp {
    Harness() : HeadlessApp(fs::path(SINAU_SOURCE_DIR) / "content", fs::path(SINAU_SOURCE_DIR) / "assets") {}
    // Frames until the scripted class reached its phase (bounded).
    std::vector<std::string> FramesUntilReady() {
        std::vector<std::string> text;
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        int after = 0;
        while (std::chrono::steady_clock::now() < end) {
            text = Frame();
            if (app->ReadyForScreenshot() && ++after > 3) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return text;
    }
};

using test::Has;

// Text drawn scaled up (the PIN, the countdown) comes back from the decoder with a space per glyph: compare
// without spaces.
bool HasCompact(const std::vector<std::string>& lines, std::string needle) {
    needle.erase(std::remove(needle.begin(), needle.end(), ' '), needle.end());
    return std::any_of(lines.begin(), lines.end(), [&](std::string l) {
        l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
        return l.find(needle) != std::string::npos;
    });
}

std::string All(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

}  // namespace

TEST_CASE("class screen: locked, the projector shows the PIN card, not the class PIN", "[class]") {
    Harness h;
    h.app->Push(ui::Navigate{ui::Route{ui::ScreenId::Class, {}, 0}});
    h.app->ApplyIntents();
    REQUIRE(h.app->StartClassDebug("module=2").ok());
    const auto text = h.FramesUntilReady();
    const auto& v = h.app->live_class().view();
    REQUIRE(v.live);
    CHECK_FALSE(Has(text, "Ikuti kuis dari ponsel"));
    CHECK_FALSE(HasCompact(text, v.trainer.pin));
}

TEST_CASE("class screen: the join screen shows URL, grouped PIN and the participants as they join",
          "[class]") {
    Harness h;
    h.app->UnlockAdminForScreenshot();
    h.app->Push(ui::Navigate{ui::Route{ui::ScreenId::Class, {}, 0}});
    h.app->ApplyIntents();
    REQUIRE(h.app->StartClassDebug("module=2,demo=lobby,people=5").ok());
    const auto text = h.FramesUntilReady();
    const auto& v = h.app->live_class().view();
    REQUIRE(v.live);
    INFO(All(text));
    CHECK(Has(text, "Ikuti kuis dari ponsel"));
    CHECK(Has(text, "127.0.0.1:" + std::to_string(v.port)));
    CHECK(HasCompact(text, v.trainer.pin));
    CHECK(Has(text, "Peserta (5)"));
    CHECK(Has(text, "Siti Aminah"));
    CHECK(Has(text, "Rina Wulandari"));
    CHECK(Has(text, "Mulai soal pertama"));
    CHECK(Has(text, "Menunggu peserta"));
}

TEST_CASE(
    "class screen: the reveal shows distribution, legal basis and leaderboard; the end shows the podium",
    "[class]") {
    Harness h;
    h.app->UnlockAdminForScreenshot();
    h.app->Push(ui::Navigate{ui::Route{ui::ScreenId::Class, {}, 0}});
    h.app->ApplyIntents();
    REQUIRE(h.app->StartClassDebug("module=2,demo=reveal,people=6").ok());
    auto text = h.FramesUntilReady();
    const auto& v = h.app->live_class().view();
    REQUIRE(v.trainer.phase == classroom::Phase::Reveal);
    INFO(All(text));
    CHECK(Has(text, "Soal 3 dari"));
    CHECK(Has(text, "6 / 6 menjawab"));
    CHECK(Has(text, "Papan peringkat"));
    CHECK(Has(text, v.trainer.standings[0].name));
    CHECK(Has(text, "Soal berikutnya"));
    // Choice counts with percentages, summing to the participants.
    int counted = 0;
    for (int c : v.trainer.result.counts) counted += c;
    CHECK(counted >= 6);
    CHECK(Has(text, std::to_string(v.trainer.result.counts[size_t(v.trainer.correct[0])]) + " ("));

    // The trainer ends the class: podium and summary.
    h.app->Push(ui::ClassIntent{ui::live::ClassCommand{ui::live::Command::End}});
    h.app->ApplyIntents();
    h.Frame();
    text = h.Frame();
    INFO(All(text));
    CHECK(Has(text, "Kuis selesai"));
    CHECK(Has(text, "Ringkasan kelas"));
    CHECK(Has(text, "Soal ditanyakan"));
    CHECK(Has(text, "3 dari"));
    CHECK(Has(text, v.trainer.standings[0].name));
    CHECK(Has(text, "Tutup sesi"));
}
