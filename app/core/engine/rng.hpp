#pragma once
// A tiny deterministic random source (SplitMix64). The standard library's distributions and
// std::shuffle may give different sequences on another compiler or library version; a quiz plan and a
// simulation must replay identically from their seed everywhere, so we draw numbers ourselves.
#include <cstdint>
#include <utility>
#include <vector>

namespace sinau::engine {

class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}

    uint64_t Next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound) without modulo bias; bound must be > 0.
    uint64_t Below(uint64_t bound) {
        const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
        uint64_t x;
        do x = Next();
        while (x >= limit);
        return x % bound;
    }

    // Uniform in [0, 1).
    double Unit() { return double(Next() >> 11) * (1.0 / 9007199254740992.0); }

    bool Chance(double p) { return Unit() < p; }

    template <class T>
    void Shuffle(std::vector<T>& v) {  // Fisher-Yates
        for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[Below(i)]);
    }

private:
    uint64_t state_;
};

}  // namespace sinau::engine
