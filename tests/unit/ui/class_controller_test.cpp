// The trainer's class controller with the real core: a Classroom and its server on 127.0.0.1 (never
// another address), phones joining and answering over HTTP, a temp SQLite file. Checks what the trainer
// sees (names, counts, phases, leaderboard), the idle policy, and what ends up in the database.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "content/course_loader.hpp"
#include "ui/classroom/class_controller.hpp"
#include "ui/classroom/demo_phones.hpp"

namespace fs = std::filesystem;
using namespace sinau;
using namespace sinau::ui::live;
using classroom::Phase;
using namespace std::chrono_literals;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() /
               ("sinau-class-ui-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

const content::Course& Course() {
    static const content::Course course = content::LoadCourse(fs::path(SINAU_SOURCE_DIR) / "content");
    return course;
}

// Pumps the controller like frames do until `pred` holds (or 10 s pass).
template <class Pred>
bool PumpUntil(ClassController& c, Pred pred) {
    const auto end = std::chrono::steady_clock::now() + 10s;
    for (;;) {
        c.Pump();
        c.AfterFrame();
        if (pred()) return true;
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(10ms);
    }
}

}  // namespace

TEST_CASE("class controller: join, answer, reveal, end over loopback; answers stored as a class session",
          "[class]") {
    TempDir dir;
    const fs::path db = dir.path / "class.db";
    std::atomic<int> wakes{0};
    ClassController c({&Course(), db, fs::path(SINAU_SOURCE_DIR) / "assets" / "web", [&] { ++wakes; }});
    CHECK_FALSE(c.live());
    CHECK(c.RedrawInterval() == 0.0);  // no session: the app sleeps until input

    DebugClass spec;
    spec.module = "2";
    spec.max_questions = 2;
    spec.question_seconds = 60;
    REQUIRE(c.StartDebug(spec).ok());
    REQUIRE(PumpUntil(c, [&] { return c.live(); }));
    const LiveView& v = c.view();
    REQUIRE(v.error.empty());
    CHECK(v.loopback_only);
    CHECK(v.address == "127.0.0.1");
    CHECK(v.url == "http://127.0.0.1:" + std::to_string(v.port) + "/");
    CHECK(v.qr.size >= 21);  // a real QR matrix for the URL
    REQUIRE(v.trainer.pin.size() == 6);
    CHECK(v.trainer.phase == Phase::Lobby);
    CHECK(v.trainer.total == 2);
    CHECK(c.RedrawInterval() == 0.0);  // the lobby waits for events, it does not poll

    DemoPhones phones(v.port, v.trainer.pin, {"Siti Aminah", "Budi Santoso", "Dewi Lestari"});
    REQUIRE(PumpUntil(c, [&] { return v.names.size() == 3; }));
    CHECK(v.names == std::vector<std::string>{"Siti Aminah", "Budi Santoso", "Dewi Lestari"});
    CHECK(v.trainer.standings.size() == 3);
    CHECK(wakes > 0);  // the server woke the UI; it was not polled

    c.Apply(ClassCommand{Command::Next});
    CHECK(v.trainer.phase == Phase::Question);
    CHECK(v.trainer.current == 0);
    CHECK(c.RedrawInterval() == Approx(0.25));  // the countdown ticks on the projector
    REQUIRE(v.trainer.question);
    const auto correct = v.trainer.correct;
    REQUIRE(correct.size() == 1);
    const int wrong = correct[0] == 0 ? 1 : 0;
    phones.Answer(0, 0, correct);
    phones.Answer(1, 0, correct);
    phones.Answer(2, 0, {wrong});
    // Everyone answered: the session closes the question by itself and reveals.
    REQUIRE(PumpUntil(c, [&] { return v.trainer.phase == Phase::Reveal; }));
    CHECK(v.trainer.result.answered == 3);
    CHECK(v.trainer.result.correct == 2);
    CHECK(v.trainer.result.counts[size_t(correct[0])] == 2);
    CHECK(v.trainer.result.counts[size_t(wrong)] == 1);
    REQUIRE(v.trainer.standings.size() == 3);
    CHECK(v.trainer.standings[0].score == 1);
    CHECK(v.trainer.standings[2].name == "Dewi Lestari");
    CHECK(v.trainer.standings[2].score == 0);
    CHECK(c.RedrawInterval() == 0.0);  // nothing counts down in the reveal

    // A trainer action the phase does not allow is refused and said, nothing changes.
    c.Apply(ClassCommand{Command::Pause});
    CHECK_FALSE(v.refusal.empty());
    CHECK(v.trainer.phase == Phase::Reveal);

    c.Apply(ClassCommand{Command::Next});
    CHECK(v.trainer.current == 1);
    c.Apply(ClassCommand{Command::Pause});
    CHECK(v.trainer.phase == Phase::Paused);
    CHECK(v.refusal.empty());
    CHECK(c.RedrawInterval() == 0.0);  // frozen countdown: no ticking
    c.Apply(ClassCommand{Command::Resume});
    CHECK(v.trainer.phase == Phase::Question);
    phones.Answer(1, 1, {0});
    REQUIRE(PumpUntil(c, [&] { return v.trainer.result.answered == 1; }));
    // The ack leaves only after the commit; closing the server before it would drop it on the wire.
    REQUIRE(PumpUntil(c, [&] { return phones.acked() == 4; }));
    c.Apply(ClassCommand{Command::End});
    CHECK(v.trainer.phase == Phase::Ended);
    c.Pump();
    REQUIRE(v.outcomes.size() == 2);
    CHECK(v.outcomes[0].asked);
    CHECK(v.outcomes[0].answered == 3);
    CHECK(v.outcomes[0].correct == 2);
    CHECK_FALSE(v.outcomes[0].skipped);
    CHECK(v.outcomes[1].answered == 1);
    const std::string session = v.trainer.session_id;

    c.Apply(CloseClass{});
    CHECK_FALSE(c.live());
    CHECK(c.RedrawInterval() == 0.0);  // back to idle
    CHECK(phones.acked() == 4);

    SQLite::Database check(db.string());
    CHECK(check
              .execAndGet("SELECT COUNT(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id "
                          "WHERE a.kind = 'class' AND a.class_session_id = '" +
                          session + "'")
              .getInt() == 4);
    CHECK(check.execAndGet("SELECT COUNT(*) FROM class_participants WHERE session_id = '" + session + "'")
              .getInt() == 3);
    CHECK(check.execAndGet("SELECT ended_at IS NOT NULL FROM class_sessions WHERE id = '" + session + "'")
              .getInt() == 1);
    CHECK(check.execAndGet("SELECT score FROM class_participants WHERE name = 'Budi Santoso'").getInt() >= 1);
}

TEST_CASE("class controller: no database, unknown module and a busy port become messages, not crashes",
          "[class]") {
    TempDir dir;
    {
        ClassController c({&Course(), {}, fs::path(SINAU_SOURCE_DIR) / "assets" / "web", [] {}});
        c.Apply(StartClass{"02", {}, 20, false});
        CHECK_FALSE(c.live());
        CHECK(c.view().error.find("basis data") != std::string::npos);
    }
    {
        ClassController c(
            {&Course(), dir.path / "a.db", fs::path(SINAU_SOURCE_DIR) / "assets" / "web", [] {}});
        DebugClass spec;
        spec.module = "99-tidak-ada";
        CHECK_FALSE(c.StartDebug(spec).ok());
        spec.module = "2";
        spec.question_ids = {"tidak-ada-soal-ini"};
        REQUIRE(c.StartDebug(spec).ok());
        c.AfterFrame();
        CHECK_FALSE(c.live());
        CHECK(c.view().error.find("tidak-ada-soal-ini") != std::string::npos);
    }
    {
        // Two sessions cannot share a port: the second says so.
        ClassController first(
            {&Course(), dir.path / "b.db", fs::path(SINAU_SOURCE_DIR) / "assets" / "web", [] {}});
        DebugClass spec;
        spec.module = "2";
        REQUIRE(first.StartDebug(spec).ok());
        first.AfterFrame();
        REQUIRE(first.live());
        ClassController second(
            {&Course(), dir.path / "c.db", fs::path(SINAU_SOURCE_DIR) / "assets" / "web", [] {}});
        spec.port = first.view().port;
        REQUIRE(second.StartDebug(spec).ok());
        second.AfterFrame();
        CHECK_FALSE(second.live());
        CHECK_FALSE(second.view().error.empty());
        CHECK(second.RedrawInterval() == 0.0);
    }
}
