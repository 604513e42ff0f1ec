// Every lint rule: its message and the position it points at.
#include <catch2/catch.hpp>

#include <filesystem>

#include "content/gift_reader.hpp"
#include "content/lint.hpp"
#include "content/twee_reader.hpp"

using namespace sinau::content;
using sinau::Diagnostics;

namespace {
// A question that satisfies every rule, to vary one thing at a time.
const std::string kHeader = "// [id:m1-q01]\n// [tag:UU-7-2017-Ps-280]\n";

Diagnostics LintGift(const std::string& text) {
    const auto f = ParseGift(text, "soal.gift");
    INFO((f.errors.empty() ? "" : f.errors.front().Format()));
    REQUIRE(f.errors.empty());
    return LintQuestions(f.questions);
}

std::string Only(const Diagnostics& d) {
    std::string all;
    for (const auto& e : d) all += e.Format() + "\n";
    INFO(all);
    REQUIRE(d.size() == 1);
    return d[0].Format();
}
}  // namespace

TEST_CASE("lint: a clean question passes every rule", "[lint]") {
    CHECK(LintGift(kHeader + "Q?{=a#ya ~b#bukan}####umum").empty());
    CHECK(LintGift(kHeader + "Q?{~%50%a#ya ~%50%b#ya ~%-100%c#tidak}####umum").empty());
    CHECK(LintGift(kHeader + "Q?{T#salah#benar}####umum").empty());
    CHECK(LintGift(kHeader + "Q?{#5:1#ya}####umum").empty());
    CHECK(LintGift(kHeader + "Q?{=a#ya =%50%b#setengah}####umum").empty());
    CHECK(LintGift(kHeader + "Q?{=a -> 1 =b -> 2 = -> 3}####umum").empty());
    CHECK(LintGift(kHeader + "Tulis esai.{}####umum").empty());
    CHECK(LintGift(kHeader + "Pengantar saja.").empty());
}

TEST_CASE("lint: multiple choice without a right answer", "[lint]") {
    CHECK(Only(LintGift(kHeader + "Pilih satu.{\n~a#x\n~b#y\n}####u")) ==
          "soal.gift:3:12: jawaban benar belum ada: tandai satu pilihan dengan '=' atau beri bobot positif, "
          "mis. ~%50%");
}

TEST_CASE("lint: more than one '=' in a single-answer question", "[lint]") {
    CHECK(Only(LintGift(kHeader + "Q{\n=a#x\n=b#y\n~c#z\n}####u"))
              .rfind("soal.gift:5:1: lebih dari satu jawaban benar", 0) == 0);
}

TEST_CASE("lint: multiple-answer weights must add up to 100%", "[lint]") {
    CHECK(Only(LintGift(kHeader + "Q{~%50%a#x ~%25%b#y ~c#z}####u")) ==
          "soal.gift:3:2: bobot positif jawaban ganda berjumlah 75%, harus tepat 100%");
    CHECK(LintGift(kHeader + "Q{~%33.333%a#x ~%33.333%b#y ~%33.334%c#z}####u").empty());
}

TEST_CASE("lint: short answer and numerical need an answer worth 100%", "[lint]") {
    CHECK(Only(LintGift(kHeader + "Q{=%50%a#x}####u")).find("sedikitnya satu jawaban harus bernilai 100%") !=
          std::string::npos);
    CHECK(Only(LintGift(kHeader + "Q{#=%50%5#x}####u")).find("bernilai 100%") != std::string::npos);
}

TEST_CASE("lint: matching needs 2 questions and 3 answers (Moodle)", "[lint]") {
    CHECK(Only(LintGift(kHeader + "Q{=a -> 1 =b -> 2}####u")).find("2 pernyataan dan 3 jawaban") !=
          std::string::npos);
    CHECK(Only(LintGift(kHeader + "Q{=a -> 1 = -> 2 = -> 3}####u")).find("2 pernyataan dan 3 jawaban") !=
          std::string::npos);
}

TEST_CASE("lint: id, legal tag, feedback conventions", "[lint]") {
    CHECK(Only(LintGift("// [tag:x]\nQ{=a#y ~b#z}####u")) ==
          "soal.gift:2:1: soal belum punya id: tambahkan baris // [id:mN-qNN] tepat di atas soal");
    CHECK(Only(LintGift("// [id:q]\nQ{=a#y ~b#z}####u"))
              .rfind("soal.gift:2:1: soal belum punya dasar hukum", 0) == 0);
    CHECK(Only(LintGift("// [id:q] [tag:UU 7 2017]\nQ{=a#y ~b#z}####u")).find("berspasi") !=
          std::string::npos);
    CHECK(Only(LintGift(kHeader + "Q{=a#y\n~b}####u")) ==
          "soal.gift:4:1: jawaban ini belum punya umpan balik: tambahkan #penjelasan beserta dasar hukumnya");
    CHECK(Only(LintGift(kHeader + "Q{T#hanya satu}####u")).find("dua umpan balik") != std::string::npos);
    CHECK(Only(LintGift(kHeader + "Q{=a#y ~b#z}")) ==
          "soal.gift:3:2: soal belum punya umpan balik umum: tambahkan ####penjelasan sebelum '}'");
}

TEST_CASE("lint: question ids are unique across files", "[lint]") {
    const auto a = ParseGift(kHeader + "A{T#x#y}####u", "modules/a/soal.gift");
    const auto b = ParseGift("\n\n" + kHeader + "B{T#x#y}####u", "modules/b/soal.gift");
    const auto d = LintUniqueIds({&a.questions[0], &b.questions[0]});
    CHECK(Only(d) ==
          "modules/b/soal.gift:5:1: id soal 'm1-q01' sudah dipakai di modules/a/soal.gift:3; "
          "setiap id harus unik dalam kursus");
}

namespace {
const std::string kStory =
    ":: StoryTitle\nJudul\n\n"
    ":: StoryData\n{\"ifid\": \"3F2A1C4E-9B7D-4E21-A6C3-5D8F0B1E2A47\", \"start\": \"Mulai\"}\n\n";
// Three decisions in a row, every ending scored and explained.
const std::string kGoodPassages =
    ":: Mulai\n[[a->D2]]\n[[b->D2]]\n\n"
    ":: D2\n[[a->D3]]\n[[b->D3]]\n\n"
    ":: D3\n[[a->Baik]]\n[[b->Buruk]]\n\n"
    ":: Baik [akhir skor:3]\nx\nUmpan balik: PP 94/2021.\n\n"
    ":: Buruk [akhir skor:-1]\nx\nUmpan balik: PP 94/2021.\n";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

Diagnostics LintStory(const std::string& text) {
    const auto f = ParseTwee(text, "s.twee", "s");
    INFO((f.errors.empty() ? "" : f.errors.front().Format()));
    REQUIRE(f.errors.empty());
    return LintScenario(f.scenario);
}
}  // namespace

TEST_CASE("lint: a clean scenario passes", "[lint][scenario]") {
    CHECK(LintStory(kStory + kGoodPassages).empty());
}

TEST_CASE("lint: link to a passage that does not exist", "[lint][scenario]") {
    const auto text = Replace(kStory + kGoodPassages, "[[b->D3]]", "[[b->D9]]");
    CHECK(Only(LintStory(text)) == "s.twee:13:1: tautan menuju passage yang tidak ada: 'D9'");
}

TEST_CASE("lint: start passage missing", "[lint][scenario]") {
    const auto text = Replace(kStory + kGoodPassages, "\"Mulai\"", "\"Awal\"");
    const auto d = LintStory(text);
    REQUIRE(!d.empty());
    CHECK(d.back().Format() == "s.twee:4:1: passage awal 'Awal' (StoryData \"start\") tidak ada");
}

TEST_CASE("lint: unreachable passage", "[lint][scenario]") {
    CHECK(Only(LintStory(kStory + kGoodPassages + "\n:: Yatim [akhir skor:0]\nx\nUmpan balik: y.\n")) ==
          "s.twee:27:1: passage 'Yatim' tidak bisa dicapai dari awal 'Mulai'");
}

TEST_CASE("lint: cycles are reported at the link that closes them", "[lint][scenario]") {
    const auto text = Replace(kStory + kGoodPassages, "[[b->Buruk]]", "[[b->Mulai]]");
    const auto d = LintStory(text);
    bool found = false;
    for (const auto& e : d)
        found = found || e.Format() ==
                             "s.twee:17:1: tautan ini kembali ke 'Mulai' yang sudah dilewati: skenario tidak "
                             "boleh berputar";
    CHECK(found);
}

TEST_CASE("lint: dead ends, endings without score or feedback, endings with links", "[lint][scenario]") {
    const std::string good = kStory + kGoodPassages;
    CHECK(Only(LintStory(Replace(good, ":: Baik [akhir skor:3]", ":: Baik"))) ==
          "s.twee:19:1: passage 'Baik' buntu: beri tautan pilihan, atau tandai sebagai akhir dengan tag "
          "'akhir'");
    CHECK(Only(LintStory(Replace(good, "[akhir skor:3]", "[akhir]"))) ==
          "s.twee:19:1: akhir 'Baik' belum punya skor: tambahkan tag skor:N, mis. [akhir skor:3]");
    CHECK(Only(LintStory(Replace(good, "x\nUmpan balik: PP 94/2021.\n", "x\n"))) ==
          "s.twee:19:1: akhir 'Baik' belum punya paragraf 'Umpan balik:' yang menjelaskan dasar hukumnya");
    const auto d =
        LintStory(Replace(good, "Umpan balik: PP 94/2021.\n", "Umpan balik: PP 94/2021.\n[[lagi->Mulai]]\n"));
    bool found = false;
    for (const auto& e : d)
        found = found || e.Format() == "s.twee:22:1: passage akhir (tag 'akhir') tidak boleh punya tautan";
    CHECK(found);
}

TEST_CASE("lint: duplicate passage names", "[lint][scenario]") {
    const auto d = LintStory(kStory + kGoodPassages + "\n:: D2\n[[Baik]]\n");
    bool found = false;
    for (const auto& e : d)
        found =
            found ||
            e.Format() == "s.twee:27:1: nama passage 'D2' sudah dipakai di baris 11; nama passage harus unik";
    CHECK(found);
}

TEST_CASE("lint: at least 3 decisions on the longest path", "[lint][scenario]") {
    const std::string short_story = kStory +
                                    ":: Mulai\n[[a->Baik]]\n[[b->Buruk]]\n\n"
                                    ":: Baik [akhir skor:3]\nx\nUmpan balik: y.\n\n"
                                    ":: Buruk [akhir skor:-1]\nx\nUmpan balik: y.\n";
    CHECK(
        Only(LintStory(short_story)) ==
        "s.twee:7:1: jalur terpanjang baru punya 1 titik keputusan (passage dengan >= 2 pilihan); minimal 3");
}

TEST_CASE("lint: StoryTitle and a Twine ifid are required", "[lint][scenario]") {
    const auto no_meta = LintStory(
        ":: Start\n[[A]]\n[[B]]\n\n:: A [akhir skor:1]\nUmpan balik: a\n\n:: B [akhir skor:1]\nUmpan balik: "
        "b\n");
    std::string all;
    for (const auto& e : no_meta) all += e.Format() + "\n";
    CHECK(all.find("s.twee:1:1: StoryTitle belum ada") != std::string::npos);
    CHECK(all.find("s.twee:1:1: StoryData belum ada") != std::string::npos);
    CHECK(Only(LintStory(Replace(kStory + kGoodPassages, "3F2A1C4E", "3f2a1c4e")))
              .rfind("s.twee:4:1: ifid StoryData harus UUID berhuruf besar", 0) == 0);
}

TEST_CASE("lint: module front matter needs title, description, objectives", "[lint]") {
    Module m;
    m.id = "01-x";
    m.questions.resize(1);
    const auto d = LintModule(m, "");
    REQUIRE(d.size() == 3);
    CHECK(d[0].Format() == "modules/01-x/modul.md:1:1: front matter belum punya title = \"Judul modul\"");
    CHECK(d[1].message.find("description") != std::string::npos);
    CHECK(d[2].message.find("objectives") != std::string::npos);
}

TEST_CASE("lint: an image missing from assets/ is reported at its line", "[lint]") {
    Module m;
    m.id = "01-x";
    m.title = "t";
    m.description = "d";
    m.objectives = {"o"};
    m.questions.resize(1);
    Block img;
    img.kind = BlockKind::Image;
    img.image = "tidak/ada.png";
    img.line = 12;
    m.reading.pages.push_back({"t", {img}});
    const auto d = LintModule(m, std::filesystem::temp_directory_path().string());
    REQUIRE(d.size() == 1);
    CHECK(d[0].Format() == "modules/01-x/modul.md:12:1: gambar tidak ditemukan di assets/: tidak/ada.png");
}
