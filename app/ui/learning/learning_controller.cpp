#include "ui/learning/learning_controller.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <random>

#include "engine/answer.hpp"
#include "engine/quiz_plan.hpp"
#include "learners/learner_store.hpp"
#include "learners/nip.hpp"
#include "store/database.hpp"
#include "util/time.hpp"

namespace sinau::ui::learning {
namespace {

constexpr const char* kDemoNip = "198803122015032001";

uint64_t FreshSeed() {
    std::random_device rd;
    const uint64_t t = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
    return (uint64_t(rd()) << 32) ^ rd() ^ t;
}

std::string DbFailure(const std::exception& e) {
    return std::string("Data tidak dapat disimpan atau dibaca: ") + e.what();
}

// An answer for the demo attempt of `--screen result`: a realistic mix of right and wrong answers.
engine::Answer DemoAnswer(const content::Question& q, const std::vector<int>& order, size_t n) {
    using content::QuestionType;
    switch (q.type) {
        case QuestionType::Mc: {
            int pick = order.empty() ? 0 : order[0];
            if (n % 3 != 2)
                for (size_t i = 0; i < q.choices.size(); ++i)
                    if (q.choices[i].fraction > 0.99) pick = int(i);
            return engine::McAnswer(pick);
        }
        case QuestionType::Multi: {
            std::vector<int> picks;
            for (size_t i = 0; i < q.choices.size(); ++i)
                if (q.choices[i].fraction > 0) picks.push_back(int(i));
            return engine::MultiAnswer(picks);
        }
        case QuestionType::TrueFalse:
            return engine::TfAnswer(n % 4 == 3 ? !q.tf_answer : q.tf_answer);
        case QuestionType::Short:
            return engine::ShortAnswer(q.choices.empty() ? "" : q.choices[0].text);
        case QuestionType::Numerical:
            return engine::NumericalAnswerOf(
                q.numerical.empty() ? "0" : engine::FormatNumber(q.numerical[0].value));
        case QuestionType::Match: {
            std::vector<int> pairs;
            for (size_t i = 0; i < q.pairs.size(); ++i)
                pairs.push_back(q.pairs[i].left.empty() ? -1 : int(i));
            return engine::MatchAnswer(pairs);
        }
        case QuestionType::Essay:
            return engine::EssayAnswer(
                "ASN tetap boleh memilih, tetapi tidak boleh berpihak atau ikut berkampanye.");
        case QuestionType::Description:
            break;
    }
    engine::Answer seen;
    seen.type = QuestionType::Description;
    return seen;
}

}  // namespace

const std::string& ProfileFeedback::Message(learners::ProfileField field) const {
    static const std::string kNone;
    for (const auto& p : fields)
        if (p.field == field) return p.message;
    return kNone;
}

int QuizSession::ScoredCount() const {
    return int(std::count_if(items.begin(), items.end(), [](const QuizItem& i) {
        return i.question->type != content::QuestionType::Description;
    }));
}

int QuizSession::AnsweredScored() const {
    return int(std::count_if(items.begin(), items.end(), [&](const QuizItem& i) {
        return i.question->type != content::QuestionType::Description && Answered(i.question->id);
    }));
}

LearningController::LearningController(store::Database* db, const content::Course& course)
    : db_(db), course_(course) {
    if (db_) {
        try {
            RefreshLearners();
        } catch (const std::exception& e) {
            error_ = DbFailure(e);
        }
    }
}

LearningController::~LearningController() = default;

const store::ModuleState* LearningController::module_state(std::string_view module_id) const {
    for (const auto& s : home_)
        if (s.module_id == module_id) return &s;
    return nullptr;
}

int LearningController::modules_passed() const {
    return int(std::count_if(home_.begin(), home_.end(), [](const store::ModuleState& s) {
        return s.outcome.status == engine::ModuleStatus::Lulus;
    }));
}

void LearningController::Apply(const Action& action, Intents& out) {
    if (!db_) {
        error_ = "Basis data tidak tersedia: kemajuan belajar tidak dapat disimpan pada sesi ini.";
        return;
    }
    // Each branch is one core call (or a few reads); a disk failure leaves the screen where it is and
    // says what happened, it never crashes the frame loop.
    try {
        error_.clear();
        std::visit(
            [&](const auto& a) {
                using T = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<T, SelectLearner>) {
                    Select(a.learner_id, out);
                } else if constexpr (std::is_same_v<T, SignOut>) {
                    learner_.reset();
                    learning_.reset();
                    quiz_.reset();
                    result_.reset();
                    scenario_.reset();
                    home_.clear();
                    RefreshLearners();
                    out.Push(Navigate{Route{ScreenId::Profiles, {}, 0}});
                } else if constexpr (std::is_same_v<T, SaveProfile>) {
                    SaveProfileNow(a, out);
                } else if constexpr (std::is_same_v<T, RemoveLearner>) {
                    learners::LearnerStore store(*db_);
                    if (auto s = store.Remove(a.learner_id); !s) error_ = s.error().message;
                    if (learner_ && learner_->id == a.learner_id) {
                        learner_.reset();
                        learning_.reset();
                    }
                    RefreshLearners();
                } else if constexpr (std::is_same_v<T, ImportRoster>) {
                    roster_.reset();
                    roster_error_.clear();
                    // The same core function as `sinau learners import`.
                    auto report = learners::ImportRoster(*db_, a.path);
                    if (report)
                        roster_ = std::move(*report);
                    else
                        roster_error_ = report.error().message;
                    RefreshLearners();
                } else if constexpr (std::is_same_v<T, OpenOverview>) {
                    const content::Module* m = course_.FindModule(a.module_id);
                    if (!m || !learning_) return;
                    LoadOverview(*m);
                    out.Push(Navigate{Route{ScreenId::Overview, {}, 0}});
                } else if constexpr (std::is_same_v<T, ResumeReading>) {
                    int page = 0;
                    const content::Module* m = course_.FindModule(a.module_id);
                    if (m && learning_)
                        if (auto r = learning_->Reading(*m)) page = r->page;
                    out.Push(Navigate{Route{ScreenId::Module, a.module_id, page}});
                } else if constexpr (std::is_same_v<T, Continue>) {
                    ContinueNow(out);
                } else if constexpr (std::is_same_v<T, StartQuiz>) {
                    StartQuizNow(a, out);
                } else if constexpr (std::is_same_v<T, GoToQuestion>) {
                    if (quiz_) {
                        quiz_->current = std::clamp(a.index, 0, std::max(0, int(quiz_->items.size()) - 1));
                        quiz_->error.clear();
                        ++quiz_->generation;
                    }
                } else if constexpr (std::is_same_v<T, AnswerQuestion>) {
                    Answer(a);
                } else if constexpr (std::is_same_v<T, SubmitQuiz>) {
                    Submit(out);
                } else if constexpr (std::is_same_v<T, ShowResult>) {
                    ShowResultNow(a.attempt_id, out);
                } else if constexpr (std::is_same_v<T, StartScenario>) {
                    StartScenarioNow(a, out);
                } else if constexpr (std::is_same_v<T, ChooseLink>) {
                    ChooseNow(a.index);
                }
            },
            action);
    } catch (const std::exception& e) {
        error_ = DbFailure(e);
    }
}

void LearningController::OnPageChanged(const PageChanged& page) {
    if (!learning_) return;
    const content::Module* m = course_.FindModule(page.module);
    if (!m) return;
    try {
        learning_->SetReadingPage(*m, page.page);
        RefreshHome();
    } catch (const std::exception& e) {
        error_ = DbFailure(e);
    }
}

// ---- learners ---------------------------------------------------------------------------------

void LearningController::RefreshLearners() {
    learners::LearnerStore store(*db_);
    learners_ = store.List();
}

void LearningController::Select(const std::string& learner_id, Intents& out) {
    learners::LearnerStore store(*db_);
    auto found = store.Find(learner_id);
    if (!found || found->removed_at) {
        error_ = "Profil tidak ditemukan.";
        RefreshLearners();
        return;
    }
    learner_ = std::move(*found);
    learning_ = std::make_unique<store::Learning>(*db_, course_, learner_->id);
    quiz_.reset();
    result_.reset();
    scenario_.reset();
    RefreshHome();
    out.Push(Navigate{Route{ScreenId::Home, {}, 0}});
}

void LearningController::SaveProfileNow(const SaveProfile& save, Intents& out) {
    ProfileFeedback f;
    f.generation = profile_.generation + 1;
    const util::Date today = util::TodayUtc();
    const learners::LearnerProfile cleaned = learners::CleanProfile(save.profile);
    learners::LearnerStore store(*db_, today);
    f.fields = store.Check(cleaned, save.learner_id);
    if (!f.fields.empty()) {
        profile_ = std::move(f);
        return;
    }
    auto saved = save.learner_id.empty() ? store.Create(cleaned) : store.Edit(save.learner_id, cleaned);
    if (!saved) {  // not a field's fault: the profile being edited was removed meanwhile
        f.general = saved.error().message;
        profile_ = std::move(f);
        return;
    }
    f.ok = true;
    f.saved_id = saved->id;
    profile_ = std::move(f);
    RefreshLearners();
    if (save.learner_id.empty()) {
        Select(saved->id, out);  // a new profile is the person at the keyboard
    } else if (learner_ && learner_->id == saved->id) {
        learner_ = *saved;
    }
}

// ---- progress -----------------------------------------------------------------------------------

void LearningController::RefreshHome() {
    if (!learning_) return;
    home_ = learning_->Home();
    completion_ = learning_->Completion();
    resume_ = learning_->Lanjutkan();
    std::vector<engine::ModuleSituation> situations;
    for (size_t i = 0; i < course_.modules.size() && i < home_.size(); ++i)
        situations.push_back(SituationOf(course_.modules[i], home_[i]));
    std::optional<engine::LastActivity> last;
    if (resume_) {
        using K = store::ResumePoint::Kind;
        last = engine::LastActivity{resume_->kind == K::Quiz       ? engine::LastActivity::Kind::Quiz
                                    : resume_->kind == K::Scenario ? engine::LastActivity::Kind::Scenario
                                                                   : engine::LastActivity::Kind::Reading,
                                    resume_->module_id, resume_->scenario_id};
    }
    next_ = engine::ChooseNextStep(course_, situations, last);
    if (overview_.module) LoadOverview(*overview_.module);
}

// What the next-step rule needs beyond the home state: open work, ended scenarios, essays waiting.
engine::ModuleSituation LearningController::SituationOf(const content::Module& module,
                                                        const store::ModuleState& state) {
    engine::ModuleSituation s;
    s.outcome = state.outcome;
    s.may_start_attempt = state.may_start_attempt;
    if (state.reading) {
        s.reading_page = state.reading->page;
        s.reading_finished = state.reading->pages > 0 && state.reading->max_page >= state.reading->pages - 1;
    }
    if (!module.ok()) return s;
    const bool has_essay =
        std::any_of(module.questions.begin(), module.questions.end(),
                    [](const content::Question& q) { return q.type == content::QuestionType::Essay; });
    for (const auto& a : learning_->Attempts(module)) {
        if (a.open()) {
            s.open_attempt = true;
        } else if (has_essay && !s.essay_waiting) {
            for (const auto& r : learning_->Responses(a.id))
                if (r.answer.type == content::QuestionType::Essay && !r.fraction) s.essay_waiting = true;
        }
    }
    for (const auto& run : learning_->ScenarioRuns(module)) {  // oldest first: the newest open run wins
        if (run.ended)
            s.scenarios_ended.insert(run.scenario_id);
        else
            s.open_scenario_id = run.scenario_id;
    }
    return s;
}

void LearningController::LoadOverview(const content::Module& module) {
    OverviewView v;
    v.module = &module;
    v.attempts = learning_->Attempts(module);
    v.runs = learning_->ScenarioRuns(module);
    const store::ModuleState state = learning_->Module(module);
    v.may_start_attempt = state.may_start_attempt;
    v.has_open_attempt =
        std::any_of(v.attempts.begin(), v.attempts.end(), [](const auto& a) { return a.open(); });
    overview_ = std::move(v);
}

void LearningController::ContinueNow(Intents& out) {
    if (!learning_) return;
    RefreshHome();  // decide on the records as they are now, not as the last frame saw them
    const engine::NextStep& next = next_;
    using K = engine::NextStep::Kind;
    switch (next.kind) {
        case K::Read:
            out.Push(Navigate{Route{ScreenId::Module, next.module_id, next.page}});
            break;
        case K::Quiz:
            StartQuizNow(StartQuiz{next.module_id, std::nullopt}, out);
            break;
        case K::Scenario:
            StartScenarioNow(StartScenario{next.module_id, next.scenario_id}, out);
            break;
        case K::Overview:
            if (const content::Module* m = course_.FindModule(next.module_id)) {
                LoadOverview(*m);
                out.Push(Navigate{Route{ScreenId::Overview, {}, 0}});
            }
            break;
        case K::CourseResult:
            ShowCourseResult(out);
            break;
        case K::Nothing:
            out.Push(Navigate{Route{ScreenId::Home, {}, 0}});
            break;
    }
}

// The course is done: the result screen of the last quiz submitted, which carries the completion note
// (final score, certificate). A course without quizzes has no result to show: home shows the note.
void LearningController::ShowCourseResult(Intents& out) {
    std::optional<store::AttemptRecord> latest;
    for (const auto& m : course_.modules)
        for (auto& a : learning_->Attempts(m))
            if (!a.open() && (!latest || *a.submitted_at > *latest->submitted_at)) latest = std::move(a);
    if (latest)
        ShowResultNow(latest->id, out);
    else
        out.Push(Navigate{Route{ScreenId::Home, {}, 0}});
}

// ---- quiz ---------------------------------------------------------------------------------------

void LearningController::StartQuizNow(const StartQuiz& start, Intents& out) {
    const content::Module* m = course_.FindModule(start.module_id);
    if (!m || !learning_) return;
    auto attempt = learning_->StartOrResumeAttempt(*m, FreshSeed(), start.mode);
    if (!attempt) {
        error_ = attempt.error().message;
        return;
    }
    QuizSession s;
    s.module = m;
    s.attempt = std::move(*attempt);
    s.rules = engine::RulesFor(s.attempt.mode);
    for (const auto& planned : s.attempt.plan.items)
        if (const content::Question* q = engine::FindQuestion(*m, planned.question_id))
            s.items.push_back(QuizItem{q, planned.order});
    for (auto& r : learning_->Responses(s.attempt.id)) {
        const std::string id = r.question_id;
        s.responses.emplace(id, std::move(r));
    }
    // Resume exactly where the learner left: the first item not answered yet.
    s.current = -1;
    for (size_t i = 0; i < s.items.size(); ++i) {
        const content::Question& q = *s.items[i].question;
        if (auto it = s.responses.find(q.id); it != s.responses.end()) {
            if (s.rules.feedback_after_each_answer) s.shown[q.id] = engine::GradeAnswer(q, it->second.answer);
        } else if (s.current < 0) {
            s.current = int(i);
        }
    }
    if (s.current < 0) s.current = std::max(0, int(s.items.size()) - 1);
    if (quiz_) s.generation = quiz_->generation + 1;
    quiz_ = std::move(s);
    RefreshHome();
    out.Push(Navigate{Route{ScreenId::Quiz, {}, 0}});
}

void LearningController::Answer(const AnswerQuestion& a) {
    if (!quiz_ || !learning_) return;
    QuizSession& s = *quiz_;
    const content::Question* q = engine::FindQuestion(*s.module, a.question_id);
    if (!q) return;
    auto recorded = learning_->RecordResponse(s.attempt, *q, a.answer, a.duration_ms);
    ++s.generation;
    if (!recorded) {
        s.error = recorded.error().message;
        return;
    }
    s.error.clear();
    if (s.rules.feedback_after_each_answer) s.shown[q->id] = recorded->grade;
    s.responses[q->id] = std::move(recorded->response);
    if (a.advance && s.current + 1 < int(s.items.size())) ++s.current;
    RefreshHome();
}

void LearningController::Submit(Intents& out) {
    if (!quiz_ || !learning_) return;
    auto submitted = learning_->SubmitAttempt(quiz_->attempt);
    if (!submitted) {
        quiz_->error = submitted.error().message;
        ++quiz_->generation;
        return;
    }
    quiz_.reset();
    RefreshHome();
    ShowResultNow(submitted->attempt.id, out);
    if (result_) result_->course_completed_now = submitted->course_completed_now;
}

void LearningController::ShowResultNow(const std::string& attempt_id, Intents& out) {
    if (!learning_) return;
    auto attempt = learning_->FindAttempt(attempt_id);
    if (!attempt) {
        error_ = "Percobaan kuis tidak ditemukan.";
        return;
    }
    const content::Module* m = course_.FindModule(attempt->module_id);
    if (!m) {
        error_ = "Modul percobaan ini tidak ada lagi di kursus.";
        return;
    }
    ResultView v;
    v.module = m;
    v.attempt = std::move(*attempt);
    v.items = learning_->Review(v.attempt);
    v.module_state = learning_->Module(*m);
    v.pass_mark = course_.pass_mark;
    for (const auto& item : v.items)
        if (item.question && item.question->type == content::QuestionType::Essay && item.answer &&
            !item.stored_fraction)
            ++v.pending_essays;
    result_ = std::move(v);
    out.Push(Navigate{Route{ScreenId::Result, {}, 0}});
}

// ---- scenarios ----------------------------------------------------------------------------------

void LearningController::StartScenarioNow(const StartScenario& start, Intents& out) {
    const content::Module* m = course_.FindModule(start.module_id);
    if (!m || !learning_) return;
    const content::Scenario* sc = nullptr;
    for (const auto& s : m->scenarios)
        if (s.id == start.scenario_id) sc = &s;
    if (!sc) {
        error_ = "Skenario \"" + start.scenario_id + "\" tidak ada di modul ini.";
        return;
    }
    auto run = learning_->StartOrResumeScenario(*m, *sc);
    if (!run) {
        error_ = run.error().message;
        return;
    }
    ScenarioSession s;
    s.module = m;
    s.scenario = sc;
    s.run = std::move(*run);
    s.best = engine::FindBestPath(*sc);
    scenario_ = std::move(s);
    RefreshHome();
    out.Push(Navigate{Route{ScreenId::Scenario, {}, 0}});
}

void LearningController::ChooseNow(std::size_t index) {
    if (!scenario_ || !learning_) return;
    auto run = learning_->Choose(scenario_->run, *scenario_->scenario, index);
    if (!run) {
        scenario_->error = run.error().message;
        return;
    }
    scenario_->error.clear();
    scenario_->run = std::move(*run);
    RefreshHome();
}

void LearningController::SelectByNip(std::string_view nip, Intents& out) {
    if (!db_) return;
    try {
        learners::LearnerStore store(*db_);
        auto found = store.FindByNip(learners::NormalizeNip(nip));
        if (!found || found->removed_at) {
            error_ = "Tidak ada profil dengan NIP " + std::string(nip) + " di komputer ini.";
            return;
        }
        Select(found->id, out);
    } catch (const std::exception& e) {
        error_ = DbFailure(e);
    }
}

// ---- --screen ------------------------------------------------------------------------------------

bool LearningController::SeedDemoResult(const content::Module& module) {
    auto attempt = learning_->StartOrResumeAttempt(module, 2024, content::QuizMode::Ujian);
    if (!attempt) return false;
    size_t n = 0;
    for (const auto& item : attempt->plan.items) {
        const content::Question* q = engine::FindQuestion(module, item.question_id);
        if (!q) continue;
        if (!learning_->RecordResponse(*attempt, *q, DemoAnswer(*q, item.order, n++), 20000)) continue;
    }
    return learning_->SubmitAttempt(*attempt).ok();
}

void LearningController::PrepareScreen(ScreenId screen, std::string_view module_id, Intents& out) {
    if (!db_) return;
    try {
        RefreshLearners();
        if (screen == ScreenId::Profiles) {
            out.Push(Navigate{Route{ScreenId::Profiles, {}, 0}});
            return;
        }
        bool demo = false;
        if (!learner_ && learners_.empty()) {
            learners::LearnerStore store(*db_);
            auto created =
                store.Create({"Peserta Contoh", kDemoNip, "BPSDM Provinsi Jawa Timur", "Analis Kebijakan"});
            if (!created) {
                error_ = created.error().message;
                return;
            }
            RefreshLearners();
        }
        if (!learner_) Select(learners_.front().id, out);  // --learner may have chosen one already
        if (!learner_) return;
        demo = learner_->profile.nip == kDemoNip;
        const content::Module* m = module_id.empty() ? nullptr : course_.FindModule(module_id);
        if (!m)
            for (const auto& candidate : course_.modules)
                if (candidate.ok()) {
                    m = &candidate;
                    break;
                }
        if (!m) return;
        switch (screen) {
            case ScreenId::Overview:
                LoadOverview(*m);
                out.Push(Navigate{Route{ScreenId::Overview, {}, 0}});
                break;
            case ScreenId::Quiz:
                StartQuizNow(StartQuiz{m->id, std::nullopt}, out);
                break;
            case ScreenId::Result: {
                auto attempts = learning_->Attempts(*m);
                auto last =
                    std::find_if(attempts.rbegin(), attempts.rend(), [](const auto& a) { return !a.open(); });
                if (last == attempts.rend() && demo && SeedDemoResult(*m)) {
                    attempts = learning_->Attempts(*m);
                    last = std::find_if(attempts.rbegin(), attempts.rend(),
                                        [](const auto& a) { return !a.open(); });
                }
                if (last != attempts.rend())
                    ShowResultNow(last->id, out);
                else
                    error_ = "Belum ada percobaan kuis yang dikirim untuk modul ini.";
                RefreshHome();
                break;
            }
            case ScreenId::Scenario:
                if (!m->scenarios.empty())
                    StartScenarioNow(StartScenario{m->id, m->scenarios.front().id}, out);
                break;
            default:
                out.Push(Navigate{Route{screen, {}, 0}});
                break;
        }
    } catch (const std::exception& e) {
        error_ = DbFailure(e);
    }
}

}  // namespace sinau::ui::learning
