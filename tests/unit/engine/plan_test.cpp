// Drawing a quiz plan: deterministic, capped, shuffled, descriptions shown but not scored.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "engine/quiz_plan.hpp"
#include "engine/quiz_policy.hpp"

using namespace sinau::engine;
using sinau::content::Module;
using sinau::content::Question;
using sinau::content::QuestionType;
using sinau::content::QuizSettings;

namespace {
Module Bank(int questions) {
    Module m;
    m.id = "01-potret-birokrasi";
    Question intro;
    intro.id = "m1-intro";
    intro.type = QuestionType::Description;
    m.questions.push_back(intro);
    for (int i = 0; i < questions; ++i) {
        Question q;
        q.id = "m1-q" + std::to_string(i);
        q.type = QuestionType::Mc;
        q.choices = {{"a", 1, ""}, {"b", 0, ""}, {"c", 0, ""}, {"d", 0, ""}};
        m.questions.push_back(q);
    }
    return m;
}
}  // namespace

TEST_CASE("a plan is the same for the same seed and differs for another", "[engine][plan]") {
    const Module m = Bank(20);
    QuizSettings s;
    s.questions_per_attempt = 10;
    const auto a = DrawPlan(m, s, 42), b = DrawPlan(m, s, 42), c = DrawPlan(m, s, 43);
    CHECK(PlanToJson(a) == PlanToJson(b));
    CHECK(PlanToJson(a) != PlanToJson(c));
    REQUIRE(a.items.size() == 11);
    CHECK(a.items.front().question_id == "m1-intro");  // description first, unscored
    CHECK(ScoredCount(m, a) == 10);
    std::set<std::string> ids;
    for (const auto& it : a.items) ids.insert(it.question_id);
    CHECK(ids.size() == 11);  // no question drawn twice
    for (size_t i = 1; i < a.items.size(); ++i) {
        auto order = a.items[i].order;
        std::sort(order.begin(), order.end());
        CHECK(order == std::vector<int>{0, 1, 2, 3});  // a permutation of the choices
    }
    // Over many seeds the first shown choice is not always the same one.
    std::set<int> firsts;
    for (uint64_t seed = 0; seed < 50; ++seed) firsts.insert(DrawPlan(m, s, seed).items[1].order[0]);
    CHECK(firsts.size() == 4);
}

TEST_CASE("questions_per_attempt is capped at the bank size", "[engine][plan]") {
    const Module m = Bank(3);
    QuizSettings s;
    s.questions_per_attempt = 10;
    CHECK(ScoredCount(m, DrawPlan(m, s, 1)) == 3);
}

TEST_CASE("without shuffling the authors' order is kept", "[engine][plan]") {
    const Module m = Bank(5);
    QuizSettings s;
    s.shuffle_questions = false;
    s.shuffle_choices = false;
    const auto p = DrawPlan(m, s, 7);
    REQUIRE(p.items.size() == 6);
    for (int i = 0; i < 5; ++i) {
        CHECK(p.items[size_t(i) + 1].question_id == "m1-q" + std::to_string(i));
        CHECK(p.items[size_t(i) + 1].order == std::vector<int>{0, 1, 2, 3});
    }
    s.questions_per_attempt = 3;  // a subset, still in file order
    const auto sub = DrawPlan(m, s, 7);
    REQUIRE(sub.items.size() == 4);
    CHECK(std::is_sorted(
        sub.items.begin() + 1, sub.items.end(),
        [](const PlannedQuestion& a, const PlannedQuestion& b) { return a.question_id < b.question_id; }));
}

TEST_CASE("a plan round-trips through JSON, and bad JSON is an error", "[engine][plan]") {
    const Module m = Bank(4);
    const auto p = DrawPlan(m, QuizSettings{}, 0xFFFFFFFFFFFFFFFFULL);
    auto back = PlanFromJson(PlanToJson(p));
    REQUIRE(back.ok());
    CHECK(back->seed == p.seed);
    CHECK(PlanToJson(*back) == PlanToJson(p));
    CHECK_FALSE(PlanFromJson("{}").ok());
    CHECK_FALSE(PlanFromJson("not json").ok());
}

TEST_CASE("attempt score, pass mark, grading method, attempts allowed, modes", "[engine][policy]") {
    auto s = ScoreAttempt({1.0, 1.0, 0.0, 0.5}, 70);
    CHECK(s.percent == Approx(62.5));
    CHECK_FALSE(s.passed);
    s = ScoreAttempt({1, 1, 1, 1, 1, 1, 1, 0, 0, 0}, 70);  // exactly at the pass mark passes
    CHECK(s.percent == Approx(70));
    CHECK(s.passed);
    s = ScoreAttempt({-1.0, 0.0}, 70);  // negative credit never makes a score below 0
    CHECK(s.percent == 0);
    s = ScoreAttempt({1.0, std::nullopt}, 70);  // an essay waiting: scored over graded, not passed yet
    CHECK(s.percent == 100);
    CHECK(s.pending_essays == 1);
    CHECK_FALSE(s.passed);
    CHECK(ScoreAttempt({}, 70).percent == 0);
    CHECK_FALSE(ScoreAttempt({}, 70).passed);

    CHECK(ModuleQuizScore({60, 90, 70}, sinau::content::Grading::Highest) == 90.0);
    CHECK(ModuleQuizScore({60, 90, 70}, sinau::content::Grading::Last) == 70.0);
    CHECK_FALSE(ModuleQuizScore({}, sinau::content::Grading::Highest));

    QuizSettings limited;
    limited.attempts_allowed = 2;
    CHECK(MayStartAttempt(1, limited));
    CHECK_FALSE(MayStartAttempt(2, limited));
    CHECK(MayStartAttempt(1000, QuizSettings{}));  // 0 = unlimited

    const auto latihan = RulesFor(sinau::content::QuizMode::Latihan);
    const auto ujian = RulesFor(sinau::content::QuizMode::Ujian);
    CHECK(latihan.feedback_after_each_answer);
    CHECK(latihan.answer_locked_once_given);
    CHECK_FALSE(ujian.feedback_after_each_answer);
    CHECK_FALSE(ujian.right_answer_after_each_answer);
    CHECK(ujian.review_after_submit);
}
