// Learning: module status, completion and "Lanjutkan" (see learning.hpp for the contract).
#include "store/learning.hpp"
#include "store/learning_rows.hpp"
#include "util/time.hpp"

namespace sinau::store {

engine::ModuleEvidence Learning::Evidence(const content::Module& module) {
    engine::ModuleEvidence e;
    if (const auto r = Reading(module)) {
        e.reading_started = true;
        e.reading_finished = r->pages > 0 && r->max_page >= r->pages - 1;
    }
    // `+module_id` in the two attempts queries below keeps SQLite on attempts_learner (a learner's few
    // rows): without it the planner may take the dashboard's attempts_module index and read every
    // learner's attempts of the module, which made each call O(learners) (sinau simulate at 10k).
    {
        // An attempt whose essay still waits for the trainer has no final score yet: it counts as work in
        // progress (sedang), not as a score.
        auto& q = db_.Prepared(
            "SELECT score, submitted_at IS NULL OR EXISTS (SELECT 1 FROM responses r WHERE r.attempt_id = "
            "a.id "
            "AND r.fraction IS NULL AND json_extract(r.answer, '$.type') = 'essay') "
            "FROM attempts a WHERE learner_id = ? AND +module_id = ? AND kind = 'quiz' ORDER BY "
            "submitted_at, started_at");
        ResetOnExit reset(q);
        q.bind(1, learner_id_);
        q.bind(2, module.id);
        while (q.executeStep()) {
            if (q.getColumn(1).getInt())
                ++e.open_attempts;
            else
                e.submitted_scores.push_back(q.getColumn(0).getDouble());
        }
    }
    {
        auto& q = db_.Prepared(
            "SELECT scenario_id, ended FROM scenario_runs WHERE learner_id = ? AND module_id = ?");
        ResetOnExit reset(q);
        q.bind(1, learner_id_);
        q.bind(2, module.id);
        while (q.executeStep()) {
            ++e.scenario_runs;
            if (q.getColumn(1).getInt()) e.scenarios_ended.insert(q.getColumn(0).getString());
        }
    }
    return e;
}

ModuleState Learning::Module(const content::Module& module) {
    ModuleState s;
    s.module_id = module.id;
    const auto evidence = Evidence(module);
    s.outcome = engine::EvaluateModule(module, course_.pass_mark, evidence);
    s.reading = Reading(module);
    {
        auto& q = db_.Prepared(
            "SELECT count(*) FROM attempts WHERE learner_id = ? AND +module_id = ? AND kind = 'quiz' "
            "AND submitted_at IS NOT NULL");
        ResetOnExit reset(q);
        q.bind(1, learner_id_);
        q.bind(2, module.id);
        q.executeStep();
        s.submitted_attempts = q.getColumn(0).getInt();
    }
    s.may_start_attempt = module.ok() && engine::MayStartAttempt(s.submitted_attempts, module.quiz);
    return s;
}

std::vector<ModuleState> Learning::Home() {
    std::vector<ModuleState> out;
    out.reserve(course_.modules.size());
    for (const auto& m : course_.modules) out.push_back(Module(m));
    return out;
}

void Learning::WriteModuleResult(const content::Module& module, const engine::ModuleOutcome& outcome,
                                 int attempts) {
    const std::string now = util::NowIso8601();
    const bool lulus = outcome.status == engine::ModuleStatus::Lulus;
    // Writes only when something changed, so re-deriving the state costs no disk write.
    auto& q = db_.Prepared(
        "INSERT INTO module_results (learner_id, module_id, status, score, attempts, passed_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (learner_id, module_id) DO UPDATE SET status = "
        "excluded.status, "
        "score = excluded.score, attempts = excluded.attempts, "
        "passed_at = CASE WHEN excluded.status = 'lulus' THEN coalesce(passed_at, excluded.passed_at) ELSE "
        "passed_at END, "
        "updated_at = excluded.updated_at "
        "WHERE status IS NOT excluded.status OR score IS NOT excluded.score OR attempts IS NOT "
        "excluded.attempts");
    ResetOnExit reset(q);
    q.bind(1, learner_id_);
    q.bind(2, module.id);
    q.bind(3, std::string(engine::StatusName(outcome.status)));
    if (outcome.score)
        q.bind(4, *outcome.score);
    else
        q.bind(4);
    q.bind(5, attempts);
    if (lulus)
        q.bind(6, now);
    else
        q.bind(6);
    q.bind(7, now);
    q.exec();
}

ModuleState Learning::RefreshModule(const content::Module& module) {
    WriteTransaction tx(db_);
    ModuleState s = Module(module);
    WriteModuleResult(module, s.outcome, s.submitted_attempts);
    if (s.outcome.status == engine::ModuleStatus::Lulus) RefreshCompletion(Home());
    tx.commit();
    return s;
}

bool Learning::RefreshCompletion(const std::vector<ModuleState>& states) {
    std::vector<engine::ModuleOutcome> outcomes;
    for (const auto& s : states) outcomes.push_back(s.outcome);
    const auto final_score = engine::CourseFinalScore(course_, outcomes);
    if (!final_score) return false;
    // The first completion is what a certificate attests: it is never overwritten by later attempts.
    const std::string now = util::NowIso8601();
    auto& q = db_.Prepared(
        "INSERT INTO completions (learner_id, course_id, content_version, completed_at, final_score, "
        "updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (learner_id) DO NOTHING");
    ResetOnExit reset(q);
    q.bind(1, learner_id_);
    q.bind(2, course_.id);
    q.bind(3, course_.version);
    q.bind(4, now);
    q.bind(5, *final_score);
    q.bind(6, now);
    return q.exec() > 0;
}

std::optional<CompletionRecord> Learning::Completion() {
    auto& q = db_.Prepared(
        "SELECT course_id, content_version, completed_at, final_score FROM completions WHERE learner_id = ?");
    ResetOnExit reset(q);
    q.bind(1, learner_id_);
    if (!q.executeStep()) return std::nullopt;
    return CompletionRecord{q.getColumn(0).getString(), q.getColumn(1).getString(),
                            q.getColumn(2).getString(), q.getColumn(3).getDouble()};
}

std::optional<ResumePoint> Learning::Lanjutkan() {
    std::optional<ResumePoint> best;
    auto consider = [&](ResumePoint p) {
        if (!course_.FindModule(p.module_id)) return;  // the module left the course since
        if (!best || p.at > best->at) best = std::move(p);
    };
    // Open work first: on equal timestamps the quiz or scenario in progress wins over a bookmark.
    {
        auto& q = db_.Prepared(
            "SELECT a.id, a.module_id, max(a.updated_at, coalesce((SELECT max(r.updated_at) FROM responses r "
            "WHERE r.attempt_id = a.id), '')) AS t FROM attempts a WHERE a.learner_id = ? AND a.kind = "
            "'quiz' "
            "AND a.submitted_at IS NULL ORDER BY t DESC LIMIT 1");
        ResetOnExit reset(q);
        q.bind(1, learner_id_);
        if (q.executeStep()) {
            ResumePoint p;
            p.kind = ResumePoint::Kind::Quiz;
            p.attempt_id = q.getColumn(0).getString();
            p.module_id = q.getColumn(1).getString();
            p.at = q.getColumn(2).getString();
            consider(std::move(p));
        }
    }
    {
        auto& q = db_.Prepared(
            "SELECT id, module_id, scenario_id, updated_at FROM scenario_runs WHERE learner_id = ? AND ended "
            "= 0 "
            "ORDER BY updated_at DESC LIMIT 1");
        ResetOnExit reset(q);
        q.bind(1, learner_id_);
        if (q.executeStep()) {
            ResumePoint p;
            p.kind = ResumePoint::Kind::Scenario;
            p.scenario_run_id = q.getColumn(0).getString();
            p.module_id = q.getColumn(1).getString();
            p.scenario_id = q.getColumn(2).getString();
            p.at = q.getColumn(3).getString();
            consider(std::move(p));
        }
    }
    {
        auto& q = db_.Prepared(
            "SELECT module_id, page, updated_at FROM reading_progress WHERE learner_id = ? ORDER BY "
            "updated_at DESC LIMIT 1");
        ResetOnExit reset(q);
        q.bind(1, learner_id_);
        if (q.executeStep()) {
            ResumePoint p;
            p.kind = ResumePoint::Kind::Reading;
            p.module_id = q.getColumn(0).getString();
            p.page = q.getColumn(1).getInt();
            p.at = q.getColumn(2).getString();
            consider(std::move(p));
        }
    }
    return best;
}

}  // namespace sinau::store
