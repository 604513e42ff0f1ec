// bench_dashboard_frame: CPU time of one UI frame (NewFrame + App::DrawFrame + Render, no GPU: imgui's
// example_null pattern) on the trainer dashboard at N learners, beside the home screen in the same run; and
// the latency of a filter change (what the dashboard's worker runs: the first page + the combined summary:
// count, per-instansi, charts) next to the first page alone, whose SQL it also writes for the sqlite3 shell.
//
//   bench_dashboard_frame --db FILE [--content DIR] [--frames N] [--sql-dir DIR]
//
// Output: "frame <screen> p50 p99 max" lines (ms), then "filter <idx> <name> <found> <refresh ms> <page ms>".
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "content/course_loader.hpp"
#include "store/dashboard.hpp"
#include "store/database.hpp"
#include "ui/app.hpp"

namespace fs = std::filesystem;
using namespace sinau;
using Clock = std::chrono::steady_clock;

namespace {

double Ms(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

std::string Inline(const store::TypedQuery& q) {
    std::string sql = q.sql;
    size_t at = 0;
    for (const auto& p : q.params) {
        std::string v;
        if (const auto* t = std::get_if<std::string>(&p)) {
            v = "'";
            for (char c : *t) v += c == '\'' ? std::string("''") : std::string(1, c);
            v += "'";
        } else if (const auto* i = std::get_if<int64_t>(&p)) {
            v = std::to_string(*i);
        } else {
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.17g", std::get<double>(p));
            v = buf;
            if (v.find_first_of(".e") == std::string::npos) v += ".0";
        }
        at = sql.find('?', at);
        if (at == std::string::npos) break;
        sql.replace(at, 1, v);
        at += v.size();
    }
    return sql + ";\n";
}

struct Stats {
    double p50 = 0, p99 = 0, max = 0;
};
Stats Summarise(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    if (v.empty()) return {};
    auto at = [&](double q) { return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))]; };
    return {at(0.50), at(0.99), v.back()};
}

// One frame; returns its CPU time (drawing only — intents are applied after, untimed, as in the app).
double Frame(ui::App& app) {
    ImGuiIO& io = ImGui::GetIO();
    app.events().Drain();
    const auto t0 = Clock::now();
    ImGui::NewFrame();
    app.DrawFrame();
    ImGui::Render();
    const auto t1 = Clock::now();
    app.ApplyIntents();
    io.MouseWheel = 0.0f;
    return Ms(t0, t1);
}

}  // namespace

int main(int argc, char** argv) {
    std::string db_path, sql_dir;
    fs::path content_dir = fs::path(SINAU_SOURCE_DIR) / "content";
    int frames = 300;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            db_path = argv[++i];
        else if (!std::strcmp(argv[i], "--content") && i + 1 < argc)
            content_dir = argv[++i];
        else if (!std::strcmp(argv[i], "--frames") && i + 1 < argc)
            frames = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--sql-dir") && i + 1 < argc)
            sql_dir = argv[++i];
    }
    if (db_path.empty()) {
        std::fprintf(stderr,
                     "usage: bench_dashboard_frame --db FILE [--content DIR] [--frames N] [--sql-dir DIR]\n");
        return 2;
    }
    auto db = store::Database::Open(db_path);
    if (!db) {
        std::fprintf(stderr, "%s\n", db.error().message.c_str());
        return 1;
    }
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1366, 768);
    io.DeltaTime = 1.0f / 60.0f;
    const fs::path source(SINAU_SOURCE_DIR);
    ui::AppPaths paths{content_dir, source / "assets", source / "assets" / "i18n"};
    // Destroyed before the ImGui context (its textures and fonts belong to it).
    auto app_owner =
        std::make_unique<ui::App>(content::LoadCourse(content_dir), paths, db->get(), ui::UiSettings{}, 1.0f);
    ui::App& app = *app_owner;
    app.Init();
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

    // ---- dashboard: data loaded, then still, then paging through the table (one page turn per frame) ----
    app.UnlockAdminForScreenshot();  // no PIN in a benchmark; queries run inline (untimed, in ApplyIntents)
    app.Push(ui::Navigate{ui::Route{ui::ScreenId::Dashboard, {}, 0}});
    app.ApplyIntents();
    for (int i = 0; i < 10 && !app.admin().dashboard().loaded; ++i) Frame(app);
    for (int i = 0; i < 5; ++i) Frame(app);
    std::vector<double> still, paging;
    for (int i = 0; i < frames; ++i) still.push_back(Frame(app));
    for (int i = 0; i < frames; ++i) {
        app.admin().Apply(
            ui::admin::TurnDashboardPage{ui::admin::TurnDashboardPage::To::Next});  // inline, untimed
        paging.push_back(Frame(app));
    }
    const int64_t total = app.admin().dashboard().total;

    // ---- home, same process, same atlas ----
    io.MousePos = ImVec2(-1, -1);
    app.Push(ui::Navigate{ui::Route{ui::ScreenId::Home, {}, 0}});
    app.ApplyIntents();
    for (int i = 0; i < 5; ++i) Frame(app);
    std::vector<double> home;
    for (int i = 0; i < frames; ++i) home.push_back(Frame(app));

    std::printf("# learners %lld, %d frames each, 1366x768, CPU only (no GPU)\n",
                static_cast<long long>(total), frames);
    for (auto [name, v] : {std::pair{"home", &home}, {"dashboard", &still}, {"dashboard-paging", &paging}}) {
        const Stats s = Summarise(*v);
        std::printf("frame\t%s\t%.3f\t%.3f\t%.3f\n", name, s.p50, s.p99, s.max);
    }

    // ---- filter change latency ----
    auto& sql = **db;
    const auto instansi = store::ListInstansi(sql);
    struct Scenario {
        std::string name;
        store::LearnerFilter filter;
    };
    std::vector<Scenario> scenarios(5);
    scenarios[0].name = "semua peserta";
    scenarios[1].name = "cari nama \"siti\"";
    scenarios[1].filter.search = "siti";
    scenarios[2].name = "satu instansi";
    scenarios[2].filter.instansi = instansi.empty() ? "" : instansi.front();
    scenarios[3].name = "status selesai";
    scenarios[3].filter.status = store::CourseStatus::Selesai;
    scenarios[4].name = "aktif sejak 2024-06-01";
    scenarios[4].filter.since = "2024-06-01";
    // The dashboard's re-query, as the worker runs it (inline here), after a warm-up.
    app.Push(ui::Navigate{ui::Route{ui::ScreenId::Dashboard, {}, 0}});
    app.UnlockAdminForScreenshot();
    app.ApplyIntents();
    for (size_t i = 0; i < scenarios.size(); ++i) {
        auto& sc = scenarios[i];
        std::vector<double> refresh, page;
        for (int run = 0; run < 3; ++run) {
            auto t0 = Clock::now();
            app.admin().Apply(ui::admin::SetDashboardQuery{sc.filter, {}});
            app.events().Drain();
            refresh.push_back(Ms(t0, Clock::now()));
            t0 = Clock::now();
            store::QueryLearnerPage(sql, sc.filter, {}, nullptr, ui::admin::kPageRows);
            page.push_back(Ms(t0, Clock::now()));
        }
        std::printf("filter\t%zu\t%s\t%lld\t%.1f\t%.1f\n", i, sc.name.c_str(),
                    static_cast<long long>(app.admin().dashboard().total), Summarise(refresh).p50,
                    Summarise(page).p50);
        if (!sql_dir.empty()) {
            std::ofstream out(fs::path(sql_dir) / (std::to_string(i) + ".sql"));
            for (const auto& q :
                 store::detail::KeysetPageSql(sc.filter, {}, nullptr, ui::admin::kPageRows + 1))
                out << Inline(q);
        }
    }
    app_owner.reset();
    ImGui::DestroyContext();
    return 0;
}
