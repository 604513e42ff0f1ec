// The class server's wake-ups are coalesced: a burst of answers wakes the UI a few times, not once per
// answer, and the last answer of a burst still gets its wake (trailing edge).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "ui/classroom/wake_throttle.hpp"

using namespace std::chrono_literals;
using sinau::ui::live::WakeThrottle;

namespace {
template <class Pred>
bool WaitFor(Pred pred, std::chrono::milliseconds limit = 2000ms) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!pred()) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(2ms);
    }
    return true;
}
}  // namespace

TEST_CASE("wake throttle: a single poke wakes at once", "[class]") {
    std::atomic<int> wakes{0};
    WakeThrottle t([&] { ++wakes; }, 40ms);
    const auto start = std::chrono::steady_clock::now();
    t.Poke();
    REQUIRE(WaitFor([&] { return wakes == 1; }));
    CHECK(std::chrono::steady_clock::now() - start < 30ms);  // leading edge: no added delay
    std::this_thread::sleep_for(100ms);
    CHECK(wakes == 1);  // nothing more to say
}

TEST_CASE("wake throttle: 4,000 pokes from 4 threads become a handful of wakes, the last one included",
          "[class]") {
    std::atomic<int> wakes{0};
    std::atomic<long> last_wake_ns{0};
    WakeThrottle t(
        [&] {
            ++wakes;
            last_wake_ns = std::chrono::steady_clock::now().time_since_epoch().count();
        },
        40ms);
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int k = 0; k < 4; ++k)
        threads.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) {
                t.Poke();
                std::this_thread::sleep_for(100us);
            }
        });
    for (auto& th : threads) th.join();
    const auto last_poke = std::chrono::steady_clock::now();
    const double elapsed_ms = std::chrono::duration<double, std::milli>(last_poke - start).count();
    std::this_thread::sleep_for(150ms);
    const int n = wakes;
    CHECK(n >= 2);
    CHECK(n <= int(elapsed_ms / 40.0) + 3);  // at most one per gap (+ leading and trailing)
    // The trailing wake came after the last poke, so the UI saw the final state.
    CHECK(last_wake_ns.load() >=
          last_poke.time_since_epoch().count() - std::chrono::nanoseconds(40ms).count());
}
