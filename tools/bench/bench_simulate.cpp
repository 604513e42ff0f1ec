// `sinau simulate` without the window's libraries: plays N synthetic learners through the real engine and
// store and prints throughput. Used by tools/bench/simulate.sh and answer_commit.sh (to build a big DB).
//   bench_simulate --db FILE --learners N [--seed S] [--content DIR] [--commit-each]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "content/course_loader.hpp"
#include "learners/simulation.hpp"
#include "store/database.hpp"

int main(int argc, char** argv) {
    std::string db_path, content_dir = std::string(SINAU_SOURCE_DIR) + "/content";
    sinau::learners::SimulationOptions o;
    for (int i = 1; i < argc; ++i) {
        const bool has = i + 1 < argc;
        if (!std::strcmp(argv[i], "--db") && has)
            db_path = argv[++i];
        else if (!std::strcmp(argv[i], "--learners") && has)
            o.learners = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--seed") && has)
            o.seed = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--content") && has)
            content_dir = argv[++i];
        else if (!std::strcmp(argv[i], "--commit-each"))
            o.batch_per_learner = false;
    }
    if (db_path.empty()) {
        std::fprintf(
            stderr,
            "usage: bench_simulate --db FILE --learners N [--seed S] [--content DIR] [--commit-each]\n");
        return 2;
    }
    const auto course = sinau::content::LoadCourse(content_dir);
    auto db = sinau::store::Database::Open(db_path);
    if (!db) {
        std::fprintf(stderr, "%s\n", db.error().message.c_str());
        return 1;
    }
    const std::clock_t cpu0 = std::clock();
    auto r = sinau::learners::Simulate(**db, course, o);
    const double cpu = double(std::clock() - cpu0) / CLOCKS_PER_SEC;
    if (!r) {
        std::fprintf(stderr, "%s\n", r.error().message.c_str());
        return 1;
    }
    std::printf(
        "learners %d\nresponses %d\nattempts %d\nseconds %.3f\nlearners_per_s %.2f\nresponses_per_s %.1f\n",
        r->learners, r->responses, r->attempts, r->seconds, r->learners / r->seconds,
        r->responses / r->seconds);
    // CPU time too: on a shared, loaded machine wall time includes waiting for a core and for the disk.
    std::printf("cpu_seconds %.3f\nlearners_per_cpu_s %.2f\n", cpu, cpu > 0 ? r->learners / cpu : 0.0);
    return 0;
}
