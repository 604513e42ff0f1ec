#include "reports/item_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace sinau::reports {

std::vector<ItemStats> ComputeItemStats(const std::vector<ItemResponse>& responses) {
    // Sum of marks per attempt (Moodle's $summarks).
    std::unordered_map<std::string, double> summarks;
    for (const auto& r : responses) summarks[r.attempt_id] += std::clamp(r.mark, 0.0, 1.0);

    struct Acc {
        std::vector<double> x, other;
        std::map<std::string, std::pair<int64_t, double>> answers;  // answer -> (count, sum of marks)
    };
    std::vector<std::string> order;
    std::unordered_map<std::string, Acc> acc;
    for (const auto& r : responses) {
        auto [it, fresh] = acc.try_emplace(r.question_id);
        if (fresh) order.push_back(r.question_id);
        const double x = std::clamp(r.mark, 0.0, 1.0);
        it->second.x.push_back(x);
        it->second.other.push_back(summarks[r.attempt_id] - x);
        auto& a = it->second.answers[r.answer];
        a.first += 1;
        a.second += x;
    }

    std::vector<ItemStats> out;
    for (const auto& id : order) {
        const Acc& a = acc[id];
        ItemStats st;
        st.question_id = id;
        st.s = int64_t(a.x.size());
        const double n = double(a.x.size());
        double mx = 0, mo = 0;
        for (size_t i = 0; i < a.x.size(); ++i) {
            mx += a.x[i];
            mo += a.other[i];
        }
        mx /= n;
        mo /= n;
        st.facility = 100.0 * mx;  // max mark is 1
        if (a.x.size() > 1) {
            auto xs = a.x, os = a.other;
            std::sort(xs.begin(), xs.end());
            std::sort(os.begin(), os.end());
            double vx = 0, vo = 0, cov = 0, covmax = 0;
            for (size_t i = 0; i < a.x.size(); ++i) {
                vx += (a.x[i] - mx) * (a.x[i] - mx);
                vo += (a.other[i] - mo) * (a.other[i] - mo);
                cov += (a.x[i] - mx) * (a.other[i] - mo);
                covmax += (xs[i] - mx) * (os[i] - mo);
            }
            vx /= n - 1;
            vo /= n - 1;
            cov /= n - 1;
            covmax /= n - 1;
            st.sd = 100.0 * std::sqrt(vx);
            // Moodle tests the product for non-zero; tiny negatives from rounding count as zero too.
            if (vx * vo > 1e-12) st.discrimination = 100.0 * cov / std::sqrt(vx * vo);
            if (std::fabs(covmax) > 1e-12) st.efficiency = 100.0 * cov / covmax;
        }
        for (const auto& [answer, cm] : a.answers)
            st.answers.push_back(
                {answer, cm.first, 100.0 * double(cm.first) / n, cm.second / double(cm.first)});
        std::stable_sort(st.answers.begin(), st.answers.end(),
                         [](const AnswerCount& l, const AnswerCount& r) { return l.count > r.count; });
        st.too_easy = st.facility > 90.0;
        st.too_hard = st.facility < 10.0;
        st.negative_discrimination = st.discrimination && *st.discrimination < 0;
        st.low_efficiency = st.efficiency && *st.efficiency < 15.0;
        out.push_back(std::move(st));
    }
    return out;
}

std::vector<ItemStats> AnalyseItems(store::Database& db, const ItemAnalysisOptions& o) {
    return ComputeItemStats(store::GradedResponses(db, o));
}

bool IsFlagged(const ItemStats& s) {
    return s.too_easy || s.too_hard || s.negative_discrimination || s.low_efficiency;
}

}  // namespace sinau::reports
