// Records of a class in a real SQLite file: NIP ties a participant to a learner, the end submits every
// attempt, and a crashed session resumes from class_sessions.state with nobody's answer lost.
#include <catch2/catch.hpp>

#include <future>

#include "class_fixtures.hpp"
#include "classroom/lan.hpp"

using namespace classtest;

namespace {

using JoinResult = std::variant<JoinOk, Rejection>;
using AnswerResult = std::variant<std::string, Rejection>;

JoinResult JoinNow(Classroom& room, std::string name, std::string nip = "", std::string pin = "") {
    std::promise<JoinResult> p;
    auto f = p.get_future();
    room.Join(JoinRequest{pin.empty() ? room.pin() : pin, std::move(name), std::move(nip)},
              [&p](JoinResult r) { p.set_value(std::move(r)); });
    return f.get();
}

AnswerResult AnswerNow(Classroom& room, int participant, int question, std::vector<int> choices) {
    std::promise<AnswerResult> p;
    auto f = p.get_future();
    room.Answer(participant, AnswerRequest{question, std::move(choices)},
                [&p](AnswerResult r) { p.set_value(std::move(r)); });
    return f.get();
}

void AddLearner(const fs::path& db, const std::string& nip) {
    auto opened = store::Database::Open(db);
    REQUIRE(opened.ok());
    SQLite::Statement s((*opened)->sql(),
                        "INSERT INTO learners (id, nip, name, instansi, created_at, updated_at) "
                        "VALUES ('learner-1', ?, 'Dewi', 'BPSDM Jatim', '2024-01-01T00:00:00.000Z', "
                        "'2024-01-01T00:00:00.000Z')");
    s.bind(1, nip);
    s.exec();
}

}  // namespace

TEST_CASE("a NIP that matches a learner ties the participant and the attempt to that learner") {
    TempDir dir;
    const std::string nip = "199001012020121001";
    AddLearner(dir.db(), nip);
    auto room = Classroom::Create(dir.db(), Plan());
    REQUIRE(room.ok());
    REQUIRE(std::holds_alternative<JoinOk>(JoinNow(**room, "Dewi", nip)));
    REQUIRE(std::holds_alternative<JoinOk>(JoinNow(**room, "Tamu")));
    auto twice = JoinNow(**room, "Dewi lagi", nip);
    REQUIRE(std::holds_alternative<Rejection>(twice));
    CHECK(std::get<Rejection>(twice).code == "nip_taken");
    CHECK(Text(dir.db(), "SELECT learner_id FROM class_participants WHERE name = 'Dewi'") == "learner-1");
    CHECK(Text(dir.db(), "SELECT learner_id FROM class_participants WHERE name = 'Tamu'") == "<null>");
    CHECK(Text(dir.db(),
               "SELECT a.learner_id FROM attempts a JOIN class_participants p ON p.id = a.participant_id "
               "WHERE p.name = 'Dewi'") == "learner-1");
    auto wrong = JoinNow(**room, "Eko", "", (*room)->pin() == "999999" ? "999998" : "999999");
    REQUIRE(std::holds_alternative<Rejection>(wrong));
    CHECK(std::get<Rejection>(wrong).status == 403);
    CHECK(Count(dir.db(), "SELECT COUNT(*) FROM class_participants") == 2);
}

TEST_CASE("the end of the class submits each attempt with its percentage and pass mark") {
    TempDir dir;
    auto created = Classroom::Create(dir.db(), Plan());
    REQUIRE(created.ok());
    auto& room = **created;
    const int ani = std::get<JoinOk>(JoinNow(room, "Ani")).participant;
    const int budi = std::get<JoinOk>(JoinNow(room, "Budi")).participant;
    for (int q = 0; q < 3; ++q) {
        REQUIRE(room.Next() == Refusal::None);
        const std::vector<int> right = q == 2 ? std::vector<int>{0, 1} : std::vector<int>{1};
        REQUIRE(std::holds_alternative<std::string>(AnswerNow(room, ani, q, right)));
        if (q == 0) REQUIRE(std::holds_alternative<std::string>(AnswerNow(room, budi, q, {0})));
        room.Tick();  // everyone? Budi skipped questions 1-2, so reveal by hand
        room.Reveal();
    }
    REQUIRE(room.Next() == Refusal::None);  // after the last: ended
    CHECK(room.ended());
    room.Flush();
    CHECK(Text(dir.db(),
               "SELECT a.score FROM attempts a JOIN class_participants p ON p.id = a.participant_id "
               "WHERE p.name = 'Ani'") == "100.0");
    CHECK(Text(dir.db(),
               "SELECT a.passed FROM attempts a JOIN class_participants p ON p.id = a.participant_id "
               "WHERE p.name = 'Budi'") == "0");
    CHECK(Count(dir.db(), "SELECT COUNT(*) FROM attempts WHERE submitted_at IS NOT NULL") == 2);
    CHECK(Text(dir.db(), "SELECT ended_at IS NOT NULL FROM class_sessions") == "1");
    CHECK(Count(dir.db(), "SELECT COUNT(*) FROM responses") == 4);
    CHECK(Count(dir.db(), "SELECT COUNT(*) FROM responses WHERE question_hash = ''") == 0);
    CHECK(room.SummaryText().find("2 peserta") != std::string::npos);
}

TEST_CASE("after a crash the session resumes with the same PIN, tokens, scores and answers") {
    TempDir dir;
    content::Course course;
    course.id = "netralitas-asn-pemilu-2024";
    course.version = "1.0.0";
    content::Module module;
    module.id = "02-netralitas-asn";
    module.title = "Netralitas ASN";
    module.questions = {Mc("q-mc"), Essay("q-essay"), Tf("q-tf"), Multi("q-multi")};
    course.modules.push_back(module);
    auto plan = PlanFromModule(course, course.modules[0]);
    REQUIRE(plan.ok());
    CHECK(plan->questions.size() == 3);  // the essay is not played in class

    std::string session, pin, token;
    {
        auto created = Classroom::Create(dir.db(), plan.value());
        REQUIRE(created.ok());
        auto& room = **created;
        session = room.session_id();
        pin = room.pin();
        auto joined = std::get<JoinOk>(JoinNow(room, "Ani"));
        token = joined.token;
        JoinNow(room, "Budi");
        room.Next();
        REQUIRE(std::holds_alternative<std::string>(AnswerNow(room, joined.participant, 0, {1})));
        // The app dies here: no End(), the question is still open.
    }
    auto resumed = Classroom::Resume(dir.db(), session, course);
    REQUIRE(resumed.ok());
    auto& room = **resumed;
    CHECK(room.pin() == pin);
    const auto who = room.Authenticate(token);
    REQUIRE(who.has_value());
    const auto view = room.View();
    CHECK(view.phase == Phase::Question);
    CHECK(view.current == 0);
    CHECK(view.result.answered == 1);
    CHECK(view.standings[0].name == "Ani");
    CHECK(view.standings[0].score == 1);
    auto again = AnswerNow(room, *who, 0, {1});
    REQUIRE(std::holds_alternative<Rejection>(again));
    CHECK(std::get<Rejection>(again).code == "already_answered");
    CHECK(Count(dir.db(), "SELECT COUNT(*) FROM responses") == 1);
    CHECK_FALSE(Classroom::Resume(dir.db(), "no-such-session", course).ok());
}

TEST_CASE("the join URL and its QR code") {
    CHECK(JoinUrl("192.168.1.20", 8080) == "http://192.168.1.20:8080/");
    CHECK(PreferredAddress("10.1.2.3", {}) == "10.1.2.3");
    CHECK(PreferredAddress("0.0.0.0", {{"docker0", "8.8.8.8"}, {"wlan0", "192.168.0.5"}}) == "192.168.0.5");
    CHECK(PreferredAddress("0.0.0.0", {}) == "127.0.0.1");
    for (const auto& a : LanAddresses()) CHECK(a.address != "127.0.0.1");
    auto qr = MakeQr("http://192.168.1.20:8080/");
    REQUIRE(qr.ok());
    CHECK(qr->size >= 21);
    CHECK(qr->dark.size() == size_t(qr->size * qr->size));
    CHECK(qr->at(0, 0));  // finder pattern corners are dark
    CHECK(qr->at(6, 6));
    CHECK_FALSE(qr->at(7, 7));  // separator around the finder is light
}

TEST_CASE("the autopilot starts when the class is full, shows each reveal in full, and ends after the last") {
    TempDir dir;
    AutoPilot autopilot;
    autopilot.enabled = true;
    autopilot.expect = 2;
    autopilot.reveal_ms = 3000;
    auto created = Classroom::Create(dir.db(), Plan(10000), autopilot);
    REQUIRE(created.ok());
    auto& room = **created;
    int64_t now = 1'700'000'000'000;
    room.SetClockForTest([&now] { return now; });
    const int a = std::get<JoinOk>(JoinNow(room, "Ani")).participant;
    room.Tick();
    CHECK(room.View().phase == Phase::Lobby);  // one of two
    const int b = std::get<JoinOk>(JoinNow(room, "Budi")).participant;
    room.Tick();
    REQUIRE(room.View().phase == Phase::Question);
    now += 9000;  // a slow question: both answer near the end
    AnswerNow(room, a, 0, {1});
    AnswerNow(room, b, 0, {0});
    room.Tick();
    REQUIRE(room.View().phase == Phase::Reveal);
    now += 2999;
    room.Tick();
    CHECK(room.View().phase == Phase::Reveal);  // the reveal is shown for its full time
    now += 1;
    room.Tick();
    REQUIRE(room.View().phase == Phase::Question);
    CHECK(room.View().current == 1);
    now += 10000;  // nobody answers: the deadline closes it
    room.Tick();
    CHECK(room.View().phase == Phase::Reveal);
    now += 3000;
    room.Tick();
    now += 10000;
    room.Tick();
    now += 3000;
    room.Tick();
    CHECK(room.ended());
    const auto events = room.DrainEvents();
    int reveals = 0;
    for (const auto& e : events)
        reveals += e.kind == ClassEvent::Kind::PhaseChanged && e.phase == Phase::Reveal;
    CHECK(reveals == 3);
}
