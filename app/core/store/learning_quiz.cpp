// Learning: quiz attempts and answers (see learning.hpp for the contract).
#include <algorithm>
#include <map>

#include "store/learning.hpp"
#include "store/learning_rows.hpp"
#include "util/time.hpp"
#include "util/uuid.hpp"

namespace sinau::store {
using content::QuestionType;

std::string_view ModeName(content::QuizMode mode) {
    return mode == content::QuizMode::Ujian ? "ujian" : "latihan";
}

namespace detail {

AttemptRecord ReadAttempt(SQLite::Statement& q) {
    AttemptRecord a;
    a.id = q.getColumn(0).getString();
    a.module_id = q.getColumn(1).getString();
    a.mode = q.getColumn(2).getString() == "ujian" ? content::QuizMode::Ujian : content::QuizMode::Latihan;
    a.content_version = q.getColumn(3).getString();
    if (auto plan = engine::PlanFromJson(q.getColumn(4).getString())) a.plan = std::move(*plan);
    a.started_at = q.getColumn(5).getString();
    a.submitted_at = OptText(q.getColumn(6));
    a.score = OptReal(q.getColumn(7));
    if (!q.getColumn(8).isNull()) a.passed = q.getColumn(8).getInt() != 0;
    return a;
}

std::vector<std::optional<double>> ScoredFractions(Database& db, const content::Module& module,
                                                   const AttemptRecord& attempt) {
    std::map<std::string, std::optional<double>, std::less<>> answered;
    {
        auto& q = db.Prepared("SELECT question_id, fraction FROM responses WHERE attempt_id = ?");
        ResetOnExit reset(q);
        q.bind(1, attempt.id);
        while (q.executeStep()) answered[q.getColumn(0).getString()] = OptReal(q.getColumn(1));
    }
    std::vector<std::optional<double>> out;
    for (const auto& item : attempt.plan.items) {
        const content::Question* question = engine::FindQuestion(module, item.question_id);
        if (question && question->type == QuestionType::Description) continue;
        const auto it = answered.find(item.question_id);
        if (it == answered.end()) {
            out.push_back(0.0);  // unanswered, an unanswered essay included: nothing to grade
        } else if (!it->second && question && question->type != QuestionType::Essay) {
            out.push_back(0.0);  // content changed type under the answer: no credit rather than "pending"
        } else {
            out.push_back(it->second);
        }
    }
    return out;
}

}  // namespace detail

Learning::Learning(Database& db, const content::Course& course, std::string learner_id)
    : db_(db), course_(course), learner_id_(std::move(learner_id)) {}

std::optional<AttemptRecord> Learning::OpenAttempt(const content::Module& module) {
    auto& q = db_.Prepared(std::string("SELECT ") + detail::kAttemptColumns +
                           " FROM attempts WHERE learner_id = ? AND module_id = ? AND kind = 'quiz' "
                           "AND submitted_at IS NULL ORDER BY started_at DESC LIMIT 1");
    ResetOnExit reset(q);
    q.bind(1, learner_id_);
    q.bind(2, module.id);
    if (!q.executeStep()) return std::nullopt;
    return detail::ReadAttempt(q);
}

std::optional<AttemptRecord> Learning::FindAttempt(std::string_view attempt_id) {
    auto& q = db_.Prepared(std::string("SELECT ") + detail::kAttemptColumns +
                           " FROM attempts WHERE id = ? AND learner_id = ?");
    ResetOnExit reset(q);
    q.bind(1, std::string(attempt_id));
    q.bind(2, learner_id_);
    if (!q.executeStep()) return std::nullopt;
    return detail::ReadAttempt(q);
}

std::vector<AttemptRecord> Learning::Attempts(const content::Module& module) {
    auto& q = db_.Prepared(std::string("SELECT ") + detail::kAttemptColumns +
                           " FROM attempts WHERE learner_id = ? AND module_id = ? AND kind = 'quiz' "
                           "ORDER BY started_at, rowid");
    ResetOnExit reset(q);
    q.bind(1, learner_id_);
    q.bind(2, module.id);
    std::vector<AttemptRecord> out;
    while (q.executeStep()) out.push_back(detail::ReadAttempt(q));
    return out;
}

Expected<AttemptRecord> Learning::StartOrResumeAttempt(const content::Module& module, uint64_t seed,
                                                       std::optional<content::QuizMode> mode) {
    if (auto open = OpenAttempt(module)) return *open;
    if (!module.ok())
        return Error{"Kuis modul \"" + module.title +
                     "\" belum dapat dikerjakan karena isi modulnya bermasalah."};
    const auto attempts = Attempts(module);
    const int submitted = int(
        std::count_if(attempts.begin(), attempts.end(), [](const AttemptRecord& a) { return !a.open(); }));
    if (!engine::MayStartAttempt(submitted, module.quiz))
        return Error{"Kesempatan mengerjakan kuis modul ini sudah habis (" +
                     std::to_string(module.quiz.attempts_allowed) + " kali)."};
    AttemptRecord a;
    a.plan = engine::DrawPlan(module, module.quiz, seed);
    if (engine::ScoredCount(module, a.plan) == 0)
        return Error{"Modul \"" + module.title + "\" tidak memiliki soal kuis."};
    a.id = util::NewUuid();
    a.module_id = module.id;
    a.mode = mode.value_or(module.quiz.mode);
    a.content_version = course_.version;
    a.started_at = util::NowIso8601();
    WriteTransaction tx(db_);
    {
        auto& q = db_.Prepared(
            "INSERT INTO attempts (id, learner_id, module_id, kind, mode, course_id, content_version, plan, "
            "started_at, "
            "updated_at) VALUES (?, ?, ?, 'quiz', ?, ?, ?, ?, ?, ?)");
        ResetOnExit reset(q);
        q.bind(1, a.id);
        q.bind(2, learner_id_);
        q.bind(3, a.module_id);
        q.bind(4, std::string(ModeName(a.mode)));
        q.bind(5, course_.id);
        q.bind(6, a.content_version);
        q.bind(7, engine::PlanToJson(a.plan));
        q.bind(8, a.started_at);
        q.bind(9, a.started_at);
        q.exec();
    }
    RefreshModule(module);  // belum -> sedang
    tx.commit();
    return a;
}

Expected<AnswerResult> Learning::RecordResponse(const AttemptRecord& attempt,
                                                const content::Question& question,
                                                const engine::Answer& answer,
                                                std::optional<int> duration_ms) {
    const bool in_plan =
        std::any_of(attempt.plan.items.begin(), attempt.plan.items.end(),
                    [&](const engine::PlannedQuestion& p) { return p.question_id == question.id; });
    if (!in_plan) return Error{"Soal \"" + question.id + "\" bukan bagian dari kuis ini."};
    if (answer.type != question.type)
        return Error{"Jenis jawaban tidak cocok dengan jenis soal \"" + question.id + "\"."};

    AnswerResult result;
    result.grade = engine::GradeAnswer(question, answer);
    ResponseRecord& r = result.response;
    r.question_id = question.id;
    r.answer = answer;
    r.fraction = result.grade.fraction;
    r.question_hash = question.Hash();
    r.answered_at = util::NowIso8601();

    // One statement = one transaction = one WAL fsync. The attempt must be open and this learner's; in
    // latihan an answer already given is kept (the DO UPDATE's WHERE fails and nothing is returned).
    auto& q = db_.Prepared(
        "INSERT INTO responses (id, attempt_id, question_id, question_hash, content_version, answer, "
        "fraction, "
        "answered_at, duration_ms, updated_at) "
        "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8 "
        "WHERE EXISTS (SELECT 1 FROM attempts WHERE id = ?2 AND learner_id = ?10 AND submitted_at IS NULL) "
        "ON CONFLICT (attempt_id, question_id) DO UPDATE SET question_hash = excluded.question_hash, "
        "content_version = excluded.content_version, answer = excluded.answer, fraction = excluded.fraction, "
        "answered_at = excluded.answered_at, duration_ms = excluded.duration_ms, updated_at = "
        "excluded.updated_at "
        "WHERE (SELECT mode FROM attempts WHERE id = excluded.attempt_id) = 'ujian' "
        "RETURNING id");
    {
        ResetOnExit reset(q);
        q.bind(1, util::NewUuid());
        q.bind(2, attempt.id);
        q.bind(3, question.id);
        q.bind(4, r.question_hash);
        q.bind(5, attempt.content_version);
        q.bind(6, engine::AnswerToJson(answer));
        if (r.fraction)
            q.bind(7, *r.fraction);
        else
            q.bind(7);
        q.bind(8, r.answered_at);
        if (duration_ms)
            q.bind(9, *duration_ms);
        else
            q.bind(9);
        q.bind(10, learner_id_);
        if (q.executeStep()) {
            r.id = q.getColumn(0).getString();
            q.tryExecuteStep();  // runs the statement to completion: the autocommit happens here
            return result;
        }
    }
    const auto now = FindAttempt(attempt.id);
    if (!now) return Error{"Kuis ini tidak ditemukan untuk peserta ini."};
    if (!now->open()) return Error{"Kuis ini sudah dikumpulkan; jawabannya tidak dapat diubah lagi."};
    return Error{"Pada mode latihan, jawaban yang sudah diperiksa tidak dapat diubah."};
}

std::vector<ResponseRecord> Learning::Responses(std::string_view attempt_id) {
    auto& q = db_.Prepared(
        "SELECT r.id, r.question_id, r.answer, r.fraction, r.question_hash, r.answered_at FROM responses r "
        "JOIN attempts a ON a.id = r.attempt_id WHERE r.attempt_id = ? AND a.learner_id = ? ORDER BY "
        "r.answered_at, r.rowid");
    ResetOnExit reset(q);
    q.bind(1, std::string(attempt_id));
    q.bind(2, learner_id_);
    std::vector<ResponseRecord> out;
    while (q.executeStep()) {
        ResponseRecord r;
        r.id = q.getColumn(0).getString();
        r.question_id = q.getColumn(1).getString();
        if (auto a = engine::AnswerFromJson(q.getColumn(2).getString())) r.answer = std::move(*a);
        r.fraction = detail::OptReal(q.getColumn(3));
        r.question_hash = q.getColumn(4).getString();
        r.answered_at = q.getColumn(5).getString();
        out.push_back(std::move(r));
    }
    return out;
}

Expected<SubmitResult> Learning::SubmitAttempt(const AttemptRecord& attempt) {
    const content::Module* module = course_.FindModule(attempt.module_id);
    if (!module) return Error{"Modul \"" + attempt.module_id + "\" tidak ada lagi dalam kursus."};
    WriteTransaction tx(db_);
    auto current = FindAttempt(attempt.id);
    if (!current) return Error{"Kuis ini tidak ditemukan untuk peserta ini."};
    if (!current->open()) return Error{"Kuis ini sudah dikumpulkan."};
    SubmitResult result;
    result.score = engine::ScoreAttempt(detail::ScoredFractions(db_, *module, *current), course_.pass_mark);
    const std::string now = util::NowIso8601();
    {
        auto& q = db_.Prepared(
            "UPDATE attempts SET submitted_at = ?, score = ?, passed = ?, updated_at = ? WHERE id = ? AND "
            "submitted_at IS NULL");
        ResetOnExit reset(q);
        q.bind(1, now);
        q.bind(2, result.score.percent);
        q.bind(3, result.score.passed ? 1 : 0);
        q.bind(4, now);
        q.bind(5, attempt.id);
        q.exec();
    }
    const bool completed_before = Completion().has_value();
    result.module = RefreshModule(*module).outcome;
    result.course_completed_now = !completed_before && Completion().has_value();
    tx.commit();
    current->submitted_at = now;
    current->score = result.score.percent;
    current->passed = result.score.passed;
    result.attempt = std::move(*current);
    return result;
}

std::vector<ReviewItem> Learning::Review(const AttemptRecord& attempt) {
    const content::Module* module = course_.FindModule(attempt.module_id);
    std::map<std::string, ResponseRecord, std::less<>> by_question;
    for (auto& r : Responses(attempt.id)) by_question[r.question_id] = std::move(r);
    std::vector<ReviewItem> out;
    for (const auto& item : attempt.plan.items) {
        ReviewItem ri;
        ri.question_id = item.question_id;
        ri.question = module ? engine::FindQuestion(*module, item.question_id) : nullptr;
        const auto it = by_question.find(item.question_id);
        if (it != by_question.end()) {
            ri.answer = it->second.answer;
            ri.stored_fraction = it->second.fraction;
        }
        if (ri.question) {
            engine::Answer empty;
            empty.type = ri.question->type;
            ri.grade = engine::GradeAnswer(*ri.question, ri.answer.value_or(empty));
            ri.answer_text = engine::AnswerText(*ri.question, ri.answer.value_or(empty));
            ri.right_answer = engine::RightAnswerText(*ri.question);
            ri.content_changed = it != by_question.end() && it->second.question_hash != ri.question->Hash();
            // An essay the trainer graded: show the trainer's credit, not "awaiting".
            if (ri.question->type == QuestionType::Essay && ri.stored_fraction) {
                ri.grade.fraction = ri.stored_fraction;
                ri.grade.verdict = *ri.stored_fraction >= engine::kFullCredit ? engine::Verdict::Benar
                                   : *ri.stored_fraction > 0                  ? engine::Verdict::Sebagian
                                                                              : engine::Verdict::Salah;
            }
        }
        out.push_back(std::move(ri));
    }
    return out;
}

Status GradeEssay(Database& db, const content::Course& course, std::string_view response_id,
                  double fraction) {
    if (!(fraction >= 0.0 && fraction <= 1.0)) return Error{"Nilai esai harus antara 0 dan 1 (0–100%)."};
    WriteTransaction tx(db);
    std::string attempt_id, learner_id, question_id, module_id;
    {
        auto& q = db.Prepared(
            "SELECT r.attempt_id, a.learner_id, r.question_id, a.module_id FROM responses r "
            "JOIN attempts a ON a.id = r.attempt_id WHERE r.id = ?");
        ResetOnExit reset(q);
        q.bind(1, std::string(response_id));
        if (!q.executeStep()) return Error{"Jawaban yang akan dinilai tidak ditemukan."};
        attempt_id = q.getColumn(0).getString();
        learner_id = q.getColumn(1).isNull() ? "" : q.getColumn(1).getString();
        question_id = q.getColumn(2).getString();
        module_id = q.getColumn(3).getString();
    }
    const content::Module* module = course.FindModule(module_id);
    const content::Question* question = module ? engine::FindQuestion(*module, question_id) : nullptr;
    if (!question || question->type != QuestionType::Essay)
        return Error{"Jawaban ini bukan jawaban soal esai."};
    {
        auto& q = db.Prepared("UPDATE responses SET fraction = ?, updated_at = ? WHERE id = ?");
        ResetOnExit reset(q);
        q.bind(1, fraction);
        q.bind(2, util::NowIso8601());
        q.bind(3, std::string(response_id));
        q.exec();
    }
    if (!learner_id.empty()) {
        Learning learning(db, course, learner_id);
        if (auto attempt = learning.FindAttempt(attempt_id); attempt && !attempt->open()) {
            const auto score =
                engine::ScoreAttempt(detail::ScoredFractions(db, *module, *attempt), course.pass_mark);
            auto& q = db.Prepared("UPDATE attempts SET score = ?, passed = ?, updated_at = ? WHERE id = ?");
            ResetOnExit reset(q);
            q.bind(1, score.percent);
            q.bind(2, score.passed ? 1 : 0);
            q.bind(3, util::NowIso8601());
            q.bind(4, attempt_id);
            q.exec();
        }
        learning.RefreshModule(*module);
    }
    tx.commit();
    return Success();
}

}  // namespace sinau::store
