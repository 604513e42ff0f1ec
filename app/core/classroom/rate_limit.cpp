#include "classroom/rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace sinau::classroom {

void RateLimiter::Refill(Bucket& b, int64_t now_ms) const {
    const double elapsed = static_cast<double>(std::max<int64_t>(0, now_ms - b.last_ms)) / 1000.0;
    b.tokens = std::min(config_.burst, b.tokens + elapsed * config_.per_second);
    b.last_ms = now_ms;
}

void RateLimiter::Prune(int64_t now_ms) {
    // A bucket that would be full again carries no information: drop it.
    for (auto it = buckets_.begin(); it != buckets_.end();) {
        Refill(it->second, now_ms);
        it = it->second.tokens >= config_.burst ? buckets_.erase(it) : std::next(it);
    }
}

bool RateLimiter::Allow(const std::string& key, int64_t now_ms) {
    if (!enabled()) return true;
    std::lock_guard lock(mutex_);
    auto it = buckets_.find(key);
    if (it == buckets_.end()) {
        if (buckets_.size() >= max_keys_) Prune(now_ms);
        if (buckets_.size() >= max_keys_) return false;  // still full: every key is busy, refuse newcomers
        it = buckets_.emplace(key, Bucket{config_.burst, now_ms}).first;
    }
    Refill(it->second, now_ms);
    if (it->second.tokens < 1.0) return false;
    it->second.tokens -= 1.0;
    return true;
}

bool RateLimiter::Peek(const std::string& key, int64_t now_ms) {
    if (!enabled()) return true;
    std::lock_guard lock(mutex_);
    auto it = buckets_.find(key);
    if (it == buckets_.end()) return true;
    Refill(it->second, now_ms);
    return it->second.tokens >= 1.0;
}

int RateLimiter::RetryAfterSeconds(const std::string& key, int64_t now_ms) {
    std::lock_guard lock(mutex_);
    auto it = buckets_.find(key);
    if (it == buckets_.end() || config_.per_second <= 0) return 1;
    Refill(it->second, now_ms);
    const double need = std::max(0.0, 1.0 - it->second.tokens);
    return std::max(1, static_cast<int>(std::ceil(need / config_.per_second)));
}

}  // namespace sinau::classroom
