#pragma once
// What the trainer/administrator screens ask for. Widgets record one of these (wrapped in
// ui::AdminIntent, intent.hpp) while drawing; App::ApplyIntents hands it to the AdminController after
// ImGui::Render(), which starts the query/export/merge on a worker thread (or, for quick writes, does it
// there and then). Every alternative carries COPIES of its inputs.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "exports/export.hpp"
#include "reports/item_analysis.hpp"
#include "store/dashboard.hpp"

namespace sinau::ui::admin {

// The dashboard's filter or sort changed: re-run the first page, and (filter only) the count, the summary
// and the charts.
struct SetDashboardQuery {
    store::LearnerFilter filter;
    store::LearnerSort sort;
};
// The learner table's pager: first, previous or next page (keyset paging).
struct TurnDashboardPage {
    enum class To { First, Previous, Next } to = To::Next;
};
struct RunItemAnalysis {
    reports::ItemAnalysisOptions options;
};
// How many questions of each module are flagged (options.module_id is ignored), so the screen can open
// on the module that needs attention and list the counts in its module choice.
struct RunItemOverview {
    reports::ItemAnalysisOptions options;
};
// Export with the dashboard's CURRENT filter (the screen copies it into options.filter).
struct StartExport {
    exports::ExportOptions options;
    std::string path;
};
struct CancelExport {};
struct SaveCertificate {  // one completed learner, by NIP
    std::string nip;
    std::string path;  // the PDF file
};
struct SaveCertificates {  // every completed learner the filter selects
    store::LearnerFilter filter;
    std::string folder;
};
struct MergeFiles {
    std::vector<std::string> paths;
};
struct RefreshAll {};  // after a merge: everything shown may have changed
// "Esai belum dinilai": (re)load the list of ungraded essay answers.
struct LoadEssays {};
// A trainer's grade for one essay answer (0..100 %) with an optional comment.
struct GiveEssayGrade {
    std::string response_id;
    double percent = 0;
    std::string comment;
};

using Action = std::variant<SetDashboardQuery, TurnDashboardPage, RunItemAnalysis, RunItemOverview,
                            StartExport, CancelExport, SaveCertificate, SaveCertificates, MergeFiles,
                            RefreshAll, LoadEssays, GiveEssayGrade>;

}  // namespace sinau::ui::admin
