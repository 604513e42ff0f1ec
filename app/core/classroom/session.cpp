#include "classroom/session.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>

namespace sinau::classroom {

std::string_view PhaseName(Phase phase) {
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
    return "lobby";
}

std::optional<Phase> PhaseFromName(std::string_view name) {
    for (Phase p : {Phase::Lobby, Phase::Question, Phase::Paused, Phase::Reveal, Phase::Ended})
        if (PhaseName(p) == name) return p;
    return std::nullopt;
}

std::string_view RefusalCode(Refusal r) {
    switch (r) {
        case Refusal::None:
            return "ok";
        case Refusal::UnknownParticipant:
            return "unknown_participant";
        case Refusal::NotAccepting:
            return "not_accepting";
        case Refusal::Paused:
            return "paused";
        case Refusal::WrongQuestion:
            return "wrong_question";
        case Refusal::TooLate:
            return "too_late";
        case Refusal::AlreadyAnswered:
            return "already_answered";
        case Refusal::BadChoice:
            return "bad_choice";
        case Refusal::InvalidAction:
            return "invalid_action";
    }
    return "error";
}

std::string_view RefusalMessage(Refusal r) {
    switch (r) {
        case Refusal::None:
            return "OK.";
        case Refusal::UnknownParticipant:
            return "Peserta tidak dikenal. Silakan bergabung lagi.";
        case Refusal::NotAccepting:
            return "Saat ini tidak ada soal yang dibuka.";
        case Refusal::Paused:
            return "Soal sedang dijeda oleh pelatih.";
        case Refusal::WrongQuestion:
            return "Jawaban ini untuk soal lain, bukan soal yang sedang dibuka.";
        case Refusal::TooLate:
            return "Waktu menjawab sudah habis.";
        case Refusal::AlreadyAnswered:
            return "Anda sudah menjawab soal ini.";
        case Refusal::BadChoice:
            return "Pilihan jawaban tidak valid.";
        case Refusal::InvalidAction:
            return "Tindakan ini tidak dapat dilakukan sekarang.";
    }
    return "Kesalahan.";
}

ClassSession::ClassSession(std::string id, std::string pin, std::vector<ClassQuestion> questions,
                           SessionSettings settings)
    : id_(std::move(id)), pin_(std::move(pin)), questions_(std::move(questions)), settings_(settings) {
    if (settings_.question_ms < 1000) settings_.question_ms = 1000;
    results_.resize(questions_.size());
    for (size_t i = 0; i < questions_.size(); ++i) results_[i].counts.assign(questions_[i].choices.size(), 0);
}

int ClassSession::AddParticipant(Participant p) {
    participants_.push_back(std::move(p));
    answers_.emplace_back(questions_.size());
    return static_cast<int>(participants_.size()) - 1;
}

std::optional<int> ClassSession::FindByTokenHash(std::string_view token_hash) const {
    for (size_t i = 0; i < participants_.size(); ++i)
        if (participants_[i].token_hash == token_hash) return static_cast<int>(i);
    return std::nullopt;
}

bool ClassSession::NameTaken(std::string_view name) const {
    auto lower = [](std::string_view s) {
        std::string out(s);
        for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    const std::string wanted = lower(name);
    return std::any_of(participants_.begin(), participants_.end(),
                       [&](const Participant& p) { return lower(p.name) == wanted; });
}

void ClassSession::OpenQuestion(int index, int64_t now) {
    current_ = index;
    phase_ = Phase::Question;
    opened_at_ = now;
    spent_before_ = 0;
    deadline_ = now + settings_.question_ms;
    remaining_ = 0;
    results_[static_cast<size_t>(index)].asked = true;
    Bump();
}

void ClassSession::Close(Phase to) {
    phase_ = to;
    Bump();
}

Refusal ClassSession::Next(int64_t now) {
    if (phase_ != Phase::Lobby && phase_ != Phase::Reveal) return Refusal::InvalidAction;
    if (current_ + 1 >= total()) {
        Close(Phase::Ended);
        return Refusal::None;
    }
    OpenQuestion(current_ + 1, now);
    return Refusal::None;
}

Refusal ClassSession::Reveal(int64_t) {
    if (phase_ != Phase::Question && phase_ != Phase::Paused) return Refusal::InvalidAction;
    Close(Phase::Reveal);
    return Refusal::None;
}

Refusal ClassSession::Pause(int64_t now) {
    if (phase_ != Phase::Question) return Refusal::InvalidAction;
    remaining_ = std::max<int64_t>(0, deadline_ - now);
    spent_before_ += now - opened_at_;
    Close(Phase::Paused);
    return Refusal::None;
}

Refusal ClassSession::Resume(int64_t now) {
    if (phase_ != Phase::Paused) return Refusal::InvalidAction;
    phase_ = Phase::Question;
    opened_at_ = now;
    deadline_ = now + remaining_;
    remaining_ = 0;
    Bump();
    return Refusal::None;
}

Refusal ClassSession::Skip(int64_t now) {
    if (phase_ != Phase::Question && phase_ != Phase::Paused) return Refusal::InvalidAction;
    results_[static_cast<size_t>(current_)].skipped = true;
    if (current_ + 1 >= total()) {
        Close(Phase::Ended);
        return Refusal::None;
    }
    OpenQuestion(current_ + 1, now);
    return Refusal::None;
}

Refusal ClassSession::End(int64_t) {
    if (phase_ == Phase::Ended) return Refusal::InvalidAction;
    Close(Phase::Ended);
    return Refusal::None;
}

bool ClassSession::Tick(int64_t now) {
    if (phase_ != Phase::Question) return false;
    const auto& r = results_[static_cast<size_t>(current_)];
    const bool everyone = settings_.close_when_all_answered && !participants_.empty() &&
                          r.answered >= static_cast<int>(participants_.size());
    if (now >= deadline_ || everyone) {
        Close(Phase::Reveal);
        return true;
    }
    return false;
}

int64_t ClassSession::RemainingMs(int64_t now) const {
    if (phase_ == Phase::Paused) return remaining_;
    if (phase_ == Phase::Question) return std::max<int64_t>(0, deadline_ - now);
    return 0;
}

ClassSession::AnswerOutcome ClassSession::Answer(int participant, int question, std::vector<int> selection,
                                                 int64_t now) {
    AnswerOutcome out;
    if (participant < 0 || participant >= static_cast<int>(participants_.size())) {
        out.refusal = Refusal::UnknownParticipant;
        return out;
    }
    if (phase_ == Phase::Reveal && question == current_) {
        out.refusal = Refusal::TooLate;  // the question just closed
        return out;
    }
    if (phase_ == Phase::Paused) {
        out.refusal = question == current_ ? Refusal::Paused : Refusal::WrongQuestion;
        return out;
    }
    if (phase_ != Phase::Question) {
        out.refusal = Refusal::NotAccepting;
        return out;
    }
    if (question != current_) {
        out.refusal = Refusal::WrongQuestion;
        return out;
    }
    if (now >= deadline_) {
        out.refusal = Refusal::TooLate;
        return out;
    }
    auto& slot = answers_[static_cast<size_t>(participant)][static_cast<size_t>(question)];
    if (slot) {
        out.refusal = Refusal::AlreadyAnswered;
        return out;
    }
    const auto& q = questions_[static_cast<size_t>(question)];
    const int n = static_cast<int>(q.choices.size());
    std::sort(selection.begin(), selection.end());
    const bool in_range =
        std::all_of(selection.begin(), selection.end(), [&](int i) { return i >= 0 && i < n; });
    const bool unique = std::adjacent_find(selection.begin(), selection.end()) == selection.end();
    const bool count_ok = q.kind == ClassQuestionKind::Multi ? !selection.empty() : selection.size() == 1;
    if (!in_range || !unique || !count_ok) {
        out.refusal = Refusal::BadChoice;
        return out;
    }
    const Grade grade = GradeSelection(q, selection);
    AcceptedAnswer a;
    a.participant = participant;
    a.question = question;
    a.selection = std::move(selection);
    a.fraction = grade.fraction;
    a.correct = grade.correct;
    a.answered_at_ms = now;
    a.duration_ms = spent_before_ + (now - opened_at_);
    if (a.correct) {
        if (settings_.speed_bonus) {
            const double left = static_cast<double>(std::max<int64_t>(0, deadline_ - now)) /
                                static_cast<double>(settings_.question_ms);
            a.points = kSpeedBase + static_cast<int>(std::lround(kSpeedBonus * std::clamp(left, 0.0, 1.0)));
        } else {
            a.points = 1;
        }
    }
    slot = a;
    auto& p = participants_[static_cast<size_t>(participant)];
    p.score += a.points;
    p.answered += 1;
    p.correct += a.correct ? 1 : 0;
    auto& r = results_[static_cast<size_t>(question)];
    for (int i : a.selection) r.counts[static_cast<size_t>(i)] += 1;
    r.answered += 1;
    r.correct += a.correct ? 1 : 0;
    out.answer = std::move(a);
    return out;
}

void ClassSession::Unanswer(const AcceptedAnswer& a) {
    auto& slot = answers_.at(static_cast<size_t>(a.participant)).at(static_cast<size_t>(a.question));
    if (!slot) return;
    auto& p = participants_[static_cast<size_t>(a.participant)];
    p.score -= slot->points;
    p.answered -= 1;
    p.correct -= slot->correct ? 1 : 0;
    auto& r = results_[static_cast<size_t>(a.question)];
    for (int i : slot->selection) r.counts[static_cast<size_t>(i)] -= 1;
    r.answered -= 1;
    r.correct -= slot->correct ? 1 : 0;
    slot.reset();
}

void ClassSession::RestoreAnswer(int participant, int question, const std::vector<int>& selection,
                                 double fraction, int64_t duration_ms, int64_t answered_at_ms) {
    auto& slot = answers_.at(static_cast<size_t>(participant)).at(static_cast<size_t>(question));
    if (slot) return;
    AcceptedAnswer a;
    a.participant = participant;
    a.question = question;
    a.selection = selection;
    a.fraction = fraction;
    a.correct = fraction >= 0.999;  // full credit, as GradeSelection counts it
    a.duration_ms = std::max<int64_t>(0, duration_ms);
    a.answered_at_ms = answered_at_ms;
    if (a.correct) {
        if (settings_.speed_bonus) {  // time left when it arrived = question time - time taken
            const double left =
                1.0 - static_cast<double>(a.duration_ms) / static_cast<double>(settings_.question_ms);
            a.points = kSpeedBase + static_cast<int>(std::lround(kSpeedBonus * std::clamp(left, 0.0, 1.0)));
        } else {
            a.points = 1;
        }
    }
    slot = a;
    auto& p = participants_[static_cast<size_t>(participant)];
    p.answered += 1;
    p.correct += a.correct ? 1 : 0;
    auto& r = results_.at(static_cast<size_t>(question));
    for (int i : selection)
        if (i >= 0 && static_cast<size_t>(i) < r.counts.size()) r.counts[static_cast<size_t>(i)] += 1;
    r.answered += 1;
    r.correct += a.correct ? 1 : 0;
}

bool ClassSession::HasAnswered(int participant, int question) const {
    return AnswerOf(participant, question).has_value();
}

std::optional<AcceptedAnswer> ClassSession::AnswerOf(int participant, int question) const {
    if (participant < 0 || participant >= static_cast<int>(answers_.size())) return std::nullopt;
    if (question < 0 || question >= total()) return std::nullopt;
    return answers_[static_cast<size_t>(participant)][static_cast<size_t>(question)];
}

std::vector<Standing> ClassSession::Standings() const {
    std::vector<Standing> out;
    out.reserve(participants_.size());
    for (size_t i = 0; i < participants_.size(); ++i)
        out.push_back({static_cast<int>(i), 0, participants_[i].score});
    std::stable_sort(out.begin(), out.end(),
                     [](const Standing& a, const Standing& b) { return a.score > b.score; });
    for (size_t i = 0; i < out.size(); ++i)
        out[i].rank = (i > 0 && out[i].score == out[i - 1].score) ? out[i - 1].rank : static_cast<int>(i) + 1;
    return out;
}

std::vector<Standing> ClassSession::TopStandings(size_t n) const {
    std::vector<Standing> all;
    all.reserve(participants_.size());
    for (size_t i = 0; i < participants_.size(); ++i)
        all.push_back({static_cast<int>(i), 0, participants_[i].score});
    n = std::min(n, all.size());
    // Same order as Standings(): score descending, ties by join order (the index).
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                      [](const Standing& a, const Standing& b) {
                          return a.score != b.score ? a.score > b.score : a.participant < b.participant;
                      });
    all.resize(n);
    for (size_t i = 0; i < all.size(); ++i)
        all[i].rank = (i > 0 && all[i].score == all[i - 1].score) ? all[i - 1].rank : static_cast<int>(i) + 1;
    return all;
}

int ClassSession::asked() const {
    return static_cast<int>(std::count_if(results_.begin(), results_.end(),
                                          [](const QuestionResult& r) { return r.asked && !r.skipped; }));
}

std::string ClassSession::StateJson() const {
    nlohmann::json j;
    j["v"] = 1;
    j["pin"] = pin_;
    j["phase"] = PhaseName(phase_);
    j["current"] = current_;
    j["opened_at_ms"] = opened_at_;
    j["deadline_ms"] = deadline_;
    j["remaining_ms"] = remaining_;
    j["spent_before_ms"] = spent_before_;
    j["settings"] = {{"question_ms", settings_.question_ms},
                     {"speed_bonus", settings_.speed_bonus},
                     {"close_when_all_answered", settings_.close_when_all_answered}};
    auto ids = nlohmann::json::array();
    auto asked = nlohmann::json::array();
    auto skipped = nlohmann::json::array();
    for (size_t i = 0; i < questions_.size(); ++i) {
        ids.push_back(questions_[i].id);
        if (results_[i].asked) asked.push_back(i);
        if (results_[i].skipped) skipped.push_back(i);
    }
    j["question_ids"] = ids;
    j["asked"] = asked;
    j["skipped"] = skipped;
    return j.dump();
}

bool ClassSession::RestoreState(std::string_view text, int64_t now) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || j.value("v", 0) != 1) return false;
    const auto phase = PhaseFromName(j.value("phase", ""));
    if (!phase) return false;
    const auto& ids = j["question_ids"];
    if (!ids.is_array() || ids.size() != questions_.size()) return false;
    for (size_t i = 0; i < questions_.size(); ++i)
        if (!ids[i].is_string() || ids[i].get<std::string>() != questions_[i].id) return false;
    const int current = j.value("current", -1);
    if (current < -1 || current >= total()) return false;
    if ((*phase == Phase::Question || *phase == Phase::Paused || *phase == Phase::Reveal) && current < 0)
        return false;
    for (const auto& i : j.value("asked", nlohmann::json::array()))
        if (i.is_number_unsigned() && i.get<size_t>() < results_.size())
            results_[i.get<size_t>()].asked = true;
    for (const auto& i : j.value("skipped", nlohmann::json::array()))
        if (i.is_number_unsigned() && i.get<size_t>() < results_.size())
            results_[i.get<size_t>()].skipped = true;
    phase_ = *phase;
    current_ = current;
    opened_at_ = j.value("opened_at_ms", int64_t{0});
    deadline_ = j.value("deadline_ms", int64_t{0});
    remaining_ = j.value("remaining_ms", int64_t{0});
    spent_before_ = j.value("spent_before_ms", int64_t{0});
    // The app was down: an open question whose time ran out is closed; one still running keeps its deadline.
    if (phase_ == Phase::Question && now >= deadline_) phase_ = Phase::Reveal;
    Bump();
    return true;
}

}  // namespace sinau::classroom
