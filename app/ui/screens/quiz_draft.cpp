#include "ui/screens/quiz_draft.hpp"

#include <algorithm>

namespace sinau::ui {
namespace {

using content::QuestionType;

bool Blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(),
                       [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

int OriginalIndex(const std::vector<int>& order, int display) {
    if (display < 0) return -1;
    if (order.empty()) return display;
    return display < int(order.size()) ? order[size_t(display)] : -1;
}

int DisplayIndex(const std::vector<int>& order, int original) {
    if (original < 0) return -1;
    if (order.empty()) return original;
    auto it = std::find(order.begin(), order.end(), original);
    return it == order.end() ? -1 : int(it - order.begin());
}

int OptionCount(const content::Question& q, const std::vector<int>& order) {
    switch (q.type) {
        case QuestionType::Mc:
        case QuestionType::Multi:
            return order.empty() ? int(q.choices.size()) : int(order.size());
        case QuestionType::TrueFalse:
            return 2;
        case QuestionType::Match:
            return order.empty() ? int(q.pairs.size()) : int(order.size());
        default:
            return 0;
    }
}

QuizDraft EmptyDraft(const content::Question& q, const std::vector<int>& order) {
    QuizDraft d;
    if (q.type == QuestionType::Multi) d.picked.assign(size_t(OptionCount(q, order)), false);
    if (q.type == QuestionType::Match) d.pairs.assign(q.pairs.size(), -1);
    return d;
}

QuizDraft DraftFrom(const content::Question& q, const std::vector<int>& order, const engine::Answer& a) {
    QuizDraft d = EmptyDraft(q, order);
    if (a.type != q.type) return d;
    switch (q.type) {
        case QuestionType::Mc:
            d.choice = DisplayIndex(order, a.choice);
            break;
        case QuestionType::Multi:
            for (int original : a.choices) {
                const int shown = DisplayIndex(order, original);
                if (shown >= 0 && shown < int(d.picked.size())) d.picked[size_t(shown)] = true;
            }
            break;
        case QuestionType::TrueFalse:
            d.tf = a.tf;
            break;
        case QuestionType::Short:
        case QuestionType::Numerical:
        case QuestionType::Essay:
            d.text = a.text;
            break;
        case QuestionType::Match:
            for (size_t i = 0; i < d.pairs.size() && i < a.pairs.size(); ++i)
                d.pairs[i] = DisplayIndex(order, a.pairs[i]);
            break;
        case QuestionType::Description:
            break;
    }
    return d;
}

std::optional<engine::Answer> AnswerFrom(const content::Question& q, const std::vector<int>& order,
                                         const QuizDraft& d) {
    switch (q.type) {
        case QuestionType::Mc:
            if (d.choice < 0) return std::nullopt;
            return engine::McAnswer(OriginalIndex(order, d.choice));
        case QuestionType::Multi: {
            std::vector<int> chosen;
            for (size_t i = 0; i < d.picked.size(); ++i)
                if (d.picked[i]) chosen.push_back(OriginalIndex(order, int(i)));
            if (chosen.empty()) return std::nullopt;
            std::sort(chosen.begin(), chosen.end());
            return engine::MultiAnswer(std::move(chosen));
        }
        case QuestionType::TrueFalse:
            if (!d.tf) return std::nullopt;
            return engine::TfAnswer(*d.tf);
        case QuestionType::Short:
            if (Blank(d.text)) return std::nullopt;
            return engine::ShortAnswer(d.text);
        case QuestionType::Numerical:
            if (Blank(d.text)) return std::nullopt;
            return engine::NumericalAnswerOf(d.text);
        case QuestionType::Essay:
            if (Blank(d.text)) return std::nullopt;
            return engine::EssayAnswer(d.text);
        case QuestionType::Match: {
            std::vector<int> pairs(q.pairs.size(), -1);
            bool any = false;
            for (size_t i = 0; i < q.pairs.size() && i < d.pairs.size(); ++i) {
                if (q.pairs[i].left.empty()) continue;
                pairs[i] = OriginalIndex(order, d.pairs[i]);
                any |= pairs[i] >= 0;
            }
            if (!any) return std::nullopt;
            return engine::MatchAnswer(std::move(pairs));
        }
        case QuestionType::Description: {
            engine::Answer seen;
            seen.type = QuestionType::Description;
            return seen;
        }
    }
    return std::nullopt;
}

bool PickOption(const content::Question& q, const std::vector<int>& order, QuizDraft& d, int n, int row) {
    const int count = OptionCount(q, order);
    if (n < 1 || n > count) return false;
    switch (q.type) {
        case QuestionType::Mc:
            d.choice = n - 1;
            return true;
        case QuestionType::Multi:
            if (int(d.picked.size()) != count) d.picked.assign(size_t(count), false);
            d.picked[size_t(n - 1)] = !d.picked[size_t(n - 1)];
            return true;
        case QuestionType::TrueFalse:
            d.tf = (n == 1);
            return true;  // 1 = Benar, 2 = Salah
        case QuestionType::Match: {
            // `row` counts left items only; map it to the pair index.
            int seen = -1;
            for (size_t i = 0; i < q.pairs.size(); ++i) {
                if (q.pairs[i].left.empty()) continue;
                if (++seen == row) {
                    if (d.pairs.size() != q.pairs.size()) d.pairs.assign(q.pairs.size(), -1);
                    d.pairs[i] = n - 1;
                    return true;
                }
            }
            return false;
        }
        default:
            return false;
    }
}

}  // namespace sinau::ui
