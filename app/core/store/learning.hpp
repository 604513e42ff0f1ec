#pragma once
// The learning loop of one learner through one course, as the UI and the CLI drive it: reading position,
// quiz attempts with every answer committed the moment it is given, scenario runs committed at every
// choice, module status, course completion, and "Lanjutkan" (where to resume after a restart or crash).
//
// Durability: every mutating call is its own SQLite transaction and has committed (WAL, synchronous=FULL)
// when it returns; nothing is buffered in memory. A crash loses at most the call in progress.
// Errors: a rule the learner's action breaks (quiz closed, attempts used up, latihan answer locked, a
// choice that does not exist) is returned as Error with a message in Bahasa Indonesia; disk and database
// failures throw SQLite::Exception (the UI catches it at the frame boundary and shows it).
// Threads: use from the thread that owns the Database. The course must outlive this object.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "engine/answer.hpp"
#include "engine/grading.hpp"
#include "engine/module_progress.hpp"
#include "engine/quiz_plan.hpp"
#include "engine/quiz_policy.hpp"
#include "engine/scenario_player.hpp"
#include "store/database.hpp"
#include "util/expected.hpp"

namespace sinau::store {

struct ReadingProgress {
    std::string module_id;
    int page = 0;  // 0-based
    int pages = 0;
    int max_page = 0;  // furthest page reached
    std::string updated_at;
};

struct AttemptRecord {
    std::string id;  // UUID
    std::string module_id;
    content::QuizMode mode = content::QuizMode::Latihan;
    std::string content_version;
    engine::QuizPlan plan;
    std::string started_at;
    std::optional<std::string> submitted_at;  // empty while open
    std::optional<double> score;              // percent, once submitted
    std::optional<bool> passed;
    bool open() const { return !submitted_at.has_value(); }
};

struct ResponseRecord {
    std::string id;  // UUID, stable: answering the same question again keeps the row and its id
    std::string question_id;
    engine::Answer answer;
    std::optional<double> fraction;  // empty for an essay awaiting a trainer
    std::string question_hash;
    std::string answered_at;
};

struct AnswerResult {
    ResponseRecord response;
    engine::Grade grade;  // what to show now (latihan) or after submitting (ujian): see engine::RulesFor
};

struct SubmitResult {
    AttemptRecord attempt;
    engine::AttemptScore score;
    engine::ModuleOutcome module;  // the module's state after this attempt
    bool course_completed_now = false;
};

// One question of a submitted (or open) attempt as the result screen shows it.
struct ReviewItem {
    const content::Question* question = nullptr;  // nullptr when the content no longer has it
    std::string question_id;
    std::optional<engine::Answer> answer;   // empty: not answered
    std::optional<double> stored_fraction;  // the credit recorded when answered
    engine::Grade grade;                    // feedback regraded against the current content
    std::string answer_text;                // the learner's answer, "(tidak dijawab)"
    std::string right_answer;               // engine::RightAnswerText
    bool content_changed = false;           // the question changed since it was answered
};

struct ScenarioRunRecord {
    std::string id;  // UUID
    std::string module_id;
    std::string scenario_id;
    engine::ScenarioPath path;
    int score = 0;
    int best_score = 0;  // the best path's score, for "your path vs the best"
    bool ended = false;
    std::string started_at;
    std::optional<std::string> finished_at;
};

struct ModuleState {
    std::string module_id;
    engine::ModuleOutcome outcome;
    std::optional<ReadingProgress> reading;
    int submitted_attempts = 0;
    bool may_start_attempt = true;
};

struct CompletionRecord {
    std::string course_id;
    std::string content_version;
    std::string completed_at;
    double final_score = 0;
};

// Where "Lanjutkan" takes the learner: the most recent of their reading position, open quiz attempt
// and open scenario run.
struct ResumePoint {
    enum class Kind { Reading, Quiz, Scenario } kind = Kind::Reading;
    std::string module_id;
    int page = 0;                 // Reading
    std::string attempt_id;       // Quiz
    std::string scenario_id;      // Scenario
    std::string scenario_run_id;  // Scenario
    std::string at;               // when it happened (ISO 8601)
};

class Learning {
public:
    // `learner_id` must name a row of learners (store::LearnerStore / learners::). Does no I/O.
    Learning(Database& db, const content::Course& course, std::string learner_id);

    const std::string& learner_id() const { return learner_id_; }

    // ---- reading ----
    // Records the page shown (0-based; pages = module.reading.pages.size()); max_page only grows.
    void SetReadingPage(const content::Module& module, int page);
    std::optional<ReadingProgress> Reading(const content::Module& module);

    // ---- quiz ----
    // The open attempt of this module if there is one (same plan, answers kept), else a new one drawn
    // from `seed` in `mode` (default: the module's quiz mode). Error when attempts_allowed is used up or
    // the module is broken / has no questions.
    Expected<AttemptRecord> StartOrResumeAttempt(const content::Module& module, uint64_t seed,
                                                 std::optional<content::QuizMode> mode = std::nullopt);
    std::optional<AttemptRecord> OpenAttempt(const content::Module& module);
    std::optional<AttemptRecord> FindAttempt(std::string_view attempt_id);
    std::vector<AttemptRecord> Attempts(const content::Module& module);  // oldest first

    // Grades and COMMITS one answer before returning (its own transaction; UPSERT on the attempt and
    // question: answering again in ujian replaces the answer, keeping the response id). Error when the
    // attempt is submitted, the question is not in its plan, or it is latihan and already answered.
    Expected<AnswerResult> RecordResponse(const AttemptRecord& attempt, const content::Question& question,
                                          const engine::Answer& answer,
                                          std::optional<int> duration_ms = std::nullopt);
    std::vector<ResponseRecord> Responses(std::string_view attempt_id);

    // Scores the attempt from its committed answers, closes it, updates module_results and, when every
    // module is now lulus, writes the completion record. One transaction. Error when already submitted.
    Expected<SubmitResult> SubmitAttempt(const AttemptRecord& attempt);

    // The result screen: every plan item with the answer, right answer and feedback.
    std::vector<ReviewItem> Review(const AttemptRecord& attempt);

    // ---- scenarios ----
    // The unfinished run of this scenario, else a new run at the start (committed).
    Expected<ScenarioRunRecord> StartOrResumeScenario(const content::Module& module,
                                                      const content::Scenario& scenario);
    // Follows link `link_index` of the current passage and COMMITS the new path before returning; when the
    // run reaches an ending, also updates module_results (and the completion). Error: see engine::Choose.
    Expected<ScenarioRunRecord> Choose(const ScenarioRunRecord& run, const content::Scenario& scenario,
                                       size_t link_index);
    std::vector<ScenarioRunRecord> ScenarioRuns(const content::Module& module);  // oldest first

    // ---- progress ----
    ModuleState Module(const content::Module& module);
    std::vector<ModuleState> Home();  // every module of the course, in course order
    // Recomputes and stores module_results for the module (and the completion when due). Returns the state.
    ModuleState RefreshModule(const content::Module& module);
    std::optional<CompletionRecord> Completion();
    std::optional<ResumePoint> Lanjutkan();

private:
    engine::ModuleEvidence Evidence(const content::Module& module);
    bool RefreshCompletion(const std::vector<ModuleState>& states);
    void WriteModuleResult(const content::Module& module, const engine::ModuleOutcome& outcome, int attempts);

    Database& db_;
    const content::Course& course_;
    std::string learner_id_;
};

// A trainer grades an essay answer: sets its credit (0..1), rescoring its attempt if submitted and the
// module result. Error when the response is not an essay or does not exist. One transaction.
Status GradeEssay(Database& db, const content::Course& course, std::string_view response_id, double fraction);

// Parses the stored mode text ("latihan"/"ujian").
std::string_view ModeName(content::QuizMode mode);

}  // namespace sinau::store
