// bench_quiz_frame: CPU time of one UI frame (NewFrame + App::DrawFrame + Render, no GPU: imgui's
// example_null pattern) on the learning screens with the real course, beside the home screen measured in
// the same process: home (signed in: learner strip, progress, status pills), the quiz on a question, the
// quiz showing latihan feedback, the quiz on a matching question, the result review and a scenario.
// The mouse moves across the window every frame so hover tests run as they would under a hand.
//
//   bench_quiz_frame [--content DIR] [--frames N] [--module ID]
//
// Output: one "frame <screen> p50 p99 max" line per screen (ms, tab-separated).
#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "content/course_loader.hpp"
#include "store/database.hpp"
#include "ui/app.hpp"

namespace fs = std::filesystem;
using namespace sinau;
namespace L = ui::learning;

namespace {

struct Stats {
    double p50 = 0, p99 = 0, max = 0;
};
Stats Summarise(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    if (v.empty()) return {};
    auto at = [&](double q) { return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))]; };
    return {at(0.50), at(0.99), v.back()};
}

// This thread's CPU time in ms: on a shared machine, wall time would also count the time other
// processes held the core (the p99 would measure the neighbours, not the frame).
double ThreadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// One frame; returns its CPU time (drawing only: intents are applied after, untimed, as in the app).
double Frame(ui::App& app, int i) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(float(200 + (i * 37) % 900), float(150 + (i * 53) % 500));
    const double t0 = ThreadCpuMs();
    ImGui::NewFrame();
    app.DrawFrame();
    ImGui::Render();
    const double t1 = ThreadCpuMs();
    app.ApplyIntents();
    return t1 - t0;
}

void Measure(ui::App& app, const char* name, int frames) {
    for (int i = 0; i < 10; ++i) Frame(app, i);  // warm-up: layouts, glyph caches
    std::vector<double> t;
    t.reserve(size_t(frames));
    for (int i = 0; i < frames; ++i) t.push_back(Frame(app, i));
    const Stats s = Summarise(std::move(t));
    std::printf("frame\t%s\t%.3f\t%.3f\t%.3f\n", name, s.p50, s.p99, s.max);
}

void Do(ui::App& app, L::Action action) {
    app.Push(ui::LearningIntent{std::move(action)});
    app.ApplyIntents();
}

}  // namespace

int main(int argc, char** argv) {
    fs::path content_dir = fs::path(SINAU_SOURCE_DIR) / "content";
    std::string module = "01-potret-birokrasi";
    int frames = 300;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--content") && i + 1 < argc)
            content_dir = argv[++i];
        else if (!std::strcmp(argv[i], "--frames") && i + 1 < argc)
            frames = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--module") && i + 1 < argc)
            module = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench_quiz_frame [--content DIR] [--frames N] [--module ID]\n");
            return 2;
        }
    }
    const fs::path dir = fs::temp_directory_path() / ("sinau-bench-quiz-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    int rc = 0;
    {
        auto db = store::Database::Open(dir / "sinau.db");
        if (!db) {
            std::fprintf(stderr, "%s\n", db.error().message.c_str());
            return 1;
        }
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1366, 768);
        io.DeltaTime = 1.0f / 60.0f;
        const fs::path source(SINAU_SOURCE_DIR);
        ui::AppPaths paths{content_dir, source / "assets", source / "assets" / "i18n"};
        auto app = std::make_unique<ui::App>(content::LoadCourse(content_dir), paths, db->get(),
                                             ui::UiSettings{}, 1.0f);
        app->Init();
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

        Do(*app,
           L::SaveProfile{"", {"Peserta Bench", "198803122015032001", "BPSDM Provinsi Jawa Timur", ""}});
        if (!app->learning().learner()) {
            std::fprintf(stderr, "no learner: %s\n", app->learning().error().c_str());
            rc = 1;
        } else {
            Measure(*app, "home", frames);  // the reference

            Do(*app, L::StartQuiz{module, content::QuizMode::Latihan});
            const L::QuizSession* s = app->learning().quiz();
            if (!s || s->items.empty()) {
                std::fprintf(stderr, "no quiz for %s: %s\n", module.c_str(), app->learning().error().c_str());
                rc = 1;
            } else {
                Measure(*app, "quiz", frames);
                // Latihan feedback: a multiple-choice question answered (verdict, right answer, explanation).
                for (size_t i = 0; i < s->items.size(); ++i)
                    if (s->items[i].question->type == content::QuestionType::Mc) {
                        Do(*app, L::GoToQuestion{int(i)});
                        Do(*app,
                           L::AnswerQuestion{s->items[i].question->id, engine::McAnswer(0), 1000, false});
                        Measure(*app, "quiz-feedback", frames);
                        break;
                    }
                for (size_t i = 0; i < s->items.size(); ++i)
                    if (s->items[i].question->type == content::QuestionType::Match) {
                        Do(*app, L::GoToQuestion{int(i)});
                        Measure(*app, "quiz-match", frames);
                        break;
                    }
                Do(*app, L::SubmitQuiz{});
                Measure(*app, "result", frames);
                const content::Module* m = app->learning().course().FindModule(module);
                if (m && !m->scenarios.empty()) {
                    Do(*app, L::StartScenario{module, m->scenarios.front().id});
                    Measure(*app, "scenario", frames);
                }
            }
        }
        app.reset();
        ImGui::DestroyContext();
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return rc;
}
