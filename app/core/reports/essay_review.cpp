#include "reports/essay_review.hpp"

#include <unordered_map>

#include "engine/answer.hpp"
#include "engine/quiz_plan.hpp"
#include "store/learning.hpp"

namespace sinau::reports {
namespace {

constexpr size_t kMaxComment = 2000;

std::string Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

std::vector<UngradedEssay> ListUngradedEssays(store::Database& db, const content::Course& course,
                                              size_t limit, int64_t* total) {
    // The essay questions the course declares, by (module, question): only those are offered.
    struct EssayRef {
        const content::Module* module;
        const content::Question* question;
    };
    std::unordered_map<std::string, EssayRef> essays;  // key: module_id + '\n' + question_id
    for (const auto& m : course.modules)
        for (const auto& q : m.questions)
            if (q.type == content::QuestionType::Essay) essays[m.id + '\n' + q.id] = {&m, &q};
    std::vector<UngradedEssay> out;
    if (total) *total = 0;
    if (essays.empty()) return out;

    for (auto& row : store::UngradedAnswers(db)) {
        const auto it = essays.find(row.module_id + '\n' + row.question_id);
        if (it == essays.end()) continue;
        if (total) ++*total;
        if (out.size() >= limit) continue;
        UngradedEssay e;
        e.response_id = std::move(row.response_id);
        e.attempt_id = std::move(row.attempt_id);
        e.nip = std::move(row.nip);
        e.name = std::move(row.name);
        e.instansi = std::move(row.instansi);
        e.module_id = std::move(row.module_id);
        e.module_title = it->second.module->title;
        e.question_id = std::move(row.question_id);
        e.question_text = it->second.question->stem;
        auto answer = engine::AnswerFromJson(row.answer_json);
        e.answer = answer ? answer->text : row.answer_json;  // an unreadable answer is shown raw
        e.answered_at = std::move(row.answered_at);
        e.submitted = row.submitted;
        out.push_back(std::move(e));
    }
    return out;
}

Status GradeEssayAnswer(store::Database& db, const content::Course& course, std::string_view response_id,
                        double percent, std::string_view comment) {
    if (!(percent >= 0.0 && percent <= 100.0)) return Error{"Nilai esai harus antara 0 dan 100%."};
    const std::string note = Trim(comment);
    if (note.size() > kMaxComment)
        return Error{"Komentar terlalu panjang (lebih dari " + std::to_string(kMaxComment) + " karakter)."};
    try {
        // GradeEssay's own transaction nests inside: grade + comment together.
        store::WriteTransaction tx(db);
        if (auto ok = store::GradeEssay(db, course, response_id, percent / 100.0); !ok) return ok;
        store::SaveEssayGrade(db, response_id, percent, note);
        tx.commit();
    } catch (const std::exception& e) {
        return Error{std::string("Nilai esai tidak tersimpan: ") + e.what()};
    }
    return Success();
}

std::optional<EssayGrade> FindEssayGrade(store::Database& db, std::string_view response_id) {
    try {
        return store::FindEssayGrade(db, response_id);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace sinau::reports
