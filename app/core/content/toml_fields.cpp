#include "content/toml_fields.hpp"

namespace sinau::content {

Diagnostic TomlPlace::At(const toml::node& node, std::string message) const {
    const auto& src = node.source();
    const int line = src.begin.line > 0 ? int(src.begin.line) + line_offset : 0;
    return {file, line, line > 0 ? int(src.begin.column) : 0, std::move(message)};
}

Diagnostic TomlPlace::AtTable(const toml::table& table, std::string message) const {
    return At(table, std::move(message));
}

namespace {
std::string Quoted(std::string_view key) {  // appended, not "'" + key + "'": g++ 12 -O3 warns falsely on that
    std::string out(1, '\'');
    out += key;
    out += '\'';
    return out;
}
}  // namespace

std::optional<std::string> ReadString(const toml::table& t, std::string_view key, const TomlPlace& place) {
    const auto* node = t.get(key);
    if (!node) return std::nullopt;
    if (const auto* s = node->as_string()) return s->get();
    place.out.push_back(place.At(*node, Quoted(key) + " harus berupa teks dalam tanda kutip, mis. " +
                                            std::string(key) + " = \"...\""));
    return std::nullopt;
}

std::optional<long long> ReadInteger(const toml::table& t, std::string_view key, const TomlPlace& place) {
    const auto* node = t.get(key);
    if (!node) return std::nullopt;
    if (const auto* i = node->as_integer()) return i->get();
    place.out.push_back(place.At(
        *node,
        Quoted(key) + " harus berupa bilangan bulat tanpa tanda kutip, mis. " + std::string(key) + " = 10"));
    return std::nullopt;
}

std::optional<double> ReadNumber(const toml::table& t, std::string_view key, const TomlPlace& place) {
    const auto* node = t.get(key);
    if (!node) return std::nullopt;
    if (const auto* i = node->as_integer()) return double(i->get());
    if (const auto* f = node->as_floating_point()) return f->get();
    place.out.push_back(place.At(*node, Quoted(key) + " harus berupa angka tanpa tanda kutip"));
    return std::nullopt;
}

std::optional<bool> ReadBool(const toml::table& t, std::string_view key, const TomlPlace& place) {
    const auto* node = t.get(key);
    if (!node) return std::nullopt;
    if (const auto* b = node->as_boolean()) return b->get();
    place.out.push_back(place.At(*node, Quoted(key) + " harus true atau false (tanpa tanda kutip)"));
    return std::nullopt;
}

std::optional<std::vector<std::string>> ReadStringArray(const toml::table& t, std::string_view key,
                                                        const TomlPlace& place) {
    const auto* node = t.get(key);
    if (!node) return std::nullopt;
    const auto* arr = node->as_array();
    if (!arr) {
        place.out.push_back(place.At(*node, Quoted(key) + " harus berupa daftar teks, mis. " +
                                                std::string(key) + " = [\"satu\", \"dua\"]"));
        return std::nullopt;
    }
    std::vector<std::string> items;
    for (const auto& el : *arr) {
        if (const auto* s = el.as_string()) {
            items.push_back(s->get());
        } else {
            place.out.push_back(place.At(el, "isi daftar " + Quoted(key) + " harus teks dalam tanda kutip"));
        }
    }
    return items;
}

void ReportUnknownKeys(const toml::table& t, std::initializer_list<std::string_view> known,
                       std::string_view where, const TomlPlace& place) {
    for (const auto& [k, v] : t) {
        bool ok = false;
        for (const auto name : known) ok = ok || k.str() == name;
        if (ok) continue;
        std::string list;
        for (const auto name : known) list += (list.empty() ? "" : ", ") + std::string(name);
        place.out.push_back(place.At(v, "kunci tidak dikenal " + Quoted(k.str()) + " di " +
                                            std::string(where) + " (yang dikenal: " + list + ")"));
    }
}

void ApplyQuizTable(const toml::table& quiz, QuizSettings& s, const TomlPlace& place) {
    ReportUnknownKeys(
        quiz,
        {"questions_per_attempt", "shuffle_questions", "shuffle_choices", "mode", "attempts", "grading"},
        "[quiz]", place);
    if (const auto n = ReadInteger(quiz, "questions_per_attempt", place)) {
        if (*n < 1 || *n > 1000)
            place.out.push_back(
                place.At(*quiz.get("questions_per_attempt"), "'questions_per_attempt' harus 1 sampai 1000"));
        else
            s.questions_per_attempt = int(*n);
    }
    if (const auto b = ReadBool(quiz, "shuffle_questions", place)) s.shuffle_questions = *b;
    if (const auto b = ReadBool(quiz, "shuffle_choices", place)) s.shuffle_choices = *b;
    if (const auto m = ReadString(quiz, "mode", place)) {
        if (*m == "latihan")
            s.mode = QuizMode::Latihan;
        else if (*m == "ujian")
            s.mode = QuizMode::Ujian;
        else
            place.out.push_back(
                place.At(*quiz.get("mode"), "'mode' harus \"latihan\" atau \"ujian\", bukan \"" + *m + "\""));
    }
    if (const auto n = ReadInteger(quiz, "attempts", place)) {
        if (*n < 0 || *n > 1000)
            place.out.push_back(
                place.At(*quiz.get("attempts"), "'attempts' harus 0 (tanpa batas) sampai 1000"));
        else
            s.attempts_allowed = int(*n);
    }
    if (const auto g = ReadString(quiz, "grading", place)) {
        if (*g == "highest")
            s.grading = Grading::Highest;
        else if (*g == "last")
            s.grading = Grading::Last;
        else
            place.out.push_back(place.At(*quiz.get("grading"),
                                         "'grading' harus \"highest\" atau \"last\", bukan \"" + *g + "\""));
    }
}

std::optional<toml::table> ParseToml(std::string_view text, const TomlPlace& place) {
#if TOML_EXCEPTIONS
    try {
        return toml::parse(text, std::string_view(place.file));
    } catch (const toml::parse_error& e) {
        const auto& b = e.source().begin;
        place.out.push_back({place.file, b.line > 0 ? int(b.line) + place.line_offset : 0, int(b.column),
                             "TOML tidak valid: " + std::string(e.description())});
        return std::nullopt;
    } catch (const std::exception& e) {
        place.out.push_back({place.file, 0, 0, std::string("TOML tidak bisa dibaca: ") + e.what()});
        return std::nullopt;
    }
#else
    auto result = toml::parse(text, std::string_view(place.file));
    if (!result) {
        const auto& b = result.error().source().begin;
        place.out.push_back({place.file, b.line > 0 ? int(b.line) + place.line_offset : 0, int(b.column),
                             "TOML tidak valid: " + std::string(result.error().description())});
        return std::nullopt;
    }
    return std::move(result).table();
#endif
}

}  // namespace sinau::content
