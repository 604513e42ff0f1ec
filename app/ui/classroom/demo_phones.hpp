#pragma once
// Scripted phones for screenshots (`--class-debug demo=...`): they join and answer through the REAL
// server over HTTP on 127.0.0.1 (PROTOCOL.md: POST /api/join, POST /api/answer), so a screenshot of the
// reveal shows what a class produces, not a mock. Loopback only: the port is always 127.0.0.1's.
//
// Threads: one worker thread does the blocking HTTP calls; every public member is thread-safe and
// returns at once. The destructor finishes the call in flight and joins.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sinau::ui::live {

class DemoPhones {
public:
    DemoPhones(uint16_t port, std::string pin, std::vector<std::string> names);
    ~DemoPhones();
    DemoPhones(const DemoPhones&) = delete;
    DemoPhones& operator=(const DemoPhones&) = delete;

    // Phone `who` (index into names) answers question `question` with `choices` (queued, in order).
    void Answer(int who, int question, std::vector<int> choices);
    int joined() const { return joined_; }
    int acked() const { return acked_; }
    int failures() const { return failures_; }
    static std::vector<std::string> SampleNames(int count);  // Indonesian names for the demo

private:
    struct Job {
        int who, question;
        std::vector<int> choices;
    };
    void Loop();

    uint16_t port_;
    std::string pin_;
    std::vector<std::string> names_;
    std::vector<std::string> tokens_;
    std::atomic<int> joined_{0}, acked_{0}, failures_{0};
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace sinau::ui::live
