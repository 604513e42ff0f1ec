// Learning: reading position (see learning.hpp for the contract).
#include <algorithm>

#include "store/learning.hpp"
#include "store/statement.hpp"
#include "util/time.hpp"

namespace sinau::store {

void Learning::SetReadingPage(const content::Module& module, int page) {
    const int pages = int(module.reading.pages.size());
    page = std::clamp(page, 0, std::max(0, pages - 1));
    const auto before = Reading(module);
    WriteTransaction tx(db_);
    {
        auto& q = db_.Prepared(
            "INSERT INTO reading_progress (learner_id, module_id, page, pages, max_page, updated_at) "
            "VALUES (?1, ?2, ?3, ?4, ?3, ?5) ON CONFLICT (learner_id, module_id) DO UPDATE SET "
            "page = excluded.page, pages = excluded.pages, max_page = max(max_page, excluded.page), "
            "updated_at = excluded.updated_at");
        ResetOnExit reset(q);
        q.bind(1, learner_id_);
        q.bind(2, module.id);
        q.bind(3, page);
        q.bind(4, pages);
        q.bind(5, util::NowIso8601());
        q.exec();
    }
    // The module's state changes on the first page read (belum -> sedang) and on reaching the last page
    // (a module without a quiz is passed by reading it); other page turns only move the bookmark.
    const bool first = !before.has_value();
    const bool reached_end = page == pages - 1 && (!before || before->max_page < page);
    if (first || reached_end) RefreshModule(module);
    tx.commit();
}

std::optional<ReadingProgress> Learning::Reading(const content::Module& module) {
    auto& q = db_.Prepared(
        "SELECT page, pages, max_page, updated_at FROM reading_progress WHERE learner_id = ? AND module_id = "
        "?");
    ResetOnExit reset(q);
    q.bind(1, learner_id_);
    q.bind(2, module.id);
    if (!q.executeStep()) return std::nullopt;
    return ReadingProgress{module.id, q.getColumn(0).getInt(), q.getColumn(1).getInt(),
                           q.getColumn(2).getInt(), q.getColumn(3).getString()};
}

}  // namespace sinau::store
