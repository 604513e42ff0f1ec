#pragma once
// Coalesces the class server's wake-ups into at most one UI wake per `min_gap` (leading and trailing
// edge): a thousand answers in two seconds become ~60 frames, not a thousand, and the last answer still
// gets its frame. Without it every stored answer would post a GLFW empty event and the trainer's PC would
// redraw flat out while the phones answer, taking a core from the server on a 2-core laptop.
//
// Threads: Poke() from any thread, never blocks for more than a mutex hand-off. `wake` runs on the
// throttle's own thread. The destructor stops and joins that thread; call it only after whoever pokes
// (the Classroom's threads) has stopped.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace sinau::ui::live {

class WakeThrottle {
public:
    WakeThrottle(std::function<void()> wake, std::chrono::milliseconds min_gap);
    ~WakeThrottle();
    WakeThrottle(const WakeThrottle&) = delete;
    WakeThrottle& operator=(const WakeThrottle&) = delete;

    void Poke();

private:
    void Loop();

    std::function<void()> wake_;
    std::chrono::milliseconds min_gap_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool poked_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace sinau::ui::live
