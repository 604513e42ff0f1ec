// `sinau lint [PATH] [--json]`: checks a course folder (or one .gift / .twee / .md file) the way the
// app loads it and prints every problem as file:line:col: message. Exit 1 on any problem.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <set>

#include "cli/command.hpp"
#include "content/course_loader.hpp"
#include "content/gift_reader.hpp"
#include "content/json_export.hpp"
#include "content/lint.hpp"
#include "content/module_reader.hpp"
#include "content/source_text.hpp"
#include "content/twee_reader.hpp"

namespace sinau::cli {
namespace {

namespace fs = std::filesystem;
namespace content = sinau::content;

// The installation's content folder: <prefix>/share/sinau/content next to bin/, else the source tree.
fs::path DefaultContentDir() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "sinau" / "content";
        if (fs::is_regular_file(installed / "course.toml", ec)) return installed;
    }
    return fs::path(SINAU_SOURCE_DIR) / "content";
}

int Report(const Diagnostics& errors, const std::string& what) {
    std::set<std::string> files;
    for (const auto& e : errors) {
        std::printf("%s\n", e.Format().c_str());
        files.insert(e.file);
    }
    if (errors.empty())
        std::printf("%s: bersih, tidak ada masalah.\n", what.c_str());
    else
        std::printf("%s: %zu masalah di %zu berkas.\n", what.c_str(), errors.size(), files.size());
    return errors.empty() ? 0 : 1;
}

int Run(int argc, char** argv) {
    CLI::App app{"Periksa isi kursus: course.toml, modul.md, *.gift, *.twee", "sinau lint"};
    std::string path, content_dir;
    bool json = false;
    app.add_option("PATH", path,
                   "folder kursus, atau satu berkas .gift / .twee / .md (bawaan: content/ instalasi)");
    app.add_option("--content", content_dir, "folder kursus (sama dengan PATH)");
    app.add_flag("--json", json, "cetak model hasil baca sebagai JSON");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (path.empty()) path = content_dir;
    const fs::path target = path.empty() ? DefaultContentDir() : fs::path(path);

    std::error_code ec;
    if (fs::is_directory(target, ec)) {
        const auto course = content::LoadCourse(target);
        const auto errors = course.AllErrors();
        if (json) {
            std::printf("%s\n", content::CourseJson(course, errors).c_str());
            return errors.empty() ? 0 : 1;
        }
        std::size_t questions = 0, scenarios = 0;
        for (const auto& m : course.modules) {
            questions += m.questions.size();
            scenarios += m.scenarios.size();
        }
        char what[256];
        std::snprintf(what, sizeof what, "%s (%zu modul, %zu soal, %zu skenario)", target.string().c_str(),
                      course.modules.size(), questions, scenarios);
        return Report(errors, what);
    }

    const std::string name = target.string();
    Diagnostics errors;
    const auto bytes = content::ReadSourceFile(target, name, errors);
    if (!bytes) {
        if (json)
            std::printf("%s\n", content::GiftJson({}, errors).c_str());
        else
            Report(errors, name);
        return 1;
    }
    const auto ext = target.extension().string();
    if (ext == ".gift" || ext == ".txt") {
        auto gift = content::ParseGift(*bytes, name);
        errors = gift.errors;
        auto more = content::LintQuestions(gift.questions);
        errors.insert(errors.end(), more.begin(), more.end());
        std::vector<const content::Question*> all;
        for (const auto& q : gift.questions) all.push_back(&q);
        more = content::LintUniqueIds(all);
        errors.insert(errors.end(), more.begin(), more.end());
        if (json) {
            std::printf("%s\n", content::GiftJson(gift.questions, errors).c_str());
            return errors.empty() ? 0 : 1;
        }
        return Report(errors, name + " (" + std::to_string(gift.questions.size()) + " soal)");
    }
    if (ext == ".twee" || ext == ".tw") {
        auto twee = content::ParseTwee(*bytes, name, target.stem().string());
        errors = twee.errors;
        auto more = content::LintScenario(twee.scenario);
        errors.insert(errors.end(), more.begin(), more.end());
        if (json) {
            std::printf("%s\n", content::TweeJson(twee.scenario, errors).c_str());
            return errors.empty() ? 0 : 1;
        }
        return Report(errors, name + " (" + std::to_string(twee.scenario.passages.size()) + " passage)");
    }
    if (ext == ".md") {
        content::Module module;
        content::ReadModuleFile(*bytes, name, module);
        errors = module.errors;
        if (json) {
            std::fprintf(stderr, "sinau lint: --json hanya untuk folder kursus, .gift dan .twee\n");
            return 2;
        }
        return Report(errors, name);
    }
    std::fprintf(stderr, "sinau lint: %s bukan folder kursus atau berkas .gift / .twee / .md\n",
                 name.c_str());
    return 2;
}

const CommandRegistration kRegistration{
    {"lint", "periksa isi kursus (course.toml, modul, soal GIFT, skenario Twee)", Run}};

}  // namespace
}  // namespace sinau::cli
