// What a phone sends is checked before it reaches the session: names, PIN, NIP, bodies, tokens.
#include <catch2/catch.hpp>

#include "classroom/rate_limit.hpp"
#include "classroom/secrets.hpp"
#include "classroom/validate.hpp"

using namespace sinau::classroom;

namespace {
std::string Name(std::string_view raw) {
    auto r = CleanName(raw);
    return std::holds_alternative<std::string>(r) ? std::get<std::string>(r)
                                                  : "!" + std::get<Rejection>(r).code;
}
}  // namespace

TEST_CASE("names are trimmed and collapsed; control, bidi and markup characters are refused") {
    CHECK(Name("  Siti   Aminah \u00a0") == "Siti Aminah");
    CHECK(Name("Ñoño Gültekin") == "Ñoño Gültekin");
    CHECK(Name("") == "!invalid_name");
    CHECK(Name("   ") == "!invalid_name");
    CHECK(Name("Budi\nSantoso") == "!invalid_name");
    CHECK(Name(std::string("Bu\0di", 5)) == "!invalid_name");
    CHECK(Name("Budi\u202Eoknet") == "!invalid_name");  // right-to-left override
    CHECK(Name("Bu\u200Bdi") == "!invalid_name");       // zero-width space
    CHECK(Name("<img src=x onerror=alert(1)>") == "!invalid_name");
    CHECK(Name("\xC0\x80") == "!invalid_name");      // overlong UTF-8
    CHECK(Name("\xED\xA0\x80") == "!invalid_name");  // surrogate
    CHECK(Name(std::string(40, 'a')) == std::string(40, 'a'));
    CHECK(Name(std::string(41, 'a')) == "!invalid_name");
    std::string forty_wide;
    for (int i = 0; i < 40; ++i) forty_wide += "é";  // 40 characters, 80 bytes: fine
    CHECK(Name(forty_wide) == forty_wide);
    CHECK(Name("Tom & Jerry's \"kelas\"") == "Tom & Jerry's \"kelas\"");  // kept as text, escaped when shown
}

TEST_CASE("join bodies: exact fields and types only") {
    auto ok = ParseJoin(R"({"pin":"012345","name":" Ani ","nip":"199001012020121001"})");
    REQUIRE(std::holds_alternative<JoinRequest>(ok));
    CHECK(std::get<JoinRequest>(ok).name == "Ani");
    CHECK(std::get<JoinRequest>(ok).nip == "199001012020121001");
    auto code = [](std::string_view body) {
        auto r = ParseJoin(body);
        return std::holds_alternative<Rejection>(r) ? std::get<Rejection>(r).code : std::string("ok");
    };
    CHECK(code(R"({"pin":"012345","name":"Ani","nip":""})") == "ok");
    CHECK(code("not json") == "bad_json");
    CHECK(code("[1,2]") == "bad_json");
    CHECK(code(R"({"pin":12345,"name":"Ani"})") == "invalid_pin");
    CHECK(code(R"({"pin":"12345","name":"Ani"})") == "invalid_pin");
    CHECK(code(R"({"pin":"1234567","name":"Ani"})") == "invalid_pin");
    CHECK(code(R"({"pin":"012345"})") == "invalid_name");
    CHECK(code(R"({"pin":"012345","name":["Ani"]})") == "invalid_name");
    CHECK(code(R"({"pin":"012345","name":"Ani","nip":"123"})") == "invalid_nip");
    CHECK(code(R"({"pin":"012345","name":"Ani","nip":1990})") == "invalid_nip");
    CHECK(code(R"({"pin":"012345","name":"Ani","admin":true})") == "bad_field");
    CHECK(code(std::string(5000, ' ')) == "body_too_large");
}

TEST_CASE("answer bodies: a question number and a short list of choice indices") {
    auto ok = ParseAnswer(R"({"question":2,"choices":[0,3]})", false);
    REQUIRE(std::holds_alternative<AnswerRequest>(ok));
    CHECK(std::get<AnswerRequest>(ok).choices == std::vector<int>{0, 3});
    auto code = [](std::string_view body, bool ws = false) {
        auto r = ParseAnswer(body, ws);
        return std::holds_alternative<Rejection>(r) ? std::get<Rejection>(r).code : std::string("ok");
    };
    CHECK(code(R"({"type":"answer","question":0,"choices":[1]})", true) == "ok");
    CHECK(code(R"({"type":"answer","question":0,"choices":[1]})", false) == "bad_field");
    CHECK(code(R"({"question":-1,"choices":[1]})") == "bad_field");
    CHECK(code(R"({"question":"0","choices":[1]})") == "bad_field");
    CHECK(code(R"({"question":0.5,"choices":[1]})") == "bad_field");
    CHECK(code(R"({"question":0,"choices":[]})") == "bad_choice");
    CHECK(code(R"({"question":0,"choices":["a"]})") == "bad_choice");
    CHECK(code(R"({"question":0,"choices":[18446744073709551615]})") == "bad_choice");
    CHECK(code(R"({"question":0,"choices":[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]})") == "bad_choice");
    CHECK(code(R"({"question":0,"choices":1})") == "bad_choice");
}

TEST_CASE("tokens are 128 random bits; only their hash is kept; PINs are 6 digits") {
    const auto a = RandomToken(), b = RandomToken();
    CHECK(ValidTokenFormat(a));
    CHECK(a != b);
    CHECK(HashToken(a).size() == 64);
    CHECK(HashToken(a) != a);
    CHECK(HashToken(a) == HashToken(a));
    CHECK_FALSE(ValidTokenFormat("ABCDEF0123456789abcdef0123456789"));  // upper case
    CHECK(BearerToken("Bearer " + a) == a);
    CHECK_FALSE(BearerToken("Bearer ").has_value());
    CHECK_FALSE(BearerToken("Basic " + a).has_value());
    for (int i = 0; i < 50; ++i) CHECK(ValidPin(RandomPin()));
    CHECK_FALSE(ValidPin("12a456"));
    CHECK(ValidNip("199001012020121001"));
    CHECK_FALSE(ValidNip("19900101202012100"));
}

TEST_CASE("token buckets allow a burst, then refill at their rate") {
    RateLimiter limiter({3, 1});
    const std::string ip = "10.0.0.7";
    CHECK(limiter.Allow(ip, 0));
    CHECK(limiter.Allow(ip, 0));
    CHECK(limiter.Allow(ip, 0));
    CHECK_FALSE(limiter.Allow(ip, 10));
    CHECK(limiter.RetryAfterSeconds(ip, 10) == 1);
    CHECK(limiter.Allow("10.0.0.8", 10));  // another client is not affected
    CHECK(limiter.Allow(ip, 1100));        // one token back after a second
    CHECK_FALSE(limiter.Allow(ip, 1100));
    CHECK_FALSE(limiter.Peek(ip, 1100));
    RateLimiter off({0, 0});
    for (int i = 0; i < 1000; ++i) REQUIRE(off.Allow(ip, 0));
}
