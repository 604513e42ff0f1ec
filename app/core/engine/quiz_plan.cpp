#include "engine/quiz_plan.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>

#include "engine/rng.hpp"

namespace sinau::engine {
using content::QuestionType;
using nlohmann::json;

namespace {
std::vector<int> Identity(size_t n) {
    std::vector<int> v(n);
    std::iota(v.begin(), v.end(), 0);
    return v;
}
}  // namespace

QuizPlan DrawPlan(const content::Module& module, const content::QuizSettings& settings, uint64_t seed) {
    Rng rng(seed);
    QuizPlan plan;
    plan.seed = seed;
    std::vector<int> bank;
    for (size_t i = 0; i < module.questions.size(); ++i) {
        if (module.questions[i].type == QuestionType::Description)
            plan.items.push_back({module.questions[i].id, {}});
        else
            bank.push_back(int(i));
    }
    const size_t want = std::min(bank.size(), size_t(std::max(0, settings.questions_per_attempt)));
    if (settings.shuffle_questions) {
        rng.Shuffle(bank);
        bank.resize(want);
    } else if (want < bank.size()) {
        // Draw a random subset but keep the authors' order among the drawn questions.
        std::vector<int> pick = bank;
        rng.Shuffle(pick);
        pick.resize(want);
        std::sort(pick.begin(), pick.end());
        bank = pick;
    }
    for (int index : bank) {
        const auto& q = module.questions[size_t(index)];
        PlannedQuestion item{q.id, {}};
        if (q.type == QuestionType::Mc || q.type == QuestionType::Multi)
            item.order = Identity(q.choices.size());
        if (q.type == QuestionType::Match) item.order = Identity(q.pairs.size());
        if (settings.shuffle_choices) rng.Shuffle(item.order);
        plan.items.push_back(std::move(item));
    }
    return plan;
}

std::string PlanToJson(const QuizPlan& plan) {
    json items = json::array();
    for (const auto& it : plan.items) items.push_back({{"q", it.question_id}, {"order", it.order}});
    // The seed as text: JSON readers elsewhere (spreadsheets, JavaScript) lose precision above 2^53.
    return json{{"seed", std::to_string(plan.seed)}, {"items", items}}.dump();
}

Expected<QuizPlan> PlanFromJson(std::string_view text) {
    try {
        const json j = json::parse(text);
        QuizPlan plan;
        plan.seed = std::stoull(j.at("seed").get<std::string>());
        for (const auto& it : j.at("items")) {
            PlannedQuestion p;
            p.question_id = it.at("q").get<std::string>();
            for (const auto& o : it.at("order")) p.order.push_back(o.get<int>());
            plan.items.push_back(std::move(p));
        }
        return plan;
    } catch (const std::exception& e) {
        return Error{std::string("rencana kuis tersimpan tidak terbaca: ") + e.what()};
    }
}

const content::Question* FindQuestion(const content::Module& module, std::string_view id) {
    for (const auto& q : module.questions)
        if (q.id == id) return &q;
    return nullptr;
}

int ScoredCount(const content::Module& module, const QuizPlan& plan) {
    int n = 0;
    for (const auto& it : plan.items)
        if (const auto* q = FindQuestion(module, it.question_id); q && q->type != QuestionType::Description)
            ++n;
    return n;
}

}  // namespace sinau::engine
