// Every grading rule of engine/grading.hpp, with the edge cases a learner can produce.
#include <catch2/catch.hpp>

#include "engine/grading.hpp"
#include "engine/text_match.hpp"

using namespace sinau::engine;
using sinau::content::Choice;
using sinau::content::MatchPair;
using sinau::content::NumericalAnswer;
using sinau::content::Question;
using sinau::content::QuestionType;

namespace {
Question Mc() {
    Question q;
    q.id = "m1-q01";
    q.type = QuestionType::Mc;
    q.stem = "Asas netralitas ASN ada pada UU 5/2014 Pasal 2 huruf ...";
    q.choices = {{"a", 0.0, "Bukan. Huruf a adalah asas kepastian hukum."},
                 {"f", 1.0, "Benar. Pasal 2 huruf f."},
                 {"e", 0.0, ""},
                 {"setengah", 0.5, "Sebagian."}};
    q.general_feedback = "Lihat UU 5/2014 Pasal 2.";
    return q;
}
Question Multi() {
    Question q;
    q.id = "m1-q02";
    q.type = QuestionType::Multi;
    q.choices = {{"A", 0.5, "fa"}, {"B", 0.5, "fb"}, {"C", -1.0, "fc"}, {"D", 0.0, ""}};
    return q;
}
}  // namespace

TEST_CASE("multiple choice takes the chosen choice's weight and its feedback", "[engine][grading]") {
    const Question q = Mc();
    auto g = GradeAnswer(q, McAnswer(1));
    REQUIRE(g.fraction);
    CHECK(*g.fraction == 1.0);
    CHECK(g.verdict == Verdict::Benar);
    CHECK(g.feedback == std::vector<std::string>{"Benar. Pasal 2 huruf f."});
    CHECK(g.general_feedback == "Lihat UU 5/2014 Pasal 2.");

    g = GradeAnswer(q, McAnswer(0));
    CHECK(*g.fraction == 0.0);
    CHECK(g.verdict == Verdict::Salah);
    CHECK(g.feedback.front() == "Bukan. Huruf a adalah asas kepastian hukum.");

    g = GradeAnswer(q, McAnswer(3));
    CHECK(*g.fraction == 0.5);
    CHECK(g.verdict == Verdict::Sebagian);

    CHECK(GradeAnswer(q, McAnswer(2)).feedback.empty());     // empty feedback is not shown
    CHECK(*GradeAnswer(q, McAnswer(-1)).fraction == 0.0);    // unanswered
    CHECK(*GradeAnswer(q, McAnswer(17)).fraction == 0.0);    // out of range (content shrank)
    CHECK(*GradeAnswer(q, TfAnswer(true)).fraction == 0.0);  // wrong answer type
    CHECK(RightAnswerText(q) == "f");
    CHECK(AnswerText(q, McAnswer(0)) == "a");
    CHECK(AnswerText(q, McAnswer(-1)) == "(tidak dijawab)");
}

TEST_CASE("multiple answers sum the chosen weights, clamped to 0..1", "[engine][grading]") {
    const Question q = Multi();
    CHECK(*GradeAnswer(q, MultiAnswer({0, 1})).fraction == 1.0);
    CHECK(*GradeAnswer(q, MultiAnswer({0})).fraction == 0.5);
    CHECK(*GradeAnswer(q, MultiAnswer({0, 2})).fraction == 0.0);     // 0.5 - 1 clamped to 0
    CHECK(*GradeAnswer(q, MultiAnswer({0, 1, 2})).fraction == 0.0);  // 1 - 1
    CHECK(*GradeAnswer(q, MultiAnswer({0, 1, 3})).fraction == 1.0);  // a 0-weight choice costs nothing
    CHECK(*GradeAnswer(q, MultiAnswer({0, 0, 0})).fraction == 0.5);  // ticking twice counts once
    CHECK(*GradeAnswer(q, MultiAnswer({})).fraction == 0.0);
    Question over = q;
    over.choices = {{"A", 0.75, ""}, {"B", 0.75, ""}};
    CHECK(*GradeAnswer(over, MultiAnswer({0, 1})).fraction == 1.0);  // clamped to 1
    const auto g = GradeAnswer(q, MultiAnswer({1, 2}));
    CHECK(g.feedback == std::vector<std::string>{"fb", "fc"});
    CHECK(RightAnswerText(q) == "A; B");
}

TEST_CASE("true/false uses the wrong/right feedback", "[engine][grading]") {
    Question q;
    q.type = QuestionType::TrueFalse;
    q.tf_answer = false;
    q.tf_feedback_wrong = "Salah: ASN dilarang.";
    q.tf_feedback_right = "Tepat.";
    auto g = GradeAnswer(q, TfAnswer(false));
    CHECK(*g.fraction == 1.0);
    CHECK(g.feedback == std::vector<std::string>{"Tepat."});
    g = GradeAnswer(q, TfAnswer(true));
    CHECK(*g.fraction == 0.0);
    CHECK(g.feedback == std::vector<std::string>{"Salah: ASN dilarang."});
    sinau::engine::Answer none;
    none.type = QuestionType::TrueFalse;
    CHECK(*GradeAnswer(q, none).fraction == 0.0);
    CHECK(GradeAnswer(q, none).feedback.empty());
    CHECK(RightAnswerText(q) == "Salah");
}

TEST_CASE("short answers ignore case and spacing, and take the best matching weight", "[engine][grading]") {
    Question q;
    q.type = QuestionType::Short;
    q.choices = {{"Netralitas", 1.0, "Ya."}, {"netral", 0.5, "Hampir."}, {"Bawaslu*", 1.0, "Pengawas."}};
    CHECK(*GradeAnswer(q, ShortAnswer("  NETRALITAS ")).fraction == 1.0);
    CHECK(*GradeAnswer(q, ShortAnswer("netral")).fraction == 0.5);
    CHECK(GradeAnswer(q, ShortAnswer("netral")).feedback.front() == "Hampir.");
    CHECK(*GradeAnswer(q, ShortAnswer("Bawaslu Provinsi Jawa Timur")).fraction == 1.0);  // wildcard
    CHECK(*GradeAnswer(q, ShortAnswer("KPU")).fraction == 0.0);
    CHECK(*GradeAnswer(q, ShortAnswer("")).fraction == 0.0);
    CHECK(RightAnswerText(q) == "Netralitas atau Bawaslu*");

    CHECK(NormalizeShortAnswer("  Aparatur\t\tSipil \n Negara ") == "aparatur sipil negara");
    CHECK(NormalizeShortAnswer("ÄRZTE\xC2\xA0Ünd") == "ärzte ünd");  // Latin-1 capitals, NBSP
    CHECK(ShortAnswerMatches("asn", "ASN"));
    CHECK_FALSE(ShortAnswerMatches("asn", "as n"));
    CHECK(ShortAnswerMatches("5\\*", "5*"));
    CHECK_FALSE(ShortAnswerMatches("5\\*", "55"));
    CHECK(ShortAnswerMatches("*", "apa saja"));
    CHECK(ShortAnswerMatches("pasal * ayat 2", "Pasal 280 ayat 2"));
}

TEST_CASE("numerical answers: tolerance, ranges, weighted alternatives, Indonesian number input",
          "[engine][grading]") {
    Question q;
    q.type = QuestionType::Numerical;
    q.numerical = {{2024, 2024, 2024, 1.0, "Tepat."}, {2023, 2025, 2024, 0.5, "Hampir."}};
    q.wrong_feedback = "Pemilu serentak 2024.";
    CHECK(*GradeAnswer(q, NumericalAnswerOf("2024")).fraction == 1.0);
    CHECK(*GradeAnswer(q, NumericalAnswerOf("2025")).fraction == 0.5);
    CHECK(GradeAnswer(q, NumericalAnswerOf("2025")).feedback.front() == "Hampir.");
    auto g = GradeAnswer(q, NumericalAnswerOf("1999"));
    CHECK(*g.fraction == 0.0);
    CHECK(g.feedback.front() == "Pemilu serentak 2024.");
    CHECK(*GradeAnswer(q, NumericalAnswerOf("dua ribu")).fraction == 0.0);
    CHECK(RightAnswerText(q) == "2024");

    Question money;
    money.type = QuestionType::Numerical;
    money.numerical = {{12000000, 12000000, 12000000, 1.0, ""}};
    CHECK(*GradeAnswer(money, NumericalAnswerOf("12.000.000")).fraction == 1.0);
    CHECK(*GradeAnswer(money, NumericalAnswerOf("12000000")).fraction == 1.0);
    CHECK(*GradeAnswer(money, NumericalAnswerOf("12,000,000")).fraction == 1.0);

    Question tol;
    tol.type = QuestionType::Numerical;
    tol.numerical = {{0.25, 0.35, 0.3, 1.0, ""}};
    CHECK(*GradeAnswer(tol, NumericalAnswerOf("0,3")).fraction == 1.0);
    CHECK(*GradeAnswer(tol, NumericalAnswerOf("0.35")).fraction == 1.0);  // bounds inclusive
    CHECK(*GradeAnswer(tol, NumericalAnswerOf("0,36")).fraction == 0.0);
    CHECK(RightAnswerText(tol) == "0.3 (±0.05)");
    Question range;
    range.type = QuestionType::Numerical;
    range.numerical = {{1, 5, 3, 1.0, ""}};
    CHECK(RightAnswerText(range) == "3 (±2)");
    range.numerical = {{1, 5, 4, 1.0, ""}};
    CHECK(RightAnswerText(range) == "1 sampai 5");

    CHECK(ParseLearnerNumber("1.500") == 1500.0);
    CHECK(ParseLearnerNumber("0.5") == 0.5);
    CHECK(ParseLearnerNumber("1.5") == 1.5);
    CHECK(ParseLearnerNumber("2,5") == 2.5);
    CHECK(ParseLearnerNumber("1.234,5") == 1234.5);
    CHECK(ParseLearnerNumber("1,234.5") == 1234.5);
    CHECK(ParseLearnerNumber(" -7 ") == -7.0);
    CHECK_FALSE(ParseLearnerNumber("12.00.000"));
    CHECK_FALSE(ParseLearnerNumber(""));
    CHECK_FALSE(ParseLearnerNumber("1e999"));
    CHECK_FALSE(ParseLearnerNumber("Rp 5"));
}

TEST_CASE("matching gives credit per correct pair and ignores distractors", "[engine][grading]") {
    Question q;
    q.type = QuestionType::Match;
    q.pairs = {{"KPU", "penyelenggara"}, {"Bawaslu", "pengawas"}, {"DKPP", "kode etik"}, {"", "pengadilan"}};
    CHECK(*GradeAnswer(q, MatchAnswer({0, 1, 2})).fraction == 1.0);
    CHECK(*GradeAnswer(q, MatchAnswer({1, 0, 2})).fraction == Approx(1.0 / 3));
    CHECK(*GradeAnswer(q, MatchAnswer({3, 3, 3})).fraction == 0.0);
    CHECK(*GradeAnswer(q, MatchAnswer({0})).fraction == Approx(1.0 / 3));  // others unanswered
    CHECK(*GradeAnswer(q, MatchAnswer({0, -1, 99})).fraction == Approx(1.0 / 3));
    CHECK(RightAnswerText(q) == "KPU → penyelenggara; Bawaslu → pengawas; DKPP → kode etik");
    CHECK(AnswerText(q, MatchAnswer({1, 0, 2})) ==
          "KPU → pengawas; Bawaslu → penyelenggara; DKPP → kode etik");
    // Two left items with the same right side: either index of that text is right.
    Question dup = q;
    dup.pairs = {{"a", "x"}, {"b", "x"}, {"c", "y"}};
    CHECK(*GradeAnswer(dup, MatchAnswer({1, 0, 2})).fraction == 1.0);
}

TEST_CASE("essays wait for a trainer and descriptions are not scored", "[engine][grading]") {
    Question essay;
    essay.type = QuestionType::Essay;
    essay.general_feedback = "Jawaban yang baik menyebut PP 94/2021.";
    const auto g = GradeAnswer(essay, EssayAnswer("ASN harus netral ..."));
    CHECK_FALSE(g.fraction);
    CHECK(g.scored);
    CHECK(g.verdict == Verdict::BelumDinilai);
    CHECK(g.general_feedback == essay.general_feedback);
    CHECK(RightAnswerText(essay).empty());

    Question d;
    d.type = QuestionType::Description;
    const auto gd = GradeAnswer(d, sinau::engine::Answer{});
    CHECK_FALSE(gd.scored);
    CHECK_FALSE(gd.fraction);
    CHECK(VerdictText(gd.verdict) == "tidak dinilai");
}

TEST_CASE("mc right answer lists every full-credit choice; negative mc weight is kept", "[engine][grading]") {
    Question q;
    q.type = QuestionType::Mc;
    q.choices = {{"x", 1.0, ""}, {"y", 1.0, ""}, {"z", -0.5, ""}};
    CHECK(RightAnswerText(q) == "x / y");
    CHECK(*GradeAnswer(q, McAnswer(2)).fraction == -0.5);
}
