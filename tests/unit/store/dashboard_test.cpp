#include <catch2/catch.hpp>

#include "../support/records_fixture.hpp"
#include "store/dashboard.hpp"

using namespace sinau::store;
using namespace records_test;

namespace {
void Seed(SQLite::Database& s) {
    AddLearner(s, "L1", "198001010001", "Ani Rahayu", "BKD", "2024-01-01T00:00:00.000Z");
    AddLearner(s, "L2", "198001010002", "budi santoso", "Bappeda", "2024-01-02T00:00:00.000Z");
    AddLearner(s, "L3", "198001010003", "Citra 100%_x", "BKD", "2024-01-03T00:00:00.000Z");
    AddLearner(s, "L4", "198001010004", "Dedi", "Dinas Sosial", "2024-01-04T00:00:00.000Z");
    AddResult(s, "L1", "m1", "lulus", "90", "2024-03-01T10:00:00.000Z");
    AddResult(s, "L1", "m2", "lulus", "70", "2024-03-02T10:00:00.000Z");
    AddCompletion(s, "L1", "2024-03-02T10:00:00.000Z", "80");
    AddResult(s, "L2", "m1", "lulus", "100", "2024-02-10T10:00:00.000Z");
    AddResult(s, "L2", "m2", "sedang", "20", "2024-04-10T10:00:00.000Z");
    AddResult(s, "L3", "m1", "sedang", "50", "2024-02-15T10:00:00.000Z");
}
std::vector<std::string> Names(const LearnerPage& p) {
    std::vector<std::string> v;
    for (const auto& r : p.rows) v.push_back(r.name);
    return v;
}
}  // namespace

TEST_CASE("Dashboard lists, sorts and pages learners", "[dashboard]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    Seed(db->sql());
    auto all = QueryLearners(*db, {}, {SortKey::Name, false}, 0, 50);
    CHECK(all.total == 4);
    CHECK(Names(all) == std::vector<std::string>{"Ani Rahayu", "budi santoso", "Citra 100%_x",
                                                 "Dedi"});  // case-insensitive
    const auto& ani = all.rows[0];
    CHECK(ani.modules_passed == 2);
    CHECK(*ani.average_score == Approx(80));
    CHECK(*ani.final_score == Approx(80));
    CHECK(ani.course_status == "selesai");
    CHECK(ani.last_activity == "2024-03-02T10:00:00.000Z");
    REQUIRE(ani.modules.size() == 2);
    CHECK(ani.modules[1].module_id == "m2");
    CHECK(all.rows[3].course_status == "belum");
    CHECK(all.rows[3].last_activity == "2024-01-04T00:00:00.000Z");

    // Final score descending: learners without one come last whatever the direction.
    auto by_score = QueryLearners(*db, {}, {SortKey::FinalScore, true}, 0, 50);
    CHECK(by_score.rows[0].name == "Ani Rahayu");
    CHECK_FALSE(by_score.rows[3].final_score);
    auto by_passed = QueryLearners(*db, {}, {SortKey::ModulesPassed, true}, 0, 2);
    CHECK(by_passed.total == 4);
    CHECK(Names(by_passed) == std::vector<std::string>{"Ani Rahayu", "budi santoso"});
    auto page2 = QueryLearners(*db, {}, {SortKey::Name, false}, 2, 2);
    CHECK(Names(page2) == std::vector<std::string>{"Citra 100%_x", "Dedi"});
}

TEST_CASE("Dashboard filters: search, instansi, status, module, dates", "[dashboard]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    Seed(db->sql());
    auto q = [&](LearnerFilter f) { return Names(QueryLearners(*db, f, {}, 0, 50)); };
    LearnerFilter f;
    f.search = "SANTOSO";
    CHECK(q(f) == std::vector<std::string>{"budi santoso"});
    f.search = "0003";  // NIP substring
    CHECK(q(f) == std::vector<std::string>{"Citra 100%_x"});
    f.search = "%";  // LIKE wildcards are literal
    CHECK(q(f) == std::vector<std::string>{"Citra 100%_x"});
    f = {};
    f.instansi = "BKD";
    CHECK(q(f) == std::vector<std::string>{"Ani Rahayu", "Citra 100%_x"});
    f = {};
    f.status = CourseStatus::Sedang;
    CHECK(q(f) == std::vector<std::string>{"budi santoso", "Citra 100%_x"});
    f.status = CourseStatus::Belum;
    CHECK(q(f) == std::vector<std::string>{"Dedi"});
    f = {};
    f.module_id = "m1";
    f.module_status = ModuleStatus::Lulus;
    CHECK(q(f) == std::vector<std::string>{"Ani Rahayu", "budi santoso"});
    f.module_status = ModuleStatus::Belum;
    CHECK(q(f) == std::vector<std::string>{"Dedi"});
    f = {};
    f.since = "2024-03-01";
    f.until = "2024-03-31";
    CHECK(q(f) == std::vector<std::string>{"Ani Rahayu"});
    f.date_field = DateField::Completion;
    f.since = "2024-03-02";
    f.until = "2024-03-02";  // inclusive day
    CHECK(q(f) == std::vector<std::string>{"Ani Rahayu"});
    f.until = "2024-03-01";
    CHECK(q(f).empty());
    CHECK(DescribeFilter(f).find("tanggal selesai") != std::string::npos);
}

TEST_CASE("Dashboard summaries and chart data", "[dashboard]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    Seed(db->sql());
    const auto inst = SummariseByInstansi(*db, {});
    REQUIRE(inst.size() == 3);
    CHECK(inst[0].instansi == "Bappeda");
    CHECK(inst[1].instansi == "BKD");
    CHECK(inst[1].learners == 2);
    CHECK(inst[1].started == 2);
    CHECK(inst[1].completed == 1);
    CHECK(inst[1].completion_rate() == Approx(0.5));
    const auto mods = CompletionPerModule(*db, {}, {"m1", "m2", "m3"});
    REQUIRE(mods.size() == 3);
    CHECK(mods[0].lulus == 2);
    CHECK(mods[0].sedang == 1);
    CHECK(mods[0].belum == 1);
    CHECK(mods[2].belum == 4);
    const auto h = ScoreHistogram(*db, {}, "m1");
    CHECK(h.total() == 3);
    CHECK(h.counts[9] == 2);  // 90 and 100 (the last bin includes 100)
    CHECK(h.counts[5] == 1);
    const auto hf = ScoreHistogram(*db, {});
    CHECK(hf.total() == 1);
    CHECK(hf.counts[8] == 1);
    CHECK(ListInstansi(*db).size() == 3);
    CHECK(ListModules(*db) == std::vector<std::string>{"m1", "m2"});
}
