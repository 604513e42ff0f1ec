#include "ui/classroom/wake_throttle.hpp"

namespace sinau::ui::live {

WakeThrottle::WakeThrottle(std::function<void()> wake, std::chrono::milliseconds min_gap)
    : wake_(std::move(wake)), min_gap_(min_gap), thread_([this] { Loop(); }) {}

WakeThrottle::~WakeThrottle() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void WakeThrottle::Poke() {
    {
        std::lock_guard lock(mutex_);
        if (poked_) return;  // a wake is already due: this poke rides on it
        poked_ = true;
    }
    cv_.notify_one();
}

void WakeThrottle::Loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        cv_.wait(lock, [this] { return poked_ || stopping_; });
        if (stopping_) return;
        poked_ = false;
        lock.unlock();
        if (wake_) wake_();
        lock.lock();
        // Pokes during the gap set poked_ and are served by the next round (the trailing wake).
        if (cv_.wait_for(lock, min_gap_, [this] { return stopping_; })) return;
    }
}

}  // namespace sinau::ui::live
