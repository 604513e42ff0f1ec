#include "classroom/classroom.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "classroom/secrets.hpp"
#include "engine/answer.hpp"
#include "store/class_records.hpp"
#include "util/time.hpp"
#include "util/uuid.hpp"

namespace sinau::classroom {
namespace {

using json = nlohmann::json;

int64_t SystemNowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string IsoFromMs(int64_t ms) {
    return util::FormatIso8601(std::chrono::system_clock::time_point(std::chrono::milliseconds(ms)));
}

Rejection Reject(int status, std::string code, std::string message) {
    return Rejection{status, std::move(code), std::move(message)};
}

int RefusalStatus(Refusal r) {
    switch (r) {
        case Refusal::UnknownParticipant:
            return 401;
        case Refusal::BadChoice:
            return 400;
        default:
            return 409;
    }
}

// responses.answer in the engine's shape (engine/answer.hpp); class choices are shown in bank order, so
// the indices are the content's own.
std::string AnswerJson(const ClassQuestion& q, const std::vector<int>& selection) {
    return engine::AnswerToJson(ToEngineAnswer(q, selection));
}

std::vector<int> SelectionFromAnswerJson(const ClassQuestion& q, const std::string& text) {
    auto answer = engine::AnswerFromJson(text);
    if (!answer) return {};
    return SelectionFromEngineAnswer(q, *answer);
}

std::string PlanJson(const std::vector<ClassQuestion>& questions) {
    json list = json::array();
    for (const auto& q : questions) {
        json order = json::array();
        for (size_t i = 0; i < q.choices.size(); ++i) order.push_back(i);
        list.push_back({{"id", q.id}, {"choices", order}});
    }
    return json{{"questions", list}}.dump();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Planning

Expected<SessionPlan> PlanFromModule(const content::Course& course, const content::Module& module,
                                     const std::vector<std::string>& ids) {
    SessionPlan plan;
    plan.module_id = module.id;
    plan.title = module.title;
    plan.course_id = course.id;
    plan.content_version = course.version;
    plan.pass_mark = course.pass_mark;
    if (ids.empty()) {
        for (const auto& q : module.questions)
            if (auto cq = ToClassQuestion(q)) plan.questions.push_back(std::move(*cq));
    } else {
        for (const auto& id : ids) {
            const auto it = std::find_if(module.questions.begin(), module.questions.end(),
                                         [&](const content::Question& q) { return q.id == id; });
            if (it == module.questions.end())
                return Error{"Soal '" + id + "' tidak ada di modul " + module.id + "."};
            auto cq = ToClassQuestion(*it);
            if (!cq)
                return Error{"Soal '" + id + "' bertipe " + std::string(content::TypeName(it->type)) +
                             ": kuis kelas hanya memakai pilihan ganda, benar/salah, dan jawaban ganda."};
            plan.questions.push_back(std::move(*cq));
        }
    }
    if (plan.questions.empty())
        return Error{"Modul " + module.id +
                     " tidak punya soal pilihan ganda, benar/salah, atau jawaban ganda untuk kuis kelas."};
    return plan;
}

// ---------------------------------------------------------------------------------------------
// Creation and resumption

Expected<std::unique_ptr<Classroom>> Classroom::Create(const std::filesystem::path& db_path, SessionPlan plan,
                                                       AutoPilot autopilot) {
    if (plan.questions.empty()) return Error{"Sesi kelas tanpa soal tidak dapat dimulai."};
    auto writer = store::BatchWriter::Open(db_path);
    if (!writer) return writer.error();
    std::unique_ptr<Classroom> c(new Classroom());
    c->writer_ = std::move(writer.value());
    c->session_id_ = util::NewUuid();
    c->pin_ = RandomPin();
    c->autopilot_ = autopilot;
    c->session_ = std::make_unique<ClassSession>(c->session_id_, c->pin_, plan.questions, plan.settings);
    c->plan_ = std::move(plan);
    c->phase_since_ = c->Now();
    const std::string now = util::NowIso8601();
    const std::string state = c->session_->StateJson();
    auto status = c->writer_->Run([&](store::Database& db) {
        store::InsertClassSession(db, c->session_id_, c->plan_.module_id, c->plan_.title, now, state);
    });
    if (!status) return status.error();
    return c;
}

Expected<std::unique_ptr<Classroom>> Classroom::Resume(const std::filesystem::path& db_path,
                                                       const std::string& session_id,
                                                       const content::Course& course, AutoPilot autopilot) {
    auto writer = store::BatchWriter::Open(db_path);
    if (!writer) return writer.error();
    std::unique_ptr<Classroom> c(new Classroom());
    c->writer_ = std::move(writer.value());
    c->autopilot_ = autopilot;
    std::optional<Error> failure;
    auto status = c->writer_->Run([&](store::Database& db) {
        const auto stored = store::FindClassSession(db, session_id);
        if (!stored) {
            failure = Error{"Sesi kelas " + session_id + " tidak ditemukan di basis data."};
            return;
        }
        const std::string& module_id = stored->module_id;
        const std::string& title = stored->title;
        const std::string& state_text = stored->state_json;
        const auto state = json::parse(state_text, nullptr, false);
        if (!state.is_object() || !state.contains("question_ids") || !state["question_ids"].is_array()) {
            failure = Error{"Status sesi kelas " + session_id + " rusak; sesi tidak dapat dilanjutkan."};
            return;
        }
        const auto* module = course.FindModule(module_id);
        if (!module) {
            failure = Error{"Modul " + module_id + " dari sesi ini tidak ada lagi di kursus."};
            return;
        }
        std::vector<std::string> ids;
        for (const auto& id : state["question_ids"])
            if (id.is_string()) ids.push_back(id.get<std::string>());
        auto plan = PlanFromModule(course, *module, ids);
        if (!plan) {
            failure = plan.error();
            return;
        }
        plan->title = title;
        const auto settings = state.value("settings", json::object());
        plan->settings.question_ms = settings.value("question_ms", int64_t{20000});
        plan->settings.speed_bonus = settings.value("speed_bonus", false);
        plan->settings.close_when_all_answered = settings.value("close_when_all_answered", true);
        c->plan_ = std::move(plan.value());
        c->session_id_ = session_id;
        c->pin_ = state.value("pin", "");
        const int port = state.value("port", 0);
        if (port > 0 && port <= 65535) c->served_port_ = static_cast<uint16_t>(port);
        if (!ValidPin(c->pin_)) c->pin_ = RandomPin();
        c->session_ =
            std::make_unique<ClassSession>(session_id, c->pin_, c->plan_.questions, c->plan_.settings);

        std::unordered_map<std::string, int> index_of;
        for (auto& stored_participant : store::ClassParticipants(db, session_id)) {
            Participant part;
            part.id = std::move(stored_participant.id);
            part.name = std::move(stored_participant.name);
            part.nip = std::move(stored_participant.nip);
            part.learner_id = std::move(stored_participant.learner_id);
            part.token_hash = std::move(stored_participant.token_hash);
            part.attempt_id = std::move(stored_participant.attempt_id);
            const int index = c->session_->AddParticipant(part);
            index_of[part.id] = index;
            c->by_token_hash_[part.token_hash] = index;
            if (!part.nip.empty()) c->used_nips_.insert(part.nip);
            // The committed score is authoritative.
            c->session_->participant(index).score = stored_participant.score;
        }
        for (const auto& answer : store::ClassAnswers(db, session_id)) {
            const auto who = index_of.find(answer.participant_id);
            if (who == index_of.end()) continue;
            const auto& qs = c->plan_.questions;
            const auto q = std::find_if(qs.begin(), qs.end(),
                                        [&](const ClassQuestion& x) { return x.id == answer.question_id; });
            if (q == qs.end()) continue;
            c->session_->RestoreAnswer(who->second, static_cast<int>(q - qs.begin()),
                                       SelectionFromAnswerJson(*q, answer.answer_json), answer.fraction,
                                       answer.duration_ms, 0);
        }
        if (!c->session_->RestoreState(state_text, c->Now()))
            failure = Error{"Status sesi kelas " + session_id +
                            " tidak cocok dengan soal modul; tidak dapat dilanjutkan."};
    });
    if (!status) return status.error();
    if (failure) return *failure;
    c->phase_since_ = c->Now();
    {
        std::lock_guard lock(c->mutex_);
        c->SubmitStateLocked(c->session_->phase() == Phase::Ended);
    }
    return c;
}

Classroom::~Classroom() {
    if (writer_) writer_->Flush();
}

int64_t Classroom::Now() const {
    return clock_ ? clock_() : SystemNowMs();
}

void Classroom::SetClockForTest(std::function<int64_t()> now) {
    std::lock_guard lock(mutex_);
    clock_ = std::move(now);
}

void Classroom::SetWakeCallback(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

void Classroom::SetChangeHook(std::function<void()> on_change) {
    std::lock_guard lock(mutex_);
    on_change_ = std::move(on_change);
}

void Classroom::Flush() {
    writer_->Flush();
}

bool Classroom::ended() const {
    std::lock_guard lock(mutex_);
    return session_->phase() == Phase::Ended;
}

uint64_t Classroom::version() const {
    std::lock_guard lock(mutex_);
    return session_->version();
}

// ---------------------------------------------------------------------------------------------
// Events and persistence of the phase

void Classroom::PushEventLocked(ClassEvent e) {
    // Headless runs may never drain: keep the newest events only.
    if (events_.size() >= 10000) events_.erase(events_.begin(), events_.begin() + 5000);
    events_.push_back(std::move(e));
}

std::vector<ClassEvent> Classroom::DrainEvents() {
    std::lock_guard lock(mutex_);
    std::vector<ClassEvent> out;
    out.swap(events_);
    return out;
}

void Classroom::Notify() {
    std::function<void()> hook, wake;
    {
        std::lock_guard lock(mutex_);
        hook = on_change_;
        wake = wake_;
    }
    if (hook) hook();
    if (wake) wake();
}

void Classroom::SubmitStateLocked(bool ended) {
    std::string state = session_->StateJson();
    if (served_port_ != 0) {  // the session's own state plus where phones reach it (Resume reads it back)
        auto j = json::parse(state);
        j["port"] = served_port_;
        state = j.dump();
    }
    const std::string now = util::NowIso8601();
    const std::string id = session_id_;
    writer_->Submit([state, now, id, ended](store::Database& db) {
        store::UpdateClassSession(db, id, state, now, ended);
    });
    if (!ended) return;
    // The end of the class submits every participant's attempt with its percentage of correct answers.
    std::vector<store::ClassAttemptScore> rows;
    const int asked = session_->asked();
    for (const auto& p : session_->participants()) {
        if (p.attempt_id.empty()) continue;
        const double score = asked > 0 ? std::round(1000.0 * p.correct / asked) / 10.0 : 0.0;
        rows.push_back({p.attempt_id, score, score >= plan_.pass_mark});
    }
    writer_->Submit(
        [rows = std::move(rows), now](store::Database& db) { store::SubmitClassAttempts(db, rows, now); });
}

void Classroom::AfterChangeLocked(int64_t now) {
    phase_since_ = now;
    SubmitStateLocked(session_->phase() == Phase::Ended);
    ClassEvent e;
    e.kind = ClassEvent::Kind::PhaseChanged;
    e.phase = session_->phase();
    e.question = session_->current();
    PushEventLocked(std::move(e));
}

Refusal Classroom::Act(Refusal (ClassSession::*action)(int64_t)) {
    Refusal r;
    {
        std::lock_guard lock(mutex_);
        const int64_t now = Now();
        r = (session_.get()->*action)(now);
        if (r == Refusal::None) AfterChangeLocked(now);
    }
    if (r == Refusal::None) Notify();
    return r;
}

Refusal Classroom::Next() {
    return Act(&ClassSession::Next);
}
Refusal Classroom::Reveal() {
    return Act(&ClassSession::Reveal);
}
Refusal Classroom::Pause() {
    return Act(&ClassSession::Pause);
}
Refusal Classroom::Resume() {
    return Act(&ClassSession::Resume);
}
Refusal Classroom::Skip() {
    return Act(&ClassSession::Skip);
}
Refusal Classroom::End() {
    return Act(&ClassSession::End);
}

void Classroom::Tick() {
    bool changed = false;
    {
        std::lock_guard lock(mutex_);
        const int64_t now = Now();
        changed = session_->Tick(now);
        if (changed) {
            AfterChangeLocked(now);  // the reveal starts now: the autopilot counts from here next tick
        } else if (autopilot_.enabled) {
            const int joined = static_cast<int>(session_->participants().size());
            const int64_t since = now - phase_since_;
            if (session_->phase() == Phase::Lobby && pending_joins_ == 0) {
                if (autopilot_.expect > 0 && joined >= autopilot_.expect) {
                    changed = session_->Next(now) == Refusal::None || changed;
                } else if (since >= autopilot_.lobby_ms) {
                    changed =
                        (joined > 0 ? session_->Next(now) : session_->End(now)) == Refusal::None || changed;
                }
            } else if (session_->phase() == Phase::Reveal && since >= autopilot_.reveal_ms) {
                changed = session_->Next(now) == Refusal::None || changed;
            }
            if (changed) AfterChangeLocked(now);
        }
    }
    if (changed) Notify();
}

// ---------------------------------------------------------------------------------------------
// Joining

void Classroom::Join(const JoinRequest& request, JoinDone done) {
    JoinOk ok;
    Participant p;
    {
        std::lock_guard lock(mutex_);
        if (request.pin.size() != pin_.size() ||
            sodium_memcmp(request.pin.data(), pin_.data(), pin_.size()) != 0) {
            done(Reject(403, "wrong_pin", "PIN salah. Periksa PIN di layar pelatih."));
            return;
        }
        if (session_->phase() == Phase::Ended) {
            done(Reject(409, "session_ended", "Sesi kelas ini sudah selesai."));
            return;
        }
        if (session_->participants().size() + static_cast<size_t>(pending_joins_) >= 5000) {
            done(Reject(409, "session_full", "Kelas sudah penuh."));
            return;
        }
        std::string lower = request.name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (session_->NameTaken(request.name) || pending_names_.count(lower)) {
            done(Reject(409, "name_taken",
                        "Nama ini sudah dipakai peserta lain. Tambahkan inisial atau nomor."));
            return;
        }
        if (!request.nip.empty() && used_nips_.count(request.nip)) {
            done(Reject(409, "nip_taken", "NIP ini sudah bergabung di sesi ini."));
            return;
        }
        pending_names_.insert(lower);
        if (!request.nip.empty()) used_nips_.insert(request.nip);
        ++pending_joins_;
        ok.token = RandomToken();
        p.id = util::NewUuid();
        p.attempt_id = util::NewUuid();
        p.name = request.name;
        p.nip = request.nip;
        p.token_hash = HashToken(ok.token);
        auto learner = std::make_shared<std::string>();
        const std::string now = util::NowIso8601();
        const std::string plan_json = PlanJson(plan_.questions);
        writer_->Submit(
            [p, learner, now, plan_json, sid = session_id_, plan = &plan_](store::Database& db) {
                *learner = store::InsertClassParticipant(
                    db, {p.id, p.attempt_id, sid, p.name, p.nip, p.token_hash, plan->module_id,
                         plan->course_id, plan->content_version, plan_json, now});
            },
            [this, p, learner, lower, ok, done = std::move(done)](const Status& s) mutable {
                std::variant<JoinOk, Rejection> result;
                {
                    std::lock_guard lock(mutex_);
                    pending_names_.erase(lower);
                    --pending_joins_;
                    if (!s) {
                        if (!p.nip.empty()) used_nips_.erase(p.nip);
                        result = Reject(503, "storage_failed",
                                        "Pendaftaran belum tersimpan di komputer pelatih. Coba lagi.");
                    } else {
                        p.learner_id = *learner;
                        const int index = session_->AddParticipant(p);
                        by_token_hash_[p.token_hash] = index;
                        ok.participant = index;
                        ok.view = ViewLocked(index, Now());
                        ClassEvent e;
                        e.kind = ClassEvent::Kind::Joined;
                        e.participant = index;
                        e.name = p.name;
                        PushEventLocked(std::move(e));
                        result = std::move(ok);
                    }
                    if (!s) {
                        ClassEvent e;
                        e.kind = ClassEvent::Kind::StorageFailed;
                        e.message = s.error().message;
                        PushEventLocked(std::move(e));
                    }
                }
                std::function<void()> wake;
                {
                    std::lock_guard lock(mutex_);
                    wake = wake_;
                }
                done(std::move(result));
                if (wake) wake();
            });
    }
}

std::optional<int> Classroom::Authenticate(const std::string& token) const {
    if (!ValidTokenFormat(token)) return std::nullopt;
    const std::string hash = HashToken(token);
    std::lock_guard lock(mutex_);
    const auto it = by_token_hash_.find(hash);
    if (it == by_token_hash_.end()) return std::nullopt;
    return it->second;
}

// ---------------------------------------------------------------------------------------------
// Answering

void Classroom::Answer(int participant, const AnswerRequest& request, AnswerDone done) {
    std::lock_guard lock(mutex_);
    const int64_t now = Now();
    auto outcome = session_->Answer(participant, request.question, request.choices, now);
    if (outcome.refusal != Refusal::None) {
        done(Reject(RefusalStatus(outcome.refusal), std::string(RefusalCode(outcome.refusal)),
                    std::string(RefusalMessage(outcome.refusal))));
        return;
    }
    const auto& p = session_->participants()[static_cast<size_t>(participant)];
    const auto& q = session_->question(request.question);
    store::ClassAnswerRow row{util::NewUuid(),
                              p.attempt_id,
                              p.id,
                              q.id,
                              q.hash,
                              plan_.content_version,
                              AnswerJson(q, outcome.answer.selection),
                              IsoFromMs(outcome.answer.answered_at_ms),
                              outcome.answer.fraction,
                              outcome.answer.duration_ms,
                              p.score};
    writer_->Submit(
        [row](store::Database& db) { store::InsertClassAnswer(db, row); },
        [this, answer = outcome.answer, at = row.answered_at, name = p.name,
         done = std::move(done)](const Status& s) {
            std::function<void()> wake;
            std::variant<std::string, Rejection> result;
            {
                std::lock_guard lock(mutex_);
                ClassEvent e;
                e.participant = answer.participant;
                e.question = answer.question;
                e.name = name;
                if (s) {
                    e.kind = ClassEvent::Kind::AnswerStored;
                    result = json{
                        {"type", "ack"},
                        {"question", answer.question},
                        {"choices", answer.selection},
                        {"answered_at",
                         at}}.dump();
                } else {
                    session_->Unanswer(answer);  // not durable: as if it never arrived, the phone may retry
                    e.kind = ClassEvent::Kind::StorageFailed;
                    e.message = s.error().message;
                    result = Reject(503, "storage_failed",
                                    "Jawaban belum tersimpan di komputer pelatih. Coba lagi.");
                }
                PushEventLocked(std::move(e));
                wake = wake_;
            }
            done(std::move(result));
            if (wake) wake();
        });
}

// ---------------------------------------------------------------------------------------------
// Views

std::string Classroom::SharedViewLocked() const {
    if (shared_version_ == session_->version() && !shared_view_.empty()) return shared_view_;
    const auto& s = *session_;
    json j;
    j["version"] = s.version();
    j["phase"] = PhaseName(s.phase());
    j["title"] = plan_.title;
    j["total"] = s.total();
    j["participants"] = s.participants().size();
    const bool has_question = s.current() >= 0 && s.phase() != Phase::Lobby && s.phase() != Phase::Ended;
    if (has_question) {
        const auto& q = s.question(s.current());
        j["question"] = {{"index", s.current()},
                         {"kind", KindName(q.kind)},
                         {"text", q.text},
                         {"choices", q.choices},
                         {"duration_ms", s.settings().question_ms}};
    }
    const auto standings = s.Standings();
    auto board = [&](size_t n) {
        json list = json::array();
        for (size_t i = 0; i < standings.size() && i < n; ++i) {
            const auto& p = s.participants()[static_cast<size_t>(standings[i].participant)];
            list.push_back({{"rank", standings[i].rank}, {"name", p.name}, {"score", p.score}});
        }
        return list;
    };
    if (s.phase() == Phase::Reveal && s.current() >= 0) {
        const auto& q = s.question(s.current());
        const auto& r = s.result(s.current());
        j["reveal"] = {{"correct", CorrectChoices(q)},
                       {"counts", r.counts},
                       {"answered", r.answered},
                       {"feedback", q.feedback},
                       {"basis", q.basis}};
        j["leaderboard"] = board(5);
    }
    if (s.phase() == Phase::Ended) {
        j["leaderboard"] = board(3);  // the podium
        int correct = 0;
        for (const auto& p : s.participants()) correct += p.correct;
        const double denom = static_cast<double>(s.participants().size()) * s.asked();
        j["summary"] = {
            {"participants", s.participants().size()},
            {"asked", s.asked()},
            {"average_correct_percent", denom > 0 ? std::round(1000.0 * correct / denom) / 10.0 : 0.0}};
    }
    shared_view_ = j.dump();
    shared_version_ = s.version();
    ranks_.assign(s.participants().size(), 0);
    for (const auto& st : standings) ranks_[static_cast<size_t>(st.participant)] = st.rank;
    ranks_version_ = s.version();
    return shared_view_;
}

std::string Classroom::ViewLocked(int participant, int64_t now) const {
    const std::string& shared = SharedViewLocked();
    const auto& s = *session_;
    const auto& p = s.participants().at(static_cast<size_t>(participant));
    // Ranks are cached per version; a participant who joined since then is ranked on the fly.
    int rank =
        static_cast<size_t>(participant) < ranks_.size() ? ranks_[static_cast<size_t>(participant)] : 0;
    if (rank == 0) {
        rank = 1;
        for (const auto& other : s.participants()) rank += other.score > p.score ? 1 : 0;
    }
    json you = {
        {"id", p.id}, {"name", p.name}, {"score", p.score}, {"rank", rank}, {"correct_count", p.correct}};
    const int q = s.current();
    const auto answer = q >= 0 ? s.AnswerOf(participant, q) : std::nullopt;
    you["answered"] = answer.has_value();
    if (answer) you["choices"] = answer->selection;
    if (s.phase() == Phase::Reveal && q >= 0) {
        you["correct"] = answer ? json(answer->correct) : json(nullptr);
        you["points"] = answer ? answer->points : 0;
    }
    std::string out = R"({"type":"view","remaining_ms":)" + std::to_string(s.RemainingMs(now)) +
                      R"(,"you":)" + you.dump() + ",";
    out.append(shared, 1, std::string::npos);  // the shared object without its opening brace
    return out;
}

std::string Classroom::ViewFor(int participant) const {
    std::lock_guard lock(mutex_);
    return ViewLocked(participant, Now());
}

std::vector<std::string> Classroom::ViewsFor(const std::vector<int>& participants) const {
    std::lock_guard lock(mutex_);
    const int64_t now = Now();
    std::vector<std::string> out;
    out.reserve(participants.size());
    for (int p : participants) out.push_back(ViewLocked(p, now));
    return out;
}

TrainerView Classroom::View(size_t top_n) const {
    std::lock_guard lock(mutex_);
    const auto& s = *session_;
    TrainerView v;
    v.session_id = session_id_;
    v.title = plan_.title;
    v.pin = pin_;
    v.phase = s.phase();
    v.current = s.current();
    v.total = s.total();
    v.remaining_ms = s.RemainingMs(Now());
    v.question_ms = s.settings().question_ms;
    if (s.current() >= 0) {
        v.question = s.question(s.current());
        v.correct = CorrectChoices(*v.question);
        v.result = s.result(s.current());
    }
    const auto top = top_n >= s.participants().size() ? s.Standings() : s.TopStandings(top_n);
    v.standings.reserve(top.size());
    for (const auto& st : top) {
        const auto& p = s.participants()[static_cast<size_t>(st.participant)];
        v.standings.push_back({p.name, p.score, st.rank, p.correct,
                               s.current() >= 0 && s.HasAnswered(st.participant, s.current())});
    }
    v.participants = static_cast<int>(s.participants().size());
    for (const auto& p : s.participants()) v.correct_answers += p.correct;
    v.asked = s.asked();
    v.version = s.version();
    return v;
}

std::vector<QuestionSummary> Classroom::Results() const {
    std::lock_guard lock(mutex_);
    const auto& s = *session_;
    std::vector<QuestionSummary> out;
    out.reserve(static_cast<size_t>(s.total()));
    for (int i = 0; i < s.total(); ++i) {
        const auto& q = s.question(i);
        const auto& r = s.result(i);
        QuestionSummary sum;
        sum.index = i;
        sum.question_id = q.id;
        sum.kind = q.kind;
        sum.text = q.text;
        sum.choices = q.choices;
        sum.correct_choices = CorrectChoices(q);
        sum.asked = r.asked;
        sum.skipped = r.skipped;
        // Recounted from the answers themselves rather than copied from the running tallies, so the
        // summary is exact whatever path (live, resumed) the answers came by.
        sum.counts.assign(q.choices.size(), 0);
        int64_t total_ms = 0;
        for (size_t p = 0; p < s.participants().size(); ++p) {
            const auto a = s.AnswerOf(static_cast<int>(p), i);
            if (!a) continue;
            ++sum.answered;
            sum.correct += a->correct ? 1 : 0;
            total_ms += a->duration_ms;
            for (int c : a->selection)
                if (c >= 0 && static_cast<size_t>(c) < sum.counts.size())
                    ++sum.counts[static_cast<size_t>(c)];
        }
        sum.average_ms = sum.answered > 0 ? static_cast<double>(total_ms) / sum.answered : 0.0;
        out.push_back(std::move(sum));
    }
    return out;
}

std::vector<std::string> Classroom::ParticipantNames() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    out.reserve(session_->participants().size());
    for (const auto& p : session_->participants()) out.push_back(p.name);
    return out;
}

void Classroom::SetServedPort(uint16_t port) {
    std::lock_guard lock(mutex_);
    if (served_port_ == port) return;
    served_port_ = port;
    SubmitStateLocked(session_->phase() == Phase::Ended);
}

uint16_t Classroom::served_port() const {
    std::lock_guard lock(mutex_);
    return served_port_;
}

std::string Classroom::SummaryText() const {
    const TrainerView v = View(3);
    std::string out;
    char line[256];
    const double denom = static_cast<double>(v.participants) * v.asked;
    std::snprintf(line, sizeof line,
                  "Ringkasan: %d peserta, %d dari %d soal ditanyakan, rata-rata benar %.1f%%\n",
                  v.participants, v.asked, v.total, denom > 0 ? 100.0 * v.correct_answers / denom : 0.0);
    out += line;
    for (size_t i = 0; i < v.standings.size() && i < 3; ++i) {
        std::snprintf(line, sizeof line, "  Juara %d: %s (%d poin, %d benar)\n", v.standings[i].rank,
                      v.standings[i].name.c_str(), v.standings[i].score, v.standings[i].correct);
        out += line;
    }
    return out;
}

}  // namespace sinau::classroom
