#pragma once
// A live class without the network: the session state machine (session.hpp) behind one mutex, its
// records (through a store::BatchWriter into store/class_records.hpp, answers acknowledged only once
// durable), the views each phone and the trainer
// see, and the events the UI drains each frame. ClassServer (server.hpp) puts HTTP/WebSocket in front.
//
// Threads: every public member is thread-safe. Callbacks (`done`, the change hook, the wake callback)
// run on the calling thread or on the writer's thread, never under the internal lock.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include "classroom/session.hpp"
#include "classroom/validate.hpp"
#include "content/model.hpp"
#include "store/batch_writer.hpp"
#include "util/expected.hpp"

namespace sinau::classroom {

// What the trainer picked: a module's playable questions (or a hand-picked subset), in order.
struct SessionPlan {
    std::string module_id;
    std::string title;
    std::string course_id;
    std::string content_version;
    double pass_mark = 70.0;  // percent: attempts.passed at the end
    std::vector<ClassQuestion> questions;
    SessionSettings settings;
};

// The module's questions that can be played in class (mc, tf, multi), in bank order; `ids` (optional)
// hand-picks and orders them. Error when nothing is playable or an id is unknown/unplayable.
Expected<SessionPlan> PlanFromModule(const content::Course& course, const content::Module& module,
                                     const std::vector<std::string>& ids = {});

// Runs the class without a trainer at the keyboard (headless --auto, tests, load benchmark).
struct AutoPilot {
    bool enabled = false;
    int expect = 0;            // start as soon as this many joined (0: wait lobby_ms)
    int64_t lobby_ms = 15000;  // start after this long in the lobby if anyone joined; end if nobody did
    int64_t reveal_ms = 4000;  // show each reveal this long, then open the next question
};

struct ClassEvent {
    enum class Kind { Joined, Rejoined, AnswerStored, PhaseChanged, StorageFailed };
    Kind kind = Kind::PhaseChanged;
    int participant = -1;
    std::string name;   // participant's name, raw (escape when drawing as markup; ImGui draws text as is)
    int question = -1;  // AnswerStored: which question; PhaseChanged: current index
    Phase phase = Phase::Lobby;
    std::string message;  // StorageFailed: why
};

// Everything the trainer's screen draws, copied out under the lock.
struct TrainerView {
    std::string session_id;
    std::string title;
    std::string pin;
    Phase phase = Phase::Lobby;
    int current = -1;
    int total = 0;
    int64_t remaining_ms = 0;
    int64_t question_ms = 0;
    std::optional<ClassQuestion> question;  // the open/revealed question
    std::vector<int> correct;               // its correct choices
    QuestionResult result;                  // answers so far for it
    struct Row {
        std::string name;
        int score = 0;
        int rank = 0;
        int correct = 0;
        bool answered_current = false;
    };
    std::vector<Row> standings;  // best first: the top `top_n` of View(top_n) only
    int participants = 0;        // everyone who joined (standings may hold fewer)
    int correct_answers = 0;     // correct answers of everyone, all questions (the class average)
    int asked = 0;
    uint64_t version = 0;
};

// One question of the session as it went, exact (from every stored answer): the end-of-class summary
// and exports.
struct QuestionSummary {
    int index = 0;  // in the session's order
    std::string question_id;
    ClassQuestionKind kind = ClassQuestionKind::Mc;
    std::string text;
    std::vector<std::string> choices;
    std::vector<int> correct_choices;
    bool asked = false;       // was opened
    bool skipped = false;     // closed by "Lewati" without a reveal
    std::vector<int> counts;  // picks per choice (a multi answer counts once per picked choice)
    int answered = 0;
    int correct = 0;          // full-credit answers
    double average_ms = 0.0;  // mean time to answer among those who answered (pauses excluded)
};

struct JoinOk {
    std::string token;  // give to the phone once; only its hash is kept
    int participant = -1;
    std::string view;  // the participant's first view (JSON)
};

class Classroom {
public:
    // Creates the class_sessions row (durably) and starts with a fresh PIN.
    static Expected<std::unique_ptr<Classroom>> Create(const std::filesystem::path& db_path, SessionPlan plan,
                                                       AutoPilot autopilot = {});
    // Reloads a session from the database after a crash: same PIN, participants, tokens, scores and
    // answers; an open question keeps its deadline (or is revealed if it passed while the app was down).
    static Expected<std::unique_ptr<Classroom>> Resume(const std::filesystem::path& db_path,
                                                       const std::string& session_id,
                                                       const content::Course& course,
                                                       AutoPilot autopilot = {});
    ~Classroom();

    // --- participants (called by the server for each request) -----------------------------------
    using JoinDone = std::function<void(std::variant<JoinOk, Rejection>)>;
    void Join(const JoinRequest& request, JoinDone done);
    std::optional<int> Authenticate(const std::string& token) const;  // participant index for a token
    using AnswerDone = std::function<void(std::variant<std::string, Rejection>)>;  // ack JSON or refusal
    void Answer(int participant, const AnswerRequest& request, AnswerDone done);
    std::string ViewFor(int participant) const;  // the participant's view message (JSON)
    std::vector<std::string> ViewsFor(const std::vector<int>& participants) const;  // one lock for many
    uint64_t version() const;

    // --- trainer ------------------------------------------------------------------------------------
    Refusal Next();
    Refusal Reveal();
    Refusal Pause();
    Refusal Resume();
    Refusal Skip();
    Refusal End();
    // Closes questions at their deadline and drives the autopilot. The server calls it every ~100 ms.
    void Tick();
    // The trainer's snapshot with the `top_n` best participants only: a projector shows a top few, and
    // copying a thousand rows every frame would hold the lock the answers need (O(n log top_n)).
    TrainerView View(size_t top_n = SIZE_MAX) const;
    // Every question of the session with its exact distribution, correct count and average time.
    // O(participants x questions): for the end of the class and exports, not for every frame.
    std::vector<QuestionSummary> Results() const;
    std::vector<std::string> ParticipantNames() const;  // in join order (raw, as validated)
    // The TCP port phones were given (the URL on the projector). Kept in class_sessions.state so a
    // resumed session can listen on the same port: the page's token lives in the browser's storage for
    // that origin (host:port), so the same port means phones reconnect without joining again.
    void SetServedPort(uint16_t port);
    uint16_t served_port() const;
    std::vector<ClassEvent> DrainEvents();
    void SetWakeCallback(std::function<void()> wake);     // e.g. glfwPostEmptyEvent
    void SetChangeHook(std::function<void()> on_change);  // the server pushes views to phones
    bool ended() const;
    // Waits until every write queued so far is durable.
    void Flush();

    // --- identity -------------------------------------------------------------------------------
    const std::string& session_id() const { return session_id_; }
    const std::string& pin() const { return pin_; }
    const SessionPlan& plan() const { return plan_; }
    store::BatchWriter::Stats writer_stats() const { return writer_->stats(); }
    // Summary lines for the headless command's end report (Bahasa Indonesia).
    std::string SummaryText() const;

    // For tests: the clock (ms since the Unix epoch). Defaults to the system clock.
    void SetClockForTest(std::function<int64_t()> now);

private:
    Classroom() = default;
    int64_t Now() const;
    // Must hold mutex_. After a phase change: persist state, queue event, remember to notify.
    void AfterChangeLocked(int64_t now);
    Refusal Act(Refusal (ClassSession::*action)(int64_t));
    void Notify();  // calls change hook + wake, outside the lock
    void PushEventLocked(ClassEvent e);
    std::string SharedViewLocked() const;  // cached per version
    std::string ViewLocked(int participant, int64_t now) const;
    void SubmitStateLocked(bool ended);

    std::string session_id_;
    std::string pin_;
    SessionPlan plan_;
    AutoPilot autopilot_;
    std::unique_ptr<store::BatchWriter> writer_;
    std::unique_ptr<ClassSession> session_;

    mutable std::mutex mutex_;
    std::unordered_map<std::string, int> by_token_hash_;
    std::unordered_set<std::string> pending_names_;  // joins waiting for their commit
    std::unordered_set<std::string> used_nips_;
    int pending_joins_ = 0;
    int64_t phase_since_ = 0;
    std::vector<ClassEvent> events_;
    std::function<void()> wake_;
    std::function<void()> on_change_;
    std::function<int64_t()> clock_;
    mutable uint64_t shared_version_ = 0;
    mutable std::string shared_view_;
    mutable uint64_t ranks_version_ = 0;
    mutable std::vector<int> ranks_;  // by participant index
    uint16_t served_port_ = 0;
};

}  // namespace sinau::classroom
