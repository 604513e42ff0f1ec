// The text the class screen projects: participant names as plain text, legal tags as readable citations,
// and the --class-debug spec parser.
#include <catch2/catch.hpp>

#include "ui/classroom/class_debug.hpp"
#include "ui/classroom/class_text.hpp"

using namespace sinau::ui::live;

TEST_CASE("class names: controls, bidi overrides and bad UTF-8 never reach the projector", "[class]") {
    CHECK(PlainName("Siti Aminah") == "Siti Aminah");
    CHECK(PlainName("  Siti   \t Aminah \n") == "Siti Aminah");  // runs collapse, tabs/newlines dropped
    CHECK(PlainName("Siti\x1b[31mAminah") == "Siti[31mAminah");  // ESC removed, the rest is plain text
    CHECK(PlainName("Budi\xE2\x80\xAE"
                    "akeb") == "Budiakeb");                    // U+202E RIGHT-TO-LEFT OVERRIDE
    CHECK(PlainName("Dewi\xE2\x80\x8B") == "Dewi");            // zero-width space
    CHECK(PlainName("Nur\xC2\x85Hidayah") == "NurHidayah");    // C1 control (NEL)
    CHECK(PlainName("Eko\xFF\xFESaputra") == "Eko??Saputra");  // invalid bytes shown as '?'
    CHECK(PlainName("\xC0\xAF") == "??");                      // overlong '/'
    CHECK(PlainName("Ña\xCC\x83 Ayu") == "Ña\xCC\x83 Ayu");    // combining marks stay
    CHECK(PlainName("<b>Agus</b>") == "<b>Agus</b>");          // ImGui text is not markup: shown as typed
    CHECK(PlainName("Rina Wulandari Kusumaningrum", 10) == "Rina Wulan\xE2\x80\xA6");
    CHECK(PlainName("\xE2\x80\xAE\xE2\x80\xAE").empty());
}

TEST_CASE("class legal basis: tags become citations, UU 5/2014 says it was replaced", "[class]") {
    CHECK(LegalBasisLabel("UU-7-2017-Ps-280") == std::optional<std::string>("UU 7/2017 Pasal 280"));
    CHECK(LegalBasisLabel("PP-94-2021-Ps-5") == std::optional<std::string>("PP 94/2021 Pasal 5"));
    CHECK(LegalBasisLabel("UU-5-2014-Ps-2-f") ==
          std::optional<std::string>("UU 5/2014 Pasal 2 huruf f (kini UU 20/2023)"));
    CHECK(LegalBasisLabel("UU-5-2014-konsiderans-a") ==
          std::optional<std::string>("UU 5/2014 konsiderans huruf a (kini UU 20/2023)"));
    CHECK(LegalBasisLabel("UU-5-2014-Penjelasan-Umum") ==
          std::optional<std::string>("UU 5/2014 Penjelasan Umum (kini UU 20/2023)"));
    CHECK(LegalBasisLabel("UU-20-2023") == std::optional<std::string>("UU 20/2023"));
    CHECK(LegalBasisLabel("PKPU-9-2022") == std::optional<std::string>("PKPU 9/2022"));
    CHECK(LegalBasisLabel("SKB-2022") == std::optional<std::string>("SKB 2022"));
    CHECK(LegalBasisLabel("Putusan-MK-41-PUU-XII-2014") ==
          std::optional<std::string>("Putusan MK 41/PUU-XII/2014"));
    CHECK_FALSE(LegalBasisLabel("seed-S3"));  // a source marker, not law
    CHECK_FALSE(LegalBasisLabel(""));
    CHECK(ChoiceLetter(0) == "A");
    CHECK(ChoiceLetter(3) == "D");
    CHECK(ChoiceLetter(26) == "27");
}

TEST_CASE("class debug spec: every key parsed, nonsense refused with the bad pair named", "[class]") {
    auto d = ParseDebugClass(
        "module=02,questions=a+b,max=3,seconds=15,speed=1,port=0,auto=3,lobby=5,reveal=0.5,"
        "ip_limit=0,demo=reveal,people=6,bench=/tmp/f.txt,delay=2");
    REQUIRE(d.ok());
    CHECK(d->module == "02");
    CHECK(d->question_ids == std::vector<std::string>{"a", "b"});
    CHECK(d->max_questions == 3);
    CHECK(d->question_seconds == 15);
    CHECK(d->speed_bonus);
    CHECK(d->auto_expect == 3);
    CHECK(d->lobby_seconds == 5);
    CHECK(d->reveal_seconds == 0.5);
    CHECK(d->ip_limit_off);
    CHECK(d->demo == "reveal");
    CHECK(d->demo_people == 6);
    CHECK(d->bench_file == "/tmp/f.txt");
    CHECK(d->delay_seconds == 2);

    auto defaults = ParseDebugClass("");
    REQUIRE(defaults.ok());
    CHECK(defaults->module == "1");
    CHECK(defaults->auto_expect == -1);

    for (const char* bad : {"port=70000", "seconds=0", "demo=party", "speed=yes", "ip_limit=5", "people=0",
                            "max=-1", "auto", "reveal=abc"}) {
        auto r = ParseDebugClass(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find(bad) != std::string::npos);
    }
    auto unknown = ParseDebugClass("bind=0.0.0.0");  // there is no way to leave loopback from here
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.find("kunci tidak dikenal") != std::string::npos);
}
