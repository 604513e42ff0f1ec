#include "engine/scenario_player.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <map>

namespace sinau::engine {
using content::Passage;
using content::Scenario;

Expected<ScenarioPath> StartScenario(const Scenario& s) {
    if (!s.Find(s.start))
        return Error{"skenario \"" + s.title + "\" tidak memiliki passage awal \"" + s.start + "\""};
    return ScenarioPath{{s.start}};
}

const Passage* CurrentPassage(const Scenario& s, const ScenarioPath& path) {
    if (path.passages.empty()) return nullptr;
    return s.Find(path.passages.back());
}

bool IsEnded(const Scenario& s, const ScenarioPath& path) {
    const Passage* p = CurrentPassage(s, path);
    return p && (p->ending || p->links.empty());
}

Status Choose(const Scenario& s, ScenarioPath& path, size_t link_index) {
    const Passage* p = CurrentPassage(s, path);
    if (!p) return Error{"posisi skenario tidak ditemukan"};
    if (IsEnded(s, path)) return Error{"skenario sudah berakhir"};
    if (link_index >= p->links.size()) return Error{"pilihan tidak ada"};
    const std::string& target = p->links[link_index].target;
    if (!s.Find(target)) return Error{"pilihan mengarah ke passage yang tidak ada: " + target};
    if (std::find(path.passages.begin(), path.passages.end(), target) != path.passages.end())
        return Error{"pilihan kembali ke passage yang sudah dilalui: " + target};
    path.passages.push_back(target);
    return Success();
}

int PathScore(const Scenario& s, const ScenarioPath& path) {
    int sum = 0;
    for (const auto& name : path.passages)
        if (const Passage* p = s.Find(name); p && p->score) sum += *p->score;
    return sum;
}

bool PathIsValid(const Scenario& s, const ScenarioPath& path) {
    if (path.passages.empty() || path.passages.front() != s.start || !s.Find(s.start)) return false;
    for (size_t i = 1; i < path.passages.size(); ++i) {
        const Passage* from = s.Find(path.passages[i - 1]);
        if (!from || !s.Find(path.passages[i])) return false;
        const bool linked = std::any_of(from->links.begin(), from->links.end(),
                                        [&](const content::Link& l) { return l.target == path.passages[i]; });
        if (!linked) return false;
    }
    return true;
}

namespace {
// Depth-first search with the names on the current path as a guard against cycles. Scenarios are
// DAGs by the content rules (lint checks it), so a memo by passage name is exact there; with the guard
// the search also terminates on a malformed, cyclic file.
struct Search {
    const Scenario& s;
    std::map<std::string, std::pair<int, std::vector<std::string>>> memo;  // best suffix from a passage
    std::vector<std::string> stack;

    std::optional<std::pair<int, std::vector<std::string>>> From(const std::string& name) {
        const Passage* p = s.Find(name);
        if (!p) return std::nullopt;
        if (auto it = memo.find(name); it != memo.end()) return it->second;
        const int own = p->score.value_or(0);
        if (p->ending || p->links.empty()) return memo[name] = {own, {name}};
        stack.push_back(name);
        std::optional<std::pair<int, std::vector<std::string>>> best;
        for (const auto& link : p->links) {
            if (std::find(stack.begin(), stack.end(), link.target) != stack.end()) continue;
            auto sub = From(link.target);
            if (sub && (!best || sub->first > best->first)) best = sub;
        }
        stack.pop_back();
        if (!best) return std::nullopt;  // every way forward loops: no ending reachable from here
        best->first += own;
        best->second.insert(best->second.begin(), name);
        return memo[name] = *best;
    }
};
}  // namespace

BestPath FindBestPath(const Scenario& s) {
    Search search{s, {}, {}};
    auto best = search.From(s.start);
    if (!best) return {};
    return BestPath{ScenarioPath{best->second}, best->first};
}

std::string PathToJson(const ScenarioPath& path) {
    return nlohmann::json(path.passages).dump();
}

Expected<ScenarioPath> PathFromJson(std::string_view text) {
    try {
        return ScenarioPath{nlohmann::json::parse(text).get<std::vector<std::string>>()};
    } catch (const std::exception& e) {
        return Error{std::string("jalur skenario tersimpan tidak terbaca: ") + e.what()};
    }
}

}  // namespace sinau::engine
