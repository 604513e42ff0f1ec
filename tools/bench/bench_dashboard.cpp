// bench_dashboard: latency of what the dashboard asks the database when the trainer changes a filter, a sort
// or the search (one keyset page of 50 rows + the combined summary: total, per-instansi, score bins,
// completion per module), and when they turn a page (a keyset page alone), on an existing database.
//   bench_dashboard --db FILE [--runs N] [--sql-dir DIR]
// Prints one tab-separated line per scenario: index, name, learners found, page wall ms, page CPU ms,
// summary wall ms, summary CPU ms (medians; summary "-" for page turns). With --sql-dir it writes
// DIR/<index>.sql: the same statements with their parameters inlined, so tools/bench/dashboard_filter.sh can
// time the sqlite3 shell on exactly that SQL.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "store/dashboard.hpp"
#include "store/database.hpp"

using namespace sinau::store;

namespace {

std::string Literal(const SqlValue& v) {
    if (const auto* t = std::get_if<std::string>(&v)) {
        std::string out = "'";
        for (char c : *t) out += c == '\'' ? std::string("''") : std::string(1, c);
        return out + "'";
    }
    if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", std::get<double>(v));
    std::string out = buf;
    if (out.find_first_of(".e") == std::string::npos) out += ".0";  // stay a REAL in SQL
    return out;
}

std::string Inline(const TypedQuery& q) {
    std::string sql = q.sql;
    size_t at = 0;
    for (const auto& p : q.params) {
        at = sql.find('?', at);
        const std::string v = Literal(p);
        sql.replace(at, 1, v);
        at += v.size();
    }
    return sql + ";\n";
}

double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double ThreadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Timing {
    double wall, cpu;
};
// Wall time and this thread's CPU time: on a busy machine (other builds on the same cores) wall time
// includes waiting for a core, CPU time is what the query itself costs.
Timing TimeMs(const std::function<void()>& f) {
    const double c0 = ThreadCpuMs();
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return {std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(),
            ThreadCpuMs() - c0};
}

}  // namespace

int main(int argc, char** argv) {
    std::string db_path, sql_dir;
    int runs = 5;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            db_path = argv[++i];
        else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--sql-dir") && i + 1 < argc)
            sql_dir = argv[++i];
        else {
            std::fprintf(stderr, "pemakaian: bench_dashboard --db FILE [--runs N] [--sql-dir DIR]\n");
            return 2;
        }
    }
    auto opened = sinau::store::Database::OpenReadOnly(db_path);  // as the dashboard reads (mmap)
    if (!opened) {
        std::fprintf(stderr, "bench_dashboard: %s\n", opened.error().message.c_str());
        return 1;
    }
    auto& db = **opened;
    constexpr int64_t kPage = 50;
    const auto modules = ListModules(db);

    struct Scenario {
        std::string name;
        LearnerFilter filter;
        LearnerSort sort;
        int64_t start_after = -1;  // >= 0: a page turn, starting after the row at this position
    };
    std::vector<Scenario> scenarios;
    scenarios.push_back({"semua, urut nama", {}, {SortKey::Name, false}});
    {
        LearnerFilter f;
        f.search = "rahayu";
        scenarios.push_back({"cari nama 'rahayu'", f, {SortKey::Name, false}});
    }
    {
        LearnerFilter f;
        f.search = "1985";
        scenarios.push_back({"cari NIP '1985'", f, {SortKey::Nip, false}});
    }
    {
        LearnerFilter f;
        const auto all = ListInstansi(db);
        f.instansi = all.empty() ? "" : all[all.size() / 2];
        scenarios.push_back({"instansi, urut nilai akhir", f, {SortKey::FinalScore, true}});
    }
    {
        LearnerFilter f;
        f.status = CourseStatus::Selesai;
        f.since = "2024-03-01";
        f.until = "2024-03-31";
        f.date_field = DateField::Completion;
        scenarios.push_back({"selesai Maret 2024", f, {SortKey::CompletedAt, false}});
    }
    {
        LearnerFilter f;
        f.module_id = "02-netralitas-asn";
        f.module_status = ModuleStatus::Sedang;
        scenarios.push_back({"modul 02 sedang, urut aktivitas", f, {SortKey::LastActivity, true}});
    }
    {
        LearnerFilter f;
        f.module_id = "05-pelanggaran-sanksi";
        f.module_status = ModuleStatus::Belum;
        scenarios.push_back({"modul 05 belum", f, {SortKey::Name, false}});
    }
    scenarios.push_back({"semua, urut rata-rata naik", {}, {SortKey::AverageScore, false}});
    scenarios.push_back({"halaman 2 (urut nama)", {}, {SortKey::Name, false}, kPage - 1});
    scenarios.push_back({"halaman 1.000 (urut nama)", {}, {SortKey::Name, false}, 999 * kPage - 1});
    scenarios.push_back(
        {"halaman 1.000 (nilai akhir turun)", {}, {SortKey::FinalScore, true}, 999 * kPage - 1});

    const auto everyone = SummariseDashboard(db, {}, modules);
    std::printf("# %lld peserta\n", (long long)everyone.learners);
    for (size_t s = 0; s < scenarios.size(); ++s) {
        const auto& sc = scenarios[s];
        std::optional<LearnerRow> after;
        if (sc.start_after >= 0) {  // where the trainer got to by paging (found once, not timed)
            auto rows = QueryLearners(db, sc.filter, sc.sort, sc.start_after, 1).rows;
            if (!rows.empty()) after = rows.front();
        }
        const LearnerRow* cursor = after ? &*after : nullptr;
        std::vector<double> page_ms, page_cpu, summary_ms, summary_cpu;
        int64_t found = 0;
        for (int r = 0; r < runs; ++r) {
            const auto p = TimeMs([&] { QueryLearnerPage(db, sc.filter, sc.sort, cursor, kPage); });
            page_ms.push_back(p.wall);
            page_cpu.push_back(p.cpu);
            if (sc.start_after < 0) {
                const auto t = TimeMs([&] { found = SummariseDashboard(db, sc.filter, modules).learners; });
                summary_ms.push_back(t.wall);
                summary_cpu.push_back(t.cpu);
            }
        }
        if (sc.start_after < 0)
            std::printf("%zu\t%s\t%lld\t%.1f\t%.1f\t%.1f\t%.1f\n", s, sc.name.c_str(), (long long)found,
                        Median(page_ms), Median(page_cpu), Median(summary_ms), Median(summary_cpu));
        else
            std::printf("%zu\t%s\t-\t%.1f\t%.1f\t-\t-\n", s, sc.name.c_str(), Median(page_ms),
                        Median(page_cpu));
        if (!sql_dir.empty()) {
            std::ofstream out(sql_dir + "/" + std::to_string(s) + ".sql");
            for (const auto& q : detail::KeysetPageSql(sc.filter, sc.sort, cursor, kPage + 1))
                out << Inline(q);
            if (sc.start_after < 0) out << Inline(detail::SummarySql(sc.filter, modules, 10));
        }
    }
    return 0;
}
