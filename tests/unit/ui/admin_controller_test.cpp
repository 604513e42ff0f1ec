// The trainer area's controller against a real database of simulated learners (the real course played
// through the real engine): filters and sorting reach core, results come back through the EventQueue,
// stale results are dropped, exports/certificates/merges write real files or refuse clearly.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include "content/course_loader.hpp"
#include "learners/simulation.hpp"
#include "store/database.hpp"
#include "ui/admin/admin_controller.hpp"
#include "ui/admin/admin_format.hpp"

namespace fs = std::filesystem;
using namespace sinau;
using namespace sinau::ui::admin;
using sinau::ui::EventQueue;

namespace {

std::string Slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// One simulated database per test run (simulating is the slow part), shared by the test cases.
struct Fixture {
    fs::path dir;
    fs::path db_path;
    content::Course course;
    int completed = 0;
    Fixture() {
        dir = fs::temp_directory_path() / ("sinau-admin-test-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        db_path = dir / "sinau.db";
        course = content::LoadCourse(fs::path(SINAU_SOURCE_DIR) / "content");
        auto db = store::Database::Open(db_path);
        REQUIRE(db.ok());
        learners::SimulationOptions options;
        options.learners = 60;
        options.seed = 7;
        auto report = learners::Simulate(**db, course, options);
        REQUIRE(report.ok());
        completed = report->completed;
    }
    ~Fixture() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};
Fixture& Shared() {
    static Fixture f;
    return f;
}

void Settle(EventQueue& events, const std::function<bool()>& done) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!done() && std::chrono::steady_clock::now() < until) {
        events.Drain();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    events.Drain();
}

}  // namespace

TEST_CASE("dashboard query: every learner, sorted, filtered, with summary and charts", "[admin]") {
    auto& f = Shared();
    EventQueue events;
    AdminController admin(f.db_path.string(), f.course, events, /*synchronous=*/true);
    admin.Apply(SetDashboardQuery{});
    CHECK(admin.dashboard().loading);
    events.Drain();
    const auto& d = admin.dashboard();
    REQUIRE(d.error.empty());
    CHECK_FALSE(d.loading);
    CHECK(d.total == 60);
    // Keyset paging: 50 rows, then the next page holds the other 10, and back to the first.
    REQUIRE(d.rows.size() == size_t(kPageRows));
    CHECK(d.more);
    CHECK(d.rows[0].name <= d.rows[1].name);  // default sort: name ascending
    const std::string first_nip = d.rows[0].nip, last_of_page = d.rows.back().nip;
    admin.Apply(TurnDashboardPage{TurnDashboardPage::To::Next});
    events.Drain();
    CHECK(d.page == 1);
    REQUIRE(d.rows.size() == 10);
    CHECK_FALSE(d.more);
    CHECK(d.rows[0].nip != last_of_page);
    admin.Apply(TurnDashboardPage{TurnDashboardPage::To::Previous});
    events.Drain();
    CHECK(d.page == 0);
    CHECK(d.rows[0].nip == first_nip);
    CHECK(d.modules.size() == f.course.modules.size());
    int64_t learners = 0, completed = 0;
    for (const auto& s : d.instansi) {
        learners += s.learners;
        completed += s.completed;
    }
    CHECK(learners == 60);
    CHECK(completed == f.completed);
    CHECK(d.histogram.total() == f.completed);

    // Sort by NIP descending.
    admin.Apply(SetDashboardQuery{{}, {store::SortKey::Nip, true}});
    events.Drain();
    CHECK(d.rows[0].nip >= d.rows[1].nip);

    // One instansi: every row belongs to it and the count matches its summary line.
    const std::string instansi = d.instansi.front().instansi;
    const int64_t expected = d.instansi.front().learners;
    store::LearnerFilter filter;
    filter.instansi = instansi;
    admin.Apply(SetDashboardQuery{filter, {}});
    events.Drain();
    CHECK(d.total == expected);
    for (const auto& row : d.rows) CHECK(row.instansi == instansi);

    // Search by part of a NIP.
    const std::string nip = d.rows[0].nip;
    store::LearnerFilter by_nip;
    by_nip.search = nip.substr(0, 14);
    admin.Apply(SetDashboardQuery{by_nip, {}});
    events.Drain();
    CHECK(d.total >= 1);
    CHECK(d.rows[0].nip.rfind(by_nip.search, 0) == 0);
}

TEST_CASE("a result for an older filter is dropped; the latest filter wins", "[admin]") {
    auto& f = Shared();
    EventQueue events;
    AdminController admin(f.db_path.string(), f.course, events);  // real worker thread
    store::LearnerFilter nobody;
    nobody.search = "tidak-ada-nama-seperti-ini";
    admin.Apply(SetDashboardQuery{});
    admin.Apply(SetDashboardQuery{nobody, {}});
    Settle(events, [&] { return !admin.dashboard().loading; });
    CHECK(admin.dashboard().filter.search == nobody.search);
    CHECK(admin.dashboard().total == 0);
    CHECK(admin.dashboard().generation == 2);
}

TEST_CASE("item analysis of a module gives Moodle figures per question", "[admin]") {
    auto& f = Shared();
    EventQueue events;
    AdminController admin(f.db_path.string(), f.course, events, true);
    reports::ItemAnalysisOptions options;
    options.module_id = f.course.modules.front().id;
    admin.Apply(RunItemAnalysis{options});
    events.Drain();
    const auto& items = admin.items();
    REQUIRE(items.error.empty());
    REQUIRE_FALSE(items.stats.empty());
    for (const auto& s : items.stats) {
        CHECK(s.s > 0);
        CHECK(s.facility >= 0.0);
        CHECK(s.facility <= 100.0);
        CHECK_FALSE(s.answers.empty());
    }
}

TEST_CASE("export of the current filter writes a CSV with BOM and ';' on the worker", "[admin]") {
    auto& f = Shared();
    EventQueue events;
    AdminController admin(f.db_path.string(), f.course, events);
    StartExport request;
    request.options.format = exports::ExportFormat::Csv;
    request.options.csv.bom = true;
    request.options.csv.separator = ';';
    request.path = (f.dir / "ekspor.csv").string();
    admin.Apply(request);
    CHECK(admin.export_status().running);
    Settle(events, [&] { return !admin.export_status().running; });
    INFO(admin.export_status().text);
    REQUIRE(admin.export_status().ok);
    const std::string csv = Slurp(request.path);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find(';') != std::string::npos);

    // A folder that does not exist is refused before anything runs.
    request.path = (f.dir / "tidak-ada" / "x.csv").string();
    admin.Apply(request);
    CHECK_FALSE(admin.export_status().running);
    CHECK(admin.export_status().text.find("Folder tidak ada") != std::string::npos);
}

TEST_CASE("certificates: a completed learner gets a PDF, a foreign file is refused by the merge", "[admin]") {
    auto& f = Shared();
    EventQueue events;
    AdminController admin(f.db_path.string(), f.course, events, true);
    store::LearnerFilter done;
    done.status = store::CourseStatus::Selesai;
    admin.Apply(SetDashboardQuery{done, {}});
    events.Drain();
    if (admin.dashboard().total > 0) {
        const std::string nip = admin.dashboard().rows[0].nip;
        const fs::path pdf = f.dir / ("sertifikat-" + nip + ".pdf");
        admin.Apply(SaveCertificate{nip, pdf.string()});
        events.Drain();
        INFO(admin.certificate_status().text);
        CHECK(admin.certificate_status().ok);
        CHECK(Slurp(pdf).rfind("%PDF", 0) == 0);
    } else {
        WARN("the simulation completed nobody; certificate path not exercised");
    }

    const fs::path bogus = f.dir / "bukan.db";
    std::ofstream(bogus) << "ini bukan basis data";
    admin.Apply(MergeFiles{{bogus.string()}});
    events.Drain();
    CHECK_FALSE(admin.merge_status().ok);
    CHECK(admin.merge_status().text.find("bukan.db") != std::string::npos);
}

TEST_CASE("numbers read the Indonesian way", "[admin]") {
    CHECK(Thousands(100000) == "100.000");
    CHECK(Thousands(999) == "999");
    CHECK(Decimal(87.54) == "87,5");
    CHECK(PercentText(0.724) == "72 %");
    CHECK(IsIsoDay("2024-05-25"));
    CHECK_FALSE(IsIsoDay("2024-13-01"));
    CHECK_FALSE(IsIsoDay("2024-5-1"));
}
