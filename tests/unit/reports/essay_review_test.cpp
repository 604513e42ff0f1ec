// Essays waiting for a trainer: the list (who, which module, the question, the answer) and grading with a
// comment, which must move the learner's score and pass state through the core path, in a real file.
#include <catch2/catch.hpp>

#include "../store/test_course.hpp"
#include "../support/temp_dir.hpp"
#include "reports/essay_review.hpp"
#include "store/learning.hpp"

using namespace sinau;

namespace {

struct EssayFixture {
    test::TempDir dir;
    content::Course course = test::SmallCourse();
    std::unique_ptr<store::Database> db;
    content::Question essay;
    EssayFixture() {
        auto& m = course.modules[1];
        essay.id = "m2-esai";
        essay.type = content::QuestionType::Essay;
        essay.stem = "Jelaskan mengapa ASN wajib netral dalam Pemilu 2024.";
        m.questions = {m.questions[0], essay};
        auto opened = store::Database::Open(dir / "s.db");
        REQUIRE(opened.ok());
        db = std::move(*opened);
        test::InsertLearner(*db, "L1", "198803122015032001");
    }
    // One submitted attempt of module 2: the MC right, the essay pending. Returns the essay's response id.
    std::string AnswerAndSubmit(const std::string& learner, const std::string& text) {
        store::Learning l(*db, course, learner);
        auto a = l.StartOrResumeAttempt(course.modules[1], 1);
        REQUIRE(a.ok());
        REQUIRE(l.RecordResponse(*a, course.modules[1].questions[0], engine::McAnswer(1)).ok());
        auto e = l.RecordResponse(*a, essay, engine::EssayAnswer(text));
        REQUIRE(e.ok());
        REQUIRE(l.SubmitAttempt(*a).ok());
        return e->response.id;
    }
};

}  // namespace

TEST_CASE("ungraded essays are listed with learner, module, question and answer", "[records][essay]") {
    EssayFixture f;
    CHECK(reports::ListUngradedEssays(*f.db, f.course).empty());
    const auto id = f.AnswerAndSubmit("L1", "Karena UU ASN mewajibkan netralitas.");
    int64_t total = -1;
    const auto list = reports::ListUngradedEssays(*f.db, f.course, 500, &total);
    REQUIRE(list.size() == 1);
    CHECK(total == 1);
    const auto& e = list[0];
    CHECK(e.response_id == id);
    CHECK(e.nip == "198803122015032001");
    CHECK(e.module_id == "02-modul");
    CHECK(e.module_title == "Modul 2");
    CHECK(e.question_text == "Jelaskan mengapa ASN wajib netral dalam Pemilu 2024.");
    CHECK(e.answer == "Karena UU ASN mewajibkan netralitas.");  // the text, not the stored JSON
    CHECK(e.submitted);
    CHECK_FALSE(e.answered_at.empty());

    // A course that no longer declares the question an essay does not offer it for grading.
    auto changed = f.course;
    changed.modules[1].questions[1].type = content::QuestionType::Short;
    CHECK(reports::ListUngradedEssays(*f.db, changed).empty());
}

TEST_CASE("grading an essay with a comment updates score and pass state and leaves the list",
          "[records][essay]") {
    EssayFixture f;
    const auto id = f.AnswerAndSubmit("L1", "Netral artinya tidak memihak.");
    store::Learning l(*f.db, f.course, "L1");
    CHECK(l.Module(f.course.modules[1]).outcome.status != engine::ModuleStatus::Lulus);

    CHECK_FALSE(reports::GradeEssayAnswer(*f.db, f.course, id, 120, "").ok());  // out of range
    CHECK_FALSE(reports::GradeEssayAnswer(*f.db, f.course, id, -1, "").ok());
    CHECK_FALSE(reports::GradeEssayAnswer(*f.db, f.course, "no-such-id", 50, "").ok());
    CHECK_FALSE(reports::GradeEssayAnswer(*f.db, f.course, id, 50, std::string(2001, 'x')).ok());
    REQUIRE(reports::ListUngradedEssays(*f.db, f.course).size() == 1);  // refused grades changed nothing

    REQUIRE(reports::GradeEssayAnswer(*f.db, f.course, id, 50, "  Cukup; sebutkan dasar hukumnya.  ").ok());
    CHECK(reports::ListUngradedEssays(*f.db, f.course).empty());
    CHECK(f.db->sql().execAndGet("SELECT fraction FROM responses WHERE id = '" + id + "'").getDouble() ==
          Approx(0.5));
    CHECK(f.db->sql().execAndGet("SELECT score FROM attempts").getDouble() == Approx(75));  // (1 + 0.5) / 2
    CHECK(l.Module(f.course.modules[1]).outcome.status == engine::ModuleStatus::Lulus);
    const auto grade = reports::FindEssayGrade(*f.db, id);
    REQUIRE(grade);
    CHECK(grade->percent == Approx(50));
    CHECK(grade->comment == "Cukup; sebutkan dasar hukumnya.");

    // Regrading lower takes the pass away again: the core path recomputes, it does not only add.
    REQUIRE(reports::GradeEssayAnswer(*f.db, f.course, id, 0, "").ok());
    CHECK(f.db->sql().execAndGet("SELECT score FROM attempts").getDouble() == Approx(50));
    CHECK(l.Module(f.course.modules[1]).outcome.status != engine::ModuleStatus::Lulus);
    CHECK(reports::FindEssayGrade(*f.db, id)->comment.empty());
}

TEST_CASE("the essay list is oldest first and bounded, with the full count", "[records][essay]") {
    EssayFixture f;
    test::InsertLearner(*f.db, "L2", "199001012020121001");
    const auto first = f.AnswerAndSubmit("L1", "jawaban pertama");
    f.AnswerAndSubmit("L2", "jawaban kedua");
    int64_t total = 0;
    const auto list = reports::ListUngradedEssays(*f.db, f.course, 1, &total);
    REQUIRE(list.size() == 1);
    CHECK(total == 2);
    CHECK(list[0].response_id == first);
}
