// The learning screens driven headless (imgui's example_null pattern): the real App with the fixture
// course and a real SQLite file; keys and typed characters go in through io like the GLFW backend's,
// intents are applied after each frame, and the assertions read the database and the drawn text.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "../support/headless_app.hpp"
#include "content/course_loader.hpp"
#include "engine/answer.hpp"
#include "store/database.hpp"
#include "ui/app.hpp"
#include "ui/screens/quiz_draft.hpp"
#include "ui/text_dump.hpp"

namespace fs = std::filesystem;
using namespace sinau;
using ui::LearningIntent;
namespace L = ui::learning;

namespace {

constexpr int kEnter = test::kKeyEnter, kTab = test::kKeyTab, kEscape = test::kKeyEscape,
              kSpace = test::kKeySpace;
constexpr const char* kNip = "198803122015032001";

fs::path Course() {
    return fs::path(SINAU_FIXTURES) / "content" / "good-course";
}

struct Harness : test::HeadlessApp {
    explicit Harness(fs::path reuse = {})
        : HeadlessApp(Course(), fs::path(SINAU_SOURCE_DIR) / "assets", std::move(reuse)) {}
    void Do(L::Action action) {
        app->Push(LearningIntent{std::move(action)});
        app->ApplyIntents();
    }
    using HeadlessApp::Type;
    void Type(char c) { Type(std::string(1, c)); }
    L::LearningController& learning() { return app->learning(); }
    int Count(const std::string& sql) {
        SQLite::Statement q(db->sql(), sql);
        REQUIRE(q.executeStep());
        return q.getColumn(0).getInt();
    }
    void SignIn() {
        Do(L::SaveProfile{"", {"Rahayu Setyaningsih", kNip, "BKD Kabupaten Sidoarjo", ""}});
        REQUIRE(learning().learner());
    }
};

using test::Has;

// The full-credit answer of a question (for driving a module to "lulus").
engine::Answer RightAnswer(const content::Question& q) {
    switch (q.type) {
        case content::QuestionType::Mc:
            for (size_t i = 0; i < q.choices.size(); ++i)
                if (q.choices[i].fraction > 0.99) return engine::McAnswer(int(i));
            break;
        case content::QuestionType::TrueFalse:
            return engine::TfAnswer(q.tf_answer);
        case content::QuestionType::Numerical:
            return engine::NumericalAnswerOf(engine::FormatNumber(q.numerical[0].value));
        case content::QuestionType::Short:
            return engine::ShortAnswer(q.choices[0].text);
        case content::QuestionType::Multi: {
            std::vector<int> picks;
            for (size_t i = 0; i < q.choices.size(); ++i)
                if (q.choices[i].fraction > 0) picks.push_back(int(i));
            return engine::MultiAnswer(picks);
        }
        case content::QuestionType::Match: {
            std::vector<int> pairs;
            for (size_t i = 0; i < q.pairs.size(); ++i) pairs.push_back(int(i));
            return engine::MatchAnswer(pairs);
        }
        default:
            break;
    }
    return engine::McAnswer(0);
}

}  // namespace

TEST_CASE("profile form: each field shows the core validator's message; nothing is saved until valid") {
    Harness h;
    h.Do(L::SaveProfile{"", {"", "12345", "BKD", ""}});
    const auto& fb = h.learning().profile_feedback();
    CHECK_FALSE(fb.ok);
    CHECK(fb.Message(learners::ProfileField::Name).find("Nama lengkap wajib diisi") != std::string::npos);
    CHECK(fb.Message(learners::ProfileField::Nip).find("NIP harus 18 angka") != std::string::npos);
    CHECK(fb.Message(learners::ProfileField::Instansi).empty());
    CHECK(h.Count("SELECT count(*) FROM learners") == 0);
    h.Do(L::OpenOverview{"01-contoh"});  // no learner yet: nothing opens
    CHECK(h.learning().overview().module == nullptr);

    h.app->Push(ui::Navigate{ui::Route{ui::ScreenId::Profiles, {}, 0}});
    h.app->ApplyIntents();
    auto text = h.Frame();
    CHECK(Has(text, "Siapa yang belajar hari ini?"));
    CHECK(Has(text, "Nama lengkap wajib diisi"));  // under its field
    CHECK(Has(text, "NIP harus 18 angka"));

    h.SignIn();
    CHECK(h.app->route().screen == ui::ScreenId::Home);
    CHECK(h.Count("SELECT count(*) FROM learners WHERE nip = '198803122015032001'") == 1);
    text = h.Frame();
    CHECK(Has(text, "Rahayu Setyaningsih"));
    CHECK(Has(text, "0 dari 2 modul lulus"));
    CHECK(Has(text, "Belum mulai"));

    // The same NIP again is refused, with the message under the NIP field.
    h.Do(L::SaveProfile{"", {"Orang Lain", kNip, "BKD", ""}});
    CHECK(h.learning().profile_feedback().Message(learners::ProfileField::Nip).find("sudah terdaftar") !=
          std::string::npos);

    // Removal keeps the row (and its records) for the administrator.
    const std::string id = h.learning().learner()->id;
    h.Do(L::RemoveLearner{id});
    CHECK(h.learning().learners().empty());
    CHECK(h.Count("SELECT count(*) FROM learners WHERE removed_at IS NOT NULL") == 1);
}

TEST_CASE("reading pages are stored through the PageChanged hook") {
    Harness h;
    h.SignIn();
    h.Do(L::ResumeReading{"01-contoh"});
    CHECK(h.app->route().screen == ui::ScreenId::Module);
    h.app->Push(ui::Navigate{ui::Route{ui::ScreenId::Module, "01-contoh", 1}});
    h.app->ApplyIntents();
    CHECK(h.Count("SELECT page FROM reading_progress WHERE module_id = '01-contoh'") == 1);
    h.Do(L::ResumeReading{"01-contoh"});  // "Lanjutkan membaca" opens the stored page
    CHECK(h.app->route().page == 1);
}

TEST_CASE("latihan: number key + Enter commits the answer after the frame, shows feedback, then locks it") {
    Harness h;
    h.SignIn();
    h.Do(L::StartQuiz{"01-contoh", content::QuizMode::Latihan});  // the module's own mode is ujian
    REQUIRE(h.app->route().screen == ui::ScreenId::Quiz);
    const auto* s = h.learning().quiz();
    REQUIRE(s);
    REQUIRE(s->items.size() == 3);
    CHECK(s->items[0].question->id == "c1-q01");  // shuffle_questions = false
    auto text = h.Frame();
    CHECK(Has(text, "Soal 1 dari 3"));
    CHECK(Has(text, "Periksa jawaban"));
    const std::string attempt = s->attempt.id;

    h.Type('1');
    CHECK(h.Count("SELECT count(*) FROM responses") == 0);  // picked, not given yet
    h.Press(kEnter);
    CHECK(h.Count("SELECT count(*) FROM responses WHERE attempt_id = '" + attempt +
                  "' AND question_id = 'c1-q01'") == 1);
    text = h.Frame();
    CHECK((Has(text, "Benar") || Has(text, "Salah")));
    CHECK(Has(text, "Penjelasan: Asas netralitas: UU 5/2014 Pasal 2 huruf f."));  // the legal basis
    CHECK(Has(text, "Soal berikutnya"));

    // Locked: another key changes nothing in the database.
    const int before =
        h.Count("SELECT CAST(fraction * 100 AS INTEGER) FROM responses WHERE question_id = 'c1-q01'");
    h.Type('2');
    h.Frame();
    CHECK(h.Count("SELECT CAST(fraction * 100 AS INTEGER) FROM responses WHERE question_id = 'c1-q01'") ==
          before);

    h.Press(kEnter);  // next question: true/false, 2 = Salah (the right value)
    CHECK(h.learning().quiz()->current == 1);
    h.Type('2');
    h.Press(kEnter);
    CHECK(h.Count("SELECT CAST(fraction AS INTEGER) FROM responses WHERE question_id = 'c1-q02'") == 1);
    h.Press(kEnter);

    // Numerical: typed into the focused field, Enter gives it.
    text = h.Frame();
    CHECK(Has(text, "Isian angka"));
    for (char c : std::string("494")) h.Type(c);
    h.Press(kEnter);
    CHECK(h.Count("SELECT CAST(fraction AS INTEGER) FROM responses WHERE question_id = 'c1-q03'") == 1);
    h.Press(kEnter);  // "Selesai & lihat hasil": every question answered, so it submits
    REQUIRE(h.app->route().screen == ui::ScreenId::Result);
    CHECK(h.Count("SELECT count(*) FROM attempts WHERE submitted_at IS NOT NULL") == 1);
    text = h.Frame();
    CHECK(Has(text, "Hasil kuis"));
    CHECK(Has(text, "batas lulus 75"));
    CHECK(Has(text, "Pembahasan"));
    CHECK(Has(text, "Jawaban Anda: "));  // the first reviewed question (the rest is below the fold)
    REQUIRE(h.learning().result()->items.size() == 3);
    CHECK(h.learning().result()->items[2].answer_text == "494");
    CHECK(h.learning().result()->items[1].answer_text == "Salah");
}

TEST_CASE(
    "ujian: answers can change until sent; the confirmation lists what is missing; the result reviews all") {
    Harness h;
    h.SignIn();
    h.Do(L::StartQuiz{"01-contoh", content::QuizMode::Ujian});
    const auto* s = h.learning().quiz();
    REQUIRE(s);
    CHECK(s->attempt.mode == content::QuizMode::Ujian);
    auto text = h.Frame();
    CHECK(Has(text, "Ujian"));
    h.Type('1');  // ujian: every pick is given at once
    CHECK(h.Count("SELECT count(*) FROM responses") == 1);
    text = h.Frame();
    CHECK_FALSE(Has(text, "Penjelasan"));  // no feedback before sending
    h.Type('2');                           // changed: the same row is replaced
    CHECK(h.Count("SELECT count(*) FROM responses") == 1);
    h.Press(kEnter);  // Simpan & lanjut
    CHECK(h.learning().quiz()->current == 1);
    h.Press(kEnter);  // skip the true/false question
    h.Press(kEnter);  // last: asks for confirmation
    text = h.Frame();
    CHECK(Has(text, "Kirim jawaban sekarang?"));
    CHECK(Has(text, "Anda telah menjawab 1 dari 3 soal."));
    h.Press(kEscape);
    text = h.Frame();
    CHECK_FALSE(Has(text, "Kirim jawaban sekarang?"));
    h.Press(kEnter);
    h.Press(kEnter);  // Enter on the confirmation sends
    REQUIRE(h.app->route().screen == ui::ScreenId::Result);
    const auto* r = h.learning().result();
    REQUIRE(r);
    CHECK(r->items.size() == 3);
    CHECK(r->attempt.score.has_value());
    text = h.Frame();
    CHECK(Has(text, "Tidak dijawab"));
}

TEST_CASE("after a restart, Lanjutkan resumes the open attempt at the first unanswered question") {
    Harness h;
    h.SignIn();
    const std::string learner = h.learning().learner()->id;
    h.Do(L::StartQuiz{"01-contoh", std::nullopt});
    const auto* s = h.learning().quiz();
    REQUIRE(s);
    h.Do(L::AnswerQuestion{s->items[0].question->id, RightAnswer(*s->items[0].question), 1000, false});
    const std::string attempt = s->attempt.id;
    h.Close();  // quit (or crash: every answer was already committed)

    h.Open();
    h.Do(L::SelectLearner{learner});
    h.Frame();
    h.Do(L::Continue{});
    REQUIRE(h.app->route().screen == ui::ScreenId::Quiz);
    const auto* resumed = h.learning().quiz();
    REQUIRE(resumed);
    CHECK(resumed->attempt.id == attempt);
    CHECK(resumed->current == 1);
    CHECK(resumed->responses.size() == 1);
    CHECK(Has(h.Frame(), "1 dari 3 soal dijawab"));
}

TEST_CASE("scenario by number keys, then quizzes: module and course pass, completion banner on home") {
    Harness h;
    h.SignIn();
    h.Do(L::StartScenario{"01-contoh", "skenario-contoh"});
    REQUIRE(h.app->route().screen == ui::ScreenId::Scenario);
    auto text = h.Frame();
    CHECK(Has(text, "Rina dan Tombol Like"));
    CHECK(Has(text, "Tekan like"));
    h.Type('1');  // Tekan like -> -2 with its Umpan balik
    text = h.Frame();
    CHECK(Has(text, "Pilihan Anda: Tekan like"));
    CHECK(Has(text, "Umpan balik"));
    CHECK(Has(text, "Skor -2"));
    for (int i = 0; i < 6 && !h.learning().scenario()->run.ended; ++i) h.Type('1');
    REQUIRE(h.learning().scenario()->run.ended);
    text = h.Frame();
    CHECK(Has(text, "Akhir cerita"));
    CHECK(Has(text, "Jalur terbaik"));
    CHECK(h.Count("SELECT count(*) FROM scenario_runs WHERE ended = 1") == 1);

    for (const char* module : {"01-contoh", "02-kedua"}) {
        h.Do(L::StartQuiz{module, std::nullopt});
        const auto* s = h.learning().quiz();
        REQUIRE(s);
        for (const auto& item : s->items)
            h.Do(L::AnswerQuestion{item.question->id, RightAnswer(*item.question), 500, false});
        h.Do(L::SubmitQuiz{});
        REQUIRE(h.learning().result());
        CHECK(h.learning().result()->attempt.passed == std::optional<bool>(true));
    }
    CHECK(h.learning().completion().has_value());
    h.app->Push(ui::Navigate{ui::Route{ui::ScreenId::Home, {}, 0}});
    h.app->ApplyIntents();
    text = h.Frame();
    CHECK(Has(text, "2 dari 2 modul lulus"));
    CHECK(Has(text, "Selamat, kursus selesai!"));
    CHECK(Has(text, "Lulus"));
}

TEST_CASE("roster import from the picker reports accepted and rejected rows with reasons") {
    Harness h;
    const fs::path csv = h.dir / "peserta.csv";
    std::ofstream(csv) << "Nama lengkap,NIP,Instansi/OPD,Jabatan\n"
                          "Budi Santoso,198803122015031002,BKD Kota Malang,Analis\n"
                          "Tanpa NIP,123,BKD Kota Malang,\n";
    h.Do(L::ImportRoster{csv.string()});
    const auto& report = h.learning().roster_report();
    REQUIRE(report);
    CHECK(report->added == 1);
    CHECK(report->rejected == 1);
    CHECK(h.learning().learners().size() == 1);
    h.app->Push(ui::Navigate{ui::Route{ui::ScreenId::Profiles, {}, 0}});
    h.app->ApplyIntents();
    const auto text = h.Frame();
    CHECK(Has(text, "1 baris diterima, 1 ditolak"));
    CHECK(Has(text, "Baris 3:"));
    CHECK(Has(text, "Budi Santoso"));

    h.Do(L::ImportRoster{(h.dir / "tidak-ada.csv").string()});
    CHECK_FALSE(h.learning().roster_error().empty());
    CHECK(h.learning().learners().size() == 1);
}

TEST_CASE("quiz drafts map shuffled display positions to original indices and back") {
    content::Question mc;
    mc.type = content::QuestionType::Mc;
    mc.choices.resize(4);
    const std::vector<int> order{2, 0, 3, 1};
    ui::QuizDraft d = ui::EmptyDraft(mc, order);
    CHECK_FALSE(ui::AnswerFrom(mc, order, d).has_value());
    REQUIRE(ui::PickOption(mc, order, d, 1, 0));
    CHECK(ui::AnswerFrom(mc, order, d)->choice == 2);  // display 1 is original choice 2
    CHECK(ui::DraftFrom(mc, order, engine::McAnswer(3)).choice == 2);
    CHECK_FALSE(ui::PickOption(mc, order, d, 5, 0));

    content::Question multi = mc;
    multi.type = content::QuestionType::Multi;
    d = ui::EmptyDraft(multi, order);
    ui::PickOption(multi, order, d, 2, 0);
    ui::PickOption(multi, order, d, 4, 0);
    CHECK(ui::AnswerFrom(multi, order, d)->choices == std::vector<int>{0, 1});
    ui::PickOption(multi, order, d, 2, 0);  // toggled off
    CHECK(ui::AnswerFrom(multi, order, d)->choices == std::vector<int>{1});

    content::Question match;
    match.type = content::QuestionType::Match;
    match.pairs = {{"A", "a"}, {"B", "b"}, {"", "x"}};
    const std::vector<int> right{2, 1, 0};
    d = ui::EmptyDraft(match, right);
    ui::PickOption(match, right, d, 3, 0);  // row A -> display 3 = pair 0 ("a")
    ui::PickOption(match, right, d, 2, 1);  // row B -> display 2 = pair 1 ("b")
    CHECK(ui::AnswerFrom(match, right, d)->pairs == std::vector<int>{0, 1, -1});
    CHECK_FALSE(ui::PickOption(match, right, d, 1, 2));  // there is no third left item

    content::Question numerical;
    numerical.type = content::QuestionType::Numerical;
    d = ui::EmptyDraft(numerical, {});
    d.text = "   ";
    CHECK_FALSE(ui::AnswerFrom(numerical, {}, d).has_value());
    d.text = "12.000.000";
    CHECK(ui::AnswerFrom(numerical, {}, d)->number == std::optional<double>(12000000.0));
}

TEST_CASE(
    "Lanjutkan after a passed quiz leads on: the module's scenario, the next module, the course result") {
    Harness h;
    h.SignIn();
    CHECK(Has(h.Frame(), "Modul 1: mulai membaca"));
    h.Do(L::StartQuiz{"01-contoh", std::nullopt});
    for (const auto& item : h.learning().quiz()->items)
        h.Do(L::AnswerQuestion{item.question->id, RightAnswer(*item.question), 500, false});
    h.Do(L::SubmitQuiz{});
    REQUIRE(h.learning().result());
    REQUIRE(h.learning().result()->attempt.passed == std::optional<bool>(true));
    auto text = h.Frame();
    CHECK(Has(text, "Langkah berikutnya: Skenario Modul 1: Rina dan Tombol Like"));

    h.Do(L::Continue{});  // not back to the quiz just passed
    REQUIRE(h.app->route().screen == ui::ScreenId::Scenario);
    CHECK(h.learning().scenario()->scenario->id == "skenario-contoh");
    h.Frame();
    for (int i = 0; i < 8 && !h.learning().scenario()->run.ended; ++i) h.Type('1');
    REQUIRE(h.learning().scenario()->run.ended);

    h.Do(L::Continue{});  // module 1 is lulus: module 2 from its first page
    CHECK(h.app->route() == ui::Route{ui::ScreenId::Module, "02-kedua", 0});

    h.Do(L::StartQuiz{"02-kedua", std::nullopt});
    for (const auto& item : h.learning().quiz()->items)
        h.Do(L::AnswerQuestion{item.question->id, RightAnswer(*item.question), 500, false});
    h.Do(L::SubmitQuiz{});
    REQUIRE(h.learning().completion().has_value());
    text = h.Frame();
    CHECK(Has(text, "Kursus selesai: lihat hasil dan sertifikat"));
    h.app->Push(ui::Navigate{ui::Route{ui::ScreenId::Home, {}, 0}});
    h.app->ApplyIntents();
    h.Do(L::Continue{});  // everything done: the result with the completion note
    REQUIRE(h.app->route().screen == ui::ScreenId::Result);
    CHECK(Has(h.Frame(), "Selamat, kursus selesai!"));
}
