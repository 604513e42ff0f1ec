// LoadCourse: the real folder layout, isolation of broken modules, manifest errors with lines.
#include <catch2/catch.hpp>

#include "../support/temp_dir.hpp"
#include "content/course_loader.hpp"

using namespace sinau::content;
using sinau::test::TempDir;

TEST_CASE("LoadCourse reads the good fixture course completely", "[loader]") {
    const auto course = LoadCourse(std::filesystem::path(SINAU_FIXTURES) / "content" / "good-course");
    INFO((course.AllErrors().empty() ? "" : course.AllErrors().front().Format()));
    REQUIRE(course.AllErrors().empty());
    CHECK(course.id == "kursus-contoh");
    CHECK(course.title == "Kursus Contoh Netralitas");
    CHECK(course.version == "0.1.0");
    CHECK(course.pass_mark == 75.0);
    CHECK(course.source.who == "KPU Provinsi Jawa Timur");
    CHECK(course.source.date == "2023-05-25");  // a TOML date or a string
    CHECK(course.quiz_defaults.questions_per_attempt == 3);
    CHECK_FALSE(course.quiz_defaults.shuffle_questions);
    CHECK(course.quiz_defaults.attempts_allowed == 2);
    CHECK(course.quiz_defaults.grading == Grading::Last);
    REQUIRE(course.about.pages.size() == 2);
    CHECK(course.about.pages[0].title == "Tentang");
    CHECK(course.about.pages[1].title == "Sumber");

    REQUIRE(course.modules.size() == 2);
    const auto* m1 = course.FindModule("01-contoh");
    REQUIRE(m1);
    CHECK(m1->ok());
    CHECK(m1->title == "Modul Contoh");
    CHECK(m1->quiz.mode == QuizMode::Ujian);     // module override
    CHECK(m1->quiz.questions_per_attempt == 3);  // course default
    CHECK(m1->reading.pages.size() == 3);
    CHECK(m1->questions.size() == 3);
    CHECK(m1->questions[0].file == "modules/01-contoh/soal.gift");
    CHECK(m1->questions[0].category == "contoh/modul-1");
    REQUIRE(m1->scenarios.size() == 1);
    CHECK(m1->scenarios[0].id == "skenario-contoh");
    CHECK(m1->scenarios[0].file == "modules/01-contoh/skenario-contoh.twee");
    CHECK(course.modules[1].quiz.mode == QuizMode::Latihan);
    CHECK(course.FindModule("99-tidak-ada") == nullptr);
}

TEST_CASE("LoadCourse keeps going past a broken module and a missing folder", "[loader]") {
    const auto course = LoadCourse(std::filesystem::path(SINAU_FIXTURES) / "content" / "broken-course");
    CHECK(course.errors.empty());
    REQUIRE(course.modules.size() == 3);
    CHECK(course.modules[0].ok());
    CHECK(course.modules[0].questions.size() == 2);
    CHECK_FALSE(course.modules[1].ok());
    CHECK(course.modules[1].questions.size() == 1);  // the good question of the broken file is kept
    const auto& missing = course.modules[2];
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].file == "course.toml");
    CHECK(missing.errors[0].line == 7);  // the manifest line naming the folder
    CHECK(missing.errors[0].col == 3);
    CHECK(missing.errors[0].message == "folder modul tidak ditemukan: modules/03-hilang");
    const auto all = course.AllErrors();
    CHECK(all.size() == course.modules[1].errors.size() + 1);
}

TEST_CASE("LoadCourse reads several .gift and .twee files in name order", "[loader]") {
    TempDir dir;
    dir.CopyFixture("good-course");
    dir.Write("modules/02-kedua/a-awal.gift", "// [id:a1]\n// [tag:seed-S5]\nAwal?{T#x#y}####u\n");
    dir.Write("modules/02-kedua/catatan.txt", "bukan soal {");
    const auto course = LoadCourse(dir.path());
    REQUIRE(course.AllErrors().empty());
    const auto* m = course.FindModule("02-kedua");
    REQUIRE(m->questions.size() == 3);
    CHECK(m->questions[0].id == "a1");  // a-awal.gift before soal.gift
    CHECK(m->questions[1].id == "c2-q01");
}

TEST_CASE("LoadCourse manifest problems", "[loader]") {
    TempDir dir;
    SECTION("no course.toml") {
        const auto course = LoadCourse(dir.path());
        REQUIRE(course.errors.size() == 1);
        CHECK(course.errors[0].file == "course.toml");
        CHECK(course.errors[0].message.find("berkas tidak ditemukan") == 0);
    }
    SECTION("TOML syntax error with line and column") {
        dir.Write("course.toml", "id = \"x\"\ntitle = \"y\n");
        const auto course = LoadCourse(dir.path());
        REQUIRE(course.errors.size() == 1);
        CHECK(course.errors[0].line == 2);
        CHECK(course.errors[0].message.find("TOML tidak valid") == 0);
    }
    SECTION("missing keys, bad values, unsafe and duplicate module names") {
        dir.Write("course.toml",
                  "pass_mark = 170\nmodules = [\"../luar\", \"a\", \"a\"]\n[quiz]\ngrading = \"rata\"\n");
        dir.Write("modules/a/modul.md",
                  "+++\ntitle = \"A\"\ndescription = \"d\"\nobjectives = [\"o\"]\n+++\n");
        dir.Write("modules/a/soal.gift", "// [id:q]\n// [tag:t]\nQ{T#a#b}####c\n");
        const auto course = LoadCourse(dir.path());
        std::string all;
        for (const auto& e : course.AllErrors()) all += e.Format() + "\n";
        INFO(all);
        CHECK(all.find("course.toml:1:1: kunci 'id' belum ada") != std::string::npos);
        CHECK(all.find("course.toml:1:1: kunci 'title' belum ada") != std::string::npos);
        CHECK(all.find("course.toml:1:13: 'pass_mark' adalah persen") != std::string::npos);
        CHECK(all.find("course.toml:2:12: nama modul '../luar' tidak sah") != std::string::npos);
        CHECK(all.find("course.toml:2:28: modul 'a' tercantum dua kali") != std::string::npos);
        CHECK(all.find("course.toml:4:11: 'grading' harus") != std::string::npos);
        CHECK(course.modules.size() == 1);
        CHECK(course.modules[0].ok());
    }
    SECTION("missing modul.md and a module without questions") {
        dir.Write("course.toml", "id = \"x\"\ntitle = \"y\"\nmodules = [\"a\"]\n");
        dir.Write("modules/a/catatan.txt", "");
        const auto course = LoadCourse(dir.path());
        REQUIRE(course.modules.size() == 1);
        const auto& errors = course.modules[0].errors;
        REQUIRE(errors.size() == 2);
        CHECK(errors[0].Format() == "modules/a/modul.md:1:1: berkas tidak ditemukan");
        CHECK(errors[1].Format() ==
              "modules/a/soal.gift:1:1: modul belum punya soal: tulis soal dalam format GIFT di berkas ini "
              "(buat bila belum ada)");
    }
}

TEST_CASE("LoadCourse without lint reports only syntax", "[loader]") {
    const auto dir = std::filesystem::path(SINAU_FIXTURES) / "content" / "broken-course";
    const auto with = LoadCourse(dir).AllErrors().size();
    const auto without = LoadCourse(dir, {.lint = false}).AllErrors().size();
    CHECK(without < with);
    CHECK(without == 3);  // objectives type, unclosed '{', missing folder
}

TEST_CASE("The real course in content/ loads without problems", "[loader][real]") {
    const auto course = LoadCourse(std::filesystem::path(SINAU_SOURCE_DIR) / "content");
    std::string all;
    for (const auto& e : course.AllErrors()) all += e.Format() + "\n";
    INFO(all);
    CHECK(course.AllErrors().empty());
    CHECK(course.modules.size() == 6);
}
