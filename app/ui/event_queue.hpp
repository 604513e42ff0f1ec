#pragma once
// Background threads (class server, exports) hand results to the UI through this queue: they push a
// task that captured its inputs BY VALUE, the waker (platform::Window::Wake -> glfwPostEmptyEvent)
// wakes the idle loop, and the main thread runs the tasks at the start of the next frame.
#include <functional>
#include <mutex>
#include <vector>

namespace sinau::ui {

class EventQueue {
public:
    using Task = std::function<void()>;
    explicit EventQueue(std::function<void()> waker = {}) : waker_(std::move(waker)) {}

    // Any thread. The task runs later on the main thread; it must not reference screen state that
    // may be gone by then.
    void Push(Task task) {
        {
            std::lock_guard lock(mutex_);
            tasks_.push_back(std::move(task));
        }
        if (waker_) waker_();
    }

    // Main thread, at frame start. Returns how many tasks ran.
    int Drain() {
        std::vector<Task> tasks;
        {
            std::lock_guard lock(mutex_);
            tasks.swap(tasks_);
        }
        for (auto& task : tasks) task();
        return int(tasks.size());
    }

    void SetWaker(std::function<void()> waker) { waker_ = std::move(waker); }

private:
    std::mutex mutex_;
    std::vector<Task> tasks_;
    std::function<void()> waker_;
};

}  // namespace sinau::ui
