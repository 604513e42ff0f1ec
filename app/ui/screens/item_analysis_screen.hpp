#pragma once
// Analisis butir soal (trainer area): per question of a module, Moodle-style quiz statistics — facility
// index, discrimination index, discriminative efficiency, the distribution of chosen answers — with flags
// (too easy, too hard, negative discrimination, low efficiency) beside the question text and its legal-basis
// tags, so a trainer sees which rule the class misunderstood. Figures come from reports::AnalyseItems
// (run by AdminController on a worker); this screen only picks options, sorts and draws.
#include <string>
#include <vector>

#include "ui/admin/admin_controller.hpp"
#include "ui/admin/admin_gate.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui {

struct ItemAnalysisScreen {
    void Draw(const ScreenContext& ctx, admin::AdminGate& gate, const admin::AdminController& admin);

private:
    void DrawControls(const ScreenContext& ctx, const admin::AdminController& admin);
    void DrawDetail(const ScreenContext& ctx, const admin::AdminController& admin,
                    const reports::ItemStats& item);

    std::string module_;
    bool all_attempts_ = false;
    bool class_sessions_ = true;
    bool use_dashboard_filter_ = false;
    std::string selected_;    // question id shown in the detail pane
    int seen_results_ = -1;   // ItemAnalysisData::results that `order_` was built for
    std::vector<int> order_;  // rows in display order (sorted by the table's sort spec)
    int sort_column_ = 0;
    bool sort_descending_ = false;
    bool scroll_to_selected_ = false;
};

}  // namespace sinau::ui
