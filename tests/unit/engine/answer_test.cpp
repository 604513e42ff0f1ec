// Answers round-trip through the JSON stored in responses.answer.
#include <catch2/catch.hpp>

#include "engine/answer.hpp"

using namespace sinau::engine;

TEST_CASE("every answer shape survives JSON", "[engine][answer]") {
    const std::vector<Answer> answers = {McAnswer(2),
                                         McAnswer(-1),
                                         MultiAnswer({0, 3}),
                                         TfAnswer(false),
                                         ShortAnswer("Netralitas \"ASN\" — ä"),
                                         NumericalAnswerOf("12.000.000"),
                                         NumericalAnswerOf("bukan angka"),
                                         MatchAnswer({2, 0, -1}),
                                         EssayAnswer("baris 1\nbaris 2"),
                                         Answer{}};
    for (const auto& a : answers) {
        const std::string json = AnswerToJson(a);
        INFO(json);
        auto back = AnswerFromJson(json);
        REQUIRE(back.ok());
        CHECK(*back == a);
    }
    CHECK(AnswerToJson(McAnswer(2)) == R"({"choice":2,"type":"mc"})");
}

TEST_CASE("a stored answer that is not one of the shapes is an error, not a crash", "[engine][answer]") {
    CHECK_FALSE(AnswerFromJson("").ok());
    CHECK_FALSE(AnswerFromJson("[1,2]").ok());
    CHECK_FALSE(AnswerFromJson(R"({"type":"puisi"})").ok());
    CHECK_FALSE(AnswerFromJson(R"({"type":"multi","choices":"abc"})").ok());
    CHECK_FALSE(AnswerFromJson(R"({"type":"mc","choice":"dua"})").ok());
}
