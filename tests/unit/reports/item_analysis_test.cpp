#include <catch2/catch.hpp>

#include "../support/records_fixture.hpp"
#include "reports/item_analysis.hpp"

using namespace sinau::reports;
using namespace sinau::store;
using namespace records_test;

// Hand-computed example (4 attempts, 3 questions), Moodle's formulas (item_analysis.hpp):
//   A1: q1=1 q2=1 q3=1   A2: q1=1 q2=0 q3=1   A3: q1=0 q2=1 q3=0   A4: all 0
// q1: x=[1,1,0,0], rest X=[2,1,1,0]; V(x)=1/3, V(X)=2/3, Cov=1/3 -> D = 100/sqrt(2) = 70.71 %;
//     sorted pairs give Cov_max = 1/3 -> E = 100 %; F = 50 %, SD = sqrt(1/3) = 57.74 %.
// q2: x=[1,0,1,0], X=[2,2,0,0]; Cov = 0 -> D = 0, E = 0 (Cov_max = 2/3) -> low efficiency flag.
TEST_CASE("Item statistics match a hand-computed example", "[item]") {
    std::vector<ItemResponse> rs = {
        {"A1", "q1", 1, "a"}, {"A1", "q2", 1, "b"}, {"A1", "q3", 1, "c"}, {"A2", "q1", 1, "a"},
        {"A2", "q2", 0, "x"}, {"A2", "q3", 1, "c"}, {"A3", "q1", 0, "z"}, {"A3", "q2", 1, "b"},
        {"A3", "q3", 0, "y"}, {"A4", "q1", 0, "z"}, {"A4", "q2", 0, "x"}, {"A4", "q3", 0, "y"},
    };
    const auto st = ComputeItemStats(rs);
    REQUIRE(st.size() == 3);
    const auto& q1 = st[0];
    CHECK(q1.question_id == "q1");
    CHECK(q1.s == 4);
    CHECK(q1.facility == Approx(50));
    REQUIRE(q1.sd);
    CHECK(*q1.sd == Approx(57.735).epsilon(1e-4));
    REQUIRE(q1.discrimination);
    CHECK(*q1.discrimination == Approx(70.7107).epsilon(1e-4));
    REQUIRE(q1.efficiency);
    CHECK(*q1.efficiency == Approx(100));
    CHECK_FALSE(q1.negative_discrimination);
    CHECK_FALSE(q1.low_efficiency);
    REQUIRE(q1.answers.size() == 2);
    CHECK(q1.answers[0].count == 2);
    CHECK(q1.answers[0].frequency == Approx(50));
    const auto& q2 = st[1];
    REQUIRE(q2.discrimination);
    CHECK(*q2.discrimination == Approx(0).margin(1e-9));
    REQUIRE(q2.efficiency);
    CHECK(*q2.efficiency == Approx(0).margin(1e-9));
    CHECK(q2.low_efficiency);
}

TEST_CASE("Negative discrimination, too easy and too hard are flagged", "[item]") {
    // qn is right exactly when the rest is wrong: D = -100 %.
    std::vector<ItemResponse> rs = {
        {"B1", "qn", 0, "a"},   {"B1", "o1", 1, "a"},   {"B1", "o2", 1, "a"},   {"B1", "easy", 1, "a"},
        {"B1", "hard", 0, "a"}, {"B2", "qn", 0, "a"},   {"B2", "o1", 1, "a"},   {"B2", "o2", 1, "a"},
        {"B2", "easy", 1, "a"}, {"B2", "hard", 0, "a"}, {"B3", "qn", 1, "a"},   {"B3", "o1", 0, "a"},
        {"B3", "o2", 0, "a"},   {"B3", "easy", 1, "a"}, {"B3", "hard", 0, "a"}, {"B4", "qn", 1, "a"},
        {"B4", "o1", 0, "a"},   {"B4", "o2", 0, "a"},   {"B4", "easy", 1, "a"}, {"B4", "hard", 0, "a"},
    };
    const auto st = ComputeItemStats(rs);
    REQUIRE(st.size() == 5);
    REQUIRE(st[0].discrimination);
    CHECK(*st[0].discrimination == Approx(-100));
    CHECK(st[0].negative_discrimination);
    CHECK(st[3].too_easy);
    CHECK_FALSE(st[3].discrimination);  // no variance: undefined, as in Moodle
    CHECK(st[4].too_hard);
    CHECK_FALSE(st[0].too_easy);
}

TEST_CASE("Item analysis reads first attempts or all attempts from the database", "[item]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    auto& sql = db->sql();
    AddLearner(sql, "L1", "1", "Ani", "BKD");
    AddLearner(sql, "L2", "2", "Budi", "BKD");
    AddAttempt(sql, "A1", "L1", "m1", "2024-02-01T09:00:00.000Z", "0");
    AddResponse(sql, "R1", "A1", "q1", "{\"choice\":2}", "0");
    AddAttempt(sql, "A2", "L1", "m1", "2024-02-02T09:00:00.000Z", "100");  // a second attempt
    AddResponse(sql, "R2", "A2", "q1", "{\"choice\":0}", "1");
    AddAttempt(sql, "A3", "L2", "m1", "2024-02-01T09:00:00.000Z", "100");
    AddResponse(sql, "R3", "A3", "q1", "{\"choice\":0}", "1");
    AddResponse(sql, "R4", "A3", "q2", "{\"teks\":\"esai\"}", "NULL");  // ungraded essay: left out

    ItemAnalysisOptions o;
    o.module_id = "m1";
    auto first = AnalyseItems(*db, o);
    REQUIRE(first.size() == 1);
    CHECK(first[0].s == 2);
    CHECK(first[0].facility == Approx(50));
    o.attempts = AttemptSet::All;
    auto all = AnalyseItems(*db, o);
    REQUIRE(all.size() == 1);
    CHECK(all[0].s == 3);
    CHECK(all[0].facility == Approx(200.0 / 3));
    REQUIRE(all[0].answers.size() == 2);
    CHECK(all[0].answers[0].answer == "{\"choice\":0}");
    CHECK(all[0].answers[0].mean_mark == Approx(1));
    o.learners.search = "Budi";
    auto budi = AnalyseItems(*db, o);
    REQUIRE(budi.size() == 1);
    CHECK(budi[0].s == 1);
}
