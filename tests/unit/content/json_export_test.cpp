// The JSON shapes `sinau lint --json` prints.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "content/course_loader.hpp"
#include "content/gift_reader.hpp"
#include "content/json_export.hpp"
#include "content/twee_reader.hpp"

using namespace sinau::content;
using nlohmann::json;

TEST_CASE("GIFT JSON lists every question with its parsed parts", "[json]") {
    const auto f = ParseGift(
        "$CATEGORY: c\n\n::MC::Q{=a#ya ~%50%b ~c}####umum\n\n::TF::Q{FALSE#x#y}\n\n::M::Q{=a -> 1 =b -> "
        "2}\n\n"
        "::S::Q{=satu =dua}\n\n::N::Q{#5:1}\n\n::E::Q{}\n\n::D::Teks.\n\nKapan {=ini ~itu} ya?\n",
        "soal.gift");
    const auto j = json::parse(GiftJson(f.questions, f.errors));
    REQUIRE(j["questions"].size() == 8);
    std::vector<std::string> types;
    for (const auto& q : j["questions"]) types.push_back(q["type"]);
    CHECK(types ==
          std::vector<std::string>{"mc", "tf", "match", "short", "numerical", "essay", "description", "mc"});
    const auto& mc = j["questions"][0];
    CHECK(mc["title"] == "MC");
    CHECK(mc["line"] == 3);
    CHECK(mc["choices"][1]["fraction"] == 0.5);
    CHECK(mc["choices"][0]["feedback"] == "ya");
    CHECK(mc["feedback"] == "umum");
    CHECK(j["questions"][1]["answer"] == false);
    CHECK(j["questions"][2]["pairs"][1]["right"] == "2");
    CHECK(j["questions"][3]["choices"][1]["text"] == "dua");
    CHECK(j["questions"][0]["answer"].is_null());
    CHECK(j["errors"].empty());
}

TEST_CASE("Twee JSON lists passages with tags, lines and links", "[json]") {
    const auto f =
        ParseTwee(":: StoryTitle\nT\n\n:: Start [a b]\n[[x->Y]]\n\n:: Y [akhir skor:2]\nUmpan balik: z\n",
                  "s.twee", "s");
    const auto j = json::parse(TweeJson(f.scenario, f.errors));
    CHECK(j["title"] == "T");
    CHECK(j["start"] == "Start");
    REQUIRE(j["passages"].size() == 2);
    CHECK(j["passages"][0]["tags"] == json::array({"a", "b"}));
    CHECK(j["passages"][0]["line"] == 4);
    CHECK(j["passages"][0]["links"][0]["text"] == "x");
    CHECK(j["passages"][0]["links"][0]["target"] == "Y");
    CHECK(j["passages"][1]["score"] == 2);
}

TEST_CASE("course JSON counts and lists errors", "[json]") {
    const auto course = LoadCourse(std::filesystem::path(SINAU_FIXTURES) / "content" / "broken-course");
    const auto j = json::parse(CourseJson(course, course.AllErrors()));
    CHECK(j["modules"] == 3);
    CHECK(j["questions"] == 3);
    CHECK(j["scenarios"] == 1);
    REQUIRE(j["errors"].size() == course.AllErrors().size());
    CHECK(j["errors"].back()["file"] == "course.toml");
    CHECK(j["errors"].back()["line"] == 7);
    CHECK(j["errors"].back()["col"] == 3);
}
