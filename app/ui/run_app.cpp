#include "ui/run_app.hpp"

#include <imgui.h>

#include <unistd.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <string>

#include "content/course_loader.hpp"
#include "store/database.hpp"
#include "ui/app.hpp"
#include "ui/learning/widget_dump.hpp"
#include "ui/platform/window.hpp"
#include "ui/text_dump.hpp"

namespace sinau::ui {
namespace {

namespace fs = std::filesystem;

struct Options {
    std::string db;
    std::string content;
    std::string screenshot;
    std::string screen;
    std::string size = "1366x768";
    std::string dump_text;
    std::string dump_widgets;  // rewritten after every frame: screen, text lines and widget boxes (e2e tests)
    std::string learner;       // NIP of the learner to sign in at start (skips the profile picker)
    std::string module;
    int page = 1;  // 1-based, as the reader shows it
    bool present = false;
    std::string lang, theme;  // one-run overrides (not saved), for screenshots and tests
    int scale = 0;
    int frames = 6;  // --screenshot: frames drawn before the capture (popups and tables settle)
    bool unlock_for_screenshot = false;  // debug: trainer screens without the PIN, only with --screenshot
    std::string class_debug;             // debug: a loopback-only live class (ui/classroom/class_debug.hpp)
};

fs::path ExeDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path() : exe.parent_path();
}

bool IsDir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

fs::path ContentDir(const Options& o) {
    if (!o.content.empty()) return o.content;
    if (const char* env = std::getenv("SINAU_CONTENT_DIR"); env && *env) return env;
    if (IsDir(fs::path(SINAU_SOURCE_DIR) / "content")) return fs::path(SINAU_SOURCE_DIR) / "content";
    return ExeDir() / ".." / "share" / "sinau" / "content";
}

// Candidates for assets/, most specific first: next to the course (fixtures, a trainer's own
// course), the source tree (running from a build), the installed share/ folder.
std::vector<fs::path> AssetCandidates(const fs::path& content_dir) {
    std::vector<fs::path> c;
    if (const char* env = std::getenv("SINAU_ASSETS_DIR"); env && *env) c.emplace_back(env);
    c.push_back(content_dir / ".." / "assets");
    c.push_back(fs::path(SINAU_SOURCE_DIR) / "assets");
    c.push_back(ExeDir() / ".." / "share" / "sinau" / "assets");
    return c;
}

AppPaths ResolvePaths(const fs::path& content_dir) {
    AppPaths paths;
    paths.content_dir = content_dir;
    const auto candidates = AssetCandidates(content_dir);
    for (const auto& c : candidates)
        if (IsDir(c)) {
            paths.assets_dir = fs::weakly_canonical(c);
            break;
        }
    for (const auto& c : candidates)
        if (fs::exists(c / "i18n" / "id.toml")) {
            paths.i18n_dir = fs::weakly_canonical(c / "i18n");
            break;
        }
    if (paths.i18n_dir.empty()) paths.i18n_dir = fs::path(SINAU_SOURCE_DIR) / "assets" / "i18n";
    return paths;
}

bool ParseSize(const std::string& text, int& w, int& h) {
    return std::sscanf(text.c_str(), "%dx%d", &w, &h) == 2 && w >= 320 && h >= 240 && w <= 8192 && h <= 8192;
}

void WriteLines(const std::string& file, const std::vector<std::string>& lines) {
    std::ofstream out(file, std::ios::binary);
    for (const auto& l : lines) out << l << '\n';
    if (!out) std::fprintf(stderr, "sinau: %s tidak dapat ditulis\n", file.c_str());
}

}  // namespace

int RunApp(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    Options o;
    CLI::App cli{"Sinau", "sinau"};
    cli.add_option("--db", o.db, "berkas basis data");
    cli.add_option("--content", o.content, "folder kursus");
    cli.add_option("--screenshot", o.screenshot, "gambar satu layar ke PNG lalu keluar");
    cli.add_option("--screen", o.screen,
                   "layar untuk --screenshot: home, settings, module, about, profiles, overview, quiz, "
                   "result, scenario");
    cli.add_option("--size", o.size, "ukuran jendela LxT, bawaan 1366x768");
    cli.add_option("--dump-text", o.dump_text, "tulis teks frame terakhir ke berkas (pengujian)");
    cli.add_option("--dump-widgets", o.dump_widgets,
                   "tulis layar, teks dan posisi tombol setiap frame ke berkas (pengujian ujung ke ujung)");
    cli.add_option("--learner", o.learner, "masuk langsung sebagai peserta dengan NIP ini");
    cli.add_option("--module", o.module, "buka modul ini langsung");
    cli.add_option("--page", o.page, "halaman modul (mulai 1)");
    cli.add_flag("--present", o.present, "mode presentasi");
    cli.add_option("--lang", o.lang, "bahasa antarmuka untuk sesi ini saja (id, en)");
    cli.add_option("--theme", o.theme, "tema untuk sesi ini saja (light, dark, high-contrast)");
    cli.add_option("--scale", o.scale, "ukuran tampilan untuk sesi ini saja (100, 125, 150, 175)");
    cli.add_option("--frames", o.frames, "--screenshot: jumlah frame sebelum gambar diambil");
    cli.add_flag(
        "--unlock-for-screenshot", o.unlock_for_screenshot,
        "DEBUG, hanya dengan --screenshot: layar pelatih/admin tanpa PIN (untuk pengujian dan peninjau)");
    cli.add_option(
        "--class-debug", o.class_debug,
        "DEBUG: kelas langsung di 127.0.0.1 saja saat mulai, mis. module=1,auto=3 (pengujian, tolok ukur)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }
    if (o.unlock_for_screenshot && o.screenshot.empty()) {
        std::fprintf(stderr,
                     "sinau: --unlock-for-screenshot hanya berlaku bersama --screenshot; area pelatih tetap "
                     "memerlukan PIN.\n");
        return 2;
    }
    int width = 1366, height = 768;
    if (!ParseSize(o.size, width, height)) {
        std::fprintf(stderr, "sinau: --size harus berbentuk LEBARxTINGGI, misalnya 1366x768\n");
        return 2;
    }
    std::optional<ScreenId> screen;
    if (!o.screen.empty() && !(screen = ParseScreenName(o.screen))) {
        std::fprintf(stderr,
                     "sinau: layar tidak dikenal: %s (home, settings, module, about, profiles, overview, "
                     "quiz, result, "
                     "scenario)\n",
                     o.screen.c_str());
        return 2;
    }
    // A screenshot of the class screen shows the join screen of a real session (loopback, module 1).
    if (!o.screenshot.empty() && screen == ScreenId::Class && o.class_debug.empty())
        o.class_debug = "module=1";

    // Settings live in the database; without one the app still runs, it just cannot remember them.
    std::unique_ptr<store::Database> db;
    const fs::path db_path = o.db.empty() ? store::DefaultDatabasePath() : fs::path(o.db);
    if (auto opened = store::Database::Open(db_path)) {
        db = std::move(*opened);
    } else {
        std::fprintf(stderr, "sinau: %s\nsinau: pengaturan tidak akan disimpan pada sesi ini.\n",
                     opened.error().message.c_str());
    }
    UiSettings settings;
    if (db) {
        if (auto loaded = LoadUiSettings(*db))
            settings = *loaded;
        else
            std::fprintf(stderr, "sinau: pengaturan tidak terbaca: %s\n", loaded.error().message.c_str());
    }
    if (o.lang == "id" || o.lang == "en") settings.language = o.lang;
    if (auto t = ParseTheme(o.theme)) settings.theme = *t;
    for (int choice : kScaleChoices)
        if (o.scale == choice) settings.scale_percent = choice;

    const bool exit_after_first = std::getenv("SINAU_EXIT_AFTER_FIRST_FRAME") != nullptr;
    auto phase = [&](const char* name) {  // start-up breakdown for tools/bench/startup.sh
        if (exit_after_first)
            std::fprintf(stderr, "sinau: %-12s %.1f ms\n", name,
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                             .count());
    };
    phase("settings");
    // Start-up runs three things side by side, because making the window and its GL context is the
    // slowest step and needs none of the others: one worker loads the course (LoadCourse shares
    // nothing and never throws), a second waits for it and builds the App (catalogs, font atlas,
    // style) while the main thread creates the window. Of ImGui's state only the font atlas and the
    // style are touched there; the GLFW and OpenGL backends' init writes other io fields. The frame
    // loop begins once all are ready.
    const fs::path content_dir = ContentDir(o);
    auto course_loading =
        std::async(std::launch::async, [content_dir] { return content::LoadCourse(content_dir); });
    const AppPaths paths = ResolvePaths(content_dir);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code, nothing to remember in an imgui.ini
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

    const bool shooting = !o.screenshot.empty();
    platform::Window::InstallSignalHandlers();
    // The monitor's DPI factor sizes the fonts; on X11 the window gets the same one (checked below).
    const auto display = platform::Window::OpenDisplay();
    const float content_scale = display ? *display : 1.0f;
    auto app_building = std::async(std::launch::async, [&] {
        auto built = std::make_unique<App>(course_loading.get(), paths, db.get(), settings, content_scale);
        built->Init();
        return built;
    });
    platform::WindowOptions wo;
    wo.width = width;
    wo.height = height;
    wo.hidden = shooting;
    wo.title = "Sinau";
    auto created = platform::Window::Create(wo);
    phase("window");
    std::unique_ptr<App> built_app = app_building.get();
    phase("app+fonts");
    if (!created) {
        std::fprintf(stderr, "sinau: %s\n", created.error().message.c_str());
        built_app.reset();
        ImGui::DestroyContext();
        return 1;
    }
    int exit_code = 0;
    {
        std::unique_ptr<platform::Window> window = std::move(*created);
        const std::unique_ptr<App> app_owner = std::move(built_app);  // destroyed before the window
        App& app = *app_owner;
        app.Push(ChangeContentScale{window->ContentScale()});  // re-bakes fonts only if the guess was wrong
        const std::string& course_title = app.course().title;
        if (!course_title.empty()) window->SetTitle(course_title + " \xE2\x80\x94 Sinau");
        for (const auto& p : app.startup_problems()) std::fprintf(stderr, "sinau: %s\n", p.c_str());
        app.events().SetWaker(&platform::Window::Wake);
        if (!o.class_debug.empty()) {
            if (auto started_class = app.StartClassDebug(o.class_debug); !started_class) {
                std::fprintf(stderr, "sinau: %s\n", started_class.error().message.c_str());
                exit_code = 2;
                window->RequestClose();
            }
        }

        // Where to start: --module/--page open the reader directly; --screen picks any screen; the
        // learning screens (--screen quiz --module ID) get a learner and their state from the controller;
        // with none of these, the profile picker asks who is learning (several learners share a PC)
        // unless --learner NIP signs someone in.
        if (!o.learner.empty()) {
            Intents chosen;
            app.learning().SelectByNip(o.learner, chosen);
            for (auto& intent : chosen.Take()) app.Push(std::move(intent));
            if (!app.learning().learner())
                std::fprintf(stderr, "sinau: %s\n", app.learning().error().c_str());
        }
        if (screen && learning::IsLearningScreen(*screen)) {
            Intents prepared;
            app.learning().PrepareScreen(*screen, o.module, prepared);
            for (auto& intent : prepared.Take()) app.Push(std::move(intent));
        } else if (!o.module.empty()) {
            app.Push(Navigate{Route{ScreenId::Module, o.module, o.page - 1}});
        } else if (screen == ScreenId::Module && !app.route().module.empty()) {
        } else if (screen == ScreenId::Module) {
            app.Push(Navigate{Route{ScreenId::Module, "", 0}});
        } else if (screen) {
            app.Push(Navigate{Route{*screen, {}, 0}});
        } else if (db && !app.learning().learner()) {
            app.Push(Navigate{Route{ScreenId::Profiles, {}, 0}});
        }
        learning::EnableWidgetDump(!o.dump_widgets.empty());
        if (o.present) app.Push(SetPresentation{true});
        if (o.unlock_for_screenshot) app.UnlockAdminForScreenshot();  // checked above: only with --screenshot
        const auto first_effects = app.ApplyIntents();  // fonts are uploaded by the first NewFrame
        if (first_effects.fullscreen && *first_effects.fullscreen && !shooting) window->SetFullscreen(true);

        std::vector<std::string> drawn_text;
        bool first_frame = true;
        int frames = 0;
        while (!window->ShouldClose()) {
            if (shooting) window->RequestFrames(1);
            // Blink the text cursor only for a few seconds after the last input, then keep it steady and
            // sleep until an event: a form left open (the profile screen at start) must cost no CPU.
            // A live class's countdown also ticks (App::RedrawInterval); with no session it is 0: idle.
            constexpr double kBlinkSeconds = 5.0;
            const double since_input = window->SecondsSinceInput();
            const bool blink = io.WantTextInput && since_input < kBlinkSeconds;
            io.ConfigInputTextCursorBlink = blink;  // off: ImGui draws the cursor steadily
            double timeout = blink ? std::min(0.5, kBlinkSeconds - since_input + 0.01) : 0.0;
            if (const double live = app.RedrawInterval(); live > 0 && (timeout == 0 || live < timeout))
                timeout = live;
            if (!window->WaitForWork(timeout)) continue;
            app.events().Drain();

            window->BeginFrame();
            ImGui::NewFrame();
            app.DrawFrame();
            ImGui::Render();
            window->Render();
            ++frames;
            if (!o.dump_text.empty()) drawn_text = ExtractDrawnText(*ImGui::GetDrawData());
            if (!o.dump_widgets.empty()) {
                const auto* who = app.learning().learner();
                learning::WriteWidgetDump(o.dump_widgets, frames, ScreenName(app.route().screen),
                                          who ? who->id : "", *ImGui::GetDrawData());
            }
            // A scripted class (--class-debug demo=PHASE) is shot once it reached PHASE (bounded wait).
            if (shooting && frames >= o.frames && (app.ReadyForScreenshot() || frames >= o.frames + 3000)) {
                const auto status = platform::WritePng(o.screenshot, window->ReadBackBuffer());
                if (!status) {
                    std::fprintf(stderr, "sinau: %s\n", status.error().message.c_str());
                    exit_code = 1;
                }
                break;
            }
            window->Present();
            if (first_frame) {
                first_frame = false;
                io.Fonts->ClearTexData();  // the GPU has the atlas now; drop the CPU copies
                if (exit_after_first) {
                    const double ms =
                        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                            .count();
                    std::printf("first-frame-ms %.1f\n", ms);
                    std::fflush(stdout);
                    break;
                }
            }

            if (const float scale = window->ContentScale(); scale != app.content_scale())
                app.Push(ChangeContentScale{scale});  // moved to a monitor with another DPI
            const App::Effects effects = app.ApplyIntents();
            if (effects.reload_font_texture) {
                window->ReloadFontTexture();
                io.Fonts->ClearTexData();
            }
            if (effects.fullscreen && !shooting) window->SetFullscreen(*effects.fullscreen);
            if (effects.redraw) window->RequestFrames(3);
            if (effects.quit) window->RequestClose();
        }
        if (!o.dump_text.empty()) WriteLines(o.dump_text, drawn_text);
    }  // App (its GL textures) goes before the window and its context
    ImGui::DestroyContext();
    db.reset();  // settings were committed as they changed; this closes the file cleanly
    return exit_code;
}

}  // namespace sinau::ui
