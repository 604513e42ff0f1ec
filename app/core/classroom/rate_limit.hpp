#pragma once
// Token buckets keyed by client (IP address or session token): each request takes one token; tokens
// refill at `per_second` up to `burst`. Thread-safe (one mutex; each call is a map lookup). Idle keys are
// forgotten so a flood of distinct keys cannot grow memory without bound.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sinau::classroom {

struct BucketConfig {
    double burst = 20;       // tokens a fresh client starts with; 0 disables the limit
    double per_second = 10;  // refill rate
};

class RateLimiter {
public:
    explicit RateLimiter(BucketConfig config, size_t max_keys = 20000)
        : config_(config), max_keys_(max_keys) {}

    // True when `key` may proceed now (takes one token). `now_ms`: a monotonic clock in ms.
    bool Allow(const std::string& key, int64_t now_ms);
    // True when `key` has a token now, without taking it (for buckets spent only by failures).
    bool Peek(const std::string& key, int64_t now_ms);
    // Seconds until one token is back for `key` (for Retry-After); at least 1.
    int RetryAfterSeconds(const std::string& key, int64_t now_ms);
    bool enabled() const { return config_.burst > 0; }

private:
    struct Bucket {
        double tokens = 0;
        int64_t last_ms = 0;
    };
    void Refill(Bucket& b, int64_t now_ms) const;
    void Prune(int64_t now_ms);

    BucketConfig config_;
    size_t max_keys_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

inline int64_t MonotonicMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace sinau::classroom
