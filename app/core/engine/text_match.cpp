#include "engine/text_match.hpp"

#include <vector>

namespace sinau::engine {

std::string NormalizeShortAnswer(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    bool pending_space = false;
    for (size_t i = 0; i < in.size(); ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        const bool nbsp = c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xA0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
            pending_space = !out.empty();
            if (nbsp) ++i;
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        if (c >= 'A' && c <= 'Z') {
            out.push_back(char(c + 32));
        } else if (c == 0xC3 && i + 1 < in.size()) {
            // U+00C0..U+00DE (except U+00D7 ×) are capitals; their small letters are +0x20 in the 2nd byte.
            auto c2 = static_cast<unsigned char>(in[i + 1]);
            if (c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97) c2 = static_cast<unsigned char>(c2 + 0x20);
            out.push_back(char(c));
            out.push_back(char(c2));
            ++i;
        } else {
            out.push_back(char(c));
        }
    }
    return out;
}

namespace {
// Glob match with '*' only, iterative with backtracking to the last star: linear-ish, no recursion.
bool Glob(const std::vector<std::pair<char, bool>>& pattern, std::string_view text) {
    size_t p = 0, t = 0, star = std::string::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p].second) {
            star = p++;
            mark = t;
        } else if (p < pattern.size() && pattern[p].first == text[t]) {
            ++p;
            ++t;
        } else if (star != std::string::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p].second) ++p;
    return p == pattern.size();
}
}  // namespace

bool ShortAnswerMatches(std::string_view accepted, std::string_view typed) {
    const std::string a = NormalizeShortAnswer(accepted);
    const std::string t = NormalizeShortAnswer(typed);
    if (a.find('*') == std::string::npos) return a == t;
    std::vector<std::pair<char, bool>> pattern;  // (char, is_wildcard)
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i] == '\\' && i + 1 < a.size() && a[i + 1] == '*') {
            pattern.push_back({'*', false});
            ++i;
        } else {
            pattern.push_back({a[i], a[i] == '*'});
        }
    }
    return Glob(pattern, t);
}

}  // namespace sinau::engine
