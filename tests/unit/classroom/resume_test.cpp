// A class the trainer's app left unfinished, seen from the app's side: it is listed with what it was,
// continued with the same participants, tokens, scores, port and question, or ended with its answers
// kept; and the exact per-question summary (distribution, correct count, average time) and the trainer
// view limited to the top N, both unchanged by a crash and a resume.
#include <catch2/catch.hpp>

#include <future>

#include "class_fixtures.hpp"
#include "classroom/server.hpp"
#include "classroom/unfinished.hpp"

using namespace classtest;

namespace {

using JoinResult = std::variant<JoinOk, Rejection>;
using AnswerResult = std::variant<std::string, Rejection>;

JoinOk Join(Classroom& room, std::string name) {
    std::promise<JoinResult> p;
    auto f = p.get_future();
    room.Join(JoinRequest{room.pin(), std::move(name), ""},
              [&p](JoinResult r) { p.set_value(std::move(r)); });
    auto r = f.get();
    REQUIRE(std::holds_alternative<JoinOk>(r));
    return std::get<JoinOk>(r);
}

AnswerResult Answer(Classroom& room, int participant, int question, std::vector<int> choices) {
    std::promise<AnswerResult> p;
    auto f = p.get_future();
    room.Answer(participant, AnswerRequest{question, std::move(choices)},
                [&p](AnswerResult r) { p.set_value(std::move(r)); });
    return f.get();
}

content::Course Course() {
    content::Course course;
    course.id = "netralitas-asn-pemilu-2024";
    course.version = "1.0.0";
    course.pass_mark = 50.0;
    content::Module module;
    module.id = "02-netralitas-asn";
    module.title = "Netralitas ASN";
    module.questions = {Mc("q-mc"), Tf("q-tf"), Multi("q-multi")};  // right: B; Salah (1); A+B
    course.modules.push_back(module);
    return course;
}

constexpr int64_t T0 = 1'700'000'000'000;

}  // namespace

TEST_CASE("an unfinished session is listed with its module, start, participants and the question reached") {
    TempDir dir;
    const auto course = Course();
    auto plan = PlanFromModule(course, course.modules[0]);
    REQUIRE(plan.ok());
    std::string session;
    {
        auto created = Classroom::Create(dir.db(), plan.value());
        REQUIRE(created.ok());
        auto& room = **created;
        session = room.session_id();
        const int ani = Join(room, "Ani").participant;
        Join(room, "Budi");
        REQUIRE(room.Next() == Refusal::None);
        REQUIRE(room.Reveal() == Refusal::None);
        REQUIRE(room.Next() == Refusal::None);  // question 2 open
        REQUIRE(std::holds_alternative<std::string>(Answer(room, ani, 1, {1})));
        // crash: no End()
    }
    // A finished session is not listed.
    {
        auto other = Classroom::Create(dir.db(), plan.value());
        REQUIRE(other.ok());
        (*other)->End();
    }
    auto found = FindUnfinishedSessions(dir.db());
    REQUIRE(found.ok());
    REQUIRE(found->size() == 1);
    const auto& u = found->front();
    CHECK(u.id == session);
    CHECK(u.module_id == "02-netralitas-asn");
    CHECK(u.title == "Netralitas ASN");
    CHECK(u.participants == 2);
    CHECK(u.current == 1);
    CHECK(u.total == 3);
    CHECK(u.phase == Phase::Question);
    CHECK(u.resumable);
    CHECK(u.started_at.size() >= 20);
}

TEST_CASE("ending an unfinished session keeps its answers, submits attempts and stops offering it") {
    TempDir dir;
    const auto course = Course();
    std::string session;
    {
        auto created = Classroom::Create(dir.db(), PlanFromModule(course, course.modules[0]).value());
        REQUIRE(created.ok());
        auto& room = **created;
        session = room.session_id();
        const int ani = Join(room, "Ani").participant;
        const int budi = Join(room, "Budi").participant;
        room.Next();
        Answer(room, ani, 0, {1});   // right
        Answer(room, budi, 0, {0});  // wrong
    }
    REQUIRE(EndUnfinishedSession(dir.db(), session, course).ok());
    CHECK(FindUnfinishedSessions(dir.db())->empty());
    CHECK(Text(dir.db(), "SELECT ended_at IS NOT NULL FROM class_sessions") == "1");
    CHECK(Count(dir.db(), "SELECT COUNT(*) FROM responses") == 2);
    CHECK(Count(dir.db(), "SELECT COUNT(*) FROM attempts WHERE submitted_at IS NOT NULL") == 2);
    CHECK(Text(dir.db(),
               "SELECT a.score FROM attempts a JOIN class_participants p ON p.id = a.participant_id "
               "WHERE p.name = 'Ani'") == "100.0");  // 1 of the 1 question asked
    CHECK(Count(dir.db(), "SELECT score FROM class_participants WHERE name = 'Ani'") == 1);
    // Ending it again is refused with a reason; nothing changes.
    const auto again = EndUnfinishedSession(dir.db(), session, course);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("sudah diakhiri") != std::string::npos);
    CHECK(Count(dir.db(), "SELECT COUNT(*) FROM responses") == 2);
}

TEST_CASE("a session whose module left the course cannot be resumed but can still be ended, answers kept") {
    TempDir dir;
    auto course = Course();
    std::string session;
    {
        auto created = Classroom::Create(dir.db(), PlanFromModule(course, course.modules[0]).value());
        REQUIRE(created.ok());
        auto& room = **created;
        session = room.session_id();
        const int ani = Join(room, "Ani").participant;
        room.Next();
        Answer(room, ani, 0, {1});
    }
    course.modules[0].id = "02-lain";  // the course changed meanwhile
    auto resumed = Classroom::Resume(dir.db(), session, course);
    REQUIRE_FALSE(resumed.ok());
    CHECK(resumed.error().message.find("02-netralitas-asn") != std::string::npos);
    REQUIRE(EndUnfinishedSession(dir.db(), session, course).ok());
    CHECK(FindUnfinishedSessions(dir.db())->empty());
    CHECK(Count(dir.db(), "SELECT COUNT(*) FROM responses") == 1);
    CHECK_FALSE(EndUnfinishedSession(dir.db(), session, course).ok());  // already ended: said so
}

TEST_CASE("a resumed session listens on the port its phones knew, and the token still answers") {
    TempDir dir;
    const auto course = Course();
    std::string session, token;
    uint16_t port = 0;
    ServerConfig config;
    config.bind = "127.0.0.1";
    config.web_root = fs::path(SINAU_SOURCE_DIR) / "assets" / "web";
    {
        std::shared_ptr<Classroom> room =
            std::move(Classroom::Create(dir.db(), PlanFromModule(course, course.modules[0]).value()).value());
        auto server = ServeClassroom(config, room);
        REQUIRE(server.ok());
        port = (*server)->port();
        session = room->session_id();
        auto joined = Join(*room, "Ani");
        token = joined.token;
        room->Next();
        REQUIRE(std::holds_alternative<std::string>(Answer(*room, joined.participant, 0, {1})));
        (*server)->Stop();
    }
    std::shared_ptr<Classroom> room = std::move(Classroom::Resume(dir.db(), session, course).value());
    CHECK(room->served_port() == port);
    auto server = ServeClassroom(config, room);
    REQUIRE(server.ok());
    CHECK((*server)->port() == port);
    const auto who = room->Authenticate(token);
    REQUIRE(who.has_value());
    const auto view = json::parse(room->ViewFor(*who));
    CHECK(view["you"]["score"] == 1);
    CHECK(view["you"]["answered"] == true);
    CHECK(view["phase"] == "question");
    room->Reveal();
    room->Next();
    CHECK(std::holds_alternative<std::string>(Answer(*room, *who, 1, {1})));
    room->Flush();
    CHECK(Count(dir.db(), "SELECT score FROM class_participants WHERE name = 'Ani'") == 2);
}

TEST_CASE(
    "Results: exact distribution, correct count and average time per question, the same after a resume") {
    TempDir dir;
    const auto course = Course();
    int64_t now = T0;
    std::string session;
    std::vector<QuestionSummary> before;
    {
        auto created = Classroom::Create(dir.db(), PlanFromModule(course, course.modules[0]).value());
        REQUIRE(created.ok());
        auto& room = **created;
        room.SetClockForTest([&now] { return now; });
        session = room.session_id();
        const int ani = Join(room, "Ani").participant;
        const int budi = Join(room, "Budi").participant;
        const int citra = Join(room, "Citra").participant;
        REQUIRE(room.Next() == Refusal::None);  // q-mc opened at T0
        now = T0 + 2000;
        Answer(room, ani, 0, {1});
        now = T0 + 4000;
        Answer(room, budi, 0, {1});
        now = T0 + 9000;
        Answer(room, citra, 0, {2});  // everyone answered: closes
        room.Tick();
        REQUIRE(room.Next() == Refusal::None);  // q-tf at T0+9000
        REQUIRE(room.Skip() == Refusal::None);  // skipped, nobody answered; q-multi opens
        now = T0 + 12000;
        Answer(room, ani, 2, {0, 1});  // full credit
        now = T0 + 15000;
        Answer(room, budi, 2, {0});  // half: not correct
        before = room.Results();
        REQUIRE(before.size() == 3);
        CHECK(before[0].asked);
        CHECK_FALSE(before[0].skipped);
        CHECK(before[0].counts == std::vector<int>{0, 2, 1});
        CHECK(before[0].answered == 3);
        CHECK(before[0].correct == 2);
        CHECK(before[0].average_ms == Approx(5000.0));  // (2000 + 4000 + 9000) / 3
        CHECK(before[0].correct_choices == std::vector<int>{1});
        CHECK(before[1].asked);
        CHECK(before[1].skipped);
        CHECK(before[1].answered == 0);
        CHECK(before[1].average_ms == 0.0);
        CHECK(before[2].counts == std::vector<int>{2, 1, 0});
        CHECK(before[2].answered == 2);
        CHECK(before[2].correct == 1);
        CHECK(before[2].average_ms == Approx(4500.0));  // opened at T0+9000: 3000 and 6000
    }
    auto resumed = Classroom::Resume(dir.db(), session, course);
    REQUIRE(resumed.ok());
    const auto after = (*resumed)->Results();
    REQUIRE(after.size() == before.size());
    for (size_t i = 0; i < after.size(); ++i) {
        INFO("question " << i);
        CHECK(after[i].counts == before[i].counts);
        CHECK(after[i].answered == before[i].answered);
        CHECK(after[i].correct == before[i].correct);
        CHECK(after[i].skipped == before[i].skipped);
        CHECK(after[i].average_ms == Approx(before[i].average_ms));
    }
}

TEST_CASE("the trainer view copies only the top N rows, in the same order and ranks as the full standings") {
    TempDir dir;
    auto created = Classroom::Create(dir.db(), Plan(20000, /*speed_bonus=*/false));
    REQUIRE(created.ok());
    auto& room = **created;
    std::vector<int> people;
    for (int i = 0; i < 12; ++i) people.push_back(Join(room, "Peserta " + std::to_string(i + 1)).participant);
    REQUIRE(room.Next() == Refusal::None);
    // Odd participants right, even ones wrong: six share rank 1, six share rank 7.
    for (int i = 0; i < 12; ++i) Answer(room, people[size_t(i)], 0, {i % 2 ? 1 : 0});
    const auto all = room.View();
    const auto top = room.View(8);
    REQUIRE(all.standings.size() == 12);
    REQUIRE(top.standings.size() == 8);
    for (size_t i = 0; i < top.standings.size(); ++i) {
        CHECK(top.standings[i].name == all.standings[i].name);
        CHECK(top.standings[i].rank == all.standings[i].rank);
        CHECK(top.standings[i].score == all.standings[i].score);
    }
    CHECK(top.standings[0].name == "Peserta 2");  // ties in join order
    CHECK(top.standings[5].rank == 1);
    CHECK(top.standings[6].rank == 7);
    CHECK(top.participants == 12);
    CHECK(top.correct_answers == 6);
    CHECK(room.View(0).standings.empty());
    CHECK(room.View(0).participants == 12);
}
