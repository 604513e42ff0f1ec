#pragma once
// The UI side of a live class (issue 7, trainer): owns the running Classroom and its ClassServer, turns
// the class screen's intents into trainer actions, and keeps a snapshot (LiveView) the screen draws.
//
// Threads: main thread only. The server runs on its own threads; its events reach us through
// Classroom::DrainEvents() in Pump() at frame start, and it wakes the idle loop through `wake`
// (App: EventQueue::Push -> glfwPostEmptyEvent), coalesced by a WakeThrottle (<= 1 wake per 33 ms).
// Starting and stopping the server (bind, thread joins, the class_sessions INSERT) happen in Apply() /
// AfterFrame(), which App calls after ImGui::Render(), never inside a frame. Nothing throws out of
// this class: failures become LiveView::error for the screen to show.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "classroom/classroom.hpp"
#include "classroom/lan.hpp"
#include "classroom/server.hpp"
#include "classroom/unfinished.hpp"
#include "content/model.hpp"
#include "ui/classroom/class_debug.hpp"
#include "ui/classroom/class_intent.hpp"
#include "util/expected.hpp"

namespace sinau::ui::live {

class DemoPhones;
class WakeThrottle;

// What became of each question, as the trainer saw it (for the end summary).
struct QuestionOutcome {
    bool asked = false;
    bool skipped = false;
    int answered = 0;
    int correct = 0;
};

// Everything the class screen draws; refreshed by Pump().
struct LiveView {
    bool live = false;  // a session exists and its server runs
    classroom::TrainerView trainer;
    std::vector<std::string> names;  // participants in join order, already plain text (PlainName)
    uint16_t port = 0;
    std::vector<classroom::LanAddress> addresses;  // where phones can reach this PC
    std::string address;                           // the one on the projector
    std::string url;                               // http://address:port/
    classroom::QrMatrix qr;                        // of url (size 0 when it could not be made)
    bool loopback_only = false;                    // debug/test sessions: 127.0.0.1 only
    bool speed_bonus = false;
    std::string module_id;
    std::vector<QuestionOutcome> outcomes;            // per question of the session
    std::vector<classroom::QuestionSummary> results;  // exact per-question summary, filled once it ended
    bool resumed = false;                             // this session was continued after the app closed
    // Without a session: sessions the app left unfinished, offered on the setup screen.
    std::vector<classroom::UnfinishedSession> unfinished;
    bool unfinished_scanned = false;  // the class screen asks (ScanUnfinished) until this is true
    std::string error;                // start or storage failure (Bahasa Indonesia)
    std::string refusal;              // the last trainer action the session refused
};

class ClassController {
public:
    struct Environment {
        const content::Course* course = nullptr;
        std::filesystem::path db_path;   // "" when the app runs without a database: no class possible
        std::filesystem::path web_root;  // assets/web: the participant page
        std::function<void()> wake;      // any thread: wake the UI loop
    };
    explicit ClassController(Environment env);
    ~ClassController();  // ends nothing: stops the server; an unfinished session is offered at the next start
    ClassController(const ClassController&) = delete;
    ClassController& operator=(const ClassController&) = delete;

    void Apply(const Action& action);  // after ImGui::Render()
    void Pump();                       // at frame start: drain the server's events, refresh view()
    void AfterFrame();                 // after ImGui::Render(): deferred debug/demo steps, frame timing
    // How long the loop may sleep before the next frame: 0 = until an event (no session: idle, 0 % CPU);
    // 0.25 s while a countdown runs so the seconds tick on the projector.
    double RedrawInterval() const;

    // `--class-debug`: remembers the spec; the session starts after the first frame (or `delay`).
    Status StartDebug(const DebugClass& spec);
    bool debug_active() const { return debug_.has_value(); }
    // --screenshot with demo=PHASE: true once the scripted class reached PHASE (always true otherwise).
    bool ReadyForScreenshot() const;

    const LiveView& view() const { return view_; }
    bool live() const { return view_.live; }

private:
    void Start(const StartClass& start, bool loopback, uint16_t port, classroom::AutoPilot autopilot,
               bool ip_limit_off, int max_questions);
    void ResumeSession(const std::string& session_id);
    void EndSession(const std::string& session_id);
    void ScanUnfinishedSessions();
    // The part of starting shared by a new and a resumed class: server, addresses, the screen's view.
    void Serve(std::shared_ptr<classroom::Classroom> room, bool loopback, uint16_t port, bool ip_limit_off);
    void Stop();
    void Command(live::Command command);
    void UpdateAddress(const std::string& wanted);
    void DriveDemo();
    void LogFrame(double ms);
    void WriteBenchLog() const;

    Environment env_;
    LiveView view_;
    std::unique_ptr<WakeThrottle> throttle_;  // outlives room_/server_ (they call it)
    std::shared_ptr<classroom::Classroom> room_;
    std::unique_ptr<classroom::ClassServer> server_;
    std::unique_ptr<DemoPhones> demo_;

    std::optional<DebugClass> debug_;
    bool debug_started_ = false;
    std::chrono::steady_clock::time_point launched_ = std::chrono::steady_clock::now();
    int demo_answered_through_ = -1;  // last question the demo phones answered
    bool demo_ready_ = false;
    int frames_since_ready_ = 0;
    std::set<int> revealed_;  // questions that reached their reveal

    struct FrameRecord {
        double at_s;  // since launch
        double ms;
        const char* phase;
        int participants;
        int answered;
    };
    std::vector<FrameRecord> frames_;
    std::optional<std::chrono::steady_clock::time_point> frame_started_;
};

// How many leaderboard rows the trainer's screen copies each frame (the reveal shows up to 8, the podium 3).
inline constexpr size_t kBoardRows = 8;

// A module by 1-based number, id, or id prefix ("02" -> "02-netralitas-asn"); nullptr when none.
const content::Module* FindClassModule(const content::Course& course, const std::string& wanted);

}  // namespace sinau::ui::live
