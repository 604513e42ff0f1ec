#include "learners/learner_store.hpp"

#include <algorithm>

#include "learners/nip.hpp"
#include "store/learners.hpp"
#include "util/uuid.hpp"

namespace sinau::learners {
namespace {

Learner FromRecord(store::LearnerRecord r) {
    Learner l;
    l.id = std::move(r.id);
    l.profile = {std::move(r.name), std::move(r.nip), std::move(r.instansi), std::move(r.jabatan)};
    l.created_at = std::move(r.created_at);
    l.updated_at = std::move(r.updated_at);
    l.removed_at = std::move(r.removed_at);
    return l;
}

store::LearnerRecord ToRecord(const std::string& id, const LearnerProfile& p) {
    store::LearnerRecord r;
    r.id = id;
    r.nip = p.nip;
    r.name = p.name;
    r.instansi = p.instansi;
    r.jabatan = p.jabatan;
    return r;
}

std::optional<Learner> FromRecord(std::optional<store::LearnerRecord> r) {
    if (!r) return std::nullopt;
    return FromRecord(std::move(*r));
}

}  // namespace

std::vector<FieldProblem> LearnerStore::Check(const LearnerProfile& given, std::string_view learner_id) {
    const LearnerProfile p = CleanProfile(given);
    auto problems = ProfileProblems(p, today_);
    const bool nip_ok = std::none_of(problems.begin(), problems.end(),
                                     [](const FieldProblem& f) { return f.field == ProfileField::Nip; });
    if (!nip_ok) return problems;
    std::string taken;
    if (auto other = FindByNip(p.nip)) {
        // A new profile may take the NIP of a removed learner (who is brought back); an edit may not
        // take anyone else's.
        if (learner_id.empty() && !other->removed_at)
            taken = "NIP " + p.nip + " sudah terdaftar atas nama " + other->profile.name + ".";
        else if (!learner_id.empty() && other->id != learner_id)
            taken = "NIP " + p.nip + " sudah dipakai oleh " + other->profile.name + ".";
    }
    if (!taken.empty()) {
        // Form order: the NIP message goes after the name's.
        auto at = std::find_if(problems.begin(), problems.end(),
                               [](const FieldProblem& f) { return f.field != ProfileField::Name; });
        problems.insert(at, FieldProblem{ProfileField::Nip, taken});
    }
    return problems;
}

Expected<Learner> LearnerStore::Create(const LearnerProfile& given) {
    const LearnerProfile p = CleanProfile(given);
    store::WriteTransaction tx(db_);
    if (auto problems = Check(p); !problems.empty()) return Error{JoinProblems(problems)};
    const std::string now = util::NowIso8601();
    if (auto existing = FindByNip(p.nip)) {
        store::UpdateLearnerProfile(db_, ToRecord(existing->id, p), now);
        tx.commit();
        return *Find(existing->id);
    }
    Learner l;
    l.id = util::NewUuid();
    l.profile = p;
    l.created_at = l.updated_at = now;
    auto record = ToRecord(l.id, p);
    record.created_at = now;
    store::InsertLearner(db_, record);
    tx.commit();
    return l;
}

Expected<Learner> LearnerStore::Edit(std::string_view id, const LearnerProfile& given) {
    const LearnerProfile p = CleanProfile(given);
    store::WriteTransaction tx(db_);
    const auto current = Find(id);
    if (!current || current->removed_at) return Error{"Peserta tidak ditemukan."};
    if (auto problems = Check(p, id); !problems.empty()) return Error{JoinProblems(problems)};
    if (current->profile == p) return *current;  // nothing changed: no write, updated_at kept
    store::UpdateLearnerProfile(db_, ToRecord(current->id, p), util::NowIso8601());
    tx.commit();
    return *Find(id);
}

Status LearnerStore::Remove(std::string_view id) {
    if (!store::RemoveLearner(db_, id, util::NowIso8601()))
        return Error{"Peserta tidak ditemukan atau sudah dihapus."};
    return Success();
}

std::vector<Learner> LearnerStore::List() {
    std::vector<Learner> out;
    for (auto& r : store::ListLearners(db_)) out.push_back(FromRecord(std::move(r)));
    return out;
}

std::optional<Learner> LearnerStore::Find(std::string_view id) {
    return FromRecord(store::FindLearner(db_, id));
}

std::optional<Learner> LearnerStore::FindByNip(std::string_view nip) {
    return FromRecord(store::FindLearnerByNip(db_, NormalizeNip(nip)));
}

}  // namespace sinau::learners
