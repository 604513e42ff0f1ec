#include "engine/answer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace sinau::engine {
using content::QuestionType;
using nlohmann::json;

Answer McAnswer(int choice) {
    Answer a;
    a.type = QuestionType::Mc;
    a.choice = choice;
    return a;
}
Answer MultiAnswer(std::vector<int> choices) {
    Answer a;
    a.type = QuestionType::Multi;
    a.choices = std::move(choices);
    return a;
}
Answer TfAnswer(bool value) {
    Answer a;
    a.type = QuestionType::TrueFalse;
    a.tf = value;
    return a;
}
Answer ShortAnswer(std::string text) {
    Answer a;
    a.type = QuestionType::Short;
    a.text = std::move(text);
    return a;
}
Answer NumericalAnswerOf(std::string typed) {
    Answer a;
    a.type = QuestionType::Numerical;
    a.number = ParseLearnerNumber(typed);
    a.text = std::move(typed);
    return a;
}
Answer MatchAnswer(std::vector<int> pairs) {
    Answer a;
    a.type = QuestionType::Match;
    a.pairs = std::move(pairs);
    return a;
}
Answer EssayAnswer(std::string text) {
    Answer a;
    a.type = QuestionType::Essay;
    a.text = std::move(text);
    return a;
}

std::optional<double> ParseLearnerNumber(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    if (s.empty() || s.size() > 64) return std::nullopt;
    std::string t(s);
    // Indonesian writes 12.000.000 and 2,5; some learners type 12,000,000 or 2.5. The last separator
    // of a different kind is the decimal point; repeated ones group thousands.
    auto grouped = [&](char sep) {  // every `sep` is followed by exactly three digits
        for (size_t i = t.find(sep); i != std::string::npos; i = t.find(sep, i + 1)) {
            size_t n = 0;
            while (i + 1 + n < t.size() && std::isdigit(static_cast<unsigned char>(t[i + 1 + n]))) ++n;
            if (n != 3 || i == 0) return false;
        }
        return true;
    };
    auto remove_all = [&](char sep) { t.erase(std::remove(t.begin(), t.end(), sep), t.end()); };
    const auto dots = std::count(t.begin(), t.end(), '.');
    const auto commas = std::count(t.begin(), t.end(), ',');
    if (dots > 0 && commas > 0) {
        const char decimal = t.rfind('.') > t.rfind(',') ? '.' : ',';
        const char thousands = decimal == '.' ? ',' : '.';
        if (std::count(t.begin(), t.end(), decimal) != 1) return std::nullopt;
        const size_t d = t.find(decimal);
        const std::string head = t.substr(0, d);
        t = head;
        if (!grouped(thousands)) return std::nullopt;
        remove_all(thousands);
        t += "." + std::string(s.substr(d + 1));
    } else if (commas > 1 || dots > 1) {
        const char sep = commas > 1 ? ',' : '.';
        if (!grouped(sep)) return std::nullopt;
        remove_all(sep);
    } else if (commas == 1) {
        t[t.find(',')] = '.';
    } else if (dots == 1) {
        const size_t d = t.find('.');
        const std::string head = t.substr(0, d);
        const bool zero_head = head.empty() || head == "0" || head == "-0" || head == "+0";
        if (!zero_head && grouped('.')) remove_all('.');  // "1.500" is one thousand five hundred
    }
    for (char c : t)
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' ||
              c == 'E'))
            return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (t.empty() || end != t.c_str() + t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string AnswerToJson(const Answer& a) {
    json j;
    j["type"] = std::string(content::TypeName(a.type));
    switch (a.type) {
        case QuestionType::Mc:
            j["choice"] = a.choice;
            break;
        case QuestionType::Multi:
            j["choices"] = a.choices;
            break;
        case QuestionType::TrueFalse:
            if (a.tf)
                j["value"] = *a.tf;
            else
                j["value"] = nullptr;
            break;
        case QuestionType::Short:
        case QuestionType::Essay:
            j["text"] = a.text;
            break;
        case QuestionType::Numerical:
            j["text"] = a.text;
            if (a.number) j["value"] = *a.number;
            break;
        case QuestionType::Match:
            j["pairs"] = a.pairs;
            break;
        case QuestionType::Description:
            break;
    }
    return j.dump();
}

namespace {
std::optional<QuestionType> TypeFromName(std::string_view n) {
    for (auto t :
         {QuestionType::Mc, QuestionType::Multi, QuestionType::TrueFalse, QuestionType::Short,
          QuestionType::Match, QuestionType::Numerical, QuestionType::Essay, QuestionType::Description})
        if (content::TypeName(t) == n) return t;
    return std::nullopt;
}

std::vector<int> IntList(const json& j, const char* key) {
    std::vector<int> out;
    if (!j.contains(key)) return out;
    for (const auto& e : j.at(key)) out.push_back(e.get<int>());
    return out;
}
}  // namespace

Expected<Answer> AnswerFromJson(std::string_view text) {
    try {
        const json j = json::parse(text);
        if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
            return Error{"jawaban tersimpan tidak memiliki jenis soal"};
        const auto type = TypeFromName(j["type"].get<std::string>());
        if (!type) return Error{"jenis jawaban tidak dikenal: " + j["type"].get<std::string>()};
        Answer a;
        a.type = *type;
        switch (a.type) {
            case QuestionType::Mc:
                a.choice = j.value("choice", -1);
                break;
            case QuestionType::Multi:
                a.choices = IntList(j, "choices");
                break;
            case QuestionType::TrueFalse:
                if (j.contains("value") && j["value"].is_boolean()) a.tf = j["value"].get<bool>();
                break;
            case QuestionType::Short:
            case QuestionType::Essay:
                a.text = j.value("text", "");
                break;
            case QuestionType::Numerical:
                a.text = j.value("text", "");
                if (j.contains("value") && j["value"].is_number()) a.number = j["value"].get<double>();
                break;
            case QuestionType::Match:
                a.pairs = IntList(j, "pairs");
                break;
            case QuestionType::Description:
                break;
        }
        return a;
    } catch (const json::exception& e) {
        return Error{std::string("jawaban tersimpan bukan JSON yang sah: ") + e.what()};
    }
}

}  // namespace sinau::engine
