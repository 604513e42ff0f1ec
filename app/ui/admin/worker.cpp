#include "ui/admin/worker.hpp"

namespace sinau::ui::admin {

Worker::Worker(bool synchronous) : synchronous_(synchronous) {
    if (!synchronous_) thread_ = std::thread([this] { Loop(); });
}

Worker::~Worker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        jobs_.clear();
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Worker::Post(Job job) {
    if (synchronous_) {
        job();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
}

void Worker::Loop() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
            if (stop_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        job();
    }
}

}  // namespace sinau::ui::admin
