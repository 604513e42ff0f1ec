// The scenario player: choices, score, endings, best path.
#include <catch2/catch.hpp>

#include "engine/module_progress.hpp"
#include "engine/scenario_player.hpp"

using namespace sinau::engine;
using sinau::content::Link;
using sinau::content::Passage;
using sinau::content::Scenario;

namespace {
Passage P(std::string name, std::vector<std::string> targets, std::optional<int> score = {},
          bool ending = false) {
    Passage p;
    p.name = std::move(name);
    for (auto& t : targets) p.links.push_back(Link{"ke " + t, t});
    p.score = score;
    p.ending = ending;
    return p;
}

// Mulai -> (Like: -2 | Abaikan: +2); Like -> (Hapus: +1 -> Akhir baik +1 | Biarkan: -1 -> Akhir buruk -3)
//                                    Abaikan -> Akhir terbaik +3
Scenario Rina() {
    Scenario s;
    s.id = "skenario-like";
    s.title = "Rina dan Tombol Like";
    s.start = "Mulai";
    s.passages = {P("Mulai", {"Like", "Abaikan"}),    P("Like", {"Hapus", "Biarkan"}, -2),
                  P("Abaikan", {"Akhir terbaik"}, 2), P("Hapus", {"Akhir baik"}, 1),
                  P("Biarkan", {"Akhir buruk"}, -1),  P("Akhir terbaik", {}, 3, true),
                  P("Akhir baik", {}, 1, true),       P("Akhir buruk", {}, -3, true)};
    return s;
}
}  // namespace

TEST_CASE("playing a scenario follows links, sums skor and stops at an ending", "[engine][scenario]") {
    const Scenario s = Rina();
    auto path = StartScenario(s);
    REQUIRE(path.ok());
    CHECK(path->passages == std::vector<std::string>{"Mulai"});
    CHECK_FALSE(IsEnded(s, *path));
    REQUIRE(Choose(s, *path, 0).ok());  // Like
    CHECK(PathScore(s, *path) == -2);
    CHECK_FALSE(Choose(s, *path, 5).ok());  // no such choice: path unchanged
    CHECK(path->passages.size() == 2);
    REQUIRE(Choose(s, *path, 1).ok());  // Biarkan
    REQUIRE(Choose(s, *path, 0).ok());  // Akhir buruk
    CHECK(IsEnded(s, *path));
    CHECK(PathScore(s, *path) == -6);
    CHECK_FALSE(Choose(s, *path, 0).ok());  // ended
    CHECK(PathIsValid(s, *path));
    CHECK(CurrentPassage(s, *path)->name == "Akhir buruk");
}

TEST_CASE("the best path is the maximum-sum path to an ending", "[engine][scenario]") {
    const auto best = FindBestPath(Rina());
    CHECK(best.score == 5);
    CHECK(best.path.passages == std::vector<std::string>{"Mulai", "Abaikan", "Akhir terbaik"});
    // A longer path can win when its sum is higher.
    Scenario s = Rina();
    s.passages[3].score = 10;  // Hapus
    const auto b2 = FindBestPath(s);
    CHECK(b2.score == 9);
    CHECK(b2.path.passages == std::vector<std::string>{"Mulai", "Like", "Hapus", "Akhir baik"});
}

TEST_CASE("malformed scenarios do not hang or crash the player", "[engine][scenario]") {
    Scenario loop;
    loop.start = "A";
    loop.passages = {P("A", {"B"}), P("B", {"A", "C"}), P("C", {}, 1, true)};
    const auto best = FindBestPath(loop);
    CHECK(best.score == 1);
    auto path = StartScenario(loop);
    REQUIRE(Choose(loop, *path, 0).ok());
    CHECK_FALSE(Choose(loop, *path, 0).ok());  // back to A: refused
    Scenario no_start;
    no_start.start = "Start";
    CHECK_FALSE(StartScenario(no_start).ok());
    CHECK_FALSE(PathIsValid(Rina(), ScenarioPath{{"Mulai", "Akhir terbaik"}}));  // no such link
    CHECK(PathFromJson(PathToJson(ScenarioPath{{"Mulai", "Like"}}))->passages.size() == 2);
    CHECK_FALSE(PathFromJson("{").ok());
}

TEST_CASE("module status: lulus needs the pass mark and every scenario ended", "[engine][progress]") {
    sinau::content::Module m;
    m.id = "02-netralitas-asn";
    sinau::content::Question q;
    q.type = sinau::content::QuestionType::Mc;
    m.questions = {q};
    m.scenarios = {Rina()};
    ModuleEvidence e;
    CHECK(EvaluateModule(m, 70, e).status == ModuleStatus::Belum);
    e.reading_started = true;
    CHECK(EvaluateModule(m, 70, e).status == ModuleStatus::Sedang);
    e.submitted_scores = {80};
    auto o = EvaluateModule(m, 70, e);
    CHECK(o.quiz_passed);
    CHECK_FALSE(o.scenarios_done);
    CHECK(o.status == ModuleStatus::Sedang);
    e.scenarios_ended = {"skenario-like"};
    o = EvaluateModule(m, 70, e);
    CHECK(o.status == ModuleStatus::Lulus);
    CHECK(o.score == 80.0);
    m.quiz.grading = sinau::content::Grading::Last;
    e.submitted_scores = {80, 50};
    CHECK(EvaluateModule(m, 70, e).status == ModuleStatus::Sedang);
    m.errors.push_back({"modul.md", 1, 1, "rusak"});
    e.submitted_scores = {100};
    CHECK(EvaluateModule(m, 70, e).status != ModuleStatus::Lulus);  // a broken module cannot be passed

    sinau::content::Course c;
    c.modules = {m, m};
    ModuleOutcome lulus{ModuleStatus::Lulus, 80.0, true, true};
    ModuleOutcome lulus2{ModuleStatus::Lulus, 90.0, true, true};
    CHECK(CourseFinalScore(c, {lulus, lulus2}) == 85.0);
    CHECK_FALSE(CourseFinalScore(c, {lulus, ModuleOutcome{}}));
    CHECK(StatusFromName("sedang") == ModuleStatus::Sedang);
    CHECK_FALSE(StatusFromName("selesai"));
}
