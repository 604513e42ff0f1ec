#pragma once
// A small course built in code (two modules, every question type, one scenario) for store tests.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "content/model.hpp"
#include "store/database.hpp"

namespace sinau::test {

inline content::Scenario SmallScenario() {
    using content::Link;
    using content::Passage;
    content::Scenario s;
    s.id = "skenario-like";
    s.title = "Rina dan Tombol Like";
    s.start = "Mulai";
    auto p = [](std::string name, std::vector<std::string> to, std::optional<int> score, bool end) {
        Passage x;
        x.name = std::move(name);
        for (auto& t : to) x.links.push_back(Link{"ke " + t, t});
        x.score = score;
        x.ending = end;
        return x;
    };
    s.passages = {p("Mulai", {"Like", "Abaikan"}, {}, false), p("Like", {"Akhir buruk"}, -2, false),
                  p("Abaikan", {"Akhir baik"}, 2, false), p("Akhir buruk", {}, -1, true),
                  p("Akhir baik", {}, 3, true)};
    return s;
}

inline content::Course SmallCourse() {
    using content::QuestionType;
    content::Course c;
    c.id = "netralitas-asn-pemilu-2024";
    c.title = "Partisipasi dan Netralitas ASN";
    c.version = "1.0.0";
    c.pass_mark = 70;
    for (int m = 1; m <= 2; ++m) {
        content::Module mod;
        mod.id = "0" + std::to_string(m) + "-modul";
        mod.title = "Modul " + std::to_string(m);
        mod.reading.pages.resize(3);
        mod.quiz.shuffle_questions = false;
        mod.quiz.shuffle_choices = false;
        mod.quiz.mode = content::QuizMode::Ujian;
        auto q = [&](std::string id, QuestionType t) {
            content::Question x;
            x.id = "m" + std::to_string(m) + "-" + id;
            x.type = t;
            x.stem = "Soal " + id;
            return x;
        };
        auto mc = q("q01", QuestionType::Mc);
        mc.choices = {{"salah", 0, "Bukan."}, {"benar", 1, "Benar."}};
        auto tf = q("q02", QuestionType::TrueFalse);
        tf.tf_answer = true;
        auto sa = q("q03", QuestionType::Short);
        sa.choices = {{"netral", 1, ""}};
        auto num = q("q04", QuestionType::Numerical);
        num.numerical = {{2024, 2024, 2024, 1, ""}};
        auto multi = q("q05", QuestionType::Multi);
        multi.choices = {{"a", 0.5, ""}, {"b", 0.5, ""}, {"c", -1, ""}};
        mod.questions = {mc, tf, sa, num, multi};
        if (m == 1) mod.scenarios = {SmallScenario()};
        c.modules.push_back(std::move(mod));
    }
    return c;
}

inline std::string InsertLearner(store::Database& db, const std::string& id, const std::string& nip) {
    SQLite::Statement q(db.sql(),
                        "INSERT INTO learners (id, nip, name, instansi, created_at, updated_at) "
                        "VALUES (?, ?, 'Siti Rahayu', 'BPSDM Provinsi Jawa Timur', 't', 't')");
    q.bind(1, id);
    q.bind(2, nip);
    q.exec();
    return id;
}

}  // namespace sinau::test
