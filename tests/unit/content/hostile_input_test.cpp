// Garbage, binary, huge and invalid UTF-8 input: a clear diagnostic, never a crash or a hang.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>

#include "../support/temp_dir.hpp"
#include "content/gift_reader.hpp"
#include "content/module_reader.hpp"
#include "content/source_text.hpp"
#include "content/twee_reader.hpp"

using namespace sinau::content;
using sinau::Diagnostics;

TEST_CASE("UTF-8 validation finds the first invalid byte", "[input]") {
    CHECK(FindInvalidUtf8("abc é — 𝄞") == std::string_view::npos);
    CHECK(FindInvalidUtf8("ab\xFF") == 2);
    CHECK(FindInvalidUtf8("\xC0\x80") == 0);          // overlong NUL
    CHECK(FindInvalidUtf8("x\xED\xA0\x80") == 1);     // UTF-16 surrogate
    CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
    CHECK(FindInvalidUtf8("ok\xE2\x82") == 2);        // truncated sequence
    CHECK(FindInvalidUtf8("\xE2\x28\xA1") == 0);      // bad continuation
}

TEST_CASE("invalid UTF-8 is reported at its line and column by every reader", "[input]") {
    const std::string text = "// baris satu\nQé \xE9t\xE9{T}\n";  // Latin-1 'é' on line 2
    const auto gift = ParseGift(text, "soal.gift");
    CHECK(gift.questions.empty());
    REQUIRE(gift.errors.size() == 1);
    CHECK(gift.errors[0].line == 2);
    CHECK(gift.errors[0].col == 4);
    CHECK(gift.errors[0].message.find("bukan UTF-8") != std::string::npos);

    const auto twee = ParseTwee(":: A\n\x80\n", "a.twee", "a");
    REQUIRE(twee.errors.size() == 1);
    CHECK(twee.errors[0].line == 2);
    CHECK(twee.errors[0].col == 1);

    Module m;
    ReadModuleFile("+++\ntitle = \"\xC3\"\n+++\n", "modul.md", m);
    REQUIRE(m.errors.size() == 1);
    CHECK(m.errors[0].line == 2);
    CHECK(m.errors[0].col == 10);
}

TEST_CASE("a UTF-8 byte order mark is accepted and does not shift columns", "[input]") {
    const auto gift = ParseGift("\xEF\xBB\xBFQ {~a}", "soal.gift");
    REQUIRE(gift.errors.size() == 1);
    CHECK(gift.errors[0].col == 3);
}

TEST_CASE("input over the size cap is refused with a clear message", "[input]") {
    const std::string huge(kMaxSourceBytes + 1, 'a');
    const auto gift = ParseGift(huge, "soal.gift");
    REQUIRE(gift.errors.size() == 1);
    CHECK(gift.errors[0].line == 0);
    CHECK(gift.errors[0].message.find("berkas terlalu besar") == 0);
    CHECK(ParseTwee(huge, "a.twee", "a").errors.size() == 1);

    sinau::test::TempDir dir;
    dir.Write("besar.gift", huge);
    Diagnostics out;
    CHECK_FALSE(ReadSourceFile(dir.path() / "besar.gift", "besar.gift", out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].message.find("berkas terlalu besar (4.0 MiB); batasnya 4 MiB") == 0);
}

TEST_CASE("random bytes and pathological text never crash or hang the readers", "[input]") {
    std::mt19937 rng(20230525);
    const char alphabet[] = "{}~=#:\\%->[]|<\n \t:$CATEGORY//[id:]akhirskor:-1.. T F";
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < 300; ++round) {
        std::string s(std::size_t(rng() % 2000), ' ');
        for (auto& c : s) c = (round % 3 == 0) ? char(rng() & 0xFF) : alphabet[rng() % (sizeof alphabet - 1)];
        (void)ParseGift(s, "x.gift");
        (void)ParseTwee(s, "x.twee", "x");
        Module m;
        ReadModuleFile("+++\n" + s, "modul.md", m);
    }
    // Worst cases for quadratic behaviour: one huge line full of separators.
    const std::string one_line = "Q{" + std::string(500000, '~') + "}";
    (void)ParseGift(one_line, "x.gift");
    const std::string links(400000, '[');
    (void)ParseTwee(":: A\n" + links, "x.twee", "x");
    std::string deep = "+++\n+++\n";
    for (int i = 0; i < 10000; ++i) deep += "> - ";
    Module m;
    ReadModuleFile(deep, "modul.md", m);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 20.0);
}

TEST_CASE("LineMap counts columns in characters", "[input]") {
    const LineMap map("ab\ncé—d\n");
    CHECK(map.At(0).line == 1);
    CHECK(map.At(3).line == 2);
    CHECK(map.At(3).col == 1);
    CHECK(map.At(6).col == 3);  // after 'c' and 'é' (2 bytes)
    CHECK(map.At(9).col == 4);  // after the 3-byte dash
}
