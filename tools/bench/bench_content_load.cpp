// Loads the real course N times and prints median and p95 milliseconds beside the same run's
// reference: merely reading every file of the course into memory (raw I/O), and the ratio.
// Usage: bench_content_load [CONTENT_DIR] [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <time.h>

#include "content/course_loader.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double Ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

// CPU time of this thread: unlike wall time, not inflated when other processes share the cores.
double CpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Stats {
    double median, p95;
};

Stats Summarise(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto at = [&](double q) {
        return v[std::min(v.size() - 1, std::size_t(q * double(v.size() - 1) + 0.5))];
    };
    return {at(0.5), at(0.95)};
}

// The reference: every regular file under the course folder read whole into memory.
std::size_t ReadAllFiles(const fs::path& dir) {
    std::size_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string data(entry.file_size(), '\0');
        in.read(data.data(), std::streamsize(data.size()));
        bytes += std::size_t(in.gcount());
    }
    return bytes;
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(SINAU_SOURCE_DIR) / "content";
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;

    // Warm the page cache and check the course once.
    const auto course = sinau::content::LoadCourse(dir);
    std::size_t questions = 0, scenarios = 0, pages = 0;
    for (const auto& m : course.modules) {
        questions += m.questions.size();
        scenarios += m.scenarios.size();
        pages += m.reading.pages.size();
    }
    const std::size_t bytes = ReadAllFiles(dir);

    std::vector<double> full, syntax, raw, full_cpu, syntax_cpu, raw_cpu;
    for (int i = 0; i < runs; ++i) {  // interleaved so all three see the same machine state
        const double c0 = CpuMs();
        auto t0 = Clock::now();
        const auto c = sinau::content::LoadCourse(dir);
        auto t1 = Clock::now();
        const double c1 = CpuMs();
        const auto s = sinau::content::LoadCourse(dir, {.lint = false});
        auto t2 = Clock::now();
        const double c2 = CpuMs();
        const auto n = ReadAllFiles(dir);
        auto t3 = Clock::now();
        const double c3 = CpuMs();
        if (c.modules.size() != course.modules.size() || s.modules.empty() || n != bytes) return 1;
        full.push_back(Ms(t1 - t0));
        syntax.push_back(Ms(t2 - t1));
        raw.push_back(Ms(t3 - t2));
        full_cpu.push_back(c1 - c0);
        syntax_cpu.push_back(c2 - c1);
        raw_cpu.push_back(c3 - c2);
    }
    const auto f = Summarise(full), s = Summarise(syntax), r = Summarise(raw);
    const auto fc = Summarise(full_cpu), sc = Summarise(syntax_cpu), rc = Summarise(raw_cpu);
    std::printf(
        "course: %s — %zu modules, %zu pages, %zu questions, %zu scenarios, %zu files' bytes = %.1f KiB, "
        "%zu problems; %d runs\n\n",
        dir.string().c_str(), course.modules.size(), pages, questions, scenarios, bytes,
        double(bytes) / 1024.0, course.AllErrors().size(), runs);
    std::printf("%-36s %10s %10s %10s %10s %10s\n", "", "wall med", "wall p95", "cpu med", "cpu p95",
                "x raw (cpu)");
    const auto row = [&](const char* name, Stats w, Stats c) {
        std::printf("%-36s %10.3f %10.3f %10.3f %10.3f %10.1f\n", name, w.median, w.p95, c.median, c.p95,
                    c.median / rc.median);
    };
    row("raw I/O: read every file (reference)", r, rc);
    row("LoadCourse, readers only", s, sc);
    row("LoadCourse + lint (the app's load)", f, fc);
    std::printf("(milliseconds; cpu = this thread's CPU time, not inflated by other processes)\n");
    std::printf(
        "\ngoal: whole course well under 20 ms -> %s (wall median %.2f ms, p95 %.2f ms; cpu p95 %.2f ms)\n",
        f.median < 20.0 && fc.p95 < 20.0 ? "met" : "NOT met", f.median, f.p95, fc.p95);
    return 0;
}
