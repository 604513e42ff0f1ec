#include "ui/screens/admin_data_screen.hpp"

#include <imgui.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "ui/admin/admin_format.hpp"
#include "ui/admin/output_paths.hpp"
#include "ui/screens/admin_nav.hpp"
#include "ui/widgets/layout.hpp"

namespace sinau::ui {
namespace {

using admin::AdminController;

void Muted(const ScreenContext& ctx, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.text_muted));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

void Heading(const ScreenContext& ctx, const char* text) {
    ImGui::PushFont(ctx.fonts.normal.h3);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 0.3f * ImGui::GetFontSize()));
}

// "Mengerjakan ... (n detik)" while running; the result (muted when fine, red when refused) after.
void StatusLine(const ScreenContext& ctx, const admin::JobStatus& status) {
    if (status.running) {
        if (status.total > 0) {  // exports report rows written (AdminController::RunExport)
            const std::string label = ctx.tr.Fmt(
                "records_ui.export_progress",
                {{"done", admin::Thousands(status.done)}, {"total", admin::Thousands(status.total)}});
            ImGui::ProgressBar(
                float(double(status.done) / double(status.total)),
                ImVec2(std::min(30.0f * ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x), 0.0f),
                label.c_str());
            return;
        }
        Muted(ctx, ctx.tr("admin.working"));
        return;
    }
    if (status.text.empty()) return;
    ImGui::PushStyleColor(
        ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(status.ok ? ctx.palette.text : ctx.palette.error_text));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(status.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

const char* Extension(int format) {
    return format == 1 ? "xlsx" : format == 2 ? "json" : "csv";
}

void Card(const ScreenContext& ctx, const char* id, float height_em) {
    const float em = ImGui::GetFontSize();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(ctx.palette.surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.0f * em, 0.8f * em));
    ImGui::BeginChild(id, ImVec2(0, height_em * em), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
}
void EndCard() {
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 0.6f * ImGui::GetFontSize()));
}

}  // namespace

void AdminDataScreen::Draw(const ScreenContext& ctx, admin::AdminGate& gate, const AdminController& admin) {
    BeginAdminPage("##admin_data");
    if (!gate.Require(ctx)) {
        EndAdminPage();
        return;
    }
    AdminNav(ctx, gate);
    if (!initialised_) {
        initialised_ = true;
        const std::string dir = admin::DefaultOutputDir(admin.db_path());
        std::snprintf(export_path_, sizeof export_path_, "%s",
                      admin::DatedFile(dir, "sinau-ekspor", "csv").c_str());
        std::snprintf(certificate_dir_, sizeof certificate_dir_, "%s", dir.c_str());
    }
    // The export and certificates use the dashboard's filter: load its count when the dashboard was not
    // opened.
    const auto& d = admin.dashboard();
    if (!d.loaded && !d.loading && d.error.empty())
        ctx.intents.Push(AdminIntent{admin::SetDashboardQuery{d.filter, d.sort}});
    ImGui::BeginChild("##data_scroll", ImVec2(0, 0), false);
    DrawExport(ctx, admin);
    DrawCertificates(ctx, admin);
    DrawMerge(ctx, admin);
    ImGui::EndChild();
    EndAdminPage();
}

void AdminDataScreen::DrawExport(const ScreenContext& ctx, const AdminController& admin) {
    const float em = ImGui::GetFontSize();
    Card(ctx, "##export", admin.export_status().text.empty() ? 8.6f : 12.0f);
    Heading(ctx, ctx.tr("admin.export.heading"));
    Muted(ctx, ctx.tr
                   .Fmt("admin.export.filter", {{"filter", store::DescribeFilter(admin.dashboard().filter)},
                                                {"n", admin::Thousands(admin.dashboard().total)}})
                   .c_str());
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    const int old_format = format_;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.tr("admin.export.format"));
    ImGui::SameLine();
    ImGui::RadioButton("CSV", &format_, 0);
    ImGui::SameLine();
    ImGui::RadioButton("XLSX (Excel)", &format_, 1);
    ImGui::SameLine();
    ImGui::RadioButton("xAPI (JSON)", &format_, 2);
    if (format_ != old_format) {  // keep the file name's extension in step with the format
        std::filesystem::path p(export_path_);
        p.replace_extension(Extension(format_));
        std::snprintf(export_path_, sizeof export_path_, "%s", p.string().c_str());
    }
    if (format_ == 0) {
        ImGui::SameLine(0.0f, 2.0f * em);
        ImGui::RadioButton(ctx.tr("admin.export.completions"), &what_, 0);
        ImGui::SameLine();
        ImGui::RadioButton(ctx.tr("admin.export.responses"), &what_, 1);
        ImGui::SameLine(0.0f, 2.0f * em);
        ImGui::Checkbox(ctx.tr("admin.export.bom"), &bom_);
        ImGui::SameLine();
        ImGui::Checkbox(ctx.tr("admin.export.semicolon"), &semicolon_);
    }
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.tr("admin.export.path"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(40.0f * em, ImGui::GetContentRegionAvail().x - 16.0f * em));
    ImGui::InputText("##export_path", export_path_, sizeof export_path_);
    ImGui::SameLine();
    const auto& status = admin.export_status();
    if (ActionButton(ctx.tr("admin.export.run"), true, !status.running, 6.0f)) {
        exports::ExportOptions o;
        o.format = exports::ExportFormat(format_);
        o.what = exports::ExportWhat(what_);
        o.filter = admin.dashboard().filter;  // the CURRENT dashboard filter
        o.csv.bom = bom_;
        o.csv.separator = semicolon_ ? ';' : ',';
        ctx.intents.Push(AdminIntent{admin::StartExport{o, export_path_}});
    }
    if (status.running) {
        ImGui::SameLine();
        if (ActionButton(ctx.tr("admin.export.cancel"), false))
            ctx.intents.Push(AdminIntent{admin::CancelExport{}});
    }
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    StatusLine(ctx, status);
    EndCard();
}

void AdminDataScreen::DrawCertificates(const ScreenContext& ctx, const AdminController& admin) {
    const float em = ImGui::GetFontSize();
    Card(ctx, "##certificates", admin.certificate_status().text.empty() ? 6.6f : 8.6f);
    Heading(ctx, ctx.tr("admin.cert.heading"));
    Muted(ctx, ctx.tr.Fmt("admin.cert.filter", {{"filter", store::DescribeFilter(admin.dashboard().filter)}})
                   .c_str());
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.tr("admin.cert.folder"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(40.0f * em, ImGui::GetContentRegionAvail().x - 16.0f * em));
    ImGui::InputText("##cert_dir", certificate_dir_, sizeof certificate_dir_);
    ImGui::SameLine();
    const auto& status = admin.certificate_status();
    if (ActionButton(ctx.tr("admin.cert.save_all"), true, !status.running))
        ctx.intents.Push(AdminIntent{admin::SaveCertificates{admin.dashboard().filter, certificate_dir_}});
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    StatusLine(ctx, status);
    EndCard();
}

void AdminDataScreen::DrawMerge(const ScreenContext& ctx, const AdminController& admin) {
    const float em = ImGui::GetFontSize();
    const auto& status = admin.merge_status();
    Card(ctx, "##merge", status.text.empty() ? 10.0f : 24.0f);
    Heading(ctx, ctx.tr("admin.merge.heading"));
    ImGui::PushTextWrapPos(0.0f);
    Muted(ctx, ctx.tr("admin.merge.intro"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    ImGui::InputTextMultiline(
        "##merge_paths", merge_paths_, sizeof merge_paths_,
        ImVec2(std::min(40.0f * em, ImGui::GetContentRegionAvail().x - 16.0f * em), 3.6f * em));
    ImGui::SameLine();
    if (ActionButton(ctx.tr("admin.merge.run"), true, !status.running)) {
        std::vector<std::string> paths;
        std::istringstream lines(merge_paths_);
        for (std::string line; std::getline(lines, line);) {
            while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
            while (!line.empty() && line.front() == ' ') line.erase(0, 1);
            if (!line.empty()) paths.push_back(line);
        }
        ctx.intents.Push(AdminIntent{admin::MergeFiles{paths}});
    }
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    if (status.ok) ImGui::PushFont(ctx.fonts.normal.regular);
    StatusLine(ctx, status);
    if (status.ok) ImGui::PopFont();
    EndCard();
}

}  // namespace sinau::ui
