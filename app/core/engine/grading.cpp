#include "engine/grading.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/text_match.hpp"

namespace sinau::engine {
using content::Question;
using content::QuestionType;

std::string_view VerdictText(Verdict v) {
    switch (v) {
        case Verdict::Benar:
            return "benar";
        case Verdict::Sebagian:
            return "sebagian benar";
        case Verdict::Salah:
            return "salah";
        case Verdict::BelumDinilai:
            return "menunggu penilaian pelatih";
        case Verdict::TidakDinilai:
            return "tidak dinilai";
    }
    return "";
}

std::string FormatNumber(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

namespace {

bool ValidIndex(int i, size_t n) {
    return i >= 0 && size_t(i) < n;
}

Verdict VerdictOf(double f) {
    if (f >= kFullCredit) return Verdict::Benar;
    if (f > 0) return Verdict::Sebagian;
    return Verdict::Salah;
}

void AddFeedback(std::vector<std::string>& out, const std::string& text) {
    if (!text.empty()) out.push_back(text);
}

double GradeInto(const Question& q, const Answer& a, Grade& g) {
    switch (q.type) {
        case QuestionType::Mc: {
            if (!ValidIndex(a.choice, q.choices.size())) return 0;
            const auto& c = q.choices[size_t(a.choice)];
            AddFeedback(g.feedback, c.feedback);
            return std::clamp(c.fraction, -1.0, 1.0);
        }
        case QuestionType::Multi: {
            double sum = 0;
            std::vector<int> seen;
            for (int i : a.choices) {
                if (!ValidIndex(i, q.choices.size()) || std::find(seen.begin(), seen.end(), i) != seen.end())
                    continue;
                seen.push_back(i);  // a choice ticked twice counts once
                sum += q.choices[size_t(i)].fraction;
                AddFeedback(g.feedback, q.choices[size_t(i)].feedback);
            }
            return std::clamp(sum, 0.0, 1.0);
        }
        case QuestionType::TrueFalse: {
            if (!a.tf) return 0;
            const bool right = *a.tf == q.tf_answer;
            AddFeedback(g.feedback, right ? q.tf_feedback_right : q.tf_feedback_wrong);
            return right ? 1 : 0;
        }
        case QuestionType::Short: {
            const content::Choice* best = nullptr;
            for (const auto& c : q.choices)
                if (ShortAnswerMatches(c.text, a.text) && (!best || c.fraction > best->fraction)) best = &c;
            if (!best) return 0;
            AddFeedback(g.feedback, best->feedback);
            return std::clamp(best->fraction, -1.0, 1.0);
        }
        case QuestionType::Numerical: {
            if (!a.number) return 0;
            const content::NumericalAnswer* best = nullptr;
            for (const auto& n : q.numerical) {
                // A relative epsilon: 0.1 + 0.2 typed as "0,3" must still be inside 0.3:0.
                const double eps = 1e-9 * std::max({1.0, std::fabs(n.min), std::fabs(n.max)});
                if (*a.number >= n.min - eps && *a.number <= n.max + eps &&
                    (!best || n.fraction > best->fraction))
                    best = &n;
            }
            if (!best) {
                AddFeedback(g.feedback, q.wrong_feedback);
                return 0;
            }
            AddFeedback(g.feedback, best->feedback);
            return std::clamp(best->fraction, -1.0, 1.0);
        }
        case QuestionType::Match: {
            int items = 0, right = 0;
            for (size_t i = 0; i < q.pairs.size(); ++i) {
                if (q.pairs[i].left.empty()) continue;  // a distractor right side, nothing to pair
                ++items;
                const int chosen = i < a.pairs.size() ? a.pairs[i] : -1;
                if (ValidIndex(chosen, q.pairs.size()) && q.pairs[size_t(chosen)].right == q.pairs[i].right)
                    ++right;
            }
            return items == 0 ? 0 : double(right) / items;
        }
        case QuestionType::Essay:
        case QuestionType::Description:
            return 0;
    }
    return 0;
}

}  // namespace

Grade GradeAnswer(const Question& q, const Answer& a) {
    Grade g;
    g.general_feedback = q.general_feedback;
    if (q.type == QuestionType::Description) {
        g.scored = false;
        g.verdict = Verdict::TidakDinilai;
        return g;
    }
    if (q.type == QuestionType::Essay) {
        g.verdict = Verdict::BelumDinilai;  // a trainer grades it later (responses.fraction stays NULL)
        return g;
    }
    const double f = a.type == q.type ? GradeInto(q, a, g) : 0.0;
    g.fraction = f;
    g.verdict = VerdictOf(f);
    return g;
}

std::string RightAnswerText(const Question& q) {
    std::string out;
    auto join = [&out](const std::string& s, const char* sep) {
        if (!out.empty()) out += sep;
        out += s;
    };
    switch (q.type) {
        case QuestionType::Mc: {
            double best = 0;
            for (const auto& c : q.choices) best = std::max(best, c.fraction);
            for (const auto& c : q.choices)
                if (best > 0 && c.fraction >= best - 1e-9) join(c.text, " / ");
            break;
        }
        case QuestionType::Multi:
            for (const auto& c : q.choices)
                if (c.fraction > 0) join(c.text, "; ");
            break;
        case QuestionType::TrueFalse:
            out = q.tf_answer ? "Benar" : "Salah";
            break;
        case QuestionType::Short: {
            double best = 0;
            for (const auto& c : q.choices) best = std::max(best, c.fraction);
            for (const auto& c : q.choices)
                if (best > 0 && c.fraction >= best - 1e-9) join(c.text, " atau ");
            break;
        }
        case QuestionType::Numerical: {
            const content::NumericalAnswer* best = nullptr;
            for (const auto& n : q.numerical)
                if (!best || n.fraction > best->fraction) best = &n;
            if (!best) break;
            out = FormatNumber(best->value);
            if (best->max > best->min) {
                const double tol = (best->max - best->min) / 2;
                if (std::fabs(best->value - (best->min + tol)) < 1e-9 * std::max(1.0, std::fabs(best->value)))
                    out += " (±" + FormatNumber(tol) + ")";
                else
                    out = FormatNumber(best->min) + " sampai " + FormatNumber(best->max);
            }
            break;
        }
        case QuestionType::Match:
            for (const auto& p : q.pairs)
                if (!p.left.empty()) join(p.left + " → " + p.right, "; ");
            break;
        case QuestionType::Essay:
        case QuestionType::Description:
            break;
    }
    return out;
}

std::string AnswerText(const Question& q, const Answer& a) {
    static const std::string kNone = "(tidak dijawab)";
    std::string out;
    auto join = [&out](const std::string& s, const char* sep) {
        if (!out.empty()) out += sep;
        out += s;
    };
    switch (q.type) {
        case QuestionType::Mc:
            if (ValidIndex(a.choice, q.choices.size())) out = q.choices[size_t(a.choice)].text;
            break;
        case QuestionType::Multi:
            for (int i : a.choices)
                if (ValidIndex(i, q.choices.size())) join(q.choices[size_t(i)].text, "; ");
            break;
        case QuestionType::TrueFalse:
            if (a.tf) out = *a.tf ? "Benar" : "Salah";
            break;
        case QuestionType::Short:
        case QuestionType::Essay:
        case QuestionType::Numerical:
            out = a.text;
            break;
        case QuestionType::Match:
            for (size_t i = 0; i < q.pairs.size() && i < a.pairs.size(); ++i)
                if (!q.pairs[i].left.empty() && ValidIndex(a.pairs[i], q.pairs.size()))
                    join(q.pairs[i].left + " → " + q.pairs[size_t(a.pairs[i])].right, "; ");
            break;
        case QuestionType::Description:
            return "";
    }
    return out.empty() ? kNone : out;
}

}  // namespace sinau::engine
