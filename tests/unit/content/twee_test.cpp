// Twee 3 reader: headers, escapes, StoryTitle/StoryData, every link form, Sinau's tags.
#include <catch2/catch.hpp>

#include "content/twee_reader.hpp"

using namespace sinau::content;

namespace {
TweeFile Parse(const std::string& text) {
    return ParseTwee(text, "skenario-x.twee", "skenario-x");
}
}  // namespace

TEST_CASE("Twee every link form splits text and target like Twine 2", "[twee]") {
    struct Case {
        const char* inner;
        const char* text;
        const char* target;
    };
    const Case cases[] = {
        {"Pergi", "Pergi", "Pergi"},
        {"Tekan like->Like", "Tekan like", "Like"},
        {"Like<-Tekan like", "Tekan like", "Like"},
        {"Tekan like|Like", "Tekan like", "Like"},
        {"a->b->c", "a->b", "c"},  // rightmost ->
        {"x<-y<-z", "y<-z", "x"},  // leftmost <-
        {"teks -> Tujuan ", "teks", "Tujuan"},
        {"teks->Tujuan][$x to 1", "teks", "Tujuan"},  // setter dropped
    };
    for (const auto& c : cases) {
        INFO(c.inner);
        const auto l = SplitLink(c.inner);
        CHECK(l.text == c.text);
        CHECK(l.target == c.target);
    }
}

TEST_CASE("Twee story title, data and passages with Sinau's convention", "[twee]") {
    const auto f = Parse(
        ":: StoryTitle\n"
        "Rina dan Tombol Like\n"
        "\n"
        ":: StoryData\n"
        "{\n"
        "  \"ifid\": \"3F2A1C4E-9B7D-4E21-A6C3-5D8F0B1E2A47\",\n"
        "  \"format\": \"Harlowe\",\n"
        "  \"format-version\": \"3.3.8\",\n"
        "  \"start\": \"Mulai\"\n"
        "}\n"
        "\n"
        ":: Mulai {\"position\":\"600,400\",\"size\":\"100,200\"}\n"
        "Rina membuka ponsel.\n"
        "[[Tekan like->Like]] [[Abaikan]]\n"
        "\n"
        ":: Like [skor:-2 sedih]\n"
        "Rina menekan like.\n"
        "Umpan balik: dilarang,\n"
        "lihat SKB 2022.\n"
        "[[Lanjut|Akhir]]\n"
        "\n"
        ":: Abaikan [skor:+1]\n"
        "Dia menyimpan ponsel lalu [[kembali bekerja->Akhir]] seperti biasa.\n"
        "\n"
        ":: Akhir [akhir skor:3]\n"
        "Selesai.\n"
        "\n"
        "Umpan balik: PP 94/2021 Pasal 5.\n"
        "\n"
        "\n");
    INFO((f.errors.empty() ? "" : f.errors.front().Format()));
    REQUIRE(f.errors.empty());
    const auto& s = f.scenario;
    CHECK(s.id == "skenario-x");
    CHECK(s.title == "Rina dan Tombol Like");
    CHECK(s.ifid == "3F2A1C4E-9B7D-4E21-A6C3-5D8F0B1E2A47");
    CHECK(s.start == "Mulai");
    CHECK(s.format == "Harlowe");
    CHECK(s.format_version == "3.3.8");
    CHECK(s.data_line == 4);
    REQUIRE(s.passages.size() == 4);

    const auto* mulai = s.Find("Mulai");
    REQUIRE(mulai);
    CHECK(mulai->line == 12);
    CHECK(mulai->text == "Rina membuka ponsel.");  // the link-only line is not story text
    REQUIRE(mulai->links.size() == 2);
    CHECK(mulai->links[0].text == "Tekan like");
    CHECK(mulai->links[0].target == "Like");
    CHECK(mulai->links[0].line == 14);
    CHECK(mulai->links[0].col == 1);
    CHECK(mulai->links[1].target == "Abaikan");
    CHECK(mulai->links[1].col == 22);

    const auto* like = s.Find("Like");
    REQUIRE(like);
    CHECK(like->tags == std::vector<std::string>{"skor:-2", "sedih"});
    CHECK(like->score == -2);
    CHECK_FALSE(like->ending);
    CHECK(like->text == "Rina menekan like.");
    CHECK(like->feedback == "dilarang,\nlihat SKB 2022.");
    CHECK(like->links[0].target == "Akhir");

    const auto* abaikan = s.Find("Abaikan");
    CHECK(abaikan->score == 1);
    CHECK(abaikan->text ==
          "Dia menyimpan ponsel lalu kembali bekerja seperti biasa.");  // inline link keeps its words

    const auto* akhir = s.Find("Akhir");
    CHECK(akhir->ending);
    CHECK(akhir->score == 3);
    CHECK(akhir->text == "Selesai.");
    CHECK(akhir->feedback == "PP 94/2021 Pasal 5.");
    CHECK(s.Find("Tidak ada") == nullptr);
}

TEST_CASE("Twee escaped names and tags per the Twee 3 spec", "[twee]") {
    const auto f = Parse(":: Nama \\[satu\\] \\{x\\} \\\\ akhir [tag\\]a b]\nIsi.\n");
    REQUIRE(f.errors.empty());
    REQUIRE(f.scenario.passages.size() == 1);
    CHECK(f.scenario.passages[0].name == "Nama [satu] {x} \\ akhir");
    CHECK(f.scenario.passages[0].tags == std::vector<std::string>{"tag]a", "b"});
}

TEST_CASE("Twee start defaults to Start; script and stylesheet passages are skipped", "[twee]") {
    const auto f = Parse(
        ":: Start\n[[A]]\n\n:: A [akhir skor:0]\nx\n\n:: Kode [script]\nalert(1)\n\n:: Gaya "
        "[stylesheet]\nbody{}\n");
    REQUIRE(f.errors.empty());
    CHECK(f.scenario.start == "Start");
    CHECK(f.scenario.passages.size() == 2);
}

TEST_CASE("Twee errors say where and what", "[twee]") {
    struct Case {
        const char* text;
        int line, col;
        const char* words;
    };
    const Case cases[] = {
        {":: A [x\nteks\n", 1, 6, "tidak ditutup"},
        {"::   \nteks\n", 1, 1, "nama passage kosong"},
        {":: A\n[[pergi->B\n", 2, 1, "tidak ditutup"},
        {":: A\n[[->]]\n", 2, 1, "tanpa nama passage tujuan"},
        {":: A [skor:dua]\n", 1, 1, "tag skor tidak sah"},
        {":: A [skor:1 skor:2]\n", 1, 1, "lebih dari satu tag skor"},
        {":: StoryData\n{\"ifid\": }\n", 2, 10, "StoryData bukan JSON"},
        {"teks liar\n:: A\n", 1, 1, "di luar passage"},
        {":: A {bukan json\n", 1, 6, "metadata passage bukan JSON"},
        {":: A ] b\n", 1, 6, "harus ditulis \\]"},
        {":: A [t] sisa\n", 1, 10, "tak terduga"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto f = Parse(c.text);
        REQUIRE(f.errors.size() >= 1);
        CHECK(f.errors[0].file == "skenario-x.twee");
        CHECK(f.errors[0].line == c.line);
        CHECK(f.errors[0].col == c.col);
        CHECK(f.errors[0].message.find(c.words) != std::string::npos);
    }
}

TEST_CASE("Twee CRLF line endings", "[twee]") {
    const auto f =
        Parse(":: StoryTitle\r\nJudul\r\n\r\n:: Mulai [akhir skor:1]\r\nTeks.\r\nUmpan balik: ok.\r\n");
    REQUIRE(f.errors.empty());
    CHECK(f.scenario.title == "Judul");
    REQUIRE(f.scenario.passages.size() == 1);
    CHECK(f.scenario.passages[0].tags == std::vector<std::string>{"akhir", "skor:1"});
    CHECK(f.scenario.passages[0].feedback == "ok.");
}
