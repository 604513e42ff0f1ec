#pragma once
// Dasbor peserta (trainer area): the learner table with search, filters and sorting, a page of 50 rows at a
// time with a pager (keyset paging: every page costs the same at 100,000 learners), the totals, completion
// per module, the score distribution and the per-instansi summary. A selected learner who completed the
// course can get a certificate here.
//
// Holds only the filter being edited and the selection; the rows, summaries and charts live in
// AdminController, which re-queries on a worker thread when the filter changes (never on every frame).
#include <string>

#include "store/dashboard.hpp"
#include "ui/admin/admin_controller.hpp"
#include "ui/admin/admin_gate.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui {

struct DashboardScreen {
    void Draw(const ScreenContext& ctx, admin::AdminGate& gate, const admin::AdminController& admin);

private:
    void DrawFilters(const ScreenContext& ctx, const admin::AdminController& admin);
    void DrawTable(const ScreenContext& ctx, const admin::AdminController& admin, float height);
    void DrawPager(const ScreenContext& ctx, const admin::AdminController& admin);
    void DrawSummary(const ScreenContext& ctx, const admin::AdminController& admin);
    void DrawSelection(const ScreenContext& ctx, const admin::AdminController& admin);
    store::LearnerFilter Draft() const;

    char search_[64] = {};
    char since_[16] = {};
    char until_[16] = {};
    std::string instansi_;
    int status_ = 0;         // store::CourseStatus
    std::string module_;     // "" = any module
    int module_status_ = 0;  // store::ModuleStatus
    int date_field_ = 0;     // store::DateField
    store::LearnerSort sort_;
    std::string selected_nip_;
    std::string selected_name_;
    bool selected_completed_ = false;
    char certificate_path_[512] = {};
};

}  // namespace sinau::ui
