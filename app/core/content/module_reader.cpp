#include "content/module_reader.hpp"

#include "content/markdown.hpp"
#include "content/source_text.hpp"
#include "content/toml_fields.hpp"

namespace sinau::content {

namespace {
bool IsFence(std::string_view line) {
    return TrimView(line) == "+++";
}
}  // namespace

FrontMatterSplit SplitFrontMatter(std::string_view text, const std::string& file, Diagnostics& out) {
    FrontMatterSplit split;
    split.body = text;
    auto first_end = text.find('\n');
    const auto first = text.substr(0, first_end);
    if (!IsFence(first)) {
        out.push_back({file, 1, 1,
                       "front matter belum ada: awali berkas dengan baris '+++', isi title, description, "
                       "objectives, lalu tutup dengan '+++'"});
        return split;
    }
    if (first_end == std::string_view::npos) {
        out.push_back({file, 1, 1, "front matter '+++' tidak ditutup: tambahkan baris '+++' setelah isinya"});
        split.body = {};
        return split;
    }
    std::size_t pos = first_end + 1;
    int line = 2;
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        const auto l = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (IsFence(l)) {
            split.found = true;
            split.toml = text.substr(first_end + 1, pos - first_end - 1);
            split.toml_first_line = 2;
            split.body = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
            split.body_first_line = line + 1;
            return split;
        }
        if (end == std::string_view::npos) break;
        pos = end + 1;
        ++line;
    }
    out.push_back({file, 1, 1, "front matter '+++' tidak ditutup: tambahkan baris '+++' setelah isinya"});
    split.body = {};
    return split;
}

void ReadModuleFile(std::string_view bytes, const std::string& file, Module& module) {
    std::string_view text;
    if (!CheckSourceText(bytes, file, module.errors, &text)) return;
    const auto split = SplitFrontMatter(text, file, module.errors);
    if (split.found) {
        const TomlPlace place{file, split.toml_first_line - 1, module.errors};
        if (auto table = ParseToml(split.toml, place)) {
            ReportUnknownKeys(*table, {"title", "description", "objectives", "minutes", "legal", "quiz"},
                              "front matter", place);
            if (auto v = ReadString(*table, "title", place)) module.title = std::move(*v);
            if (auto v = ReadString(*table, "description", place)) module.description = std::move(*v);
            if (auto v = ReadStringArray(*table, "objectives", place)) module.objectives = std::move(*v);
            if (auto v = ReadInteger(*table, "minutes", place)) {
                if (*v < 0 || *v > 600)
                    module.errors.push_back(place.At(*table->get("minutes"), "'minutes' harus 0 sampai 600"));
                else
                    module.minutes = int(*v);
            }
            if (auto v = ReadStringArray(*table, "legal", place)) module.legal = std::move(*v);
            if (const auto* quiz = table->get("quiz")) {
                if (const auto* t = quiz->as_table())
                    ApplyQuizTable(*t, module.quiz, place);
                else
                    module.errors.push_back(
                        place.At(*quiz, "'quiz' harus tabel: tulis [quiz] di baris sendiri"));
            }
        }
    }
    module.reading = ParseMarkdown(split.body, {module.title, split.body_first_line});
}

Document ReadPageFile(std::string_view bytes, const std::string& file, const std::string& default_title,
                      Diagnostics& out) {
    std::string_view text;
    if (!CheckSourceText(bytes, file, out, &text)) return {};
    std::string title = default_title;
    int first_line = 1;
    if (text.substr(0, 3) == "+++") {
        const auto split = SplitFrontMatter(text, file, out);
        if (split.found) {
            const TomlPlace place{file, split.toml_first_line - 1, out};
            if (auto table = ParseToml(split.toml, place))
                if (auto v = ReadString(*table, "title", place)) title = std::move(*v);
        }
        text = split.body;
        first_line = split.body_first_line;
    }
    return ParseMarkdown(text, {title, first_line});
}

}  // namespace sinau::content
