// The live class state machine without sockets or a database: deadlines, one answer per question,
// wrong question, pause/skip/end, scoring with and without the speed bonus, rejoin and resume state.
#include <catch2/catch.hpp>

#include "class_fixtures.hpp"
#include "classroom/secrets.hpp"
#include "classroom/session.hpp"

using namespace classtest;

namespace {
ClassSession Fresh(int64_t question_ms = 20000, bool speed_bonus = false, bool close_all = true) {
    SessionSettings s;
    s.question_ms = question_ms;
    s.speed_bonus = speed_bonus;
    s.close_when_all_answered = close_all;
    ClassSession session("sesi", "123456", Bank(), s);
    for (const char* name : {"Ani", "Budi", "Citra"}) {
        Participant p;
        p.name = name;
        p.token_hash = HashToken(std::string(name) + "-token");
        session.AddParticipant(p);
    }
    return session;
}
constexpr int64_t T0 = 1'700'000'000'000;  // an arbitrary wall-clock instant
}  // namespace

TEST_CASE("only mc, tf and multi questions are played in class") {
    CHECK(ToClassQuestion(Mc("a")).has_value());
    CHECK(ToClassQuestion(Tf("b"))->choices == std::vector<std::string>{"Benar", "Salah"});
    CHECK(ToClassQuestion(Multi("c"))->kind == ClassQuestionKind::Multi);
    CHECK_FALSE(ToClassQuestion(Essay("d")).has_value());
    CHECK(CorrectChoices(*ToClassQuestion(Mc("a"))) == std::vector<int>{1});
    CHECK(CorrectChoices(*ToClassQuestion(Tf("b"))) == std::vector<int>{1});  // "Salah"
    CHECK(CorrectChoices(*ToClassQuestion(Multi("c"))) == std::vector<int>{0, 1});
}

TEST_CASE("an answer counts only for the open question, once, before the deadline") {
    auto s = Fresh();
    CHECK(s.Answer(0, 0, {1}, T0).refusal == Refusal::NotAccepting);  // lobby
    REQUIRE(s.Next(T0) == Refusal::None);
    CHECK(s.phase() == Phase::Question);
    CHECK(s.RemainingMs(T0 + 5000) == 15000);

    auto first = s.Answer(0, 0, {1}, T0 + 3000);
    REQUIRE(first.refusal == Refusal::None);
    CHECK(first.answer.correct);
    CHECK(first.answer.duration_ms == 3000);
    CHECK(s.Answer(0, 0, {2}, T0 + 4000).refusal == Refusal::AlreadyAnswered);
    CHECK(s.participants()[0].score == 1);  // the second try changed nothing

    CHECK(s.Answer(1, 1, {0}, T0 + 4000).refusal == Refusal::WrongQuestion);
    CHECK(s.Answer(1, 0, {1}, T0 + 20000).refusal == Refusal::TooLate);  // exactly at the deadline
    CHECK(s.Answer(7, 0, {1}, T0 + 100).refusal == Refusal::UnknownParticipant);

    CHECK_FALSE(s.Tick(T0 + 19999));
    CHECK(s.Tick(T0 + 20000));
    CHECK(s.phase() == Phase::Reveal);
    CHECK(s.Answer(1, 0, {1}, T0 + 20001).refusal == Refusal::TooLate);
    CHECK(s.result(0).answered == 1);
    CHECK(s.result(0).counts == std::vector<int>{0, 1, 0});
}

TEST_CASE("malformed selections are refused without touching the score") {
    auto s = Fresh();
    s.Next(T0);
    CHECK(s.Answer(0, 0, {3}, T0).refusal == Refusal::BadChoice);  // out of range
    CHECK(s.Answer(0, 0, {-1}, T0).refusal == Refusal::BadChoice);
    CHECK(s.Answer(0, 0, {0, 1}, T0).refusal == Refusal::BadChoice);  // two picks on mc
    CHECK(s.Answer(0, 0, {}, T0).refusal == Refusal::BadChoice);
    CHECK(s.result(0).answered == 0);
    s.Reveal(T0 + 1);
    s.Next(T0 + 2);
    s.Reveal(T0 + 3);
    s.Next(T0 + 4);                                                       // multi
    CHECK(s.Answer(0, 2, {1, 1}, T0 + 5).refusal == Refusal::BadChoice);  // duplicate
    CHECK(s.Answer(0, 2, {}, T0 + 5).refusal == Refusal::BadChoice);
    auto ok = s.Answer(0, 2, {1, 0}, T0 + 5);
    REQUIRE(ok.refusal == Refusal::None);
    CHECK(ok.answer.correct);
    CHECK(ok.answer.selection == std::vector<int>{0, 1});
    auto half = s.Answer(1, 2, {0}, T0 + 6);
    CHECK(half.answer.fraction == Approx(0.5));
    CHECK_FALSE(half.answer.correct);
    auto negative = s.Answer(2, 2, {0, 2}, T0 + 6);
    CHECK(negative.answer.fraction == Approx(0.0));  // Moodle clamps multi at 0
}

TEST_CASE("accuracy-only scoring gives one point per correct answer") {
    auto s = Fresh();
    s.Next(T0);
    CHECK(s.Answer(0, 0, {1}, T0 + 100).answer.points == 1);
    CHECK(s.Answer(1, 0, {1}, T0 + 19000).answer.points == 1);  // slow but right: same points
    CHECK(s.Answer(2, 0, {0}, T0 + 50).answer.points == 0);
    const auto standings = s.Standings();
    CHECK(standings[0].rank == 1);
    CHECK(standings[1].rank == 1);  // tie shares the rank
    CHECK(standings[2].rank == 3);
    CHECK(standings[2].participant == 2);
}

TEST_CASE("the speed bonus rewards fast correct answers only") {
    auto s = Fresh(20000, true);
    s.Next(T0);
    CHECK(s.Answer(0, 0, {1}, T0).answer.points == kSpeedBase + kSpeedBonus);
    CHECK(s.Answer(1, 0, {1}, T0 + 10000).answer.points == kSpeedBase + kSpeedBonus / 2);
    CHECK(s.Answer(2, 0, {2}, T0 + 1).answer.points == 0);
    CHECK(s.participants()[0].score > s.participants()[1].score);
}

TEST_CASE("pause keeps the remaining time and refuses answers meanwhile") {
    auto s = Fresh();
    s.Next(T0);
    REQUIRE(s.Pause(T0 + 5000) == Refusal::None);
    CHECK(s.RemainingMs(T0 + 60000) == 15000);  // frozen
    CHECK_FALSE(s.Tick(T0 + 60000));            // no deadline while paused
    CHECK(s.Answer(0, 0, {1}, T0 + 6000).refusal == Refusal::Paused);
    CHECK(s.Pause(T0 + 6000) == Refusal::InvalidAction);
    REQUIRE(s.Resume(T0 + 100000) == Refusal::None);
    CHECK(s.RemainingMs(T0 + 100000) == 15000);
    auto a = s.Answer(0, 0, {1}, T0 + 101000);
    REQUIRE(a.refusal == Refusal::None);
    CHECK(a.answer.duration_ms == 6000);  // 5 s before the pause + 1 s after
    CHECK(s.Tick(T0 + 115000));
}

TEST_CASE("skip moves on without reveal; end works from any phase; next after the last ends") {
    auto s = Fresh();
    CHECK(s.Skip(T0) == Refusal::InvalidAction);
    CHECK(s.Reveal(T0) == Refusal::InvalidAction);
    s.Next(T0);
    s.Answer(0, 0, {1}, T0 + 10);
    REQUIRE(s.Skip(T0 + 20) == Refusal::None);
    CHECK(s.phase() == Phase::Question);
    CHECK(s.current() == 1);
    CHECK(s.result(0).skipped);
    CHECK(s.participants()[0].score == 1);  // the answer already given still counts
    CHECK(s.Answer(1, 0, {1}, T0 + 30).refusal == Refusal::WrongQuestion);
    s.Reveal(T0 + 40);
    s.Next(T0 + 50);
    s.Reveal(T0 + 60);
    REQUIRE(s.Next(T0 + 70) == Refusal::None);  // after the last question
    CHECK(s.phase() == Phase::Ended);
    CHECK(s.asked() == 2);  // question 0 was skipped
    CHECK(s.End(T0 + 80) == Refusal::InvalidAction);

    auto early = Fresh();
    early.Next(T0);
    REQUIRE(early.End(T0 + 1) == Refusal::None);
    CHECK(early.Answer(0, 0, {1}, T0 + 2).refusal == Refusal::NotAccepting);
}

TEST_CASE("the question closes once everyone answered, unless that is turned off") {
    auto s = Fresh();
    s.Next(T0);
    for (int p = 0; p < 3; ++p) s.Answer(p, 0, {1}, T0 + 1);
    CHECK(s.Tick(T0 + 2));
    CHECK(s.phase() == Phase::Reveal);

    auto keep = Fresh(20000, false, false);
    keep.Next(T0);
    for (int p = 0; p < 3; ++p) keep.Answer(p, 0, {1}, T0 + 1);
    CHECK_FALSE(keep.Tick(T0 + 2));
}

TEST_CASE("a participant is found again by the hash of the token, and an undone answer can be retried") {
    auto s = Fresh();
    CHECK(s.FindByTokenHash(HashToken("Budi-token")) == 1);
    CHECK_FALSE(s.FindByTokenHash(HashToken("forged")).has_value());
    CHECK(s.NameTaken("bUdI"));
    s.Next(T0);
    auto a = s.Answer(1, 0, {1}, T0 + 1);
    s.Unanswer(a.answer);  // its commit failed
    CHECK(s.participants()[1].score == 0);
    CHECK(s.result(0).answered == 0);
    CHECK(s.Answer(1, 0, {1}, T0 + 2).refusal == Refusal::None);
}

TEST_CASE("state JSON restores phase, index and deadline; a deadline that passed meanwhile reveals") {
    auto s = Fresh();
    s.Next(T0);
    s.Reveal(T0 + 1);
    s.Next(T0 + 2);  // question 1 open until T0 + 20002
    const std::string state = s.StateJson();

    auto running = Fresh();
    REQUIRE(running.RestoreState(state, T0 + 10000));
    CHECK(running.phase() == Phase::Question);
    CHECK(running.current() == 1);
    CHECK(running.RemainingMs(T0 + 10000) == 10002);
    CHECK(running.result(0).asked);

    auto late = Fresh();
    REQUIRE(late.RestoreState(state, T0 + 30000));
    CHECK(late.phase() == Phase::Reveal);

    SessionSettings settings;
    ClassSession other("x", "000000", {Bank()[0]}, settings);
    CHECK_FALSE(other.RestoreState(state, T0));  // different questions: refused
    CHECK_FALSE(other.RestoreState("{not json", T0));
}
