#include "learners/simulation.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <optional>

#include "engine/grading.hpp"
#include "engine/rng.hpp"
#include "learners/learner_store.hpp"
#include "store/learning.hpp"

namespace sinau::learners {
using content::QuestionType;
using engine::Rng;

namespace {
constexpr std::array kFirstMale = {"Agus", "Budi",  "Eko",     "Joko",  "Slamet", "Hendra",
                                   "Rudi", "Wahyu", "Bambang", "Ahmad", "Fajar",  "Dimas",
                                   "Arif", "Teguh", "Yusuf",   "Imam",  "Rizky",  "Andi"};
constexpr std::array kFirstFemale = {"Siti",   "Dewi",    "Sri",     "Nur",     "Rina",  "Ratna",
                                     "Endang", "Lestari", "Wulan",   "Yuliana", "Fitri", "Ayu",
                                     "Dian",   "Indah",   "Kartika", "Anisa",   "Retno"};
constexpr std::array kLast = {"Santoso",      "Wibowo",     "Rahayu",    "Hidayat",   "Prasetyo",
                              "Susanti",      "Setiawan",   "Kurniawan", "Handayani", "Saputra",
                              "Wahyuni",      "Nugroho",    "Purnomo",   "Utami",     "Hartono",
                              "Sulistyowati", "Firmansyah", "Maharani",  "Ramadhan",  "Permatasari"};
constexpr std::array kInstansi = {"BPSDM Provinsi Jawa Timur",
                                  "Badan Kepegawaian Daerah Provinsi Jawa Timur",
                                  "Dinas Komunikasi dan Informatika Provinsi Jawa Timur",
                                  "Dinas Pendidikan Provinsi Jawa Timur",
                                  "Dinas Kesehatan Provinsi Jawa Timur",
                                  "Inspektorat Provinsi Jawa Timur",
                                  "Bappeda Provinsi Jawa Timur",
                                  "Badan Kesatuan Bangsa dan Politik Provinsi Jawa Timur",
                                  "Sekretariat Daerah Provinsi Jawa Timur",
                                  "Dinas Sosial Provinsi Jawa Timur"};
constexpr std::array kJabatan = {"Analis Kebijakan",
                                 "Pranata Komputer",
                                 "Widyaiswara Ahli Muda",
                                 "Auditor",
                                 "Perencana",
                                 "Pengelola Kepegawaian",
                                 "Guru",
                                 "Perawat",
                                 "Arsiparis",
                                 ""};

template <class A>
const char* Pick(Rng& rng, const A& a) {
    return a[rng.Below(a.size())];
}

LearnerProfile MakeProfile(Rng& rng, util::Date today) {
    LearnerProfile p;
    const bool female = rng.Chance(0.5);
    p.name = std::string(female ? Pick(rng, kFirstFemale) : Pick(rng, kFirstMale)) + " " + Pick(rng, kLast);
    if (rng.Chance(0.3)) p.name += female ? ", S.Sos." : ", S.Kom.";
    p.instansi = Pick(rng, kInstansi);
    p.jabatan = Pick(rng, kJabatan);
    const int birth_year = today.year - 24 - int(rng.Below(33));  // aged 24..56
    const int birth_month = 1 + int(rng.Below(12));
    const int birth_day = 1 + int(rng.Below(28));
    int tmt_year = birth_year + 21 + int(rng.Below(14));
    int tmt_month = 1 + int(rng.Below(12));
    if (tmt_year * 12 + tmt_month > today.year * 12 + today.month) tmt_year = today.year - 1;
    char nip[96];
    std::snprintf(nip, sizeof nip, "%04d%02d%02d%04d%02d%d%03d", birth_year, birth_month, birth_day, tmt_year,
                  tmt_month, female ? 2 : 1, 1 + int(rng.Below(999)));
    p.nip = nip;
    return p;
}

// A plausible answer: right with probability `p_right`, else a typical wrong one.
engine::Answer MakeAnswer(Rng& rng, const content::Question& q, double p_right) {
    const bool right = rng.Chance(p_right);
    switch (q.type) {
        case QuestionType::Mc: {
            int best = 0;
            std::vector<int> wrong;
            for (size_t i = 0; i < q.choices.size(); ++i) {
                if (q.choices[i].fraction > q.choices[size_t(best)].fraction) best = int(i);
                if (q.choices[i].fraction < engine::kFullCredit) wrong.push_back(int(i));
            }
            if (right || wrong.empty()) return engine::McAnswer(best);
            return engine::McAnswer(wrong[rng.Below(wrong.size())]);
        }
        case QuestionType::Multi: {
            std::vector<int> chosen;
            for (size_t i = 0; i < q.choices.size(); ++i)
                if ((q.choices[i].fraction > 0) == right) chosen.push_back(int(i));
            if (!right && chosen.size() > 1) chosen.erase(chosen.begin() + 1, chosen.end());
            return engine::MultiAnswer(chosen);
        }
        case QuestionType::TrueFalse:
            return engine::TfAnswer(right ? q.tf_answer : !q.tf_answer);
        case QuestionType::Short: {
            if (!right || q.choices.empty()) return engine::ShortAnswer("tidak tahu");
            const auto best =
                std::max_element(q.choices.begin(), q.choices.end(),
                                 [](const auto& a, const auto& b) { return a.fraction < b.fraction; });
            std::string text = best->text;
            text.erase(std::remove(text.begin(), text.end(), '*'), text.end());
            return engine::ShortAnswer(rng.Chance(0.5) ? text : "  " + text + " ");
        }
        case QuestionType::Numerical: {
            if (q.numerical.empty()) return engine::NumericalAnswerOf("0");
            const auto& n = q.numerical.front();
            return engine::NumericalAnswerOf(
                engine::FormatNumber(right ? n.value : n.max + 1 + std::abs(n.value)));
        }
        case QuestionType::Match: {
            std::vector<int> pairs(q.pairs.size());
            for (size_t i = 0; i < pairs.size(); ++i) pairs[i] = int(i);
            if (!right && pairs.size() > 1) std::rotate(pairs.begin(), pairs.begin() + 1, pairs.end());
            return engine::MatchAnswer(pairs);
        }
        case QuestionType::Essay:
            return engine::EssayAnswer(
                "Sebagai ASN saya wajib menjaga netralitas: tidak memihak dan tidak ikut kampanye.");
        case QuestionType::Description:
            break;
    }
    return engine::Answer{};
}

// One quiz attempt; `finish` false leaves it open part-way (a learner who closed the laptop).
void PlayQuiz(store::Learning& l, const content::Module& m, Rng& rng, double ability, bool finish,
              SimulationReport& rep, bool& passed) {
    auto attempt = l.StartOrResumeAttempt(m, rng.Next());
    if (!attempt) return;
    ++rep.attempts;
    size_t n = 0;
    const size_t stop = finish ? attempt->plan.items.size() : rng.Below(attempt->plan.items.size() + 1);
    for (const auto& item : attempt->plan.items) {
        if (n++ >= stop) return;
        const content::Question* q = engine::FindQuestion(m, item.question_id);
        if (!q || q->type == QuestionType::Description) continue;
        if (l.RecordResponse(*attempt, *q, MakeAnswer(rng, *q, ability), int(5000 + rng.Below(60000))))
            ++rep.responses;
    }
    if (auto s = l.SubmitAttempt(*attempt)) passed = s->score.passed;
}

void PlayScenario(store::Learning& l, const content::Module& m, const content::Scenario& s, Rng& rng,
                  double ability, bool finish, SimulationReport& rep) {
    auto run = l.StartOrResumeScenario(m, s);
    if (!run) return;
    ++rep.scenario_runs;
    for (int step = 0; step < 64 && !run->ended; ++step) {
        if (!finish && rng.Chance(0.4)) return;
        const content::Passage* p = engine::CurrentPassage(s, run->path);
        if (!p || p->links.empty()) return;
        // An able learner picks the choice leading to the highest-scored passage; others pick at random.
        size_t pick = rng.Below(p->links.size());
        if (rng.Chance(ability)) {
            int best = INT32_MIN;
            for (size_t i = 0; i < p->links.size(); ++i)
                if (const auto* t = s.Find(p->links[i].target); t && t->score.value_or(0) > best) {
                    best = t->score.value_or(0);
                    pick = i;
                }
        }
        auto next = l.Choose(*run, s, pick);
        if (!next) return;
        run = std::move(next);
    }
}
}  // namespace

Expected<SimulationReport> Simulate(store::Database& db, const content::Course& course,
                                    const SimulationOptions& o) {
    const bool usable =
        std::any_of(course.modules.begin(), course.modules.end(), [](const auto& m) { return m.ok(); });
    if (!usable)
        return Error{"kursus tidak memiliki modul yang dapat dipelajari (periksa dengan `sinau lint`)"};
    SimulationReport rep;
    LearnerStore learners(db, o.today);
    // Batched runs also relax fsync to WAL checkpoints (synchronous=NORMAL: a crash may lose the last
    // simulated learners, never corrupt the file) and restore FULL afterwards, even on an exception.
    // They also checkpoint the WAL less often (every ~40 MB instead of 4 MB): the pages every learner
    // touches again (indexes, per-module tallies) are then copied into the database file once per
    // checkpoint instead of once per 4 MB. What is recorded is the same.
    std::optional<store::Database::BulkWrites> bulk;
    if (o.batch_per_learner) bulk.emplace(db);
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < o.learners; ++i) {
        Rng rng(o.seed * 0x9E3779B97F4A7C15ULL + uint64_t(i) * 0xD1B54A32D192ED03ULL + 1);
        std::optional<store::WriteTransaction> tx;
        if (o.batch_per_learner) tx.emplace(db);
        LearnerProfile profile = MakeProfile(rng, o.today);
        std::optional<Learner> learner;
        for (int bump = 0; bump < 1000 && !learner; ++bump) {  // NIP taken: next sequence number
            if (auto existing = learners.FindByNip(profile.nip)) {
                const int seq = (std::stoi(profile.nip.substr(15)) % 999) + 1;
                char buf[16];
                std::snprintf(buf, sizeof buf, "%03d", seq);
                profile.nip = profile.nip.substr(0, 15) + buf;
                continue;
            }
            auto created = learners.Create(profile);
            if (!created) return Error{"peserta simulasi ditolak: " + created.error().message};
            learner = *created;
        }
        if (!learner) continue;
        ++rep.learners;
        store::Learning l(db, course, learner->id);
        const double ability = 0.35 + 0.6 * rng.Unit();
        // How far this learner gets: ~30% go through every module, the rest stop somewhere.
        const size_t modules = course.modules.size();
        const size_t reach = rng.Chance(0.3) ? modules : rng.Below(modules + 1);
        bool all_passed = true;
        for (size_t mi = 0; mi < modules && mi <= reach; ++mi) {
            const auto& m = course.modules[mi];
            if (!m.ok()) continue;
            const bool last = mi == reach;  // the module they stopped in: left half-done
            const int pages = int(m.reading.pages.size());
            const int read_to = last ? int(rng.Below(size_t(std::max(1, pages)))) : pages - 1;
            for (int p = 0; p <= read_to && pages > 0; ++p) l.SetReadingPage(m, p);
            bool passed = false;
            for (int attempt = 0; attempt < 3 && !passed; ++attempt) {
                const bool finish = !last || rng.Chance(0.5);
                PlayQuiz(l, m, rng, std::min(0.98, ability + 0.12 * attempt), finish, rep, passed);
                if (!finish) break;
            }
            for (const auto& s : m.scenarios) PlayScenario(l, m, s, rng, ability, !last, rep);
            const bool lulus = l.Module(m).outcome.status == engine::ModuleStatus::Lulus;
            rep.modules_passed += lulus ? 1 : 0;
            all_passed = all_passed && lulus;
        }
        if (l.Completion()) ++rep.completed;
        (void)all_passed;
        if (tx) tx->commit();
    }
    rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return rep;
}

}  // namespace sinau::learners
