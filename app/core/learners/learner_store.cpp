#include "learners/learner_store.hpp"

#include <algorithm>

#include "learners/nip.hpp"
#include "util/uuid.hpp"

namespace sinau::learners {
using store::ResetOnExit;

namespace {
constexpr const char* kColumns = "id, nip, name, instansi, jabatan, created_at, updated_at, removed_at";

Learner Read(SQLite::Statement& q) {
    Learner l;
    l.id = q.getColumn(0).getString();
    l.profile.nip = q.getColumn(1).getString();
    l.profile.name = q.getColumn(2).getString();
    l.profile.instansi = q.getColumn(3).getString();
    l.profile.jabatan = q.getColumn(4).getString();
    l.created_at = q.getColumn(5).getString();
    l.updated_at = q.getColumn(6).getString();
    if (!q.getColumn(7).isNull()) l.removed_at = q.getColumn(7).getString();
    return l;
}

void Update(store::Database& db, const std::string& id, const LearnerProfile& p, const std::string& now) {
    auto& q = db.Prepared(
        "UPDATE learners SET nip = ?, name = ?, instansi = ?, jabatan = ?, updated_at = ?, removed_at = NULL "
        "WHERE id = ?");
    ResetOnExit reset(q);
    q.bind(1, p.nip);
    q.bind(2, p.name);
    q.bind(3, p.instansi);
    q.bind(4, p.jabatan);
    q.bind(5, now);
    q.bind(6, id);
    q.exec();
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
        Update(db_, existing->id, p, now);
        tx.commit();
        return *Find(existing->id);
    }
    Learner l;
    l.id = util::NewUuid();
    l.profile = p;
    l.created_at = l.updated_at = now;
    auto& q = db_.Prepared(
        "INSERT INTO learners (id, nip, name, instansi, jabatan, created_at, updated_at) VALUES (?, ?, ?, ?, "
        "?, ?, ?)");
    ResetOnExit reset(q);
    q.bind(1, l.id);
    q.bind(2, p.nip);
    q.bind(3, p.name);
    q.bind(4, p.instansi);
    q.bind(5, p.jabatan);
    q.bind(6, now);
    q.bind(7, now);
    q.exec();
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
    Update(db_, current->id, p, util::NowIso8601());
    tx.commit();
    return *Find(id);
}

Status LearnerStore::Remove(std::string_view id) {
    auto& q = db_.Prepared(
        "UPDATE learners SET removed_at = ?1, updated_at = ?1 WHERE id = ?2 AND removed_at IS NULL");
    ResetOnExit reset(q);
    q.bind(1, util::NowIso8601());
    q.bind(2, std::string(id));
    if (q.exec() == 0) return Error{"Peserta tidak ditemukan atau sudah dihapus."};
    return Success();
}

std::vector<Learner> LearnerStore::List() {
    auto& q = db_.Prepared(std::string("SELECT ") + kColumns +
                           " FROM learners WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE, nip");
    ResetOnExit reset(q);
    std::vector<Learner> out;
    while (q.executeStep()) out.push_back(Read(q));
    return out;
}

std::optional<Learner> LearnerStore::Find(std::string_view id) {
    auto& q = db_.Prepared(std::string("SELECT ") + kColumns + " FROM learners WHERE id = ?");
    ResetOnExit reset(q);
    q.bind(1, std::string(id));
    if (!q.executeStep()) return std::nullopt;
    return Read(q);
}

std::optional<Learner> LearnerStore::FindByNip(std::string_view nip) {
    auto& q = db_.Prepared(std::string("SELECT ") + kColumns + " FROM learners WHERE nip = ?");
    ResetOnExit reset(q);
    q.bind(1, NormalizeNip(nip));
    if (!q.executeStep()) return std::nullopt;
    return Read(q);
}

}  // namespace sinau::learners
