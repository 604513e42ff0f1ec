// Learning: scenario runs (see learning.hpp for the contract).
#include "store/learning.hpp"
#include "store/learning_rows.hpp"
#include "util/time.hpp"
#include "util/uuid.hpp"

namespace sinau::store {

namespace detail {
ScenarioRunRecord ReadRun(SQLite::Statement& q) {
    ScenarioRunRecord r;
    r.id = q.getColumn(0).getString();
    r.module_id = q.getColumn(1).getString();
    r.scenario_id = q.getColumn(2).getString();
    if (auto p = engine::PathFromJson(q.getColumn(3).getString())) r.path = std::move(*p);
    r.score = q.getColumn(4).getInt();
    r.best_score = q.getColumn(5).getInt();
    r.ended = q.getColumn(6).getInt() != 0;
    r.started_at = q.getColumn(7).getString();
    r.finished_at = OptText(q.getColumn(8));
    return r;
}
}  // namespace detail

namespace {
void WritePath(Database& db, const content::Scenario& s, ScenarioRunRecord& run) {
    run.score = engine::PathScore(s, run.path);
    run.ended = engine::IsEnded(s, run.path);
    const std::string now = util::NowIso8601();
    if (run.ended) run.finished_at = now;
    auto& q = db.Prepared(
        "UPDATE scenario_runs SET path = ?, score = ?, ended = ?, finished_at = ?, updated_at = ? WHERE id = "
        "?");
    ResetOnExit reset(q);
    q.bind(1, engine::PathToJson(run.path));
    q.bind(2, run.score);
    q.bind(3, run.ended ? 1 : 0);
    if (run.finished_at)
        q.bind(4, *run.finished_at);
    else
        q.bind(4);
    q.bind(5, now);
    q.bind(6, run.id);
    q.exec();
}
}  // namespace

Expected<ScenarioRunRecord> Learning::StartOrResumeScenario(const content::Module& module,
                                                            const content::Scenario& scenario) {
    auto start = engine::StartScenario(scenario);
    if (!start) return start.error();
    WriteTransaction tx(db_);
    {
        auto& q =
            db_.Prepared(std::string("SELECT ") + detail::kRunColumns +
                         " FROM scenario_runs WHERE learner_id = ? AND module_id = ? AND scenario_id = ? "
                         "AND ended = 0 ORDER BY started_at DESC, rowid DESC LIMIT 1");
        ResetOnExit reset(q);
        q.bind(1, learner_id_);
        q.bind(2, module.id);
        q.bind(3, scenario.id);
        if (q.executeStep()) {
            ScenarioRunRecord run = detail::ReadRun(q);
            q.tryReset();
            if (!engine::PathIsValid(scenario, run.path)) {
                // The scenario was edited since: its stored path no longer exists. Restart this run
                // from the beginning rather than show a passage that is gone.
                run.path = *start;
                WritePath(db_, scenario, run);
            }
            run.best_score = engine::FindBestPath(scenario).score;
            tx.commit();
            return run;
        }
    }
    ScenarioRunRecord run;
    run.id = util::NewUuid();
    run.module_id = module.id;
    run.scenario_id = scenario.id;
    run.path = *start;
    run.score = engine::PathScore(scenario, run.path);
    run.best_score = engine::FindBestPath(scenario).score;
    run.ended = engine::IsEnded(scenario, run.path);
    run.started_at = util::NowIso8601();
    if (run.ended) run.finished_at = run.started_at;
    {
        auto& q = db_.Prepared(
            "INSERT INTO scenario_runs (id, learner_id, module_id, scenario_id, content_version, path, "
            "score, best_score, "
            "ended, started_at, finished_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ResetOnExit reset(q);
        q.bind(1, run.id);
        q.bind(2, learner_id_);
        q.bind(3, run.module_id);
        q.bind(4, run.scenario_id);
        q.bind(5, course_.version);
        q.bind(6, engine::PathToJson(run.path));
        q.bind(7, run.score);
        q.bind(8, run.best_score);
        q.bind(9, run.ended ? 1 : 0);
        q.bind(10, run.started_at);
        if (run.finished_at)
            q.bind(11, *run.finished_at);
        else
            q.bind(11);
        q.bind(12, run.started_at);
        q.exec();
    }
    RefreshModule(module);
    tx.commit();
    return run;
}

Expected<ScenarioRunRecord> Learning::Choose(const ScenarioRunRecord& given,
                                             const content::Scenario& scenario, size_t link_index) {
    WriteTransaction tx(db_);
    ScenarioRunRecord run;
    {
        // The stored run is the truth (the UI's copy may be stale after another window or a crash).
        auto& q = db_.Prepared(std::string("SELECT ") + detail::kRunColumns +
                               " FROM scenario_runs WHERE id = ? AND learner_id = ?");
        ResetOnExit reset(q);
        q.bind(1, given.id);
        q.bind(2, learner_id_);
        if (!q.executeStep()) return Error{"Permainan skenario ini tidak ditemukan untuk peserta ini."};
        run = detail::ReadRun(q);
    }
    if (run.scenario_id != scenario.id) return Error{"Permainan ini milik skenario lain."};
    if (run.ended) return Error{"Skenario ini sudah selesai dimainkan; mulai lagi untuk mencoba jalur lain."};
    if (auto chosen = engine::Choose(scenario, run.path, link_index); !chosen) return chosen.error();
    WritePath(db_, scenario, run);
    if (run.ended)
        if (const content::Module* module = course_.FindModule(run.module_id)) RefreshModule(*module);
    tx.commit();
    return run;
}

std::vector<ScenarioRunRecord> Learning::ScenarioRuns(const content::Module& module) {
    auto& q =
        db_.Prepared(std::string("SELECT ") + detail::kRunColumns +
                     " FROM scenario_runs WHERE learner_id = ? AND module_id = ? ORDER BY started_at, rowid");
    ResetOnExit reset(q);
    q.bind(1, learner_id_);
    q.bind(2, module.id);
    std::vector<ScenarioRunRecord> out;
    while (q.executeStep()) out.push_back(detail::ReadRun(q));
    return out;
}

}  // namespace sinau::store
