// The trainer area's idle lock (admin::DecideIdleLock): ten minutes without input lock it, except while a
// class lobby or a running class is projected; after the class ends the ten minutes count from the end.
#include <catch2/catch.hpp>

#include <chrono>

#include "ui/admin/admin_gate.hpp"

using namespace std::chrono_literals;
using sinau::ui::admin::DecideIdleLock;
using Clock = std::chrono::steady_clock;

namespace {

// Runs one frame per `step` from `from` to `to` with no input; returns the first time the gate locked.
struct Run {
    Clock::time_point last_activity;
    bool locked = false;
    Clock::time_point locked_at{};
    void Frames(Clock::time_point from, Clock::time_point to, std::chrono::seconds step, bool presenting,
                bool input = false) {
        for (auto t = from; t <= to && !locked; t += step) {
            const auto d = DecideIdleLock(t, last_activity, 600s, input, presenting);
            last_activity = d.last_activity;
            if (d.lock) {
                locked = true;
                locked_at = t;
            }
        }
    }
};

}  // namespace

TEST_CASE("the trainer area locks after ten minutes without input when no class is projected") {
    const Clock::time_point t0{};
    Run r{t0};
    r.Frames(t0, t0 + 9min, 30s, false);
    CHECK_FALSE(r.locked);
    r.Frames(t0 + 9min + 30s, t0 + 11min, 30s, false);
    REQUIRE(r.locked);
    CHECK(r.locked_at == t0 + 10min + 30s);  // first frame more than 10 minutes after the last input
}

TEST_CASE("input keeps the trainer area open; input after an unattended gap still meets the PIN") {
    const Clock::time_point t0{};
    auto d = DecideIdleLock(t0 + 5min, t0, 600s, true, false);
    CHECK_FALSE(d.lock);
    CHECK(d.last_activity == t0 + 5min);
    d = DecideIdleLock(t0 + 14min, d.last_activity, 600s, false, false);
    CHECK_FALSE(d.lock);
    // Someone returns to an unattended PC 20 minutes later: the mouse move must not reopen it.
    d = DecideIdleLock(t0 + 25min + 1s, t0 + 5min, 600s, true, false);
    CHECK(d.lock);
}

TEST_CASE("a projected lobby or running class never idles out, however long nobody touches the PC") {
    const Clock::time_point t0{};
    Run r{t0};
    r.Frames(t0, t0 + 90min, 1s, /*presenting=*/true);  // a 90-minute class, clicker or nothing
    CHECK_FALSE(r.locked);
    // Even a frame that arrives long after the last one (the loop slept) is not an idle lock.
    const auto d = DecideIdleLock(t0 + 200min, t0, 600s, false, true);
    CHECK_FALSE(d.lock);
}

TEST_CASE("once the class has ended the idle time counts from the end, then the area locks") {
    const Clock::time_point t0{};
    Run r{t0};
    r.Frames(t0, t0 + 60min, 1s, /*presenting=*/true);  // class runs for an hour, no input
    REQUIRE_FALSE(r.locked);
    // Ended: the podium stays up. Not locked at once although the last input was an hour ago ...
    r.Frames(t0 + 60min + 1s, t0 + 69min, 1s, /*presenting=*/false);
    CHECK_FALSE(r.locked);
    // ... but ten minutes after the end it is.
    r.Frames(t0 + 69min + 1s, t0 + 72min, 1s, false);
    REQUIRE(r.locked);
    CHECK(r.locked_at > t0 + 70min);
    CHECK(r.locked_at <= t0 + 70min + 1s);
}
