#include "ui/classroom/class_controller.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "ui/classroom/class_text.hpp"
#include "ui/classroom/demo_phones.hpp"
#include "ui/classroom/wake_throttle.hpp"

namespace sinau::ui::live {
namespace {

using classroom::Phase;
using Clock = std::chrono::steady_clock;

// A class of a thousand phones needs a thousand sockets: lift the soft limit to the hard one.
void RaiseFileLimit() {
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        setrlimit(RLIMIT_NOFILE, &lim);
    }
}

const char* PhaseLabel(bool live, Phase phase) {
    if (!live) return "none";
    switch (phase) {
        case Phase::Lobby:
            return "lobby";
        case Phase::Question:
            return "question";
        case Phase::Paused:
            return "paused";
        case Phase::Reveal:
            return "reveal";
        case Phase::Ended:
            return "ended";
    }
    return "none";
}

// The demo's deterministic answers: most phones right, the rest spread over the wrong choices, so the
// bars and the leaderboard look like a real class.
std::vector<int> DemoChoice(int who, int question, const classroom::ClassQuestion& q,
                            const std::vector<int>& correct) {
    if ((who * 7 + question * 11 + who * question) % 10 < 6 && !correct.empty()) return correct;
    std::vector<int> wrong;
    for (int i = 0; i < int(q.choices.size()); ++i)
        if (std::find(correct.begin(), correct.end(), i) == correct.end()) wrong.push_back(i);
    if (wrong.empty()) return correct;
    return {wrong[size_t(who + question) % wrong.size()]};
}

}  // namespace

const content::Module* FindClassModule(const content::Course& course, const std::string& wanted) {
    if (!wanted.empty() && wanted.find_first_not_of("0123456789") == std::string::npos && wanted.size() < 6) {
        const size_t n = std::stoul(wanted);
        if (n >= 1 && n <= course.modules.size()) return &course.modules[n - 1];
    }
    if (const auto* m = course.FindModule(wanted)) return m;
    for (const auto& m : course.modules)
        if (m.id.rfind(wanted + "-", 0) == 0) return &m;
    return nullptr;
}

ClassController::ClassController(Environment env) : env_(std::move(env)) {}

ClassController::~ClassController() {
    Stop();
    WriteBenchLog();
}

// ---------------------------------------------------------------------------------------------
// Starting and stopping (after the frame)

void ClassController::Start(const StartClass& start, bool loopback, uint16_t port,
                            classroom::AutoPilot autopilot, bool ip_limit_off, int max_questions) {
    Stop();
    view_ = LiveView{};
    if (env_.db_path.empty() || !env_.course) {
        view_.error = "Kelas langsung memerlukan basis data: buka Sinau dengan --db BERKAS.";
        return;
    }
    const content::Module* module = FindClassModule(*env_.course, start.module_id);
    if (!module) {
        view_.error = "Modul '" + start.module_id + "' tidak ada di kursus.";
        return;
    }
    if (!module->ok()) {
        view_.error = "Modul " + module->id + " belum dapat dipakai karena ada kesalahan pada berkasnya.";
        return;
    }
    auto plan = classroom::PlanFromModule(*env_.course, *module, start.question_ids);
    if (!plan) {
        view_.error = plan.error().message;
        return;
    }
    if (max_questions > 0 && plan->questions.size() > size_t(max_questions))
        plan->questions.resize(size_t(max_questions));
    plan->settings.question_ms = int64_t(std::clamp(start.question_seconds, 5, 600)) * 1000;
    plan->settings.speed_bonus = start.speed_bonus;

    auto created = classroom::Classroom::Create(env_.db_path, std::move(plan.value()), autopilot);
    if (!created) {
        view_.error = created.error().message;
        return;
    }
    view_.speed_bonus = start.speed_bonus;
    Serve(std::move(created.value()), loopback, port, ip_limit_off);
}

void ClassController::Serve(std::shared_ptr<classroom::Classroom> room, bool loopback, uint16_t port,
                            bool ip_limit_off) {
    RaiseFileLimit();
    throttle_ = std::make_unique<WakeThrottle>(env_.wake, std::chrono::milliseconds(33));
    room_ = std::move(room);
    room_->SetWakeCallback([t = throttle_.get()] { t->Poke(); });

    classroom::ServerConfig config;
    config.bind = loopback ? "127.0.0.1" : "0.0.0.0";
    config.port = port;
    config.web_root = env_.web_root;
    if (ip_limit_off) config.ip_limit = {0, 0};
    auto server = classroom::ServeClassroom(config, room_);
    if (!server) {
        view_.error = server.error().message;
        if (!view_.resumed)
            room_->End();  // nobody could join: close the new session instead of leaving it open
        Stop();
        return;
    }
    server_ = std::move(server.value());

    view_.live = true;
    view_.port = server_->port();
    view_.loopback_only = loopback;
    view_.module_id = room_->plan().module_id;
    view_.outcomes.assign(room_->plan().questions.size(), QuestionOutcome{});
    view_.addresses =
        loopback ? std::vector<classroom::LanAddress>{{"lo", "127.0.0.1"}} : classroom::LanAddresses();
    UpdateAddress("");
    view_.trainer = room_->View(kBoardRows);
    if (debug_) {  // the test scripts read these (loopback only)
        std::printf("class-port %u\nclass-pin %s\nclass-session %s\n", unsigned(view_.port),
                    room_->pin().c_str(), room_->session_id().c_str());
        std::fflush(stdout);
        if (!debug_->demo.empty() && !view_.resumed)
            demo_ = std::make_unique<DemoPhones>(view_.port, room_->pin(),
                                                 DemoPhones::SampleNames(debug_->demo_people));
    }
}

// "Lanjutkan sesi kelas": the same core path as `sinau class serve --resume` (Classroom::Resume), then
// the screen's own memory of the session (names in join order, what became of each question) rebuilt
// from it, since the events that built them the first time are gone with the crashed process.
void ClassController::ResumeSession(const std::string& session_id) {
    Stop();
    view_ = LiveView{};
    if (env_.db_path.empty() || !env_.course) {
        view_.error = "Kelas langsung memerlukan basis data: buka Sinau dengan --db BERKAS.";
        return;
    }
    auto resumed = classroom::Classroom::Resume(env_.db_path, session_id, *env_.course);
    if (!resumed) {
        view_.error = resumed.error().message;
        ScanUnfinishedSessions();  // keep offering the rest (and this one: it can still be ended)
        return;
    }
    std::shared_ptr<classroom::Classroom> room = std::move(resumed.value());
    view_.resumed = true;
    view_.speed_bonus = room->plan().settings.speed_bonus;
    for (const auto& name : room->ParticipantNames()) view_.names.push_back(PlainName(name));
    const auto results = room->Results();
    const bool debug_loopback = debug_.has_value();  // tests: 127.0.0.1 only, as every --class-debug session
    Serve(room, debug_loopback, 0, debug_ && debug_->ip_limit_off);
    if (!view_.live) {
        ScanUnfinishedSessions();
        return;
    }
    room->DrainEvents();  // nothing happened on screen yet: the snapshot above is the state
    for (const auto& r : results) {
        if (size_t(r.index) >= view_.outcomes.size()) continue;
        auto& o = view_.outcomes[size_t(r.index)];
        o.asked = r.asked;
        o.skipped = r.skipped;
        o.answered = r.answered;
        o.correct = r.correct;
        const bool open_now = r.index == view_.trainer.current && (view_.trainer.phase == Phase::Question ||
                                                                   view_.trainer.phase == Phase::Paused);
        if (r.asked && !r.skipped && !open_now) revealed_.insert(r.index);
    }
}

void ClassController::EndSession(const std::string& session_id) {
    if (room_) return;  // never while a class runs
    view_.error.clear();
    if (env_.db_path.empty() || !env_.course) return;
    const auto status = classroom::EndUnfinishedSession(env_.db_path, session_id, *env_.course);
    if (!status) view_.error = status.error().message;
    ScanUnfinishedSessions();
}

void ClassController::ScanUnfinishedSessions() {
    view_.unfinished_scanned = true;
    view_.unfinished.clear();
    if (env_.db_path.empty()) return;
    auto found = classroom::FindUnfinishedSessions(env_.db_path);
    if (!found) {
        view_.error = found.error().message;
        return;
    }
    view_.unfinished = std::move(found.value());
}

void ClassController::Stop() {
    demo_.reset();
    if (server_) server_->Stop();
    server_.reset();
    if (room_) {
        room_->SetWakeCallback({});
        room_->Flush();
    }
    room_.reset();  // the Classroom's threads are gone after this
    revealed_.clear();
    throttle_.reset();  // so nobody pokes it any more
    view_.live = false;
}

void ClassController::UpdateAddress(const std::string& wanted) {
    const auto it = std::find_if(view_.addresses.begin(), view_.addresses.end(),
                                 [&](const classroom::LanAddress& a) { return a.address == wanted; });
    view_.address =
        it != view_.addresses.end()
            ? wanted
            : classroom::PreferredAddress(view_.loopback_only ? "127.0.0.1" : "0.0.0.0", view_.addresses);
    view_.url = classroom::JoinUrl(view_.address, view_.port);
    auto qr = classroom::MakeQr(view_.url);
    view_.qr = qr ? std::move(qr.value()) : classroom::QrMatrix{};
}

// ---------------------------------------------------------------------------------------------
// Intents

void ClassController::Command(live::Command command) {
    if (!room_) return;
    classroom::Refusal r = classroom::Refusal::None;
    switch (command) {
        case live::Command::Next:
            r = room_->Next();
            break;
        case live::Command::Reveal:
            r = room_->Reveal();
            break;
        case live::Command::Pause:
            r = room_->Pause();
            break;
        case live::Command::Resume:
            r = room_->Resume();
            break;
        case live::Command::Skip:
            r = room_->Skip();
            break;
        case live::Command::End:
            r = room_->End();
            break;
    }
    // A refusal here means the phase moved under the trainer's click (e.g. the countdown closed the
    // question a moment before "Lewati"): say so, change nothing.
    view_.refusal = r == classroom::Refusal::None ? "" : std::string(classroom::RefusalMessage(r));
    view_.trainer = room_->View(kBoardRows);
}

void ClassController::Apply(const Action& action) {
    if (const auto* start = std::get_if<StartClass>(&action)) {
        Start(*start, false, 0, {}, false, 0);
    } else if (const auto* cmd = std::get_if<ClassCommand>(&action)) {
        Command(cmd->command);
    } else if (const auto* choose = std::get_if<ChooseAddress>(&action)) {
        if (view_.live) UpdateAddress(choose->address);
    } else if (std::holds_alternative<RefreshAddresses>(action)) {
        if (view_.live && !view_.loopback_only) {
            const std::string current = view_.address;
            view_.addresses = classroom::LanAddresses();
            UpdateAddress(current);
        }
    } else if (std::holds_alternative<CloseClass>(action)) {
        Stop();
        view_ = LiveView{};
    } else if (std::holds_alternative<ScanUnfinished>(action)) {
        if (!room_) ScanUnfinishedSessions();
    } else if (const auto* resume = std::get_if<ResumeClass>(&action)) {
        ResumeSession(resume->session_id);
    } else if (const auto* end = std::get_if<EndUnfinished>(&action)) {
        EndSession(end->session_id);
    }
}

// ---------------------------------------------------------------------------------------------
// Per frame

void ClassController::Pump() {
    if (debug_ && !debug_->bench_file.empty()) frame_started_ = Clock::now();
    if (!room_) return;
    for (const auto& e : room_->DrainEvents()) {
        switch (e.kind) {
            case classroom::ClassEvent::Kind::Joined:
                view_.names.push_back(PlainName(e.name));
                break;
            case classroom::ClassEvent::Kind::StorageFailed:
                view_.error = "Jawaban tidak dapat disimpan: " + e.message;
                break;
            case classroom::ClassEvent::Kind::PhaseChanged:
                if (e.question >= 0 && size_t(e.question) < view_.outcomes.size()) {
                    auto& o = view_.outcomes[size_t(e.question)];
                    if (e.phase == Phase::Question) o.asked = true;
                }
                // Questions passed over without a reveal were skipped by the trainer.
                if (e.phase == Phase::Question)
                    for (int i = 0; i < e.question && size_t(i) < view_.outcomes.size(); ++i)
                        if (view_.outcomes[size_t(i)].asked && !view_.outcomes[size_t(i)].skipped &&
                            revealed_.count(i) == 0)
                            view_.outcomes[size_t(i)].skipped = true;
                if (e.phase == Phase::Reveal) revealed_.insert(e.question);
                break;
            case classroom::ClassEvent::Kind::AnswerStored:
            case classroom::ClassEvent::Kind::Rejoined:
                break;
        }
    }
    view_.trainer = room_->View(kBoardRows);
    const auto& t = view_.trainer;
    // The end summary is exact (every stored answer recounted, average times): computed once at the end.
    if (t.phase == Phase::Ended && view_.results.empty()) view_.results = room_->Results();
    if (t.current >= 0 && size_t(t.current) < view_.outcomes.size() && t.phase != Phase::Lobby) {
        auto& o = view_.outcomes[size_t(t.current)];
        o.asked = true;
        o.answered = t.result.answered;
        o.correct = t.result.correct;
    }
}

double ClassController::RedrawInterval() const {
    if (debug_ && !debug_->bench_file.empty())
        return 1.0 / 60.0;  // bench: frames as a 60 Hz display draws them
    if (debug_ && !debug_started_ && !debug_->no_session) return 0.1;  // waiting for `delay`
    if (demo_ && !demo_ready_) return 0.05;                            // the script advances on frames
    if (!room_) return 0.0;
    const Phase phase = view_.trainer.phase;
    return phase == Phase::Question ? 0.25 : 0.0;  // the countdown; every other change wakes us
}

Status ClassController::StartDebug(const DebugClass& spec) {
    if (!env_.course || !FindClassModule(*env_.course, spec.module))
        return Error{"--class-debug: modul '" + spec.module + "' tidak ada di kursus."};
    debug_ = spec;
    launched_ = Clock::now();
    return Success();
}

void ClassController::AfterFrame() {
    if (frame_started_) {
        LogFrame(std::chrono::duration<double, std::milli>(Clock::now() - *frame_started_).count());
        frame_started_.reset();
    }
    if (debug_ && !debug_started_ && !debug_->no_session &&
        Clock::now() - launched_ >= std::chrono::duration<double>(debug_->delay_seconds)) {
        debug_started_ = true;
        classroom::AutoPilot pilot;
        if (debug_->auto_expect >= 0) {
            pilot.enabled = true;
            pilot.expect = debug_->auto_expect;
            pilot.lobby_ms = int64_t(debug_->lobby_seconds * 1000);
            pilot.reveal_ms = int64_t(debug_->reveal_seconds * 1000);
        }
        const auto* module = FindClassModule(*env_.course, debug_->module);
        StartClass start{module ? module->id : debug_->module, debug_->question_ids, debug_->question_seconds,
                         debug_->speed_bonus};
        Start(start, true, debug_->port, pilot, debug_->ip_limit_off, debug_->max_questions);
        if (!view_.error.empty()) std::fprintf(stderr, "sinau: kelas: %s\n", view_.error.c_str());
    }
    DriveDemo();
    if (demo_ready_) ++frames_since_ready_;
}

bool ClassController::ReadyForScreenshot() const {
    if (!debug_ || debug_->no_session) return true;
    if (!debug_started_) return false;
    if (!view_.error.empty() && !view_.live) return true;  // show the failure rather than hang
    if (debug_->demo.empty()) return view_.live;
    return demo_ready_ && frames_since_ready_ >= 3;
}

// The scripted class for screenshots: phones join, the "trainer" opens questions, phones answer, the
// session closes each question once everyone answered, until the requested phase is on screen.
void ClassController::DriveDemo() {
    if (!demo_ || demo_ready_ || !room_) return;
    const std::string& target = debug_->demo;
    const int people = debug_->demo_people;
    if (demo_->joined() + demo_->failures() < people || int(view_.names.size()) < demo_->joined()) return;
    const auto& t = view_.trainer;
    const int last = std::min(3, t.total) - 1;  // play up to three questions: scores spread out
    const int answering = target == "question" ? std::max(1, people * 2 / 3) : people;
    switch (t.phase) {
        case Phase::Lobby:
            if (target == "lobby")
                demo_ready_ = true;
            else
                room_->Next();
            break;
        case Phase::Question:
            if (t.question && demo_answered_through_ < t.current) {
                demo_answered_through_ = t.current;
                for (int who = 0; who < answering; ++who)
                    demo_->Answer(who, t.current, DemoChoice(who, t.current, *t.question, t.correct));
            }
            if (target == "question" && t.result.answered >= answering) demo_ready_ = true;
            break;
        case Phase::Paused:
            break;
        case Phase::Reveal:
            if (t.current < last)
                room_->Next();
            else if (target == "reveal")
                demo_ready_ = true;
            else
                room_->End();
            break;
        case Phase::Ended:
            demo_ready_ = true;
            break;
    }
    if (demo_ready_) view_.trainer = room_->View(kBoardRows);
}

// ---------------------------------------------------------------------------------------------
// Frame-time log (tools/bench/class_frame.sh)

void ClassController::LogFrame(double ms) {
    const double at = std::chrono::duration<double>(Clock::now() - launched_).count();
    frames_.push_back({at, ms, PhaseLabel(view_.live, view_.trainer.phase), int(view_.names.size()),
                       view_.live ? view_.trainer.result.answered : 0});
}

void ClassController::WriteBenchLog() const {
    if (!debug_ || debug_->bench_file.empty()) return;
    std::ofstream out(debug_->bench_file, std::ios::binary);
    out << "at_s ms phase participants answered\n";
    for (const auto& f : frames_)
        out << f.at_s << ' ' << f.ms << ' ' << f.phase << ' ' << f.participants << ' ' << f.answered << '\n';
    if (!out) std::fprintf(stderr, "sinau: %s tidak dapat ditulis\n", debug_->bench_file.c_str());
}

}  // namespace sinau::ui::live
