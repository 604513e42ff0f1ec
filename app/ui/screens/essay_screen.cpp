#include "ui/screens/essay_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/admin/admin_format.hpp"
#include "ui/screens/admin_nav.hpp"
#include "ui/widgets/layout.hpp"

namespace sinau::ui {
namespace {

void Muted(const ScreenContext& ctx, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.text_muted));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

void Label(const ScreenContext& ctx, const char* text) {
    ImGui::PushFont(ctx.fonts.normal.h3);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

const reports::UngradedEssay* Find(const admin::EssayData& data, const std::string& id) {
    for (const auto& e : data.list)
        if (e.response_id == id) return &e;
    return nullptr;
}

std::string Who(const reports::UngradedEssay& e) {
    std::string s = e.name.empty() ? std::string("(tanpa nama)") : e.name;
    if (!e.nip.empty()) s += " \xC2\xB7 " + e.nip;
    return s;
}

}  // namespace

void EssayScreen::Select(const reports::UngradedEssay& essay) {
    selected_ = essay.response_id;
    percent_ = 0;
    chosen_ = false;  // no grade until the trainer picks one: a stray click on "Simpan" must not give 0 %
    comment_[0] = '\0';
}

void EssayScreen::Draw(const ScreenContext& ctx, admin::AdminGate& gate,
                       const admin::AdminController& admin) {
    BeginAdminPage("##essays");
    if (!gate.Require(ctx)) {
        EndAdminPage();
        return;
    }
    AdminNav(ctx, gate);
    const auto& data = admin.essays();
    if (!data.loaded && !data.loading) ctx.intents.Push(AdminIntent{admin::LoadEssays{}});
    const float em = ImGui::GetFontSize();

    // Heading line: how many are waiting, and a refresh.
    ImGui::PushFont(ctx.fonts.normal.h2);
    ImGui::TextUnformatted(ctx.tr("records_ui.essay_title"));
    ImGui::PopFont();
    ImGui::SameLine(0.0f, 1.5f * em);
    ImGui::AlignTextToFramePadding();
    if (data.loading && !data.loaded)
        Muted(ctx, ctx.tr("admin.working"));
    else
        Muted(ctx, ctx.tr.Fmt("records_ui.essay_count", {{"n", admin::Thousands(data.total)}}).c_str());
    ImGui::SameLine(0.0f, 1.0f * em);
    if (ActionButton(ctx.tr("records_ui.essay_refresh"), false, !data.loading))
        ctx.intents.Push(AdminIntent{admin::LoadEssays{}});
    if (!data.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.error_text));
        ImGui::TextWrapped("%s", data.error.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Dummy(ImVec2(0, 0.3f * em));

    if (data.results != seen_results_) {  // a new list: keep the selection if it is still waiting
        seen_results_ = data.results;
        if (!Find(data, selected_)) {
            if (data.list.empty())
                selected_.clear();
            else
                Select(data.list.front());
        }
    }

    const float height = ImGui::GetContentRegionAvail().y;
    if (data.loaded && data.list.empty() && data.error.empty()) {
        ImGui::Dummy(ImVec2(0, 2.0f * em));
        Muted(ctx, ctx.tr("records_ui.essay_none"));
        EndAdminPage();
        return;
    }
    const float list_w = std::clamp(ImGui::GetContentRegionAvail().x * 0.36f, 18.0f * em, 30.0f * em);
    ImGui::BeginChild("##essay_list", ImVec2(list_w, height), false);
    DrawList(ctx, admin, height);
    ImGui::EndChild();
    ImGui::SameLine(0.0f, 1.0f * em);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(ctx.palette.surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.0f * em, 0.8f * em));
    ImGui::BeginChild("##essay_detail", ImVec2(0, height), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    if (const auto* e = Find(data, selected_))
        DrawDetail(ctx, admin, *e);
    else
        Muted(ctx, ctx.tr("records_ui.essay_pick"));
    ImGui::EndChild();
    ImGui::PopStyleColor();
    EndAdminPage();
}

void EssayScreen::DrawList(const ScreenContext& ctx, const admin::AdminController& admin, float height) {
    const auto& data = admin.essays();
    const float em = ImGui::GetFontSize();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##essay_table", 2, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ctx.tr("records_ui.essay_col_learner"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(ctx.tr("records_ui.essay_col_date"), ImGuiTableColumnFlags_WidthFixed, 5.5f * em);
    ImGui::TableHeadersRow();
    for (const auto& e : data.list) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(e.response_id.c_str());
        const bool selected = e.response_id == selected_;
        // Two lines per row: who, then which module (muted).
        if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, 2.2f * em)) &&
            !selected)
            Select(e);
        ImGui::SameLine(0.0f, 0.0f);
        ImGui::BeginGroup();
        ImGui::TextUnformatted(e.name.empty() ? "(tanpa nama)" : e.name.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.text_muted));
        ImGui::TextUnformatted((e.module_title.empty() ? e.module_id : e.module_title).c_str());
        ImGui::PopStyleColor();
        ImGui::EndGroup();
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(admin::ShortDayText(e.answered_at).c_str());
        ImGui::PopID();
    }
    if (data.total > int64_t(data.list.size())) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        Muted(ctx, ctx.tr
                       .Fmt("records_ui.essay_more",
                            {{"n", admin::Thousands(data.total - int64_t(data.list.size()))}})
                       .c_str());
    }
    ImGui::EndTable();
}

void EssayScreen::DrawDetail(const ScreenContext& ctx, const admin::AdminController& admin,
                             const reports::UngradedEssay& e) {
    const float em = ImGui::GetFontSize();
    ImGui::PushFont(ctx.fonts.normal.h3);
    ImGui::TextUnformatted(Who(e).c_str());
    ImGui::PopFont();
    std::string line = e.instansi.empty() ? std::string() : e.instansi + " \xC2\xB7 ";
    line += (e.module_title.empty() ? e.module_id : e.module_title) + " \xC2\xB7 " +
            admin::DayText(e.answered_at);
    if (!e.submitted) line += " \xC2\xB7 " + std::string(ctx.tr("records_ui.essay_open_attempt"));
    ImGui::PushTextWrapPos(0.0f);
    Muted(ctx, line.c_str());
    ImGui::Dummy(ImVec2(0, 0.5f * em));

    Label(ctx, ctx.tr("records_ui.essay_question"));
    ImGui::TextUnformatted(e.question_text.c_str());
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    Label(ctx, ctx.tr("records_ui.essay_answer"));
    ImGui::PopTextWrapPos();
    // The answer in its own scrolling box, so a long essay never pushes the grade controls off screen.
    const float controls_h = 10.5f * em;
    const float answer_h = std::max(4.0f * em, ImGui::GetContentRegionAvail().y - controls_h);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(ctx.palette.background));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.6f * em, 0.5f * em));
    ImGui::BeginChild("##answer", ImVec2(0, answer_h), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ImGui::PushTextWrapPos(0.0f);
    if (e.answer.empty())
        Muted(ctx, ctx.tr("records_ui.essay_empty_answer"));
    else
        ImGui::TextUnformatted(e.answer.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 0.4f * em));

    // Grade: quick steps and an exact value.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.tr("records_ui.essay_grade"));
    for (const int step : {0, 25, 50, 75, 100}) {
        ImGui::SameLine(0.0f, step == 0 ? 1.0f * em : 0.4f * em);
        char label[16];
        std::snprintf(label, sizeof label, "%d%%", step);
        if (ActionButton(label, chosen_ && percent_ == step, true, 3.5f)) {
            percent_ = step;
            chosen_ = true;
        }
    }
    ImGui::SameLine(0.0f, 1.0f * em);
    ImGui::SetNextItemWidth(9.0f * em);
    // Until a grade is picked the slider says what to do with it (its text is a format: no '%' in it).
    if (ImGui::SliderInt("##percent", &percent_, 0, 100,
                         chosen_ ? "%d%%" : ctx.tr("records_ui.essay_grade_unset"),
                         ImGuiSliderFlags_AlwaysClamp))
        chosen_ = true;
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    ImGui::TextUnformatted(ctx.tr("records_ui.essay_comment"));
    ImGui::InputTextMultiline("##comment", comment_, sizeof comment_, ImVec2(-1.0f, 3.2f * em));
    const auto& status = admin.essay_grade_status();
    if (ActionButton(ctx.tr("records_ui.essay_save"), true, chosen_ && !status.running, 8.0f))
        ctx.intents.Push(AdminIntent{admin::GiveEssayGrade{e.response_id, double(percent_), comment_}});
    ImGui::SameLine(0.0f, 1.0f * em);
    ImGui::AlignTextToFramePadding();
    if (status.running) {
        Muted(ctx, ctx.tr("admin.working"));
    } else if (!chosen_ && status.text.empty()) {
        Muted(ctx, ctx.tr("records_ui.essay_grade_needed"));  // why "Simpan nilai" is greyed out
    } else if (!status.text.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(
                                                 status.ok ? ctx.palette.text : ctx.palette.error_text));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(status.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

}  // namespace sinau::ui
