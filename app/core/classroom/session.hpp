#pragma once
// The live class as a pure state machine: no sockets, no SQLite, no clock of its own. Every call takes
// the current time (ms since the Unix epoch) so tests drive deadlines by hand and the server passes
// the wall clock. Not thread-safe: the server calls it under one mutex.
//
//   Lobby --Next--> Question --deadline | all answered | Reveal--> Reveal --Next--> Question ... --> Ended
//                   Question --Pause--> Paused --Resume--> Question (remaining time kept)
//                   Question --Skip--> next Question (no reveal)        any --End--> Ended
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classroom/question.hpp"

namespace sinau::classroom {

enum class Phase { Lobby, Question, Paused, Reveal, Ended };
std::string_view PhaseName(Phase phase);  // "lobby", "question", "paused", "reveal", "ended"
std::optional<Phase> PhaseFromName(std::string_view name);

struct SessionSettings {
    int64_t question_ms = 20000;          // countdown per question
    bool speed_bonus = false;             // off: 1 point per correct answer (accuracy only)
    bool close_when_all_answered = true;  // reveal as soon as every participant has answered
};

// Points for a correct answer with the speed bonus on: kSpeedBase + up to kSpeedBonus for answering at once.
inline constexpr int kSpeedBase = 500;
inline constexpr int kSpeedBonus = 500;

struct Participant {
    std::string id;          // class_participants.id (UUID)
    std::string attempt_id;  // attempts.id of this participant's run
    std::string name;        // already validated (classroom/validate.hpp)
    std::string nip;         // "" when not given
    std::string learner_id;  // "" unless the NIP matched a learner
    std::string token_hash;  // hex hash of the session token (the token itself is never kept)
    int score = 0;           // points (class_participants.score)
    int correct = 0;         // correct answers
    int answered = 0;        // answers given
};

// Why an answer or a trainer action was refused. The server maps each to an HTTP status (PROTOCOL.md).
enum class Refusal {
    None,
    UnknownParticipant,
    NotAccepting,     // no question is open (lobby, reveal, ended)
    Paused,           // the open question is paused
    WrongQuestion,    // the answer names another question than the open one
    TooLate,          // after the deadline
    AlreadyAnswered,  // one answer per participant per question
    BadChoice,        // index out of range, duplicates, or several picks on a one-answer question
    InvalidAction,    // a trainer action not allowed in this phase
};
std::string_view RefusalCode(Refusal r);     // "too_late", ... (the protocol's error codes)
std::string_view RefusalMessage(Refusal r);  // Bahasa Indonesia, for the participant

struct AcceptedAnswer {
    int participant = 0;
    int question = 0;  // index in the session's order
    std::vector<int> selection;
    double fraction = 0.0;
    bool correct = false;
    int points = 0;
    int64_t answered_at_ms = 0;
    int64_t duration_ms = 0;  // since the question opened (pauses excluded)
};

struct QuestionResult {
    bool asked = false;       // was opened
    bool skipped = false;     // skipped by the trainer: no reveal
    std::vector<int> counts;  // picks per choice
    int answered = 0;
    int correct = 0;
};

struct Standing {
    int participant = 0;
    int rank = 0;  // 1-based; equal scores share a rank
    int score = 0;
};

class ClassSession {
public:
    ClassSession(std::string id, std::string pin, std::vector<ClassQuestion> questions,
                 SessionSettings settings);

    // --- participants ---------------------------------------------------------------------------
    int AddParticipant(Participant p);  // returns its index
    std::optional<int> FindByTokenHash(std::string_view token_hash) const;
    bool NameTaken(std::string_view name) const;  // case-insensitive
    const std::vector<Participant>& participants() const { return participants_; }
    Participant& participant(int index) { return participants_.at(static_cast<size_t>(index)); }

    // --- trainer actions (return Refusal::InvalidAction when not allowed in the current phase) ---
    Refusal Next(int64_t now);    // Lobby/Reveal -> next question, or Ended after the last
    Refusal Reveal(int64_t now);  // Question/Paused -> Reveal (close the question early)
    Refusal Pause(int64_t now);   // Question -> Paused
    Refusal Resume(int64_t now);  // Paused -> Question with the time that was left
    Refusal Skip(
        int64_t now);  // Question/Paused -> next question without reveal (answers given keep counting)
    Refusal End(int64_t now);  // any -> Ended
    // Closes the open question when its deadline passed (or everyone answered). True if the phase changed.
    bool Tick(int64_t now);

    // --- answers --------------------------------------------------------------------------------
    // Checks and applies an answer; the caller must make it durable, and call Unanswer if that fails.
    struct AnswerOutcome {
        Refusal refusal = Refusal::None;
        AcceptedAnswer answer;
    };
    AnswerOutcome Answer(int participant, int question, std::vector<int> selection, int64_t now);
    void Unanswer(const AcceptedAnswer& answer);  // undo an accepted answer whose commit failed
    // Restores an answer read back from the database when resuming (no phase or deadline checks): counts,
    // correct count and answer time as when it arrived; its points are recomputed from the time taken
    // (the participant's score itself is restored from class_participants.score, the committed figure).
    void RestoreAnswer(int participant, int question, const std::vector<int>& selection, double fraction,
                       int64_t duration_ms, int64_t answered_at_ms);
    bool HasAnswered(int participant, int question) const;
    std::optional<AcceptedAnswer> AnswerOf(int participant, int question) const;

    // --- what everyone sees ---------------------------------------------------------------------
    const std::string& id() const { return id_; }
    const std::string& pin() const { return pin_; }
    Phase phase() const { return phase_; }
    int current() const { return current_; }  // index of the question open/revealed; -1 in the lobby
    int total() const { return static_cast<int>(questions_.size()); }
    const ClassQuestion& question(int index) const { return questions_.at(static_cast<size_t>(index)); }
    const std::vector<ClassQuestion>& questions() const { return questions_; }
    const QuestionResult& result(int index) const { return results_.at(static_cast<size_t>(index)); }
    const SessionSettings& settings() const { return settings_; }
    int64_t RemainingMs(int64_t now) const;  // of the open question (frozen while paused); 0 otherwise
    int64_t deadline_ms() const { return deadline_; }
    uint64_t version() const { return version_; }        // bumps on every phase change: views are rebuilt
    std::vector<Standing> Standings() const;             // best first, ties by join order
    std::vector<Standing> TopStandings(size_t n) const;  // the first n of Standings(), O(size log n)
    int asked() const;                                   // questions opened and not skipped

    // --- persistence (class_sessions.state) -----------------------------------------------------
    std::string StateJson() const;
    // Restores phase, index, deadlines and results from StateJson(); questions and participants must
    // already be in place (same order). An open question whose deadline passed is revealed.
    bool RestoreState(std::string_view json, int64_t now);

private:
    void OpenQuestion(int index, int64_t now);
    void Close(Phase to);
    void Bump() { ++version_; }

    std::string id_;
    std::string pin_;
    std::vector<ClassQuestion> questions_;
    SessionSettings settings_;
    std::vector<Participant> participants_;
    // answers_[participant][question]: empty optional = not answered
    std::vector<std::vector<std::optional<AcceptedAnswer>>> answers_;
    std::vector<QuestionResult> results_;
    Phase phase_ = Phase::Lobby;
    int current_ = -1;
    int64_t opened_at_ = 0;     // when the open question (re)started counting
    int64_t deadline_ = 0;      // wall-clock ms; meaningful in Question
    int64_t remaining_ = 0;     // while Paused
    int64_t spent_before_ = 0;  // time spent on the question before the last pause
    uint64_t version_ = 1;
};

}  // namespace sinau::classroom
