#pragma once
// The UI side of the learning loop: turns learning intents into core calls and keeps what the screens
// show (current learner, home progress, the open quiz attempt, the last result, the scenario being
// played). It holds core objects (store::Learning) and plain records; screens only read it.
//
// Threads: main thread only. Apply() and OnPageChanged() run after ImGui::Render() (App::ApplyIntents);
// every mutating core call has committed to SQLite when it returns (store/learning.hpp). Disk and
// database failures (SQLite::Exception) are caught here and become error() for the screens to show;
// nothing throws out of this class.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "engine/grading.hpp"
#include "engine/next_step.hpp"
#include "engine/quiz_policy.hpp"
#include "engine/scenario_player.hpp"
#include "learners/learner.hpp"
#include "learners/roster_import.hpp"
#include "store/learning.hpp"
#include "ui/intent.hpp"
#include "ui/learning/learning_intent.hpp"
#include "ui/route.hpp"
#include "util/expected.hpp"

namespace sinau::store {
class Database;
}

namespace sinau::ui::learning {

// Result of the last SaveProfile: the core's problems, each tagged with its form field
// (learners::LearnerStore::Check), so the form puts every message under its own field.
struct ProfileFeedback {
    int generation = 0;  // bumped by every SaveProfile, so the form knows a new verdict arrived
    bool ok = false;
    std::string saved_id;
    std::vector<learners::FieldProblem> fields;  // at most one per field, form order
    std::string general;                         // anything not tied to one field

    // The message for `field`, "" when the field is fine.
    const std::string& Message(learners::ProfileField field) const;
};

struct QuizItem {
    const content::Question* question = nullptr;
    std::vector<int> order;  // display order of choices / right-hand sides (engine::PlannedQuestion)
};

// The attempt being taken. Answers shown are the committed ones (responses), never a copy that could
// differ from the database.
struct QuizSession {
    const content::Module* module = nullptr;
    store::AttemptRecord attempt;
    engine::ModeRules rules;
    std::vector<QuizItem> items;  // plan order; questions gone from the content are left out
    std::map<std::string, store::ResponseRecord, std::less<>> responses;  // by question id
    std::map<std::string, engine::Grade, std::less<>> shown;              // latihan: feedback per answered id
    int current = 0;
    int generation = 0;  // bumped when answers or the position change (screens resync drafts)
    std::string error;   // the last answer the core refused, in Bahasa Indonesia

    int ScoredCount() const;
    int AnsweredScored() const;
    bool Answered(std::string_view question_id) const { return responses.count(question_id) > 0; }
};

struct ResultView {
    const content::Module* module = nullptr;
    store::AttemptRecord attempt;
    std::vector<store::ReviewItem> items;
    store::ModuleState module_state;
    double pass_mark = 70;
    int pending_essays = 0;
    bool course_completed_now = false;
};

struct ScenarioSession {
    const content::Module* module = nullptr;
    const content::Scenario* scenario = nullptr;
    store::ScenarioRunRecord run;
    engine::BestPath best;
    std::string error;
};

// What the module overview shows besides the home state.
struct OverviewView {
    const content::Module* module = nullptr;
    std::vector<store::AttemptRecord> attempts;  // oldest first
    std::vector<store::ScenarioRunRecord> runs;  // oldest first
    bool may_start_attempt = true;
    bool has_open_attempt = false;
};

// Profiles, Overview, Quiz, Result, Scenario: the screens this controller prepares for `--screen`.
inline bool IsLearningScreen(ScreenId s) {
    return s == ScreenId::Profiles || s == ScreenId::Overview || s == ScreenId::Quiz ||
           s == ScreenId::Result || s == ScreenId::Scenario;
}

class LearningController {
public:
    // `db` may be null (no database: the loop is unavailable, reading still works). The course must
    // outlive this object.
    LearningController(store::Database* db, const content::Course& course);
    ~LearningController();

    bool available() const { return db_ != nullptr; }

    // Carries out one action; may push Navigate intents (applied in the same ApplyIntents pass).
    void Apply(const Action& action, Intents& out);
    // App's PageChanged hook: stores the reading position of the current learner.
    void OnPageChanged(const PageChanged& page);
    // For `--screen NAME` (screenshots, reviews): selects the first learner (or creates "Peserta
    // Contoh" when there is none) and prepares what the screen shows for `module_id` (the first
    // module when empty). A result screen with no submitted attempt gets one only for the demo learner.
    void PrepareScreen(ScreenId screen, std::string_view module_id, Intents& out);
    // `--learner NIP`: signs that learner in at start (a kiosk PC, screenshots). Error text in error().
    void SelectByNip(std::string_view nip, Intents& out);

    // ---- read by the screens ----
    const learners::Learner* learner() const { return learner_ ? &*learner_ : nullptr; }
    const std::vector<learners::Learner>& learners() const { return learners_; }
    const ProfileFeedback& profile_feedback() const { return profile_; }
    const std::optional<learners::RosterReport>& roster_report() const { return roster_; }
    const std::string& roster_error() const { return roster_error_; }

    const std::vector<store::ModuleState>& home() const { return home_; }
    const store::ModuleState* module_state(std::string_view module_id) const;
    const std::optional<store::CompletionRecord>& completion() const { return completion_; }
    const std::optional<store::ResumePoint>& resume() const { return resume_; }  // the most recent activity
    // Where "Lanjutkan" leads (engine::ChooseNextStep over the learner's records), kept current with home().
    const engine::NextStep& next_step() const { return next_; }
    int modules_passed() const;

    const OverviewView& overview() const { return overview_; }
    const QuizSession* quiz() const { return quiz_ ? &*quiz_ : nullptr; }
    const ResultView* result() const { return result_ ? &*result_ : nullptr; }
    const ScenarioSession* scenario() const { return scenario_ ? &*scenario_ : nullptr; }
    const content::Course& course() const { return course_; }

    // The last failure (a disk error, a refused action), "" when the last action went well.
    const std::string& error() const { return error_; }

private:
    void Select(const std::string& learner_id, Intents& out);
    void SaveProfileNow(const SaveProfile& save, Intents& out);
    void RefreshLearners();
    void RefreshHome();
    void LoadOverview(const content::Module& module);
    void StartQuizNow(const StartQuiz& start, Intents& out);
    void Answer(const AnswerQuestion& answer);
    void Submit(Intents& out);
    void ShowResultNow(const std::string& attempt_id, Intents& out);
    void StartScenarioNow(const StartScenario& start, Intents& out);
    void ChooseNow(std::size_t index);
    void ContinueNow(Intents& out);
    engine::ModuleSituation SituationOf(const content::Module& module, const store::ModuleState& state);
    void ShowCourseResult(Intents& out);
    bool SeedDemoResult(const content::Module& module);

    store::Database* db_;
    const content::Course& course_;
    std::unique_ptr<store::Learning> learning_;
    std::optional<learners::Learner> learner_;
    std::vector<learners::Learner> learners_;
    ProfileFeedback profile_;
    std::optional<learners::RosterReport> roster_;
    std::string roster_error_;

    std::vector<store::ModuleState> home_;
    std::optional<store::CompletionRecord> completion_;
    std::optional<store::ResumePoint> resume_;
    engine::NextStep next_;
    OverviewView overview_;
    std::optional<QuizSession> quiz_;
    std::optional<ResultView> result_;
    std::optional<ScenarioSession> scenario_;
    std::string error_;
};

}  // namespace sinau::ui::learning
