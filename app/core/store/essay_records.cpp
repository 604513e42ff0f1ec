#include "store/essay_records.hpp"

#include "store/statement.hpp"
#include "util/time.hpp"

namespace sinau::store {

std::vector<UngradedAnswer> UngradedAnswers(Database& db) {
    auto& q = db.Prepared(
        "SELECT r.id, r.attempt_id, coalesce(l.nip, p.nip, ''), coalesce(l.name, p.name, ''), "
        "coalesce(l.instansi, ''), a.module_id, r.question_id, r.answer, r.answered_at, "
        "a.submitted_at IS NOT NULL "
        "FROM responses r JOIN attempts a ON a.id = r.attempt_id "
        "LEFT JOIN learners l ON l.id = a.learner_id "
        "LEFT JOIN class_participants p ON p.id = a.participant_id "
        "WHERE r.fraction IS NULL ORDER BY r.answered_at, r.id");
    ResetOnExit reset(q);
    std::vector<UngradedAnswer> out;
    while (q.executeStep()) {
        UngradedAnswer a;
        a.response_id = q.getColumn(0).getString();
        a.attempt_id = q.getColumn(1).getString();
        a.nip = q.getColumn(2).getString();
        a.name = q.getColumn(3).getString();
        a.instansi = q.getColumn(4).getString();
        a.module_id = q.getColumn(5).getString();
        a.question_id = q.getColumn(6).getString();
        a.answer_json = q.getColumn(7).getString();
        a.answered_at = q.getColumn(8).getString();
        a.submitted = q.getColumn(9).getInt() != 0;
        out.push_back(std::move(a));
    }
    return out;
}

void SaveEssayGrade(Database& db, std::string_view response_id, double percent, std::string_view comment) {
    const std::string now = util::NowIso8601();
    auto& q = db.Prepared(
        "INSERT INTO essay_grades (response_id, percent, comment, graded_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id) DO UPDATE SET percent = excluded.percent, "
        "comment = excluded.comment, graded_at = excluded.graded_at, updated_at = excluded.updated_at");
    ResetOnExit reset(q);
    q.bind(1, std::string(response_id));
    q.bind(2, percent);
    q.bind(3, std::string(comment));
    q.bind(4, now);
    q.bind(5, now);
    q.exec();
}

std::optional<EssayGrade> FindEssayGrade(Database& db, std::string_view response_id) {
    auto& q = db.Prepared("SELECT percent, comment, graded_at FROM essay_grades WHERE response_id = ?");
    ResetOnExit reset(q);
    q.bind(1, std::string(response_id));
    if (!q.executeStep()) return std::nullopt;
    return EssayGrade{std::string(response_id), q.getColumn(0).getDouble(), q.getColumn(1).getString(),
                      q.getColumn(2).getString()};
}

}  // namespace sinau::store
