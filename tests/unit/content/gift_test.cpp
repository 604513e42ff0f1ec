// GIFT reader: every question type Moodle's GIFT import accepts, with Moodle's edge cases.
#include <catch2/catch.hpp>

#include "content/gift_reader.hpp"

using namespace sinau::content;

namespace {
GiftFile Parse(const std::string& text) {
    return ParseGift(text, "soal.gift");
}

Question Only(const GiftFile& f) {
    INFO((f.errors.empty() ? std::string() : f.errors.front().Format()));
    REQUIRE(f.errors.empty());
    REQUIRE(f.questions.size() == 1);
    return f.questions.front();
}
}  // namespace

TEST_CASE("GIFT multiple choice with one right answer, feedback and title", "[gift]") {
    const auto f = Parse(
        "// [id:m1-q01]\n"
        "// [tag:UU-5-2014-Ps-2-f]\n"
        "::Asas netralitas::Asas netralitas ada pada huruf ...{\n"
        "  =f#Benar. Pasal 2 huruf f.\n"
        "  ~a#Bukan. Huruf a.\n"
        "  ~e#Bukan.\n"
        "}####Umpan balik umum.\n");
    const auto q = Only(f);
    CHECK(q.type == QuestionType::Mc);
    CHECK(TypeName(q.type) == "mc");
    CHECK(q.id == "m1-q01");
    CHECK(q.id_given);
    CHECK(q.tags == std::vector<std::string>{"UU-5-2014-Ps-2-f"});
    CHECK(q.title == "Asas netralitas");
    CHECK(q.stem == "Asas netralitas ada pada huruf ...");
    CHECK(q.stem_after.empty());
    REQUIRE(q.choices.size() == 3);
    CHECK(q.choices[0].text == "f");
    CHECK(q.choices[0].fraction == 1.0);
    CHECK(q.choices[0].feedback == "Benar. Pasal 2 huruf f.");
    CHECK(q.choices[1].fraction == 0.0);
    CHECK(q.choices[1].line == 5);
    CHECK(q.choices[1].col == 3);
    CHECK(q.general_feedback == "Umpan balik umum.");
    CHECK(q.line == 3);
    CHECK(q.answer_line == 3);
    CHECK(q.file == "soal.gift");
}

TEST_CASE("GIFT general feedback inside the braces (Moodle's place) is read too", "[gift]") {
    const auto q = Only(Parse("Siapa?{=Saya ~Kamu####Penjelasan umum.}"));
    CHECK(q.general_feedback == "Penjelasan umum.");
    CHECK(q.choices.size() == 2);
    CHECK(q.choices[1].text == "Kamu");
}

TEST_CASE("GIFT general feedback both inside and after the braces is an error", "[gift]") {
    const auto f = Parse("Siapa?{=Saya ~Kamu####satu}####dua");
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].message.find("dua kali") != std::string::npos);
}

TEST_CASE("GIFT multiple answers with %weights%, negative allowed", "[gift]") {
    const auto q = Only(Parse("Pilih dua.{\n~%50%a#ya\n~%50%b\n~%-100%c#jangan\n~%33.333%d\n}"));
    CHECK(q.type == QuestionType::Multi);
    REQUIRE(q.choices.size() == 4);
    CHECK(q.choices[0].fraction == Approx(0.5));
    CHECK(q.choices[2].fraction == Approx(-1.0));
    CHECK(q.choices[2].feedback == "jangan");
    CHECK(q.choices[3].fraction == Approx(0.33333));
}

TEST_CASE("GIFT weight errors point at the weight", "[gift]") {
    SECTION("not a number") {
        const auto f = Parse("Q{~%abc%a ~b}");
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0].line == 1);
        CHECK(f.errors[0].col == 4);
        CHECK(f.errors[0].message.find("bobot tidak sah") != std::string::npos);
        CHECK(f.questions.empty());
    }
    SECTION("above 100") {
        const auto f = Parse("Q{~%150%a ~b}");
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0].message.find("-100% dan 100%") != std::string::npos);
    }
    SECTION("weight after '=' (Moodle would keep it as text)") {
        const auto f = Parse("Q{=%50%a ~b}");
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0].message.find("hanya dipakai setelah '~'") != std::string::npos);
    }
}

TEST_CASE("GIFT missing word keeps the text before and after the blank", "[gift]") {
    const auto q = Only(Parse("Grant is {~buried =entombed ~living} in Grant's tomb."));
    CHECK(q.type == QuestionType::Mc);
    CHECK(q.stem == "Grant is");
    CHECK(q.stem_after == "in Grant's tomb.");
    CHECK(q.choices[1].text == "entombed");
}

TEST_CASE("GIFT missing word with general feedback after the trailing text", "[gift]") {
    const auto q = Only(Parse("Pasal {=284 ~282} mengatur politik uang.####Penjelasan."));
    CHECK(q.stem_after == "mengatur politik uang.");
    CHECK(q.general_feedback == "Penjelasan.");
}

TEST_CASE("GIFT true/false: every spelling, and feedback order is #wrong#right (Moodle)", "[gift]") {
    for (const char* v : {"T", "TRUE"}) {
        const auto q = Only(Parse(std::string("Langit biru.{") + v + "#salah pilih#betul}"));
        CHECK(q.type == QuestionType::TrueFalse);
        CHECK(q.tf_answer);
        CHECK(q.tf_feedback_wrong == "salah pilih");
        CHECK(q.tf_feedback_right == "betul");
    }
    for (const char* v : {"F", "FALSE"}) {
        const auto q = Only(Parse(std::string("Bumi datar.{") + v + "}"));
        CHECK(q.type == QuestionType::TrueFalse);
        CHECK_FALSE(q.tf_answer);
        CHECK(q.tf_feedback_wrong.empty());
    }
    // A third '#' stays in the right feedback, as Moodle's explode('#', ..., 3).
    const auto q = Only(Parse("X.{T#a#b#c}"));
    CHECK(q.tf_feedback_right == "b#c");
}

TEST_CASE("GIFT short answer: several accepted answers, weights, and a bare answer", "[gift]") {
    const auto q = Only(Parse("Siapa?{=tidak ada =%50%nobody#setengah}"));
    CHECK(q.type == QuestionType::Short);
    REQUIRE(q.choices.size() == 2);
    CHECK(q.choices[0].text == "tidak ada");
    CHECK(q.choices[0].fraction == 1.0);
    CHECK(q.choices[1].fraction == Approx(0.5));
    CHECK(q.choices[1].feedback == "setengah");
    // Moodle accepts text before the first '=' as an answer worth 100%.
    const auto bare = Only(Parse("Ibu kota?{Jakarta}"));
    CHECK(bare.type == QuestionType::Short);
    REQUIRE(bare.choices.size() == 1);
    CHECK(bare.choices[0].text == "Jakarta");
}

TEST_CASE("GIFT matching: pairs, '->' in the right side, distractor", "[gift]") {
    const auto q =
        Only(Parse("Jodohkan.{\n=Kanada -> Ottawa\n=Italia -> Roma\n=Jepang -> Tokyo -> Edo\n= -> Paris\n}"));
    CHECK(q.type == QuestionType::Match);
    REQUIRE(q.pairs.size() == 4);
    CHECK(q.pairs[0].left == "Kanada");
    CHECK(q.pairs[0].right == "Ottawa");
    CHECK(q.pairs[2].right == "Tokyo -> Edo");  // the first '->' splits, as Moodle's strpos
    CHECK(q.pairs[3].left.empty());
    CHECK(q.pairs[3].right == "Paris");
    CHECK(q.pairs[1].line == 3);
}

TEST_CASE("GIFT matching errors", "[gift]") {
    SECTION("a pair without ->") {
        const auto f = Parse("J.{=a -> b =c}");
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0].col == 12);
        CHECK(f.errors[0].message.find("=kiri -> kanan") != std::string::npos);
    }
    SECTION("only one pair") {
        const auto f = Parse("J.{=a -> b}");
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0].message.find("dua pasangan") != std::string::npos);
    }
}

TEST_CASE("GIFT numerical: tolerance, range, several answers with weights, wrong-answer feedback", "[gift]") {
    SECTION("value:tolerance") {
        const auto q = Only(Parse("Tahun lahir Grant?{#1822:5#ok}"));
        CHECK(q.type == QuestionType::Numerical);
        REQUIRE(q.numerical.size() == 1);
        CHECK(q.numerical[0].value == 1822);
        CHECK(q.numerical[0].min == 1817);
        CHECK(q.numerical[0].max == 1827);
        CHECK(q.numerical[0].feedback == "ok");
    }
    SECTION("lo..hi") {
        const auto q = Only(Parse("Pi?{#3.14..3.15}"));
        CHECK(q.numerical[0].min == Approx(3.14));
        CHECK(q.numerical[0].max == Approx(3.15));
        CHECK(q.numerical[0].value == Approx(3.145));
    }
    SECTION("exact, big number") {
        const auto q = Only(Parse("Denda?{#12000000:0}"));
        CHECK(q.numerical[0].min == 12000000);
        CHECK(q.numerical[0].max == 12000000);
    }
    SECTION("several answers with '=' and weights") {
        const auto q = Only(Parse("Kapan?{#\n=2020:0#tepat\n=%50%2019:1#dekat\n~#salah\n}"));
        REQUIRE(q.numerical.size() == 2);
        CHECK(q.numerical[0].fraction == 1.0);
        CHECK(q.numerical[1].fraction == Approx(0.5));
        CHECK(q.numerical[1].min == 2018);
        CHECK(q.numerical[1].feedback == "dekat");
        CHECK(q.wrong_feedback == "salah");
    }
    SECTION("negative and signed numbers") {
        const auto q = Only(Parse("Suhu?{#-5:+1}"));
        CHECK(q.numerical[0].min == -6);
    }
}

TEST_CASE("GIFT numerical answers must be numbers", "[gift]") {
    for (const char* bad : {"Q{#abc}", "Q{#12,5}", "Q{#1..x}", "Q{#5:-1}", "Q{#9..1}", "Q{#}"}) {
        INFO(bad);
        const auto f = Parse(bad);
        CHECK(f.questions.empty());
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0].line == 1);
    }
    CHECK(Parse("Q{#12,5}").errors[0].message.find("pakai titik untuk desimal") != std::string::npos);
}

TEST_CASE("GIFT essay and description", "[gift]") {
    const auto essay = Only(Parse("Jelaskan asas netralitas.{}"));
    CHECK(essay.type == QuestionType::Essay);
    CHECK(TypeName(essay.type) == "essay");
    const auto essay_gf = Only(Parse("Jelaskan.{####Jawaban model.}"));
    CHECK(essay_gf.type == QuestionType::Essay);
    CHECK(essay_gf.general_feedback == "Jawaban model.");
    const auto desc = Only(Parse("::Pengantar::Bagian berikut membahas kampanye."));
    CHECK(desc.type == QuestionType::Description);
    CHECK(desc.stem == "Bagian berikut membahas kampanye.");
}

TEST_CASE("GIFT escapes are literal characters, never syntax", "[gift]") {
    const auto q =
        Only(Parse("::Judul\\: satu::Tanda \\{kurung\\} dan \\~ \\= \\# \\\\ ok{=a\\#b#umpan \\= balik ~c}"));
    CHECK(q.title == "Judul: satu");
    CHECK(q.stem == "Tanda {kurung} dan ~ = # \\ ok");
    CHECK(q.choices[0].text == "a#b");
    CHECK(q.choices[0].feedback == "umpan = balik");
    const auto nl = Only(Parse("Baris\\nbaru{=a ~b}"));
    CHECK(nl.stem == "Baris\nbaru");
}

TEST_CASE("GIFT $CATEGORY applies to the following questions and is not a question", "[gift]") {
    const auto f = Parse("$CATEGORY: netralitas/modul-1\n\nQ1{=a ~b}\n\n$CATEGORY: lain\n\nQ2{T}\n");
    REQUIRE(f.errors.empty());
    REQUIRE(f.questions.size() == 2);
    CHECK(f.questions[0].category == "netralitas/modul-1");
    CHECK(f.questions[1].category == "lain");
}

TEST_CASE("GIFT $CATEGORY glued to a question is reported", "[gift]") {
    const auto f = Parse("$CATEGORY: x\nQ{=a ~b}\n");
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].line == 2);
}

TEST_CASE("GIFT text format prefixes", "[gift]") {
    const auto q = Only(Parse("[markdown]**Tebal**?{=[html]<b>a</b>#[plain]fb ~b}"));
    CHECK(q.format == TextFormat::Markdown);
    CHECK(q.stem == "**Tebal**?");
    CHECK(q.choices[0].text == "<b>a</b>");
    CHECK(q.choices[0].feedback == "fb");
    // An unknown [word] is ordinary text, as in Moodle.
    const auto plain = Only(Parse("[catatan] teks{=a ~b}"));
    CHECK(plain.format == TextFormat::Moodle);
    CHECK(plain.stem == "[catatan] teks");
}

TEST_CASE("GIFT multi-line questions, comments, CRLF and UTF-8", "[gift]") {
    const auto f = Parse(
        "// komentar biasa\r\n"
        "// [id:m2-q07] [tag:PP-94-2021-Ps-5] [tag:SKB-2022]\r\n"
        "::Judul panjang::Baris pertama\r\n"
        "baris kedua — “kutip” é{\r\n"
        "  // komentar di tengah jawaban\r\n"
        "  =benar#ya\r\n"
        "  ~salah#tidak\r\n"
        "}\r\n");
    const auto q = Only(f);
    CHECK(q.id == "m2-q07");
    CHECK(q.tags == std::vector<std::string>{"PP-94-2021-Ps-5", "SKB-2022"});
    CHECK(q.stem == "Baris pertama\nbaris kedua — “kutip” é");
    CHECK(q.answer_line == 4);
    CHECK(q.answer_col == 24);  // columns count characters, not bytes
    CHECK(q.choices.size() == 2);
}

TEST_CASE("GIFT id falls back to the title, else file:line", "[gift]") {
    const auto f = Parse("::Judul A::Q{T}\n\nTanpa judul{T}\n");
    REQUIRE(f.questions.size() == 2);
    CHECK(f.questions[0].id == "Judul A");
    CHECK_FALSE(f.questions[0].id_given);
    CHECK(f.questions[1].id == "soal.gift:3");
    CHECK(f.questions[1].title == "Tanpa judul");
}

TEST_CASE("GIFT structural errors say where and what", "[gift]") {
    struct Case {
        const char* text;
        int line, col;
        const char* words;
    };
    const Case cases[] = {
        {"Q {=a ~b", 1, 3, "tidak ditutup"},
        {"Q =a ~b}", 1, 8, "tanpa '{'"},
        {"Q {=a {~b}", 1, 7, "'{' kedua"},
        {"Q {=a ~b} dan {=c ~d}", 1, 15, "satu blok jawaban"},
        {"::Judul tanpa tutup{=a ~b}", 1, 1, "judul soal tidak ditutup"},
        {"Q {~a}", 1, 3, "sedikitnya dua pilihan"},
        {"Q {x ~a ~b}", 1, 4, "sebelum pilihan pertama"},
        {"Q {=a ~#cuma umpan balik}", 1, 7, "pilihan kosong"},
        {"\n\nBaris tiga\n{=a ~b", 4, 1, "tidak ditutup"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto f = Parse(c.text);
        CHECK(f.questions.empty());
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0].file == "soal.gift");
        CHECK(f.errors[0].line == c.line);
        CHECK(f.errors[0].col == c.col);
        CHECK(f.errors[0].message.find(c.words) != std::string::npos);
    }
}

TEST_CASE("GIFT a broken question does not take the others down", "[gift]") {
    const auto f = Parse("A{=a ~b}\n\nB{=a ~b\n\nC{T}\n");
    CHECK(f.errors.size() == 1);
    REQUIRE(f.questions.size() == 2);
    CHECK(f.questions[0].stem == "A");
    CHECK(f.questions[1].stem == "C");
}

TEST_CASE("GIFT id annotation separated from its question by a blank line is reported", "[gift]") {
    const auto f = Parse("// [id:m1-q01]\n\nQ{T}\n");
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].line == 1);
    CHECK(f.errors[0].message.find("tidak menempel") != std::string::npos);
}

TEST_CASE("Question::Hash changes with what affects grading only", "[gift]") {
    const auto a = Only(Parse("::T1::Q{=a ~b}")).Hash();
    CHECK(a.size() == 16);
    CHECK(Only(Parse("::T2::Q{=a ~b#umpan balik baru}")).Hash() == a);  // title, feedback: same
    CHECK(Only(Parse("::T1::Q{~a =b}")).Hash() != a);                   // right answer moved
    CHECK(Only(Parse("::T1::Q2{=a ~b}")).Hash() != a);                  // stem changed
}
