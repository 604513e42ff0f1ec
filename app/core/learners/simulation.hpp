#pragma once
// Synthetic learners played through the REAL engine and store (Learning, LearnerStore): for load tests,
// benchmarks and demo databases. Deterministic for a seed: the same learners (names, NIPs, instansi)
// give the same answers, paths and scores; only UUIDs and timestamps differ between runs.
//
// Batching: each learner's whole history is ONE transaction (store::WriteTransaction makes every store
// call a savepoint inside it). Real answers are committed one by one because a person's answer must
// survive a crash the moment it is given; a simulated learner can simply be simulated again, so
// paying one fsync per learner instead of one per answer is the honest way to measure throughput of
// everything else. For the same reason a batched run sets synchronous=NORMAL while it runs (WAL
// stays consistent after a crash; only the last simulated learners could be lost) and restores FULL.
#include <cstdint>

#include "content/model.hpp"
#include "store/database.hpp"
#include "util/expected.hpp"
#include "util/time.hpp"

namespace sinau::learners {

struct SimulationOptions {
    int learners = 100;
    uint64_t seed = 1;
    util::Date today = util::TodayUtc();
    bool batch_per_learner = true;  // false: every call commits on its own (as the app does)
};

struct SimulationReport {
    int learners = 0;
    int attempts = 0;
    int responses = 0;
    int scenario_runs = 0;
    int modules_passed = 0;
    int completed = 0;  // learners who completed the course
    double seconds = 0;
};

// Errors: a course without any usable module. Throws SQLite::Exception on disk errors.
Expected<SimulationReport> Simulate(store::Database& db, const content::Course& course,
                                    const SimulationOptions& options);

}  // namespace sinau::learners
