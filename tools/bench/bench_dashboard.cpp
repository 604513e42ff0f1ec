// bench_dashboard: latency of the dashboard's learner-table query (records::QueryLearners: count + one page
// of 50 + the page's module cells) for a set of typical filters, on an existing database.
//   bench_dashboard --db FILE [--runs N] [--sql-dir DIR]
// Prints one line per scenario: name and median milliseconds. With --sql-dir it also writes
// DIR/<n>.sql holding the same page query (with its count(*) OVER ()) with the parameters inlined, so
// tools/bench/dashboard_filter.sh can time the sqlite3 shell on exactly the same SQL.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "records/dashboard.hpp"
#include "store/database.hpp"

using namespace sinau::records;

namespace {
std::string Inline(const SqlQuery& q, long long limit, long long offset, bool paged) {
    std::string sql = q.sql;
    std::vector<std::string> values;
    for (const auto& p : q.params) {
        std::string v = "'";
        for (char c : p) v += c == '\'' ? std::string("''") : std::string(1, c);
        values.push_back(v + "'");
    }
    if (paged) {
        values.push_back(std::to_string(limit));
        values.push_back(std::to_string(offset));
    }
    size_t at = 0;
    for (const auto& v : values) {
        at = sql.find('?', at);
        sql.replace(at, 1, v);
        at += v.size();
    }
    return sql + ";\n";
}
}  // namespace

int main(int argc, char** argv) {
    std::string db_path, sql_dir;
    int runs = 5;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--db") && i + 1 < argc) db_path = argv[++i];
        else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--sql-dir") && i + 1 < argc) sql_dir = argv[++i];
    }
    auto opened = sinau::store::Database::Open(db_path);
    if (!opened) {
        std::fprintf(stderr, "bench_dashboard: %s\n", opened.error().message.c_str());
        return 1;
    }
    auto& db = (*opened)->sql();
    struct Scenario {
        const char* name;
        LearnerFilter filter;
        LearnerSort sort;
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
    const auto total = QueryLearners(db, {}, {}, 0, 1).total;
    std::printf("# %lld peserta\n", (long long)total);
    for (size_t s = 0; s < scenarios.size(); ++s) {
        const auto& sc = scenarios[s];
        std::vector<double> ms;
        int64_t found = 0;
        for (int r = 0; r < runs; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            const auto page = QueryLearners(db, sc.filter, sc.sort, 0, 50);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            found = page.total;
        }
        std::sort(ms.begin(), ms.end());
        std::printf("%zu\t%s\t%lld\t%.1f\n", s, sc.name, (long long)found, ms[ms.size() / 2]);
        if (!sql_dir.empty()) {
            std::ofstream out(sql_dir + "/" + std::to_string(s) + ".sql");
            out << Inline(detail::LearnerPageSql(sc.filter, sc.sort), 50, 0, true);
        }
    }
    return 0;
}
