#pragma once
// One background thread with a FIFO of jobs, for the trainer area's slow work (dashboard queries at
// 100,000 learners, exports, merges, certificates). The frame never waits for it: a job captures its
// inputs by value and hands its result to the main thread through the app's EventQueue
// (style.md rule 5).
//
// Threads: Post() from the main thread; jobs run on the worker thread, one at a time, in order.
// In synchronous mode (--screenshot, unit tests) Post() runs the job at once on the caller's thread, so a
// picture taken a few frames later already shows the data. The destructor lets the running job finish
// and drops the jobs not started.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace sinau::ui::admin {

class Worker {
public:
    using Job = std::function<void()>;
    explicit Worker(bool synchronous = false);
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    void Post(Job job);
    bool synchronous() const { return synchronous_; }

private:
    void Loop();
    bool synchronous_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool stop_ = false;
    std::thread thread_;  // last: started after the members it uses
};

}  // namespace sinau::ui::admin
