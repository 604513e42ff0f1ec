#include "content/json_export.hpp"

#include <nlohmann/json.hpp>

namespace sinau::content {

namespace {
using nlohmann::json;

json ErrorsJson(const Diagnostics& errors) {
    json out = json::array();
    for (const auto& e : errors)
        out.push_back(
            {{"file", e.file}, {"line", e.ShownLine()}, {"col", e.ShownCol()}, {"message", e.message}});
    return out;
}

std::string Dump(const json& j) {
    // Content is checked UTF-8, but a diagnostic may quote a fragment: never throw on output.
    return j.dump(2, ' ', false, json::error_handler_t::replace);
}
}  // namespace

std::string CourseJson(const Course& course, const Diagnostics& errors) {
    std::size_t questions = 0, scenarios = 0;
    for (const auto& m : course.modules) {
        questions += m.questions.size();
        scenarios += m.scenarios.size();
    }
    return Dump({{"modules", course.modules.size()},
                 {"questions", questions},
                 {"scenarios", scenarios},
                 {"errors", ErrorsJson(errors)}});
}

std::string GiftJson(const std::vector<Question>& questions, const Diagnostics& errors) {
    json list = json::array();
    for (const auto& q : questions) {
        json choices = json::array();
        for (const auto& c : q.choices)
            choices.push_back({{"text", c.text}, {"fraction", c.fraction}, {"feedback", c.feedback}});
        json pairs = json::array();
        for (const auto& p : q.pairs) pairs.push_back({{"left", p.left}, {"right", p.right}});
        json numerical = json::array();
        for (const auto& n : q.numerical)
            numerical.push_back({{"value", n.value},
                                 {"min", n.min},
                                 {"max", n.max},
                                 {"fraction", n.fraction},
                                 {"feedback", n.feedback}});
        json item = {{"id", q.id},
                     {"title", q.title},
                     {"type", std::string(TypeName(q.type))},
                     {"line", q.line},
                     {"stem", q.stem},
                     {"stem_after", q.stem_after},
                     {"choices", choices},
                     {"answer", nullptr},
                     {"pairs", pairs},
                     {"numerical", numerical},
                     {"feedback", q.general_feedback},
                     {"tags", q.tags},
                     {"category", q.category}};
        if (q.type == QuestionType::TrueFalse) {
            item["answer"] = q.tf_answer;
            item["feedback_wrong"] = q.tf_feedback_wrong;
            item["feedback_right"] = q.tf_feedback_right;
        }
        list.push_back(std::move(item));
    }
    return Dump({{"questions", list}, {"errors", ErrorsJson(errors)}});
}

std::string TweeJson(const Scenario& s, const Diagnostics& errors) {
    json passages = json::array();
    for (const auto& p : s.passages) {
        json links = json::array();
        for (const auto& l : p.links) links.push_back({{"text", l.text}, {"target", l.target}});
        passages.push_back({{"name", p.name},
                            {"tags", p.tags},
                            {"line", p.line},
                            {"links", links},
                            {"ending", p.ending},
                            {"score", p.score ? json(*p.score) : json(nullptr)},
                            {"feedback", p.feedback}});
    }
    return Dump({{"title", s.title},
                 {"start", s.start},
                 {"ifid", s.ifid},
                 {"passages", passages},
                 {"errors", ErrorsJson(errors)}});
}

}  // namespace sinau::content
