#include "ui/screens/dashboard_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "ui/admin/admin_format.hpp"
#include "ui/admin/output_paths.hpp"
#include "ui/screens/admin_nav.hpp"
#include "ui/widgets/charts.hpp"
#include "ui/widgets/layout.hpp"

namespace sinau::ui {
namespace {

using admin::AdminController;
using admin::DashboardData;

// Table columns, in order; the sort key each one sorts by.
constexpr store::SortKey kColumnSort[] = {store::SortKey::Name,         store::SortKey::Nip,
                                          store::SortKey::Instansi,     store::SortKey::ModulesPassed,
                                          store::SortKey::AverageScore, store::SortKey::FinalScore,
                                          store::SortKey::CompletedAt,  store::SortKey::LastActivity};

void Muted(const ScreenContext& ctx, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.text_muted));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

// A label beside a combo of string choices; index 0 is "all". Returns true when the choice changed.
bool Choice(const char* id, const char* label, float width_em, const std::vector<std::string>& items,
            int& index) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width_em * ImGui::GetFontSize());
    bool changed = false;
    index = std::clamp(index, 0, std::max(0, int(items.size()) - 1));
    if (ImGui::BeginCombo(id, items.empty() ? "" : items[size_t(index)].c_str())) {
        for (int i = 0; i < int(items.size()); ++i) {
            if (ImGui::Selectable(items[size_t(i)].c_str(), i == index)) {
                changed = i != index;
                index = i;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

std::string ModuleTitle(const AdminController& admin, const std::string& id) {
    for (const auto& m : admin.course_info().modules)
        if (m.id == id) return m.title.empty() ? m.id : m.title;
    return id;
}

}  // namespace

store::LearnerFilter DashboardScreen::Draft() const {
    store::LearnerFilter f;
    f.search = search_;
    f.instansi = instansi_;
    // A half-typed date is not applied (the field turns red instead).
    if (admin::IsIsoDay(since_)) f.since = since_;
    if (admin::IsIsoDay(until_)) f.until = until_;
    f.date_field = store::DateField(date_field_);
    f.status = store::CourseStatus(status_);
    f.module_id = module_;
    f.module_status = module_.empty() ? store::ModuleStatus::Any : store::ModuleStatus(module_status_);
    return f;
}

void DashboardScreen::Draw(const ScreenContext& ctx, admin::AdminGate& gate, const AdminController& admin) {
    BeginAdminPage("##dashboard");
    if (!gate.Require(ctx)) {
        EndAdminPage();
        return;
    }
    AdminNav(ctx, gate);
    DrawFilters(ctx, admin);

    const float em = ImGui::GetFontSize();
    const DashboardData& d = admin.dashboard();
    if (!d.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.error_text));
        ImGui::TextWrapped("%s", d.error.c_str());
        ImGui::PopStyleColor();
    }
    const float bottom_bar = 2.6f * em;
    const float height = std::max(8.0f * em, ImGui::GetContentRegionAvail().y - bottom_bar);
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float right_w = std::clamp(avail_w * 0.31f, 21.0f * em, 34.0f * em);

    ImGui::BeginChild("##table_side", ImVec2(avail_w - right_w - 0.8f * em, height), false,
                      ImGuiWindowFlags_NoScrollbar);
    const float pager = ImGui::GetFrameHeightWithSpacing() + 0.4f * em;
    DrawTable(ctx, admin, height - pager);
    DrawPager(ctx, admin);
    ImGui::EndChild();
    ImGui::SameLine(0.0f, 0.8f * em);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(ctx.palette.surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.9f * em, 0.7f * em));
    ImGui::BeginChild("##summary_side", ImVec2(right_w, height), true,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    DrawSummary(ctx, admin);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    DrawSelection(ctx, admin);
    EndAdminPage();
}

void DashboardScreen::DrawFilters(const ScreenContext& ctx, const AdminController& admin) {
    const float em = ImGui::GetFontSize();
    const DashboardData& d = admin.dashboard();

    ImGui::SetNextItemWidth(15.0f * em);
    ImGui::InputTextWithHint("##search", ctx.tr("admin.filter.search_hint"), search_, sizeof search_);
    ImGui::SameLine(0.0f, 1.2f * em);

    std::vector<std::string> instansi{ctx.tr("admin.filter.all_instansi")};
    int instansi_index = 0;
    for (const auto& name : d.instansi_choices) {
        if (name == instansi_) instansi_index = int(instansi.size());
        instansi.push_back(name);
    }
    if (Choice("##instansi", ctx.tr("admin.filter.instansi"), 13.0f, instansi, instansi_index))
        instansi_ = instansi_index == 0 ? std::string() : instansi[size_t(instansi_index)];
    ImGui::SameLine(0.0f, 1.2f * em);

    const std::vector<std::string> statuses{ctx.tr("admin.status.any"), ctx.tr("admin.status.belum"),
                                            ctx.tr("admin.status.sedang"), ctx.tr("admin.status.selesai")};
    Choice("##status", ctx.tr("admin.filter.status"), 8.0f, statuses, status_);
    ImGui::SameLine(0.0f, 1.2f * em);

    std::vector<std::string> modules{ctx.tr("admin.filter.all_modules")};
    int module_index = 0;
    for (const auto& m : admin.course_info().modules) {
        if (m.id == module_) module_index = int(modules.size());
        modules.push_back(m.title.empty() ? m.id : m.title);
    }
    if (Choice("##module", ctx.tr("admin.filter.module"), 11.0f, modules, module_index))
        module_ =
            module_index == 0 ? std::string() : admin.course_info().modules[size_t(module_index - 1)].id;
    if (!module_.empty()) {
        ImGui::SameLine();
        const std::vector<std::string> ms{
            ctx.tr("admin.module_status.any"), ctx.tr("admin.module_status.belum"),
            ctx.tr("admin.module_status.sedang"), ctx.tr("admin.module_status.lulus")};
        ImGui::SetNextItemWidth(7.0f * em);
        int index = module_status_;
        if (ImGui::BeginCombo("##module_status", ms[size_t(std::clamp(index, 0, 3))].c_str())) {
            for (int i = 0; i < 4; ++i)
                if (ImGui::Selectable(ms[size_t(i)].c_str(), i == index)) module_status_ = i;
            ImGui::EndCombo();
        }
    }

    ImGui::Dummy(ImVec2(0, 0.4f * em));
    const std::vector<std::string> fields{ctx.tr("admin.filter.last_activity"),
                                          ctx.tr("admin.filter.completed")};
    Choice("##date_field", ctx.tr("admin.filter.date"), 10.0f, fields, date_field_);
    auto date_input = [&](const char* id, char* buf, size_t size) {
        ImGui::SameLine();
        const bool bad = buf[0] != '\0' && !admin::IsIsoDay(buf);
        if (bad)
            ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::ColorConvertU32ToFloat4(ctx.palette.error_bg));
        ImGui::SetNextItemWidth(6.5f * em);
        ImGui::InputTextWithHint(id, "YYYY-MM-DD", buf, size, ImGuiInputTextFlags_CharsNoBlank);
        if (bad) ImGui::PopStyleColor();
    };
    ImGui::SameLine();
    ImGui::TextUnformatted(ctx.tr("admin.filter.from"));
    date_input("##since", since_, sizeof since_);
    ImGui::SameLine();
    ImGui::TextUnformatted(ctx.tr("admin.filter.until"));
    date_input("##until", until_, sizeof until_);
    ImGui::SameLine(0.0f, 1.2f * em);
    if (ActionButton(ctx.tr("admin.filter.reset"), false, !Draft().empty())) {
        search_[0] = since_[0] = until_[0] = '\0';
        instansi_.clear();
        module_.clear();
        status_ = module_status_ = date_field_ = 0;
    }
    ImGui::SameLine(0.0f, 1.2f * em);
    ImGui::AlignTextToFramePadding();
    std::string count =
        d.loaded ? ctx.tr.Fmt("admin.count", {{"n", admin::Thousands(d.total)}}) : std::string();
    if (d.loading)
        count += std::string(count.empty() ? "" : "  \xC2\xB7  ") + ctx.tr("admin.loading");
    else if (d.loaded)
        count += "  \xC2\xB7  " + ctx.tr.Fmt("admin.query_ms", {{"ms", admin::Decimal(d.query_ms, 0)}});
    Muted(ctx, count.c_str());
    ImGui::Dummy(ImVec2(0, 0.5f * em));

    // Re-query only when the filter actually changed: an intent, applied after the frame, run on a worker.
    const store::LearnerFilter draft = Draft();
    const bool first = !d.loaded && !d.loading && d.error.empty();
    if (first || !store::SameFilter(draft, d.filter))
        ctx.intents.Push(AdminIntent{admin::SetDashboardQuery{draft, sort_}});
}

void DashboardScreen::DrawTable(const ScreenContext& ctx, const AdminController& admin, float height) {
    const float em = ImGui::GetFontSize();
    const DashboardData& d = admin.dashboard();
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
        ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Hideable | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##learners", 8, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ctx.tr("admin.col.name"),
                            ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort, 2.0f);
    ImGui::TableSetupColumn(ctx.tr("admin.col.nip"), ImGuiTableColumnFlags_WidthFixed, 9.6f * em);
    ImGui::TableSetupColumn(ctx.tr("admin.col.instansi"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(ctx.tr("admin.col.passed"),
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                            3.0f * em);
    ImGui::TableSetupColumn(ctx.tr("admin.col.average"),
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                            3.4f * em);
    ImGui::TableSetupColumn(ctx.tr("admin.col.final"),
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                            3.0f * em);
    ImGui::TableSetupColumn(ctx.tr("admin.col.completed"),
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                            5.2f * em);
    ImGui::TableSetupColumn(ctx.tr("admin.col.last_activity"),
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                            6.0f * em);
    ImGui::TableHeadersRow();

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            const auto& s = specs->Specs[0];
            sort_.key = kColumnSort[std::clamp<int>(s.ColumnIndex, 0, 7)];
            sort_.descending = s.SortDirection == ImGuiSortDirection_Descending;
        }
        specs->SpecsDirty = false;
        if (sort_.key != d.sort.key || sort_.descending != d.sort.descending)
            ctx.intents.Push(AdminIntent{admin::SetDashboardQuery{Draft(), sort_}});
    }

    const int modules = int(admin.course_info().modules.size());
    for (size_t i = 0; i < d.rows.size(); ++i) {
        const store::LearnerRow* row = &d.rows[i];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(int(i));
        const bool selected = row->nip == selected_nip_ && !row->nip.empty();
        std::string name = row->name;
        if (row->removed) name += ctx.tr("admin.removed_suffix");
        if (ImGui::Selectable(name.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
            selected_nip_ = row->nip;
            selected_name_ = row->name;
            selected_completed_ = !row->completed_at.empty();
            const std::string file =
                admin::DefaultOutputDir(admin.db_path()) + "/sertifikat-" + row->nip + ".pdf";
            std::snprintf(certificate_path_, sizeof certificate_path_, "%s", file.c_str());
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row->nip.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row->instansi.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d/%d", row->modules_passed, modules);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(admin::ScoreText(row->average_score).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(admin::ScoreText(row->final_score).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(admin::ShortDayText(row->completed_at).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(admin::ShortDayText(row->last_activity).c_str());
    }
    if (d.loaded && d.rows.empty() && !d.page_loading) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        Muted(ctx, ctx.tr("admin.no_learners"));
    }
    ImGui::EndTable();
}

// « Awal  ‹ Sebelumnya  Halaman 3  Berikutnya ›   Peserta 101–150 dari 100.000. Each button is an intent;
// the controller fetches the page on its worker (keyset: the next page starts after this page's last row).
void DashboardScreen::DrawPager(const ScreenContext& ctx, const AdminController& admin) {
    const float em = ImGui::GetFontSize();
    const DashboardData& d = admin.dashboard();
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    using To = admin::TurnDashboardPage::To;
    if (ActionButton(ctx.tr("admin.page.first"), false, d.page > 0))
        ctx.intents.Push(AdminIntent{admin::TurnDashboardPage{To::First}});
    ImGui::SameLine();
    if (ActionButton(ctx.tr("admin.page.previous"), false, d.page > 0))
        ctx.intents.Push(AdminIntent{admin::TurnDashboardPage{To::Previous}});
    ImGui::SameLine(0.0f, 0.8f * em);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.tr.Fmt("admin.page.number", {{"n", admin::Thousands(d.page + 1)}}).c_str());
    ImGui::SameLine(0.0f, 0.8f * em);
    if (ActionButton(ctx.tr("admin.page.next"), false, d.more && !d.page_loading))
        ctx.intents.Push(AdminIntent{admin::TurnDashboardPage{To::Next}});
    ImGui::SameLine(0.0f, 1.2f * em);
    ImGui::AlignTextToFramePadding();
    if (!d.rows.empty()) {
        const int64_t from = d.page * admin::kPageRows + 1;
        const int64_t to = from + int64_t(d.rows.size()) - 1;
        std::string text = ctx.tr.Fmt(
            "admin.page.range", {{"from", admin::Thousands(from)},
                                 {"to", admin::Thousands(to)},
                                 {"n", d.loaded ? admin::Thousands(d.total) : std::string("\xE2\x80\xA6")}});
        if (d.page_loading) text += "  \xC2\xB7  " + std::string(ctx.tr("admin.loading"));
        Muted(ctx, text.c_str());
    } else if (d.page_loading) {
        Muted(ctx, ctx.tr("admin.loading"));
    }
}

void DashboardScreen::DrawSummary(const ScreenContext& ctx, const AdminController& admin) {
    const float em = ImGui::GetFontSize();
    const DashboardData& d = admin.dashboard();
    int64_t started = 0, completed = 0;
    double score_sum = 0;
    int64_t score_n = 0;
    for (const auto& s : d.instansi) {
        started += s.started;
        completed += s.completed;
        if (s.average_final_score) {
            score_sum += *s.average_final_score * double(s.completed);
            score_n += s.completed;
        }
    }
    // Three figures across the top.
    struct Figure {
        std::string value;
        const char* label;
    };
    const Figure figures[] = {
        {admin::Thousands(d.total), ctx.tr("admin.sum.learners")},
        {admin::Thousands(completed) + " (" +
             admin::PercentText(d.total ? double(completed) / double(d.total) : 0) + ")",
         ctx.tr("admin.sum.completed")},
        {score_n ? admin::Decimal(score_sum / double(score_n)) : std::string("\xE2\x80\x93"),
         ctx.tr("admin.sum.final_avg")}};
    const float col_w = ImGui::GetContentRegionAvail().x / 3.0f;
    const float x0 = ImGui::GetCursorPosX();
    for (int i = 0; i < 3; ++i) {
        ImGui::SetCursorPosX(x0 + float(i) * col_w);
        ImGui::BeginGroup();
        ImGui::PushFont(ctx.fonts.normal.h3);
        ImGui::TextUnformatted(figures[i].value.c_str());
        ImGui::PopFont();
        Muted(ctx, figures[i].label);
        ImGui::EndGroup();
        if (i < 2) ImGui::SameLine();
    }
    ImGui::Dummy(ImVec2(0, 0.9f * em));

    // Completion per module.
    ImGui::PushFont(ctx.fonts.normal.bold);
    ImGui::TextUnformatted(ctx.tr("admin.chart.modules"));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    const ImU32 lulus = ctx.palette.accent, sedang = ctx.palette.callout_bar, belum = ctx.palette.border;
    const std::vector<LegendItem> legend{{ctx.tr("admin.module_status.lulus"), lulus},
                                         {ctx.tr("admin.module_status.sedang"), sedang},
                                         {ctx.tr("admin.module_status.belum"), belum}};
    std::vector<StackedBar> bars;
    for (const auto& m : d.modules) {
        const int64_t all = m.lulus + m.sedang + m.belum;
        bars.push_back({ModuleTitle(admin, m.module_id),
                        {{m.lulus, lulus}, {m.sedang, sedang}, {m.belum, belum}},
                        admin::PercentText(all ? double(m.lulus) / double(all) : 0.0)});
    }
    StackedBars("##modules", bars, legend, ctx.palette.text, ctx.palette.text_muted, 11.0f, 1.55f);
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    Legend(legend, ctx.palette.text_muted);
    ImGui::Dummy(ImVec2(0, 1.0f * em));

    // Final score distribution.
    ImGui::PushFont(ctx.fonts.normal.bold);
    ImGui::TextUnformatted(ctx.tr("admin.chart.scores"));
    ImGui::PopFont();
    Muted(ctx, ctx.tr
                   .Fmt("admin.chart.scores_note", {{"n", admin::Thousands(d.histogram.total())},
                                                    {"pass", admin::Decimal(ctx.course.pass_mark, 0)}})
                   .c_str());
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    Histogram("##scores", d.histogram.counts, d.histogram.lo, d.histogram.hi, ctx.palette.border,
              ctx.palette.accent, ctx.course.pass_mark, ctx.palette.text, ctx.palette.text_muted, 5.0f);
    ImGui::Dummy(ImVec2(0, 1.0f * em));

    // Per-instansi summary.
    ImGui::PushFont(ctx.fonts.normal.bold);
    ImGui::TextUnformatted(ctx.tr("admin.sum.per_instansi"));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    if (ImGui::BeginTable(
            "##instansi", 4,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(ctx.tr("admin.col.instansi"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ctx.tr("admin.sum.col_learners"), ImGuiTableColumnFlags_WidthFixed,
                                3.5f * em);
        ImGui::TableSetupColumn(ctx.tr("admin.sum.col_completed"), ImGuiTableColumnFlags_WidthFixed,
                                7.5f * em);
        ImGui::TableSetupColumn(ctx.tr("admin.sum.col_avg"), ImGuiTableColumnFlags_WidthFixed, 3.5f * em);
        ImGui::TableHeadersRow();
        for (const auto& s : d.instansi) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.instansi.empty() ? ctx.tr("admin.no_instansi") : s.instansi.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(admin::Thousands(s.learners).c_str());
            ImGui::TableNextColumn();
            InlineBar(float(s.completion_rate()), ctx.palette.accent, ctx.palette.border, 3.2f);
            ImGui::SameLine(0.0f, 0.4f * em);
            ImGui::TextUnformatted(admin::PercentText(s.completion_rate()).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(admin::ScoreText(s.average_final_score).c_str());
        }
        ImGui::EndTable();
    }
    if (!d.pin_resets.empty() && d.pin_resets != "[]") {
        ImGui::Dummy(ImVec2(0, 1.0f * em));
        ImGui::PushTextWrapPos(0.0f);
        Muted(ctx, ctx.tr.Fmt("admin.pin_resets", {{"log", d.pin_resets}}).c_str());
        ImGui::PopTextWrapPos();
    }
}

void DashboardScreen::DrawSelection(const ScreenContext& ctx, const AdminController& admin) {
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    if (selected_nip_.empty()) {
        Muted(ctx, ctx.tr("admin.select_hint"));
        return;
    }
    ImGui::TextUnformatted((selected_name_ + "  (" + selected_nip_ + ")").c_str());
    ImGui::SameLine(0.0f, 1.0f * em);
    if (!selected_completed_) {
        Muted(ctx, ctx.tr("admin.cert.not_completed"));
        return;
    }
    ImGui::SetNextItemWidth(24.0f * em);
    ImGui::InputText("##cert_path", certificate_path_, sizeof certificate_path_);
    ImGui::SameLine();
    const auto& status = admin.certificate_status();
    if (ActionButton(ctx.tr("admin.cert.save_one"), true, !status.running))
        ctx.intents.Push(AdminIntent{admin::SaveCertificate{selected_nip_, certificate_path_}});
    ImGui::SameLine(0.0f, 1.0f * em);
    if (status.running)
        Muted(ctx, ctx.tr("admin.working"));
    else if (!status.text.empty()) {
        ImGui::PushStyleColor(
            ImGuiCol_Text,
            ImGui::ColorConvertU32ToFloat4(status.ok ? ctx.palette.text_muted : ctx.palette.error_text));
        ImGui::TextUnformatted(status.text.c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace sinau::ui
