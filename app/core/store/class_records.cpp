#include "store/class_records.hpp"

#include "store/statement.hpp"

namespace sinau::store {

void InsertClassSession(Database& db, const std::string& id, const std::string& module_id,
                        const std::string& title, const std::string& started_at,
                        const std::string& state_json) {
    auto& st = db.Prepared(
        "INSERT INTO class_sessions (id, module_id, title, started_at, ended_at, state, updated_at) "
        "VALUES (?, ?, ?, ?, NULL, ?, ?)");
    ResetOnExit reset(st);
    st.bind(1, id);
    st.bind(2, module_id);
    st.bind(3, title);
    st.bind(4, started_at);
    st.bind(5, state_json);
    st.bind(6, started_at);
    st.exec();
}

void UpdateClassSession(Database& db, const std::string& id, const std::string& state_json,
                        const std::string& now, bool ended) {
    auto& st = db.Prepared(
        "UPDATE class_sessions SET state = ?, updated_at = ?, ended_at = COALESCE(ended_at, ?) WHERE id = ?");
    ResetOnExit reset(st);
    st.bind(1, state_json);
    st.bind(2, now);
    if (ended)
        st.bind(3, now);
    else
        st.bind(3);
    st.bind(4, id);
    st.exec();
}

std::string InsertClassParticipant(Database& db, const NewClassParticipant& p) {
    std::string learner;
    if (!p.nip.empty()) {
        auto& find = db.Prepared("SELECT id FROM learners WHERE nip = ? AND removed_at IS NULL");
        ResetOnExit reset(find);
        find.bind(1, p.nip);
        if (find.executeStep()) learner = find.getColumn(0).getString();
    }
    {
        auto& ins = db.Prepared(
            "INSERT INTO class_participants (id, session_id, name, nip, learner_id, token_hash, score, "
            "joined_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)");
        ResetOnExit reset(ins);
        ins.bind(1, p.id);
        ins.bind(2, p.session_id);
        ins.bind(3, p.name);
        BindTextOrNull(ins, 4, p.nip);
        BindTextOrNull(ins, 5, learner);
        ins.bind(6, p.token_hash);
        ins.bind(7, p.joined_at);
        ins.bind(8, p.joined_at);
        ins.exec();
    }
    auto& att = db.Prepared(
        "INSERT INTO attempts (id, learner_id, participant_id, module_id, kind, mode, course_id, "
        "content_version, plan, class_session_id, started_at, updated_at) "
        "VALUES (?, ?, ?, ?, 'class', 'latihan', ?, ?, ?, ?, ?, ?)");
    ResetOnExit reset(att);
    att.bind(1, p.attempt_id);
    BindTextOrNull(att, 2, learner);
    att.bind(3, p.id);
    att.bind(4, p.module_id);
    att.bind(5, p.course_id);
    att.bind(6, p.content_version);
    att.bind(7, p.plan_json);
    att.bind(8, p.session_id);
    att.bind(9, p.joined_at);
    att.bind(10, p.joined_at);
    att.exec();
    return learner;
}

void InsertClassAnswer(Database& db, const ClassAnswerRow& row) {
    {
        auto& ins = db.Prepared(
            "INSERT INTO responses (id, attempt_id, question_id, question_hash, content_version, answer, "
            "fraction, answered_at, duration_ms, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ResetOnExit reset(ins);
        ins.bind(1, row.response_id);
        ins.bind(2, row.attempt_id);
        ins.bind(3, row.question_id);
        ins.bind(4, row.question_hash);
        ins.bind(5, row.content_version);
        ins.bind(6, row.answer_json);
        ins.bind(7, row.fraction);
        ins.bind(8, row.answered_at);
        ins.bind(9, row.duration_ms);
        ins.bind(10, row.answered_at);
        ins.exec();
    }
    auto& up = db.Prepared("UPDATE class_participants SET score = ?, updated_at = ? WHERE id = ?");
    ResetOnExit reset(up);
    up.bind(1, row.participant_score);
    up.bind(2, row.answered_at);
    up.bind(3, row.participant_id);
    up.exec();
}

void SubmitClassAttempts(Database& db, const std::vector<ClassAttemptScore>& scores, const std::string& now) {
    for (const auto& r : scores) {
        auto& st = db.Prepared(
            "UPDATE attempts SET submitted_at = COALESCE(submitted_at, ?), score = ?, passed = ?, "
            "updated_at = ? WHERE id = ?");
        ResetOnExit reset(st);
        st.bind(1, now);
        st.bind(2, r.score);
        st.bind(3, r.passed ? 1 : 0);
        st.bind(4, now);
        st.bind(5, r.attempt_id);
        st.exec();
    }
}

namespace {
constexpr const char* kSessionColumns =
    "SELECT s.id, s.module_id, s.title, s.state, s.started_at, s.updated_at, s.ended_at IS NOT NULL, "
    "(SELECT COUNT(*) FROM class_participants p WHERE p.session_id = s.id) FROM class_sessions s ";

StoredClassSession ReadSession(SQLite::Statement& s) {
    return {s.getColumn(0).getString(),   s.getColumn(1).getString(), s.getColumn(2).getString(),
            s.getColumn(3).getString(),   s.getColumn(4).getString(), s.getColumn(5).getString(),
            s.getColumn(6).getInt() != 0, s.getColumn(7).getInt()};
}
}  // namespace

std::optional<StoredClassSession> FindClassSession(Database& db, std::string_view id) {
    auto& s = db.Prepared(std::string(kSessionColumns) + "WHERE s.id = ?");
    ResetOnExit reset(s);
    s.bind(1, std::string(id));
    if (!s.executeStep()) return std::nullopt;
    return ReadSession(s);
}

std::vector<StoredClassSession> UnfinishedClassSessions(Database& db) {
    auto& s = db.Prepared(std::string(kSessionColumns) +
                          "WHERE s.ended_at IS NULL ORDER BY s.started_at DESC, s.rowid DESC");
    ResetOnExit reset(s);
    std::vector<StoredClassSession> out;
    while (s.executeStep()) out.push_back(ReadSession(s));
    return out;
}

void CloseClassSession(Database& db, std::string_view id, const std::string& now) {
    auto& s = db.Prepared(
        "UPDATE class_sessions SET ended_at = ?, updated_at = ? WHERE id = ? AND ended_at IS NULL");
    ResetOnExit reset(s);
    s.bind(1, now);
    s.bind(2, now);
    s.bind(3, std::string(id));
    s.exec();
}

std::vector<StoredParticipant> ClassParticipants(Database& db, std::string_view session_id) {
    auto& p = db.Prepared(
        "SELECT p.id, p.name, COALESCE(p.nip, ''), COALESCE(p.learner_id, ''), p.token_hash, "
        "COALESCE(a.id, ''), p.score FROM class_participants p "
        "LEFT JOIN attempts a ON a.participant_id = p.id AND a.kind = 'class' "
        "WHERE p.session_id = ? ORDER BY p.joined_at, p.rowid");
    ResetOnExit reset(p);
    p.bind(1, std::string(session_id));
    std::vector<StoredParticipant> out;
    while (p.executeStep())
        out.push_back({p.getColumn(0).getString(), p.getColumn(1).getString(), p.getColumn(2).getString(),
                       p.getColumn(3).getString(), p.getColumn(4).getString(), p.getColumn(5).getString(),
                       p.getColumn(6).getInt()});
    return out;
}

std::vector<StoredClassAnswer> ClassAnswers(Database& db, std::string_view session_id) {
    auto& r = db.Prepared(
        "SELECT a.participant_id, r.question_id, r.answer, COALESCE(r.fraction, 0), COALESCE(r.duration_ms, "
        "0) "
        "FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.class_session_id = ?");
    ResetOnExit reset(r);
    r.bind(1, std::string(session_id));
    std::vector<StoredClassAnswer> out;
    while (r.executeStep())
        out.push_back({r.getColumn(0).getString(), r.getColumn(1).getString(), r.getColumn(2).getString(),
                       r.getColumn(3).getDouble(), r.getColumn(4).getInt64()});
    return out;
}

}  // namespace sinau::store
