#include "ui/screens/item_analysis_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <numeric>

#include "engine/answer.hpp"
#include "engine/grading.hpp"
#include "ui/admin/admin_format.hpp"
#include "ui/screens/admin_nav.hpp"
#include "ui/widgets/charts.hpp"
#include "ui/widgets/layout.hpp"

namespace sinau::ui {
namespace {

using admin::AdminController;

void Muted(const ScreenContext& ctx, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.text_muted));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

const content::Question* FindQuestion(const content::Course& course, const std::string& module_id,
                                      const std::string& id) {
    if (const content::Module* m = course.FindModule(module_id))
        for (const auto& q : m->questions)
            if (q.id == id) return &q;
    return nullptr;
}

std::string OptionalPercent(const std::optional<double>& v) {
    return v ? admin::Decimal(*v, 0) + " %" : "\xE2\x80\x93";
}

// The flags of one question as short labels; `serious` ones are drawn in the error colour.
struct Flag {
    const char* key;
    bool serious;
};
std::vector<Flag> Flags(const reports::ItemStats& s) {
    std::vector<Flag> out;
    if (s.negative_discrimination) out.push_back({"admin.items.flag_negative", true});
    if (s.too_hard) out.push_back({"admin.items.flag_hard", true});
    if (s.too_easy) out.push_back({"admin.items.flag_easy", false});
    if (s.low_efficiency && !s.negative_discrimination) out.push_back({"admin.items.flag_low_eff", false});
    return out;
}

void DrawFlags(const ScreenContext& ctx, const reports::ItemStats& s, bool dash_when_none = true) {
    bool first = true;
    for (const auto& f : Flags(s)) {
        if (!first) ImGui::SameLine(0.0f, 0.5f * ImGui::GetFontSize());
        first = false;
        ImGui::PushStyleColor(
            ImGuiCol_Text,
            ImGui::ColorConvertU32ToFloat4(f.serious ? ctx.palette.error_text : ctx.palette.callout_label));
        ImGui::TextUnformatted(ctx.tr(f.key));
        ImGui::PopStyleColor();
    }
    if (first && dash_when_none) Muted(ctx, "\xE2\x80\x94");
}

bool AllDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "UU-7-2017-Ps-280" -> "UU 7/2017 Pasal 280", "UU-5-2014-Ps-2-f" -> "UU 5/2014 Pasal 2 huruf f"; other tags
// ("SKB", "Putusan-MK-41-PUU-XII") with their dashes as spaces.
std::string LegalTagText(const std::string& tag) {
    std::vector<std::string> parts;
    for (size_t start = 0;;) {
        const size_t dash = tag.find('-', start);
        parts.push_back(tag.substr(start, dash - start));
        if (dash == std::string::npos) break;
        start = dash + 1;
    }
    std::string out;
    size_t i = 0;
    if (parts.size() >= 3 && AllDigits(parts[1]) && AllDigits(parts[2]) && parts[2].size() == 4) {
        out = parts[0] + " " + parts[1] + "/" + parts[2];
        i = 3;
    } else {
        out = parts[0];
        i = 1;
    }
    for (; i < parts.size(); ++i) {
        const std::string& p = parts[i];
        if (p == "Ps")
            out += " Pasal";
        else if (p.size() == 1 && p[0] >= 'a' && p[0] <= 'z' && i > 0 && AllDigits(parts[i - 1]))
            out += " huruf " + p;
        else
            out += " " + p;
    }
    return out;
}

bool IsSourceTag(const std::string& tag) {
    return tag.rfind("seed-", 0) == 0;
}

// The question's legal-basis tags, readable; its webinar-source tags ("seed-S2") separately.
std::string LegalTags(const content::Question* q) {
    std::string out;
    if (q)
        for (const auto& t : q->tags)
            if (!IsSourceTag(t)) out += (out.empty() ? "" : "; ") + LegalTagText(t);
    return out;
}
std::string SourceTags(const content::Question* q) {
    std::string out;
    if (q)
        for (const auto& t : q->tags)
            if (IsSourceTag(t)) out += (out.empty() ? "" : ", ") + t.substr(5);
    return out;
}

// The stored answer JSON as the learner saw it ("B. Netral ..."), or the JSON when the question is gone.
std::string AnswerLabel(const content::Question* q, const std::string& json) {
    if (!q) return json;
    auto answer = engine::AnswerFromJson(json);
    return answer ? engine::AnswerText(*q, *answer) : json;
}

}  // namespace

void ItemAnalysisScreen::Draw(const ScreenContext& ctx, admin::AdminGate& gate,
                              const AdminController& admin) {
    BeginAdminPage("##items");
    if (!gate.Require(ctx)) {
        EndAdminPage();
        return;
    }
    AdminNav(ctx, gate);
    DrawControls(ctx, admin);
    const float em = ImGui::GetFontSize();
    const auto& data = admin.items();
    if (!data.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.error_text));
        ImGui::TextWrapped("%s", data.error.c_str());
        ImGui::PopStyleColor();
    }
    bool resort = false;
    if (data.results != seen_results_) {  // new figures: keep the sort, pick the first flagged question
        seen_results_ = data.results;
        order_.resize(data.stats.size());
        std::iota(order_.begin(), order_.end(), 0);
        resort = true;
        scroll_to_selected_ = true;
        selected_.clear();
        for (const auto& s : data.stats)
            if (!Flags(s).empty()) {
                selected_ = s.question_id;
                break;
            }
        if (selected_.empty() && !data.stats.empty()) selected_ = data.stats.front().question_id;
    }

    const float avail = ImGui::GetContentRegionAvail().y;
    const float table_h = std::max(8.0f * em, avail * 0.52f);
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_PadOuterX | ImGuiTableFlags_Resizable;
    if (ImGui::BeginTable("##item_table", 8, flags, ImVec2(0, table_h))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ctx.tr("admin.items.col_no"),
                                ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort,
                                2.2f * em);
        ImGui::TableSetupColumn(ctx.tr("admin.items.col_question"),
                                ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort, 3.0f);
        ImGui::TableSetupColumn(ctx.tr("admin.items.col_legal"),
                                ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort, 1.3f);
        ImGui::TableSetupColumn("s", ImGuiTableColumnFlags_WidthFixed, 3.0f * em);
        ImGui::TableSetupColumn(ctx.tr("admin.items.col_facility"), ImGuiTableColumnFlags_WidthFixed,
                                5.0f * em);
        ImGui::TableSetupColumn(ctx.tr("admin.items.col_discrimination"), ImGuiTableColumnFlags_WidthFixed,
                                6.2f * em);
        ImGui::TableSetupColumn(ctx.tr("admin.items.col_efficiency"), ImGuiTableColumnFlags_WidthFixed,
                                5.2f * em);
        ImGui::TableSetupColumn(ctx.tr("admin.items.col_flags"),
                                ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, 11.0f * em);
        ImGui::TableHeadersRow();
        ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
        if (specs && specs->SpecsDirty && specs->SpecsCount > 0) {
            sort_column_ = specs->Specs[0].ColumnIndex;
            sort_descending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
            specs->SpecsDirty = false;
            resort = true;
        }
        if (resort) {
            const auto& st = data.stats;
            auto key = [&](int i) -> double {
                const auto& s = st[size_t(i)];
                switch (sort_column_) {
                    case 3:
                        return double(s.s);
                    case 4:
                        return s.facility;
                    case 5:
                        return s.discrimination.value_or(-1e9);
                    case 6:
                        return s.efficiency.value_or(-1e9);
                    default:
                        return double(i);
                }
            };
            std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) {
                return sort_descending_ ? key(a) > key(b) : key(a) < key(b);
            });
        }
        for (int row : order_) {
            if (row >= int(data.stats.size())) continue;
            const auto& s = data.stats[size_t(row)];
            const content::Question* q = FindQuestion(ctx.course, data.options.module_id, s.question_id);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(row);
            char number[16];
            std::snprintf(number, sizeof number, "%d", row + 1);
            if (ImGui::Selectable(number, selected_ == s.question_id, ImGuiSelectableFlags_SpanAllColumns))
                selected_ = s.question_id;
            if (scroll_to_selected_ && selected_ == s.question_id) {  // the auto-picked question in view
                ImGui::SetScrollHereY(0.5f);
                scroll_to_selected_ = false;
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            std::string title = q ? (q->title.empty() ? q->stem : q->title) : s.question_id;
            title =
                title.substr(0, title.find('\n'));  // one line per row; the full text is in the detail pane
            ImGui::TextUnformatted(title.c_str());
            ImGui::TableNextColumn();
            Muted(ctx, LegalTags(q).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(admin::Thousands(s.s).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted((admin::Decimal(s.facility, 0) + " %").c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(OptionalPercent(s.discrimination).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(OptionalPercent(s.efficiency).c_str());
            ImGui::TableNextColumn();
            DrawFlags(ctx, s);
        }
        if (data.loaded && data.stats.empty() && !data.loading) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(1);
            Muted(ctx, ctx.tr("admin.items.none"));
        }
        ImGui::EndTable();
    }
    ImGui::Dummy(ImVec2(0, 0.6f * em));
    for (const auto& s : data.stats)
        if (s.question_id == selected_) DrawDetail(ctx, admin, s);
    EndAdminPage();
}

void ItemAnalysisScreen::DrawControls(const ScreenContext& ctx, const AdminController& admin) {
    const float em = ImGui::GetFontSize();
    const auto& modules = admin.course_info().modules;
    const auto& data = admin.items();
    reports::ItemAnalysisOptions options;
    options.attempts = all_attempts_ ? reports::AttemptSet::All : reports::AttemptSet::First;
    options.include_class_sessions = class_sessions_;
    if (use_dashboard_filter_) options.learners = admin.dashboard().filter;
    // First visit: count the flagged questions of every module, then open the one that needs most attention.
    if (module_.empty() && !modules.empty()) {
        if (!data.overview_loaded && !data.overview_loading)
            ctx.intents.Push(AdminIntent{admin::RunItemOverview{options}});
        if (data.overview_loaded) {
            module_ = modules.front().id;
            int most = 0;
            for (const auto& m : modules)
                if (auto it = data.flagged_by_module.find(m.id);
                    it != data.flagged_by_module.end() && it->second > most) {
                    most = it->second;
                    module_ = m.id;
                }
        }
    }
    auto label = [&](const content::ModuleInfo& m) {
        std::string text = m.title.empty() ? m.id : m.title;
        if (auto it = data.flagged_by_module.find(m.id); it != data.flagged_by_module.end() && it->second > 0)
            text += "  " + ctx.tr.Fmt("admin.items.flagged_count", {{"n", std::to_string(it->second)}});
        return text;
    };
    std::string current = module_;
    for (const auto& m : modules)
        if (m.id == module_) current = label(m);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.tr("admin.filter.module"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(28.0f * em);
    if (ImGui::BeginCombo("##module", current.c_str())) {
        for (const auto& m : modules)
            if (ImGui::Selectable(label(m).c_str(), m.id == module_)) module_ = m.id;
        ImGui::EndCombo();
    }
    ImGui::SameLine(0.0f, 1.5f * em);
    int attempts = all_attempts_ ? 1 : 0;
    ImGui::RadioButton(ctx.tr("admin.items.first_attempts"), &attempts, 0);
    ImGui::SameLine();
    ImGui::RadioButton(ctx.tr("admin.items.all_attempts"), &attempts, 1);
    all_attempts_ = attempts == 1;
    ImGui::SameLine(0.0f, 1.5f * em);
    ImGui::Checkbox(ctx.tr("admin.items.class_sessions"), &class_sessions_);
    ImGui::SameLine(0.0f, 1.5f * em);
    ImGui::Checkbox(ctx.tr("admin.items.dashboard_filter"), &use_dashboard_filter_);
    if (use_dashboard_filter_ && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", store::DescribeFilter(admin.dashboard().filter).c_str());

    options.module_id = module_;
    options.attempts = all_attempts_ ? reports::AttemptSet::All : reports::AttemptSet::First;
    options.include_class_sessions = class_sessions_;
    options.learners = use_dashboard_filter_ ? admin.dashboard().filter : store::LearnerFilter{};
    const auto& o = data.options;
    const store::LearnerFilter& a = o.learners;
    const store::LearnerFilter& b = options.learners;
    const bool same_filter = a.search == b.search && a.instansi == b.instansi && a.since == b.since &&
                             a.until == b.until && a.date_field == b.date_field &&
                             a.module_id == b.module_id && a.module_status == b.module_status &&
                             a.status == b.status;
    const bool changed = o.module_id != options.module_id || o.attempts != options.attempts ||
                         o.include_class_sessions != options.include_class_sessions || !same_filter;
    if (!options.module_id.empty() && (changed || (!data.loaded && !data.loading && data.error.empty())))
        ctx.intents.Push(AdminIntent{admin::RunItemAnalysis{options}});

    ImGui::Dummy(ImVec2(0, 0.4f * em));
    int flagged = 0;
    for (const auto& s : data.stats) flagged += Flags(s).empty() ? 0 : 1;
    std::string line = data.loading || (module_.empty() && !modules.empty())
                           ? std::string(ctx.tr("admin.loading"))
                           : ctx.tr.Fmt("admin.items.summary", {{"n", std::to_string(data.stats.size())},
                                                                {"flagged", std::to_string(flagged)},
                                                                {"ms", admin::Decimal(data.query_ms, 0)}});
    Muted(ctx, line.c_str());
    ImGui::PushTextWrapPos(0.0f);
    Muted(ctx, ctx.tr("admin.items.explain"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 0.4f * em));
}

void ItemAnalysisScreen::DrawDetail(const ScreenContext& ctx, const AdminController& admin,
                                    const reports::ItemStats& s) {
    const float em = ImGui::GetFontSize();
    const content::Question* q = FindQuestion(ctx.course, admin.items().options.module_id, s.question_id);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(ctx.palette.surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.9f * em, 0.6f * em));
    ImGui::BeginChild("##detail", ImVec2(0, 0), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    const float half = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + half - 1.0f * em);
    ImGui::PushFont(ctx.fonts.normal.bold);
    ImGui::TextUnformatted(q ? (q->title.empty() ? q->id : q->title).c_str() : s.question_id.c_str());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    ImGui::TextUnformatted(q ? (q->stem + (q->stem_after.empty() ? "" : " ____ " + q->stem_after)).c_str()
                             : ctx.tr("admin.items.question_gone"));
    ImGui::Dummy(ImVec2(0, 0.4f * em));
    if (const std::string legal = LegalTags(q); !legal.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.callout_label));
        ImGui::TextUnformatted((std::string(ctx.tr("admin.items.legal")) + ": " + legal).c_str());
        ImGui::PopStyleColor();
    }
    if (const std::string source = SourceTags(q); !source.empty())
        Muted(ctx, ctx.tr.Fmt("admin.items.source", {{"parts", source}}).c_str());
    if (q) {
        ImGui::Dummy(ImVec2(0, 0.3f * em));
        Muted(ctx,
              (std::string(ctx.tr("admin.items.right_answer")) + ": " + engine::RightAnswerText(*q)).c_str());
    }
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    DrawFlags(ctx, s, false);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    ImGui::SameLine(half);
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.normal.bold);
    ImGui::TextUnformatted(ctx.tr("admin.items.distribution"));
    ImGui::PopFont();
    if (ImGui::BeginTable("##answers", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn(ctx.tr("admin.items.col_answer"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ctx.tr("admin.items.col_chosen"), ImGuiTableColumnFlags_WidthFixed,
                                9.0f * em);
        ImGui::TableSetupColumn(ctx.tr("admin.items.col_mark"), ImGuiTableColumnFlags_WidthFixed, 4.0f * em);
        ImGui::TableHeadersRow();
        for (const auto& a : s.answers) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(AnswerLabel(q, a.answer).c_str());
            ImGui::PopTextWrapPos();
            ImGui::TableNextColumn();
            const ImU32 color = a.mean_mark >= 0.999 ? ctx.palette.accent
                                : a.mean_mark > 0.0  ? ctx.palette.callout_bar
                                                     : ctx.palette.error_text;
            InlineBar(float(a.frequency / 100.0), color, ctx.palette.border, 4.5f);
            ImGui::SameLine(0.0f, 0.4f * em);
            ImGui::TextUnformatted((admin::Decimal(a.frequency, 0) + " %").c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.mean_mark >= 0.999 ? ctx.tr("admin.items.right")
                                   : a.mean_mark > 0.0  ? admin::Decimal(a.mean_mark, 2).c_str()
                                                        : ctx.tr("admin.items.wrong"));
        }
        ImGui::EndTable();
    }
    ImGui::EndGroup();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace sinau::ui
