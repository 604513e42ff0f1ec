// The few behaviours of the plain-data model: names, lookups and the grading hash.
#include "content/model.hpp"

#include <cstdint>
#include <cstdio>

namespace sinau::content {

std::string_view TypeName(QuestionType type) {
    switch (type) {
        case QuestionType::Mc:
            return "mc";
        case QuestionType::Multi:
            return "multi";
        case QuestionType::TrueFalse:
            return "tf";
        case QuestionType::Short:
            return "short";
        case QuestionType::Match:
            return "match";
        case QuestionType::Numerical:
            return "numerical";
        case QuestionType::Essay:
            return "essay";
        case QuestionType::Description:
            return "description";
    }
    return "description";
}

namespace {
// FNV-1a 64: tiny, stable across platforms and releases, enough to tell two versions of a question
// apart (not a security boundary). Fields are fed with a separator so "ab"+"c" != "a"+"bc".
class Fnv64 {
public:
    void Add(std::string_view s) {
        for (const char c : s) Byte(static_cast<unsigned char>(c));
        Byte(0x1F);
    }
    void Add(double d) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.6g", d);
        Add(std::string_view(buf));
    }
    std::string Hex() const {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
        return buf;
    }

private:
    void Byte(unsigned char b) {
        h_ ^= b;
        h_ *= 0x100000001b3ULL;
    }
    std::uint64_t h_ = 0xcbf29ce484222325ULL;
};
}  // namespace

std::string Question::Hash() const {
    Fnv64 h;
    h.Add(TypeName(type));
    h.Add(stem);
    h.Add(stem_after);
    for (const auto& c : choices) {
        h.Add(c.text);
        h.Add(c.fraction);
    }
    for (const auto& p : pairs) {
        h.Add(p.left);
        h.Add(p.right);
    }
    for (const auto& n : numerical) {
        h.Add(n.min);
        h.Add(n.max);
        h.Add(n.fraction);
    }
    if (type == QuestionType::TrueFalse) h.Add(tf_answer ? "T" : "F");
    return h.Hex();
}

const Passage* Scenario::Find(std::string_view name) const {
    for (const auto& p : passages)
        if (p.name == name) return &p;
    return nullptr;
}

const Module* Course::FindModule(std::string_view module_id) const {
    for (const auto& m : modules)
        if (m.id == module_id) return &m;
    return nullptr;
}

Diagnostics Course::AllErrors() const {
    Diagnostics all = errors;
    for (const auto& m : modules) all.insert(all.end(), m.errors.begin(), m.errors.end());
    return all;
}

}  // namespace sinau::content
