// `sinau simulate --db FILE --learners N [--seed S] [--content DIR]`: plays N synthetic learners through
// the real engine and store (learners/simulation.hpp) and prints the throughput.
// `--ack-loop N` (for tests/cli/learning_kill9.sh): one learner answers N questions one at a time the way
// the app does (each RecordResponse its own transaction) and prints "ACK <response-id>" after each commit.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/command.hpp"
#include "content/course_loader.hpp"
#include "engine/rng.hpp"
#include "learners/learner_store.hpp"
#include "learners/simulation.hpp"
#include "store/database.hpp"
#include "store/learning.hpp"

namespace sinau::cli {
namespace {
namespace fs = std::filesystem;

fs::path DefaultContentDir() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "sinau" / "content";
        if (fs::is_regular_file(installed / "course.toml", ec)) return installed;
    }
    return fs::path(SINAU_SOURCE_DIR) / "content";
}

// Answers questions forever-ish: attempt after attempt of the first module with a quiz.
int AckLoop(store::Database& db, const content::Course& course, long answers, uint64_t seed) {
    learners::LearnerStore ls(db);
    auto learner = ls.FindByNip("198803122015032001");
    if (!learner) {
        auto created =
            ls.Create({"Siti Rahayu", "198803122015032001", "BPSDM Provinsi Jawa Timur", "Widyaiswara"});
        if (!created) {
            std::fprintf(stderr, "%s\n", created.error().message.c_str());
            return 2;
        }
        learner = *created;
    }
    store::Learning l(db, course, learner->id);
    engine::Rng rng(seed);
    long done = 0;
    while (done < answers) {
        bool any = false;
        for (const auto& m : course.modules) {
            if (!m.ok()) continue;
            auto attempt = l.StartOrResumeAttempt(m, rng.Next(), content::QuizMode::Ujian);
            if (!attempt) continue;
            for (const auto& item : attempt->plan.items) {
                const auto* q = engine::FindQuestion(m, item.question_id);
                if (!q || q->type == content::QuestionType::Description) continue;
                engine::Answer a;
                a.type = q->type;
                if (q->type == content::QuestionType::Mc)
                    a.choice = int(rng.Below(std::max<size_t>(1, q->choices.size())));
                if (q->type == content::QuestionType::TrueFalse) a.tf = rng.Chance(0.5);
                if (q->type == content::QuestionType::Short || q->type == content::QuestionType::Essay)
                    a.text = "jawaban";
                auto r = l.RecordResponse(*attempt, *q, a);
                if (!r) continue;
                std::printf("ACK %s\n", r->response.id.c_str());
                std::fflush(stdout);  // the ACK leaves the process only after the commit returned
                any = true;
                if (++done >= answers) return 0;
            }
            if (!l.SubmitAttempt(*attempt)) return 2;
        }
        if (!any) {
            std::fprintf(stderr, "tidak ada soal yang dapat dijawab\n");
            return 2;
        }
    }
    return 0;
}

int Run(int argc, char** argv) {
    CLI::App app{"Simulasikan peserta melalui mesin dan basis data yang sebenarnya", "sinau simulate"};
    std::string db_path, content_dir;
    int count = 100;
    uint64_t seed = 1;
    long ack_loop = 0;
    bool per_call = false;
    app.add_option("--db", db_path, "berkas basis data (dibuat bila belum ada)")->required();
    app.add_option("--learners", count, "jumlah peserta simulasi")->check(CLI::Range(0, 10000000));
    app.add_option("--seed", seed, "benih acak: benih sama, peserta dan jawaban sama");
    app.add_option("--content", content_dir, "folder kursus (bawaan: content/ milik instalasi)");
    app.add_flag("--commit-each", per_call,
                 "komit tiap jawaban sendiri-sendiri seperti aplikasi (lebih lambat)");
    app.add_option("--ack-loop", ack_loop, "uji ketahanan: jawab N soal satu per satu, cetak ACK tiap komit")
        ->group("");  // hidden: for tests/cli/learning_kill9.sh
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    const auto course =
        content::LoadCourse(content_dir.empty() ? DefaultContentDir() : fs::path(content_dir));
    auto db = store::Database::Open(db_path);
    if (!db) {
        std::fprintf(stderr, "sinau simulate: %s\n", db.error().message.c_str());
        return 2;
    }
    try {
        if (ack_loop > 0) return AckLoop(**db, course, ack_loop, seed);
        learners::SimulationOptions options;
        options.learners = count;
        options.seed = seed;
        options.batch_per_learner = !per_call;
        auto report = learners::Simulate(**db, course, options);
        if (!report) {
            std::fprintf(stderr, "sinau simulate: %s\n", report.error().message.c_str());
            return 2;
        }
        const auto& r = *report;
        std::printf(
            "peserta: %d, percobaan kuis: %d, jawaban: %d, permainan skenario: %d, modul lulus: %d, "
            "kursus selesai: %d\n",
            r.learners, r.attempts, r.responses, r.scenario_runs, r.modules_passed, r.completed);
        std::printf("waktu: %.2f s, %.1f peserta/s\n", r.seconds,
                    r.seconds > 0 ? r.learners / r.seconds : 0.0);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sinau simulate: kesalahan basis data: %s\n", e.what());
        return 2;
    }
}

const CommandRegistration kRegistration{
    {"simulate", "mainkan peserta sintetis melalui mesin dan basis data (uji beban)", Run}};

}  // namespace
}  // namespace sinau::cli
