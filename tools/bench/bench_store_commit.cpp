// Answer-commit latency through store::Learning::RecordResponse versus the bare minimum SQLite can do on
// the same disk in the same run: a prepared INSERT committed on its own, into a table of the same shape
// with the same pragmas (WAL, synchronous=FULL). Also: Database::Open start-up cost.
//
//   bench_store_commit [--dir DIR] [--answers N] [--open-db FILE]
// Prints "name value" lines that tools/bench/answer_commit.sh turns into a table.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "learners/learner_store.hpp"
#include "store/database.hpp"
#include "store/learning.hpp"
#include "util/time.hpp"
#include "util/uuid.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace sinau;

namespace {
double Ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double Percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

content::Course BenchCourse(int questions) {
    content::Course c;
    c.id = "bench";
    c.version = "1.0.0";
    content::Module m;
    m.id = "01-bench";
    m.title = "Bench";
    m.quiz.questions_per_attempt = questions;
    m.quiz.mode = content::QuizMode::Ujian;
    for (int i = 0; i < questions; ++i) {
        content::Question q;
        q.id = std::string("q").append(std::to_string(i));
        q.type = content::QuestionType::Mc;
        q.stem = std::string("Soal nomor ").append(std::to_string(i)).append(" tentang netralitas ASN?");
        q.choices = {{"benar", 1, "Benar, lihat PP 94/2021."}, {"salah", 0, "Bukan."}, {"lain", 0, ""}};
        m.questions.push_back(q);
    }
    c.modules.push_back(m);
    return c;
}
}  // namespace

int main(int argc, char** argv) {
    fs::path dir = fs::temp_directory_path() / "sinau-bench-commit";
    int answers = 2000;
    fs::path open_db;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--dir"))
            dir = argv[i + 1];
        else if (!std::strcmp(argv[i], "--answers"))
            answers = std::max(10, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--open-db"))
            open_db = argv[i + 1];
    }
    fs::create_directories(dir);
    const fs::path ours_path = dir / "ours.db", ref_path = dir / "reference.db";
    for (const auto& p : {ours_path, ref_path})
        for (const char* s : {"", "-wal", "-shm"}) fs::remove(p.string() + s);

    // ---- start-up: Open() of a new file (creates the schema) ----
    auto t = Clock::now();
    auto opened = store::Database::Open(ours_path);
    const double open_fresh_ms = Ms(Clock::now() - t);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.error().message.c_str());
        return 1;
    }
    auto& db = **opened;

    // ---- ours: RecordResponse, one answer = one transaction ----
    const int per_attempt = 200;
    const auto course = BenchCourse(per_attempt);
    const auto& module = course.modules[0];
    auto learner = learners::LearnerStore(db).Create(
        {"Siti Rahayu", "198803122015032001", "BPSDM Provinsi Jawa Timur", ""});
    store::Learning learning(db, course, learner->id);

    // ---- reference: the same row shape, prepared once, autocommit ----
    SQLite::Database ref(ref_path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    ref.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    ref.exec(
        "CREATE TABLE responses (id TEXT PRIMARY KEY, attempt_id TEXT NOT NULL, question_id TEXT NOT NULL, "
        "question_hash TEXT NOT NULL, content_version TEXT NOT NULL, answer TEXT NOT NULL, fraction REAL, "
        "answered_at TEXT NOT NULL, duration_ms INTEGER, updated_at TEXT NOT NULL, UNIQUE (attempt_id, "
        "question_id))");
    SQLite::Statement ins(ref, "INSERT INTO responses VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

    std::vector<double> ours, bare;
    std::optional<store::AttemptRecord> attempt;
    size_t next = 0;
    std::string ref_attempt;
    // Alternate blocks so both see the same disk state (cache, journal size, background writeback).
    const int block = 50;
    for (int done = 0; done < answers; done += block) {
        for (int k = 0; k < block; ++k) {
            if (!attempt || next >= attempt->plan.items.size()) {
                if (attempt) (void)learning.SubmitAttempt(*attempt);
                attempt = *learning.StartOrResumeAttempt(module, uint64_t(done + k));
                next = 0;
            }
            const auto* q = engine::FindQuestion(module, attempt->plan.items[next++].question_id);
            t = Clock::now();
            auto r = learning.RecordResponse(*attempt, *q, engine::McAnswer(int((done + k) % 3)), 4200);
            ours.push_back(Ms(Clock::now() - t));
            if (!r) {
                std::fprintf(stderr, "%s\n", r.error().message.c_str());
                return 1;
            }
        }
        for (int k = 0; k < block; ++k) {
            if ((done + k) % per_attempt == 0) ref_attempt = util::NewUuid();
            // The reference does no work we skip on purpose: the values are prepared outside the timing.
            const std::string id = util::NewUuid(), now = util::NowIso8601(),
                              q = "q" + std::to_string((done + k) % per_attempt);
            t = Clock::now();
            ins.bind(1, id);
            ins.bind(2, ref_attempt);
            ins.bind(3, q);
            ins.bind(4, "0123456789abcdef");
            ins.bind(5, "1.0.0");
            ins.bind(6, R"({"choice":1,"type":"mc"})");
            ins.bind(7, 1.0);
            ins.bind(8, now);
            ins.bind(9, 4200);
            ins.bind(10, now);
            ins.exec();
            ins.reset();
            bare.push_back(Ms(Clock::now() - t));
        }
    }
    std::printf("answers %d\n", int(ours.size()));
    std::printf("commit_p50_ms %.4f\ncommit_p99_ms %.4f\n", Percentile(ours, 0.5), Percentile(ours, 0.99));
    std::printf("bare_p50_ms %.4f\nbare_p99_ms %.4f\n", Percentile(bare, 0.5), Percentile(bare, 0.99));
    std::printf("open_fresh_ms %.3f\n", open_fresh_ms);

    // Reference for start-up: the least a program does to open SQLite and read the schema version.
    auto bare_open = [](const fs::path& p) {
        const auto t0 = Clock::now();
        SQLite::Database raw(p.string(), SQLite::OPEN_READWRITE);
        (void)raw.execAndGet("PRAGMA user_version").getInt();
        (void)raw.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
        return Ms(Clock::now() - t0);
    };
    auto reopen = [](const fs::path& p) {
        const auto t0 = Clock::now();
        auto again = store::Database::Open(p);
        const double ms = Ms(Clock::now() - t0);
        return again ? ms : -1.0;
    };
    opened = Error{"closed"};  // close ours before timing reopen
    std::printf("reopen_ms %.3f\nreopen_bare_ms %.3f\n", reopen(ours_path), bare_open(ours_path));
    if (!open_db.empty() && fs::exists(open_db)) {
        std::vector<double> a, b;
        for (int i = 0; i < 5; ++i) {
            a.push_back(reopen(open_db));
            b.push_back(bare_open(open_db));
        }
        std::printf("open_big_ms %.3f\nopen_big_bare_ms %.3f\nopen_big_mb %.1f\n", Percentile(a, 0.5),
                    Percentile(b, 0.5), double(fs::file_size(open_db)) / 1e6);
        // What a quick_check before the first frame would cost (not done by Open: measured to justify that).
        const auto t0 = Clock::now();
        SQLite::Database raw(open_db.string(), SQLite::OPEN_READONLY);
        const std::string qc = raw.execAndGet("PRAGMA quick_check").getString();
        std::printf("quick_check_big_ms %.1f\n", Ms(Clock::now() - t0));
        (void)qc;
    }
    return 0;
}
