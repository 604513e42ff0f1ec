// The learning loop through a real database file: reading, answers committed one by one, submit,
// module status, scenarios, completion, and resuming after the database is closed and reopened.
#include <catch2/catch.hpp>

#include "../support/temp_dir.hpp"
#include "store/learning.hpp"
#include "test_course.hpp"
#include "util/uuid.hpp"

using namespace sinau;
using engine::McAnswer;
using store::Database;
using store::Learning;

namespace {
std::unique_ptr<Database> OpenDb(const std::filesystem::path& p) {
    auto db = Database::Open(p);
    REQUIRE(db.ok());
    return std::move(*db);
}

int Count(Database& db, const std::string& sql) {
    return db.sql().execAndGet(sql).getInt();
}

// Answers every scored question of the attempt right (or the first `wrong` of them wrong).
void AnswerAll(Learning& l, const content::Module& m, const store::AttemptRecord& a, int wrong = 0) {
    int n = 0;
    for (const auto& item : a.plan.items) {
        const auto* q = engine::FindQuestion(m, item.question_id);
        REQUIRE(q);
        const bool right = n++ >= wrong;
        engine::Answer ans;
        switch (q->type) {
            case content::QuestionType::Mc:
                ans = McAnswer(right ? 1 : 0);
                break;
            case content::QuestionType::TrueFalse:
                ans = engine::TfAnswer(right);
                break;
            case content::QuestionType::Short:
                ans = engine::ShortAnswer(right ? " NETRAL " : "memihak");
                break;
            case content::QuestionType::Numerical:
                ans = engine::NumericalAnswerOf(right ? "2024" : "2019");
                break;
            case content::QuestionType::Multi:
                ans = engine::MultiAnswer(right ? std::vector<int>{0, 1} : std::vector<int>{2});
                break;
            default:
                FAIL("unexpected type");
        }
        REQUIRE(l.RecordResponse(a, *q, ans, 1500).ok());
    }
}
}  // namespace

TEST_CASE("each answer is in the database the moment RecordResponse returns", "[store][learning]") {
    test::TempDir dir;
    const auto course = test::SmallCourse();
    const auto& m = course.modules[0];
    auto db = OpenDb(dir / "s.db");
    test::InsertLearner(*db, "L1", "198803122015032001");
    Learning l(*db, course, "L1");
    auto attempt = l.StartOrResumeAttempt(m, 1);
    REQUIRE(attempt.ok());
    CHECK(util::IsUuid(attempt->id));
    CHECK(attempt->plan.items.size() == 5);

    auto r = l.RecordResponse(*attempt, m.questions[0], McAnswer(0));
    REQUIRE(r.ok());
    CHECK(util::IsUuid(r->response.id));
    CHECK(r->grade.fraction == 0.0);
    CHECK(r->grade.feedback.front() == "Bukan.");
    {
        // A second connection (another process would see the same) sees the committed answer.
        SQLite::Database other((dir / "s.db").string());
        CHECK(other.execAndGet("SELECT count(*) FROM responses").getInt() == 1);
        CHECK(other.execAndGet("SELECT question_hash FROM responses").getString() == m.questions[0].Hash());
        CHECK(other.execAndGet("SELECT content_version FROM responses").getString() == "1.0.0");
        CHECK(other.execAndGet("SELECT duration_ms IS NULL FROM responses").getInt() == 1);
    }
    // Ujian: answering again replaces the answer and keeps the response id.
    auto again = l.RecordResponse(*attempt, m.questions[0], McAnswer(1), 900);
    REQUIRE(again.ok());
    CHECK(again->response.id == r->response.id);
    CHECK(Count(*db, "SELECT count(*) FROM responses") == 1);
    CHECK(db->sql().execAndGet("SELECT fraction FROM responses").getDouble() == 1.0);

    // Refusals: a question outside the plan, an answer of the wrong type.
    content::Question stranger = m.questions[0];
    stranger.id = "m9-q99";
    CHECK_FALSE(l.RecordResponse(*attempt, stranger, McAnswer(1)).ok());
    CHECK_FALSE(l.RecordResponse(*attempt, m.questions[0], engine::TfAnswer(true)).ok());
}

TEST_CASE("latihan locks an answer once given; a submitted attempt takes no more answers",
          "[store][learning]") {
    test::TempDir dir;
    auto course = test::SmallCourse();
    auto& m = course.modules[1];
    auto db = OpenDb(dir / "s.db");
    test::InsertLearner(*db, "L1", "198803122015032001");
    Learning l(*db, course, "L1");
    auto a = l.StartOrResumeAttempt(m, 1, content::QuizMode::Latihan);
    REQUIRE(a.ok());
    CHECK(a->mode == content::QuizMode::Latihan);
    REQUIRE(l.RecordResponse(*a, m.questions[0], McAnswer(0)).ok());
    auto changed = l.RecordResponse(*a, m.questions[0], McAnswer(1));
    REQUIRE_FALSE(changed.ok());
    CHECK_THAT(changed.error().message, Catch::Contains("latihan"));
    CHECK(db->sql().execAndGet("SELECT fraction FROM responses").getDouble() == 0.0);

    auto submitted = l.SubmitAttempt(*a);
    REQUIRE(submitted.ok());
    auto late = l.RecordResponse(*a, m.questions[1], engine::TfAnswer(true));
    REQUIRE_FALSE(late.ok());
    CHECK_THAT(late.error().message, Catch::Contains("sudah dikumpulkan"));
    CHECK_FALSE(l.SubmitAttempt(*a).ok());  // twice
}

TEST_CASE("submitting scores the attempt, applies the pass mark and updates the module",
          "[store][learning]") {
    test::TempDir dir;
    const auto course = test::SmallCourse();
    const auto& m = course.modules[1];  // no scenario: the quiz alone decides
    auto db = OpenDb(dir / "s.db");
    test::InsertLearner(*db, "L1", "198803122015032001");
    Learning l(*db, course, "L1");
    CHECK(l.Module(m).outcome.status == engine::ModuleStatus::Belum);

    auto a = l.StartOrResumeAttempt(m, 5);
    REQUIRE(a.ok());
    CHECK(l.Module(m).outcome.status == engine::ModuleStatus::Sedang);
    AnswerAll(l, m, *a, /*wrong=*/2);  // 3 of 5 right
    auto s = l.SubmitAttempt(*a);
    REQUIRE(s.ok());
    CHECK(s->score.percent == Approx(60));
    CHECK_FALSE(s->score.passed);
    CHECK(s->module.status == engine::ModuleStatus::Sedang);
    CHECK(db->sql().execAndGet("SELECT status FROM module_results WHERE module_id='02-modul'").getString() ==
          "sedang");

    auto b = l.StartOrResumeAttempt(m, 6);
    REQUIRE(b.ok());
    CHECK(b->id != a->id);
    AnswerAll(l, m, *b, 1);  // 4 of 5
    s = l.SubmitAttempt(*b);
    REQUIRE(s.ok());
    CHECK(s->score.percent == Approx(80));
    CHECK(s->score.passed);
    CHECK(s->module.status == engine::ModuleStatus::Lulus);
    CHECK(db->sql().execAndGet("SELECT score FROM module_results WHERE module_id='02-modul'").getDouble() ==
          Approx(80));
    CHECK(Count(*db, "SELECT count(*) FROM module_results WHERE passed_at IS NOT NULL") == 1);
    CHECK_FALSE(l.Completion());  // module 1 not done yet

    const auto review = l.Review(s->attempt);
    REQUIRE(review.size() == 5);
    CHECK(review[0].answer_text == "salah");
    CHECK(review[0].right_answer == "benar");
    CHECK(review[0].grade.feedback.front() == "Bukan.");
    CHECK(review[0].stored_fraction == 0.0);
    CHECK_FALSE(review[0].content_changed);
    CHECK(review[2].answer_text == " NETRAL ");
    CHECK(review[2].grade.verdict == engine::Verdict::Benar);
}

TEST_CASE("attempts allowed and the grading method are honoured", "[store][learning]") {
    test::TempDir dir;
    auto course = test::SmallCourse();
    auto& m = course.modules[1];
    m.quiz.attempts_allowed = 2;
    m.quiz.grading = content::Grading::Last;
    auto db = OpenDb(dir / "s.db");
    test::InsertLearner(*db, "L1", "198803122015032001");
    Learning l(*db, course, "L1");
    auto a = l.StartOrResumeAttempt(m, 1);
    AnswerAll(l, m, *a, 0);
    REQUIRE(l.SubmitAttempt(*a).ok());
    CHECK(l.Module(m).outcome.status == engine::ModuleStatus::Lulus);
    auto b = l.StartOrResumeAttempt(m, 2);
    AnswerAll(l, m, *b, 5);
    auto s = l.SubmitAttempt(*b);
    REQUIRE(s.ok());
    CHECK(s->module.score == 0.0);  // last counts
    CHECK(s->module.status == engine::ModuleStatus::Sedang);
    auto c = l.StartOrResumeAttempt(m, 3);
    REQUIRE_FALSE(c.ok());
    CHECK_THAT(c.error().message, Catch::Contains("sudah habis"));
    CHECK_FALSE(l.Module(m).may_start_attempt);
}

TEST_CASE("an essay waits for the trainer, then counts", "[store][learning]") {
    test::TempDir dir;
    auto course = test::SmallCourse();
    auto& m = course.modules[1];
    content::Question essay;
    essay.id = "m2-esai";
    essay.type = content::QuestionType::Essay;
    m.questions = {m.questions[0], essay};
    auto db = OpenDb(dir / "s.db");
    test::InsertLearner(*db, "L1", "198803122015032001");
    Learning l(*db, course, "L1");
    auto a = l.StartOrResumeAttempt(m, 1);
    REQUIRE(l.RecordResponse(*a, m.questions[0], McAnswer(1)).ok());
    auto e = l.RecordResponse(*a, essay, engine::EssayAnswer("ASN wajib netral karena ..."));
    REQUIRE(e.ok());
    CHECK_FALSE(e->response.fraction);
    auto s = l.SubmitAttempt(*a);
    REQUIRE(s.ok());
    CHECK(s->score.pending_essays == 1);
    CHECK_FALSE(s->score.passed);
    CHECK(s->module.status == engine::ModuleStatus::Sedang);
    CHECK(db->sql().execAndGet("SELECT answer FROM responses WHERE question_id='m2-esai'").getString() ==
          R"({"text":"ASN wajib netral karena ...","type":"essay"})");

    CHECK_FALSE(store::GradeEssay(*db, course, "no-such-id", 1).ok());
    REQUIRE(store::GradeEssay(*db, course, e->response.id, 0.5).ok());
    const auto after = l.FindAttempt(a->id);
    CHECK(after->score == Approx(75));
    CHECK(after->passed == true);
    CHECK(l.Module(m).outcome.status == engine::ModuleStatus::Lulus);
}

TEST_CASE("a scenario run is committed at every choice and counts when it ends", "[store][learning]") {
    test::TempDir dir;
    const auto course = test::SmallCourse();
    const auto& m = course.modules[0];
    const auto& sc = m.scenarios[0];
    auto db = OpenDb(dir / "s.db");
    test::InsertLearner(*db, "L1", "198803122015032001");
    Learning l(*db, course, "L1");
    auto run = l.StartOrResumeScenario(m, sc);
    REQUIRE(run.ok());
    CHECK(run->best_score == 5);
    CHECK(l.StartOrResumeScenario(m, sc)->id == run->id);  // resume, not a second run
    auto step = l.Choose(*run, sc, 0);                     // Like
    REQUIRE(step.ok());
    CHECK(db->sql().execAndGet("SELECT path FROM scenario_runs").getString() == R"(["Mulai","Like"])");
    CHECK_FALSE(l.Choose(*step, sc, 3).ok());
    step = l.Choose(*step, sc, 0);  // Akhir buruk
    REQUIRE(step.ok());
    CHECK(step->ended);
    CHECK(step->score == -3);
    CHECK(step->finished_at);
    CHECK_FALSE(l.Choose(*step, sc, 0).ok());
    CHECK(l.Module(m).outcome.scenarios_done);
    auto replay = l.StartOrResumeScenario(m, sc);  // after an ending: a new run
    CHECK(replay->id != run->id);
    CHECK(l.ScenarioRuns(m).size() == 2);
}

TEST_CASE("every module passed -> a completion record with the mean score, written once",
          "[store][learning]") {
    test::TempDir dir;
    const auto course = test::SmallCourse();
    auto db = OpenDb(dir / "s.db");
    test::InsertLearner(*db, "L1", "198803122015032001");
    Learning l(*db, course, "L1");
    const auto& m1 = course.modules[0];
    const auto& m2 = course.modules[1];
    auto a = l.StartOrResumeAttempt(m1, 1);
    AnswerAll(l, m1, *a, 0);
    REQUIRE(l.SubmitAttempt(*a).ok());
    auto run = l.StartOrResumeScenario(m1, m1.scenarios[0]);
    run = l.Choose(*run, m1.scenarios[0], 1);
    run = l.Choose(*run, m1.scenarios[0], 0);
    REQUIRE(run->ended);
    CHECK(l.Module(m1).outcome.status == engine::ModuleStatus::Lulus);
    CHECK_FALSE(l.Completion());
    auto b = l.StartOrResumeAttempt(m2, 1);
    AnswerAll(l, m2, *b, 1);
    auto s = l.SubmitAttempt(*b);
    REQUIRE(s.ok());
    CHECK(s->course_completed_now);
    const auto c = l.Completion();
    REQUIRE(c);
    CHECK(c->final_score == Approx(90));  // (100 + 80) / 2
    CHECK(c->course_id == course.id);
    const auto home = l.Home();
    REQUIRE(home.size() == 2);
    CHECK(home[0].outcome.status == engine::ModuleStatus::Lulus);
    CHECK(home[1].outcome.status == engine::ModuleStatus::Lulus);
    auto again = l.StartOrResumeAttempt(m2, 9);
    AnswerAll(l, m2, *again, 5);
    REQUIRE(l.SubmitAttempt(*again).ok());
    CHECK(l.Completion()->final_score == Approx(90));  // the certificate's record does not change
}

TEST_CASE("Lanjutkan resumes exactly where the learner was, after closing the database",
          "[store][learning][resume]") {
    test::TempDir dir;
    const auto course = test::SmallCourse();
    const auto& m1 = course.modules[0];
    const auto& m2 = course.modules[1];
    std::string attempt_id, run_id;
    {
        auto db = OpenDb(dir / "s.db");
        test::InsertLearner(*db, "L1", "198803122015032001");
        Learning l(*db, course, "L1");
        CHECK_FALSE(l.Lanjutkan());
        l.SetReadingPage(m1, 2);
        l.SetReadingPage(m1, 1);
        auto p = l.Lanjutkan();
        REQUIRE(p);
        CHECK(p->kind == store::ResumePoint::Kind::Reading);
        CHECK(p->module_id == m1.id);
        CHECK(p->page == 1);
        CHECK(l.Reading(m1)->max_page == 2);

        auto a = l.StartOrResumeAttempt(m2, 11);
        attempt_id = a->id;
        REQUIRE(l.RecordResponse(*a, m2.questions[0], McAnswer(1)).ok());
        REQUIRE(l.RecordResponse(*a, m2.questions[2], engine::ShortAnswer("netral")).ok());
    }  // "crash": the process ends with the attempt open
    {
        auto db = OpenDb(dir / "s.db");
        Learning l(*db, course, "L1");
        auto p = l.Lanjutkan();
        REQUIRE(p);
        CHECK(p->kind == store::ResumePoint::Kind::Quiz);
        CHECK(p->attempt_id == attempt_id);
        CHECK(p->module_id == m2.id);
        auto a = l.StartOrResumeAttempt(m2, 999);  // another seed: the SAME attempt and plan come back
        REQUIRE(a.ok());
        CHECK(a->id == attempt_id);
        CHECK(a->plan.seed == 11);
        const auto responses = l.Responses(attempt_id);
        REQUIRE(responses.size() == 2);
        CHECK(responses[1].answer == engine::ShortAnswer("netral"));
        AnswerAll(l, m2, *a, 0);
        REQUIRE(l.SubmitAttempt(*a).ok());
        auto run = l.StartOrResumeScenario(m1, m1.scenarios[0]);
        run_id = run->id;
        REQUIRE(l.Choose(*run, m1.scenarios[0], 1).ok());
    }
    {
        auto db = OpenDb(dir / "s.db");
        Learning l(*db, course, "L1");
        auto p = l.Lanjutkan();
        REQUIRE(p);
        CHECK(p->kind == store::ResumePoint::Kind::Scenario);
        CHECK(p->scenario_run_id == run_id);
        auto run = l.StartOrResumeScenario(m1, m1.scenarios[0]);
        CHECK(run->path.passages == std::vector<std::string>{"Mulai", "Abaikan"});
        CHECK(run->score == 2);
    }
}

TEST_CASE("a learner sees only their own records", "[store][learning]") {
    test::TempDir dir;
    const auto course = test::SmallCourse();
    const auto& m = course.modules[1];
    auto db = OpenDb(dir / "s.db");
    test::InsertLearner(*db, "L1", "198803122015032001");
    test::InsertLearner(*db, "L2", "199001012019031001");
    Learning a(*db, course, "L1"), b(*db, course, "L2");
    auto at = a.StartOrResumeAttempt(m, 1);
    CHECK_FALSE(b.FindAttempt(at->id));
    CHECK_FALSE(b.RecordResponse(*at, m.questions[0], McAnswer(1)).ok());
    CHECK(b.Responses(at->id).empty());
    CHECK_FALSE(b.Lanjutkan());
}
