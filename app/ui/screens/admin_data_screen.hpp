#pragma once
// Ekspor & data (trainer area): exports of the dashboard's CURRENT filter (CSV with BOM/';' options, XLSX,
// xAPI), certificates for every completed learner of that filter, and "Gabungkan data dari PC lain"
// (merge one or more .db files). Each long job runs on AdminController's worker; this screen shows its
// status line and never waits for it.
#include <string>

#include "ui/admin/admin_controller.hpp"
#include "ui/admin/admin_gate.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui {

struct AdminDataScreen {
    void Draw(const ScreenContext& ctx, admin::AdminGate& gate, const admin::AdminController& admin);

private:
    void DrawExport(const ScreenContext& ctx, const admin::AdminController& admin);
    void DrawCertificates(const ScreenContext& ctx, const admin::AdminController& admin);
    void DrawMerge(const ScreenContext& ctx, const admin::AdminController& admin);

    bool initialised_ = false;
    int format_ = 0;   // exports::ExportFormat
    int what_ = 0;     // exports::ExportWhat (CSV)
    bool bom_ = true;  // Excel on an Indonesian Windows: BOM + ';' open cleanly
    bool semicolon_ = true;
    char export_path_[512] = {};
    char certificate_dir_[512] = {};
    char merge_paths_[4096] = {};
};

}  // namespace sinau::ui
