#include "store/graded_responses.hpp"

#include "store/statement.hpp"

namespace sinau::store {

std::vector<GradedResponse> GradedResponses(Database& db, const ResponseSelection& o) {
    std::string chosen = "SELECT id FROM attempts WHERE module_id = ?1 AND submitted_at IS NOT NULL";
    if (!o.include_class_sessions) chosen += " AND kind = 'quiz'";
    std::string prefix;
    std::vector<std::string> params;
    if (!o.learners.empty()) {
        auto parts = BuildLearnerQuery(o.learners);
        prefix = parts.with.sql + "\n";
        chosen += " AND learner_id IN (SELECT id FROM learner_summary" + parts.where.sql + ")";
        params = parts.where.params;
    }
    if (o.attempts == AttemptSet::First) {
        // Each person's earliest submitted attempt: learner, else class participant (no NIP).
        chosen =
            "SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY coalesce(learner_id, participant_id) "
            "ORDER BY started_at, id) AS rn FROM attempts WHERE id IN (" +
            chosen + ")) WHERE rn = 1";
    }
    const std::string sql = prefix +
                            "SELECT r.attempt_id, r.question_id, r.fraction, r.answer FROM responses r "
                            "WHERE r.fraction IS NOT NULL AND r.attempt_id IN (" +
                            chosen + ") ORDER BY r.attempt_id, r.answered_at";
    SQLite::Statement st(db.sql(), sql);
    st.bind(1, o.module_id);
    for (size_t i = 0; i < params.size(); ++i) st.bind(int(i) + 2, params[i]);
    std::vector<GradedResponse> rows;
    while (st.executeStep())
        rows.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getDouble(),
                        st.getColumn(3).getString()});
    return rows;
}

}  // namespace sinau::store
