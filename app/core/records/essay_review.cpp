#include "records/essay_review.hpp"

#include <SQLiteCpp/Statement.h>

#include <unordered_map>

#include "engine/answer.hpp"
#include "engine/quiz_plan.hpp"
#include "store/learning.hpp"
#include "util/time.hpp"

namespace sinau::records {
namespace {

constexpr size_t kMaxComment = 2000;

void EnsureGradesTable(SQLite::Database& db) {
    db.exec(
        "CREATE TABLE IF NOT EXISTS essay_grades ("
        " response_id TEXT PRIMARY KEY REFERENCES responses(id),"
        " percent     REAL NOT NULL,"
        " comment     TEXT NOT NULL DEFAULT '',"
        " graded_at   TEXT NOT NULL,"
        " updated_at  TEXT NOT NULL)");
}

std::string Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

std::vector<UngradedEssay> ListUngradedEssays(SQLite::Database& db, const content::Course& course,
                                              size_t limit, int64_t* total) {
    // The essay questions the course declares, by (module, question): only those are offered.
    struct EssayRef {
        const content::Module* module;
        const content::Question* question;
    };
    std::unordered_map<std::string, EssayRef> essays;  // key: module_id + '\n' + question_id
    for (const auto& m : course.modules)
        for (const auto& q : m.questions)
            if (q.type == content::QuestionType::Essay) essays[m.id + '\n' + q.id] = {&m, &q};
    std::vector<UngradedEssay> out;
    if (total) *total = 0;
    if (essays.empty()) return out;

    SQLite::Statement q(
        db,
        "SELECT r.id, r.attempt_id, coalesce(l.nip, p.nip, ''), coalesce(l.name, p.name, ''), "
        "coalesce(l.instansi, ''), a.module_id, r.question_id, r.answer, r.answered_at, "
        "a.submitted_at IS NOT NULL "
        "FROM responses r JOIN attempts a ON a.id = r.attempt_id "
        "LEFT JOIN learners l ON l.id = a.learner_id "
        "LEFT JOIN class_participants p ON p.id = a.participant_id "
        "WHERE r.fraction IS NULL ORDER BY r.answered_at, r.id");
    while (q.executeStep()) {
        const std::string module_id = q.getColumn(5).getString(), question_id = q.getColumn(6).getString();
        const auto it = essays.find(module_id + '\n' + question_id);
        if (it == essays.end()) continue;
        if (total) ++*total;
        if (out.size() >= limit) continue;
        UngradedEssay e;
        e.response_id = q.getColumn(0).getString();
        e.attempt_id = q.getColumn(1).getString();
        e.nip = q.getColumn(2).getString();
        e.name = q.getColumn(3).getString();
        e.instansi = q.getColumn(4).getString();
        e.module_id = module_id;
        e.module_title = it->second.module->title;
        e.question_id = question_id;
        e.question_text = it->second.question->stem;
        auto answer = engine::AnswerFromJson(q.getColumn(7).getString());
        e.answer = answer ? answer->text : q.getColumn(7).getString();  // an unreadable answer is shown raw
        e.answered_at = q.getColumn(8).getString();
        e.submitted = q.getColumn(9).getInt() != 0;
        out.push_back(std::move(e));
    }
    return out;
}

Status GradeEssayAnswer(store::Database& db, const content::Course& course, std::string_view response_id,
                        double percent, std::string_view comment) {
    if (!(percent >= 0.0 && percent <= 100.0)) return Error{"Nilai esai harus antara 0 dan 100%."};
    const std::string note = Trim(comment);
    if (note.size() > kMaxComment)
        return Error{"Komentar terlalu panjang (lebih dari " + std::to_string(kMaxComment) + " karakter)."};
    try {
        EnsureGradesTable(db.sql());  // DDL outside the write unit below
        store::WriteTransaction tx(
            db);  // GradeEssay's own transaction nests inside: grade + comment together
        if (auto ok = store::GradeEssay(db, course, response_id, percent / 100.0); !ok) return ok;
        const std::string now = util::NowIso8601();
        SQLite::Statement q(
            db.sql(),
            "INSERT INTO essay_grades (response_id, percent, comment, graded_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id) DO UPDATE SET percent = excluded.percent, "
            "comment = excluded.comment, graded_at = excluded.graded_at, updated_at = excluded.updated_at");
        q.bind(1, std::string(response_id));
        q.bind(2, percent);
        q.bind(3, note);
        q.bind(4, now);
        q.bind(5, now);
        q.exec();
        tx.commit();
    } catch (const std::exception& e) {
        return Error{std::string("Nilai esai tidak tersimpan: ") + e.what()};
    }
    return Success();
}

std::optional<EssayGrade> FindEssayGrade(SQLite::Database& db, std::string_view response_id) {
    try {
        if (db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='essay_grades'")
                .getInt() == 0)
            return std::nullopt;
        SQLite::Statement q(db, "SELECT percent, comment, graded_at FROM essay_grades WHERE response_id = ?");
        q.bind(1, std::string(response_id));
        if (!q.executeStep()) return std::nullopt;
        return EssayGrade{std::string(response_id), q.getColumn(0).getDouble(), q.getColumn(1).getString(),
                          q.getColumn(2).getString()};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace sinau::records
