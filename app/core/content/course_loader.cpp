#include "content/course_loader.hpp"

#include <algorithm>
#include <system_error>

#include "content/gift_reader.hpp"
#include "content/lint.hpp"
#include "content/module_reader.hpp"
#include "content/source_text.hpp"
#include "content/toml_fields.hpp"
#include "content/twee_reader.hpp"

namespace sinau::content {

namespace fs = std::filesystem;

namespace {

bool HasExtension(const fs::path& p, std::string_view ext) {
    return p.extension().string() == ext;
}

// Files of one kind in a folder, in name order (the order trainers see in a file manager).
std::vector<fs::path> FilesWithExtension(const fs::path& dir, std::string_view ext) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code ec2;
        if (it->is_regular_file(ec2) && HasExtension(it->path(), ext)) out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A module id names a folder under modules/: keep it to one plain path segment.
bool IsSafeModuleId(std::string_view id) {
    if (id.empty() || id == "." || id == "..") return false;
    return id.find_first_of("/\\:") == std::string_view::npos && id.find('\0') == std::string_view::npos;
}

// Lint findings go to the module whose folder holds the file; the rest stay course-level.
void FileLintFindings(Course& course, Diagnostics findings) {
    for (auto& d : findings) {
        Module* owner = nullptr;
        for (auto& m : course.modules) {
            const std::string prefix = "modules/" + m.id + "/";
            if (d.file.compare(0, prefix.size(), prefix) == 0 ||
                d.file == prefix.substr(0, prefix.size() - 1))
                owner = &m;
        }
        (owner ? owner->errors : course.errors).push_back(std::move(d));
    }
}

}  // namespace

Module LoadModule(const fs::path& module_dir, const std::string& id, const std::string& display_dir,
                  const QuizSettings& defaults) {
    Module m;
    m.id = id;
    m.dir = module_dir.string();
    m.quiz = defaults;
    const std::string md_name = display_dir + "/modul.md";
    if (auto bytes = ReadSourceFile(module_dir / "modul.md", md_name, m.errors))
        ReadModuleFile(*bytes, md_name, m);
    for (const auto& path : FilesWithExtension(module_dir, ".gift")) {
        const std::string name = display_dir + "/" + path.filename().string();
        if (auto bytes = ReadSourceFile(path, name, m.errors)) {
            auto gift = ParseGift(*bytes, name);
            std::move(gift.questions.begin(), gift.questions.end(), std::back_inserter(m.questions));
            m.errors.insert(m.errors.end(), gift.errors.begin(), gift.errors.end());
        }
    }
    for (const auto& path : FilesWithExtension(module_dir, ".twee")) {
        const std::string name = display_dir + "/" + path.filename().string();
        if (auto bytes = ReadSourceFile(path, name, m.errors)) {
            auto twee = ParseTwee(*bytes, name, path.stem().string());
            m.scenarios.push_back(std::move(twee.scenario));
            m.errors.insert(m.errors.end(), twee.errors.begin(), twee.errors.end());
        }
    }
    return m;
}

Course LoadCourse(const fs::path& dir, const LoadOptions& options) {
    Course course;
    course.dir = dir.string();
    const std::string manifest = "course.toml";
    auto bytes = ReadSourceFile(dir / manifest, manifest, course.errors);
    if (!bytes) {
        if (!course.errors.empty()) course.errors.back().message += " (folder kursus: " + dir.string() + ")";
        return course;
    }
    std::string_view text;
    if (!CheckSourceText(*bytes, manifest, course.errors, &text)) return course;
    const TomlPlace place{manifest, 0, course.errors};
    auto table = ParseToml(text, place);
    if (!table) return course;

    ReportUnknownKeys(
        *table, {"id", "title", "version", "language", "pass_mark", "about", "modules", "source", "quiz"},
        "course.toml", place);
    const auto require = [&](std::string_view key) {
        if (!table->contains(key))
            course.errors.push_back(
                {manifest, 0, 0, "kunci '" + std::string(key) + "' belum ada di course.toml"});
    };
    require("id");
    require("title");
    require("modules");
    if (auto v = ReadString(*table, "id", place)) course.id = std::move(*v);
    if (auto v = ReadString(*table, "title", place)) course.title = std::move(*v);
    if (auto v = ReadString(*table, "version", place)) course.version = std::move(*v);
    if (auto v = ReadString(*table, "language", place)) course.language = std::move(*v);
    if (auto v = ReadNumber(*table, "pass_mark", place)) {
        if (*v < 0 || *v > 100)
            course.errors.push_back(
                place.At(*table->get("pass_mark"), "'pass_mark' adalah persen: 0 sampai 100"));
        else
            course.pass_mark = *v;
    }
    if (const auto* src = table->get("source")) {
        if (const auto* t = src->as_table()) {
            ReportUnknownKeys(*t, {"who", "event", "where", "date"}, "[source]", place);
            if (auto v = ReadString(*t, "who", place)) course.source.who = std::move(*v);
            if (auto v = ReadString(*t, "event", place)) course.source.event = std::move(*v);
            if (auto v = ReadString(*t, "where", place)) course.source.where = std::move(*v);
            if (const auto* date = t->get("date")) {
                if (const auto* d = date->as_date()) {
                    char buf[16];
                    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d->get().year), int(d->get().month),
                                  int(d->get().day));
                    course.source.date = buf;
                } else if (auto v = ReadString(*t, "date", place)) {
                    course.source.date = std::move(*v);
                }
            }
        } else {
            course.errors.push_back(place.At(*src, "'source' harus tabel: tulis [source] di baris sendiri"));
        }
    }
    if (const auto* quiz = table->get("quiz")) {
        if (const auto* t = quiz->as_table())
            ApplyQuizTable(*t, course.quiz_defaults, place);
        else
            course.errors.push_back(place.At(*quiz, "'quiz' harus tabel: tulis [quiz] di baris sendiri"));
    }
    if (auto about = ReadString(*table, "about", place)) {
        if (about->find("..") != std::string::npos || about->empty() || about->front() == '/') {
            course.errors.push_back(
                place.At(*table->get("about"), "'about' harus nama berkas di dalam folder kursus"));
        } else if (auto page = ReadSourceFile(dir / *about, *about, course.errors)) {
            course.about = ReadPageFile(*page, *about, "Tentang", course.errors);
        }
    }

    if (const auto* node = table->get("modules")) {
        const auto* arr = node->as_array();
        if (!arr) {
            course.errors.push_back(
                place.At(*node, "'modules' harus daftar nama folder, mis. modules = [\"01-...\"]"));
        } else {
            std::vector<std::string> seen;
            for (const auto& el : *arr) {
                const auto* s = el.as_string();
                if (!s) {
                    course.errors.push_back(
                        place.At(el, "isi 'modules' harus nama folder dalam tanda kutip"));
                    continue;
                }
                const std::string id = s->get();
                if (!IsSafeModuleId(id)) {
                    course.errors.push_back(place.At(
                        el,
                        "nama modul '" + id + "' tidak sah: pakai nama folder saja, tanpa '/' atau '..'"));
                    continue;
                }
                if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
                    course.errors.push_back(place.At(el, "modul '" + id + "' tercantum dua kali"));
                    continue;
                }
                seen.push_back(id);
                const fs::path mdir = dir / "modules" / id;
                std::error_code ec;
                if (!fs::is_directory(mdir, ec)) {
                    Module missing;
                    missing.id = id;
                    missing.dir = mdir.string();
                    missing.title = id;
                    missing.quiz = course.quiz_defaults;
                    missing.errors.push_back(place.At(el, "folder modul tidak ditemukan: modules/" + id));
                    course.modules.push_back(std::move(missing));
                    continue;
                }
                course.modules.push_back(LoadModule(mdir, id, "modules/" + id, course.quiz_defaults));
            }
        }
    }
    if (options.lint) FileLintFindings(course, Lint(course));
    return course;
}

}  // namespace sinau::content
