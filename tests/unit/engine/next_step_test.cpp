// "Lanjutkan": where the learner is sent next (engine/next_step.hpp), from a fresh learner to a completed
// course. Module states come from the real EvaluateModule so the cases match what the store computes.
#include <catch2/catch.hpp>

#include "engine/next_step.hpp"

using namespace sinau::engine;
using sinau::content::Course;
using sinau::content::Module;
using sinau::content::Page;
using sinau::content::Question;
using sinau::content::QuestionType;
using sinau::content::Scenario;
using Kind = NextStep::Kind;

namespace {
constexpr double kPass = 70.0;

Module MakeModule(std::string id, int pages, std::vector<std::string> scenarios, bool quiz = true) {
    Module m;
    m.id = std::move(id);
    m.title = "Modul " + m.id;
    m.reading.pages.resize(size_t(pages));
    if (quiz) {
        Question q;
        q.id = m.id + "-q1";
        q.type = QuestionType::TrueFalse;
        m.questions.push_back(q);
    }
    for (auto& s : scenarios) {
        Scenario sc;
        sc.id = s;
        m.scenarios.push_back(sc);
    }
    return m;
}

// Modul 1: 5 pages, quiz, 2 scenarios; modul 2: 3 pages, quiz, 1 scenario; modul 3: reading only.
Course MakeCourse() {
    Course c;
    c.id = "uji";
    c.modules = {MakeModule("m1", 5, {"s1a", "s1b"}), MakeModule("m2", 3, {"s2a"}),
                 MakeModule("m3", 4, {}, false)};
    return c;
}

struct Learner {
    const Course& course;
    std::vector<ModuleEvidence> evidence;
    std::vector<ModuleSituation> extra;  // the fields EvaluateModule does not derive
    std::optional<LastActivity> last;

    explicit Learner(const Course& c) : course(c), evidence(c.modules.size()), extra(c.modules.size()) {}

    size_t At(const std::string& id) const {
        for (size_t i = 0; i < course.modules.size(); ++i)
            if (course.modules[i].id == id) return i;
        FAIL("no module " << id);
        return 0;
    }
    void Read(const std::string& id, int page) {
        const size_t i = At(id);
        const int pages = int(course.modules[i].reading.pages.size());
        evidence[i].reading_started = true;
        extra[i].reading_page = page;
        if (page >= pages - 1) evidence[i].reading_finished = true;
        last = LastActivity{LastActivity::Kind::Reading, id, ""};
    }
    void Quiz(const std::string& id, double score) {
        evidence[At(id)].submitted_scores.push_back(score);
        // A submitted attempt is no longer open work: the last activity stays what it was before.
    }
    void OpenQuiz(const std::string& id) {
        extra[At(id)].open_attempt = true;
        evidence[At(id)].open_attempts = 1;
        last = LastActivity{LastActivity::Kind::Quiz, id, ""};
    }
    void Play(const std::string& id, const std::string& scenario, bool to_end = true) {
        const size_t i = At(id);
        ++evidence[i].scenario_runs;
        if (to_end) {
            evidence[i].scenarios_ended.insert(scenario);
            if (extra[i].open_scenario_id == scenario) extra[i].open_scenario_id.clear();
        } else {
            extra[i].open_scenario_id = scenario;
            last = LastActivity{LastActivity::Kind::Scenario, id, scenario};
        }
    }
    void Finish(const std::string& id) {
        const auto& m = course.modules[At(id)];
        Read(id, int(m.reading.pages.size()) - 1);
        if (!m.questions.empty()) Quiz(id, 90);
        for (const auto& s : m.scenarios) Play(id, s.id);
    }

    std::vector<ModuleSituation> Situations() const {
        std::vector<ModuleSituation> out;
        for (size_t i = 0; i < course.modules.size(); ++i) {
            ModuleSituation s = extra[i];
            s.outcome = EvaluateModule(course.modules[i], kPass, evidence[i]);
            s.reading_finished = evidence[i].reading_finished;
            s.scenarios_ended = evidence[i].scenarios_ended;
            out.push_back(s);
        }
        return out;
    }
    NextStep Next() const { return ChooseNextStep(course, Situations(), last); }
};
}  // namespace

TEST_CASE("a fresh learner starts reading module 1 at its first page", "[engine][next_step]") {
    const Course c = MakeCourse();
    const Learner l(c);
    const NextStep s = l.Next();
    CHECK(s.kind == Kind::Read);
    CHECK(s.module_id == "m1");
    CHECK(s.page == 0);
    CHECK_FALSE(s.resumes);
}

TEST_CASE("mid-reading continues at the bookmark, even in a later module", "[engine][next_step]") {
    const Course c = MakeCourse();
    Learner l(c);
    l.Read("m1", 2);
    CHECK(l.Next() == NextStep{Kind::Read, "m1", 2, "", true});
    l.Read("m2", 1);  // jumped ahead: the module touched last is in focus
    CHECK(l.Next() == NextStep{Kind::Read, "m2", 1, "", true});
}

TEST_CASE("after the last page the quiz comes next", "[engine][next_step]") {
    const Course c = MakeCourse();
    Learner l(c);
    l.Read("m1", 4);
    CHECK(l.Next() == NextStep{Kind::Quiz, "m1", 0, "", false});
}

TEST_CASE("a failed quiz: take it again, or reread first when pages were skipped", "[engine][next_step]") {
    const Course c = MakeCourse();
    Learner l(c);
    l.Read("m1", 4);
    l.Quiz("m1", 40);
    CHECK(l.Next() == NextStep{Kind::Quiz, "m1", 0, "", false});

    Learner skipper(c);
    skipper.Read("m1", 1);
    skipper.Quiz("m1", 50);
    CHECK(skipper.Next() == NextStep{Kind::Read, "m1", 1, "", true});

    SECTION("no attempts left: the module's scenarios, then the next module") {
        l.extra[0].may_start_attempt = false;
        CHECK(l.Next() == NextStep{Kind::Scenario, "m1", 0, "s1a", false});
        l.Play("m1", "s1a");
        l.Play("m1", "s1b");
        CHECK(l.Next() == NextStep{Kind::Read, "m2", 0, "", false});
    }
    SECTION("an essay awaiting the trainer is not a reason to retake") {
        l.extra[0].essay_waiting = true;
        CHECK(l.Next() == NextStep{Kind::Scenario, "m1", 0, "s1a", false});
    }
}

TEST_CASE("a passed quiz never leads back to the quiz: the unplayed scenarios come next",
          "[engine][next_step]") {
    const Course c = MakeCourse();
    Learner l(c);
    l.Read("m1", 4);
    l.Quiz("m1", 90);
    REQUIRE(l.Situations()[0].outcome.quiz_passed);
    CHECK(l.Next() == NextStep{Kind::Scenario, "m1", 0, "s1a", false});
    l.Play("m1", "s1a");
    CHECK(l.Next() == NextStep{Kind::Scenario, "m1", 0, "s1b", false});
    l.Play("m1", "s1b", false);  // left part-way: resumed
    CHECK(l.Next() == NextStep{Kind::Scenario, "m1", 0, "s1b", true});
}

TEST_CASE("a passed quiz with pages left unread does not send the learner back to read",
          "[engine][next_step]") {
    const Course c = MakeCourse();
    Learner l(c);
    l.Read("m1", 1);
    l.Quiz("m1", 100);
    CHECK(l.Next() == NextStep{Kind::Scenario, "m1", 0, "s1a", false});
}

TEST_CASE("a module done: the next module not yet lulus, in course order", "[engine][next_step]") {
    const Course c = MakeCourse();
    Learner l(c);
    l.Finish("m1");
    REQUIRE(l.Situations()[0].outcome.status == ModuleStatus::Lulus);
    CHECK(l.Next() == NextStep{Kind::Read, "m2", 0, "", false});

    SECTION("a module done out of order sends the learner back to the first one left") {
        Learner jumper(c);
        jumper.Finish("m2");
        CHECK(jumper.Next() == NextStep{Kind::Read, "m1", 0, "", false});
    }
    SECTION("a reading-only module is done by reading it") {
        l.Finish("m2");
        CHECK(l.Next() == NextStep{Kind::Read, "m3", 0, "", false});
        l.Read("m3", 2);
        CHECK(l.Next() == NextStep{Kind::Read, "m3", 2, "", true});
    }
}

TEST_CASE("open work is resumed first, even a retake in a module already lulus", "[engine][next_step]") {
    const Course c = MakeCourse();
    Learner l(c);
    l.Read("m1", 4);
    l.OpenQuiz("m1");
    CHECK(l.Next() == NextStep{Kind::Quiz, "m1", 0, "", true});

    Learner again(c);
    again.Finish("m1");
    again.OpenQuiz("m1");  // trying for a better score
    CHECK(again.Next() == NextStep{Kind::Quiz, "m1", 0, "", true});

    SECTION("the open run touched last wins over an older open attempt") {
        l.Play("m1", "s1b", false);
        CHECK(l.Next() == NextStep{Kind::Scenario, "m1", 0, "s1b", true});
    }
}

TEST_CASE("the whole course done: the course result", "[engine][next_step]") {
    const Course c = MakeCourse();
    Learner l(c);
    for (const auto& m : c.modules) l.Finish(m.id);
    const NextStep s = l.Next();
    CHECK(s.kind == Kind::CourseResult);
    CHECK(s.module_id.empty());
}

TEST_CASE("nothing left to do but a module not lulus: its overview explains why", "[engine][next_step]") {
    const Course c = MakeCourse();
    Learner l(c);
    l.Finish("m1");
    l.Finish("m3");
    l.Read("m2", 2);
    l.Quiz("m2", 10);
    l.Play("m2", "s2a");
    l.extra[1].may_start_attempt = false;
    CHECK(l.Next() == NextStep{Kind::Overview, "m2", 0, "", false});
}

TEST_CASE("broken modules are never proposed and block the course result", "[engine][next_step]") {
    Course c = MakeCourse();
    c.modules[0].errors.push_back({"m1/modul.md", 3, 1, "rusak"});
    Learner l(c);
    CHECK(l.Next() == NextStep{Kind::Read, "m2", 0, "", false});
    l.Finish("m2");
    l.Finish("m3");
    CHECK(l.Next().kind == Kind::Nothing);
    CHECK(ChooseNextStep(c, {}, std::nullopt).kind == Kind::Nothing);  // situations do not match the course
}
