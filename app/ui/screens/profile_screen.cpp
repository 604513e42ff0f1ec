#include "ui/screens/profile_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/learning/learning_widgets.hpp"
#include "ui/learning/widget_dump.hpp"
#include "ui/widgets/layout.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {
namespace {

using learning::Gap;
using learning::MarkWidget;

void Push(const ScreenContext& ctx, learning::Action action) {
    ctx.intents.Push(LearningIntent{std::move(action)});
}

// "19880312 201503 2 001": the NIP in its groups (birth date, TMT, gender, sequence) reads at a glance.
std::string GroupedNip(const std::string& nip) {
    if (nip.size() != 18) return nip;
    return nip.substr(0, 8) + " " + nip.substr(8, 6) + " " + nip.substr(14, 1) + " " + nip.substr(15, 3);
}

// A labelled single-line field with the validator's message under it. Returns true on Enter.
bool Field(const ScreenContext& ctx, const char* id, const char* label, const char* help, std::string& value,
           const std::string& error, float width, bool focus) {
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    WrappedText(label, ctx.fonts.normal.bold, p.text, width, 1.4f);
    if (focus) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.5f * em, 0.45f * em));
    if (!error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(p.error_text));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
    }
    const bool enter = ImGui::InputText(id, &value, ImGuiInputTextFlags_EnterReturnsTrue);
    if (!error.empty()) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }
    ImGui::PopStyleVar();
    MarkWidget(std::string("profile.field.") + (id + 2));
    if (!error.empty()) {
        Gap(0.2f);
        WrappedText(error, ctx.fonts.normal.small, p.error_text, width, 1.35f);
    } else if (help && *help) {
        Gap(0.2f);
        WrappedText(help, ctx.fonts.normal.small, p.text_muted, width, 1.35f);
    }
    Gap(0.7f);
    return enter;
}

}  // namespace

void ProfileScreen::ClearForm() {
    name_.clear();
    nip_.clear();
    instansi_.clear();
    jabatan_.clear();
    editing_id_.clear();
    focus_name_ = true;
}

void ProfileScreen::Draw(const ScreenContext& ctx, const learning::LearningController& learning) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();

    // A save came back: on success the form empties (the controller already moved on to Beranda for a
    // new profile); on failure the messages stay under the fields and the typed text stays put.
    const auto& feedback = learning.profile_feedback();
    if (feedback.generation != seen_generation_) {
        seen_generation_ = feedback.generation;
        if (feedback.ok) ClearForm();
    }

    Gap(1.2f);
    const Column col = BeginColumn(62.0f, 1.5f * em);
    WrappedText(ctx.tr("profile.heading"), f.h1, p.heading, col.width, 1.25f);
    WrappedText(ctx.tr("profile.intro"), f.regular, p.text_muted, col.width);
    Gap(0.8f);
    if (!learning.available()) {
        learning::NoteBox(ctx, ctx.tr("profile.no_db_title"), ctx.tr("profile.no_db"), p.error_bg,
                          p.error_text, p.error_text, col.width);
        EndColumn(col);
        return;
    }
    if (!learning.error().empty()) {
        learning::NoteBox(ctx, ctx.tr("learn.error_title"), learning.error(), p.error_bg, p.error_text,
                          p.error_text, col.width);
        Gap(0.6f);
    }

    const float gap = 2.0f * em;
    const float right_w = std::min(24.0f * em, col.width * 0.42f);
    const float left_w = col.width - right_w - gap;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    DrawList(ctx, learning, left_w);
    ImGui::EndGroup();
    const float left_bottom = ImGui::GetItemRectMax().y;

    ImGui::SetCursorScreenPos(ImVec2(top.x + left_w + gap, top.y));
    ImGui::BeginGroup();
    ImGui::PushID("form");
    DrawForm(ctx, learning, right_w);
    ImGui::PopID();
    Gap(1.2f);
    ImGui::PushID("import");
    DrawImport(ctx, learning, right_w);
    ImGui::PopID();
    ImGui::EndGroup();
    const float right_bottom = ImGui::GetItemRectMax().y;

    ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(left_bottom, right_bottom)));
    Gap(1.5f);
    EndColumn(col);
}

void ProfileScreen::DrawList(const ScreenContext& ctx, const learning::LearningController& learning,
                             float width) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    const auto& people = learning.learners();
    WrappedText(ctx.tr.Fmt("profile.list_heading", {{"n", std::to_string(people.size())}}), f.h3, p.heading,
                width, 1.3f);
    Gap(0.4f);
    if (people.empty()) {
        WrappedText(ctx.tr("profile.list_empty"), f.regular, p.text_muted, width);
        ImGui::Dummy(ImVec2(width, 0));
        return;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float pad = 0.9f * em;
    for (const auto& person : people) {
        ImGui::PushID(person.id.c_str());
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const bool current = learning.learner() && learning.learner()->id == person.id;
        const bool confirming = confirm_remove_id_ == person.id;
        draw->ChannelsSplit(2);
        draw->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(a.x + pad, a.y + pad));
        ImGui::BeginGroup();
        const float inner = width - 2 * pad;
        WrappedText(person.profile.name, f.h3, p.heading, inner, 1.3f);
        std::string meta = "NIP " + GroupedNip(person.profile.nip);
        WrappedText(meta, f.small, p.text_muted, inner, 1.4f);
        std::string where = person.profile.instansi;
        if (!person.profile.jabatan.empty()) where = person.profile.jabatan + "  \xC2\xB7  " + where;
        WrappedText(where, f.regular, p.text, inner, 1.4f);
        Gap(0.5f);
        if (confirming) {
            WrappedText(ctx.tr.Fmt("profile.remove_confirm", {{"name", person.profile.name}}), f.bold,
                        p.error_text, inner, 1.4f);
            WrappedText(ctx.tr("profile.remove_keeps"), f.small, p.text_muted, inner, 1.4f);
            Gap(0.4f);
            if (ActionButton(ctx.tr("profile.remove_yes"), true)) {
                Push(ctx, learning::RemoveLearner{person.id});
                confirm_remove_id_.clear();
                if (editing_id_ == person.id) ClearForm();
            }
            ImGui::SameLine();
            if (ActionButton(ctx.tr("profile.cancel"), false)) confirm_remove_id_.clear();
        } else {
            if (ActionButton(ctx.tr("profile.enter"), true, true, 7.0f))
                Push(ctx, learning::SelectLearner{person.id});
            ImGui::SameLine();
            if (ActionButton(ctx.tr("profile.edit"), false)) {
                editing_id_ = person.id;
                name_ = person.profile.name;
                nip_ = person.profile.nip;
                instansi_ = person.profile.instansi;
                jabatan_ = person.profile.jabatan;
                focus_name_ = true;
            }
            ImGui::SameLine();
            if (ActionButton(ctx.tr("profile.remove"), false)) confirm_remove_id_ = person.id;
        }
        ImGui::EndGroup();
        const float bottom = ImGui::GetItemRectMax().y + pad;
        draw->ChannelsSetCurrent(0);
        const float r = 0.5f * em;
        draw->AddRectFilled(a, ImVec2(a.x + width, bottom), p.surface, r);
        draw->AddRect(a, ImVec2(a.x + width, bottom), current ? p.accent : p.border, r, 0,
                      current ? 2.0f : 1.0f);
        draw->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(a.x, bottom + 0.8f * em));
        ImGui::Dummy(ImVec2(width, 0));
        ImGui::PopID();
    }
}

void ProfileScreen::DrawForm(const ScreenContext& ctx, const learning::LearningController& learning,
                             float width) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const auto& fb = learning.profile_feedback();
    // Messages belong to the profile they were given for; an edit started since shows none.
    const bool show = fb.generation == seen_generation_ && !fb.ok;
    static const std::string kNone;
    using learners::ProfileField;
    auto message = [&](ProfileField field) -> const std::string& { return show ? fb.Message(field) : kNone; };
    WrappedText(editing_id_.empty() ? ctx.tr("profile.new_heading") : ctx.tr("profile.edit_heading"), f.h3,
                p.heading, width, 1.3f);
    Gap(0.5f);
    bool enter = false;
    enter |= Field(ctx, "##name", ctx.tr("profile.name"), "", name_, message(ProfileField::Name), width,
                   focus_name_);
    focus_name_ = false;
    enter |= Field(ctx, "##nip", ctx.tr("profile.nip"), ctx.tr("profile.nip_help"), nip_,
                   message(ProfileField::Nip), width, false);
    enter |= Field(ctx, "##instansi", ctx.tr("profile.instansi"), "", instansi_,
                   message(ProfileField::Instansi), width, false);
    enter |= Field(ctx, "##jabatan", ctx.tr("profile.jabatan"), ctx.tr("profile.jabatan_help"), jabatan_,
                   message(ProfileField::Jabatan), width, false);
    if (show && !fb.general.empty()) {
        WrappedText(fb.general, f.small, p.error_text, width, 1.35f);
        Gap(0.4f);
    }
    const bool save = ActionButton(ctx.tr("profile.save"), true, true, 9.0f);
    if (save || enter) Push(ctx, learning::SaveProfile{editing_id_, {name_, nip_, instansi_, jabatan_}});
    if (!editing_id_.empty()) {
        ImGui::SameLine();
        if (ActionButton(ctx.tr("profile.cancel"), false)) ClearForm();
    }
}

void ProfileScreen::DrawImport(const ScreenContext& ctx, const learning::LearningController& learning,
                               float width) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 rule = ImGui::GetCursorScreenPos();
    draw->AddLine(rule, ImVec2(rule.x + width, rule.y), p.border, 1.0f);
    Gap(0.9f);
    WrappedText(ctx.tr("profile.import_heading"), f.h3, p.heading, width, 1.3f);
    WrappedText(ctx.tr("profile.import_help"), f.small, p.text_muted, width, 1.4f);
    Gap(0.4f);
    const float button_w = 6.0f * em;
    ImGui::SetNextItemWidth(width - button_w - ImGui::GetStyle().ItemSpacing.x);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.5f * em, 0.45f * em));
    const bool enter = ImGui::InputTextWithHint("##path", ctx.tr("profile.import_hint"), &roster_path_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopStyleVar();
    MarkWidget("profile.import.path");
    ImGui::SameLine();
    const bool go = ActionButton(ctx.tr("profile.import_go"), false, !roster_path_.empty(), 6.0f);
    if ((go || enter) && !roster_path_.empty()) Push(ctx, learning::ImportRoster{roster_path_});
    Gap(0.5f);

    if (!learning.roster_error().empty()) {
        WrappedText(learning.roster_error(), f.small, p.error_text, width, 1.4f);
        return;
    }
    const auto& report = learning.roster_report();
    if (!report) return;
    const int accepted = report->added + report->updated + report->unchanged;
    WrappedText(ctx.tr.Fmt("profile.import_result", {{"ok", std::to_string(accepted)},
                                                     {"rejected", std::to_string(report->rejected)}}),
                f.bold, report->rejected ? learning::WarningText(p) : learning::SuccessText(p), width, 1.4f);
    WrappedText(ctx.tr.Fmt("profile.import_detail", {{"added", std::to_string(report->added)},
                                                     {"updated", std::to_string(report->updated)},
                                                     {"unchanged", std::to_string(report->unchanged)}}),
                f.small, p.text_muted, width, 1.4f);
    int shown = 0;
    for (const auto& row : report->rows) {
        if (row.outcome != learners::RowOutcome::Rejected) continue;
        if (++shown > 12) {
            WrappedText(ctx.tr.Fmt("profile.import_more", {{"n", std::to_string(report->rejected - 12)}}),
                        f.small, p.text_muted, width, 1.4f);
            break;
        }
        Gap(0.25f);
        WrappedText(
            ctx.tr.Fmt("profile.import_row", {{"row", std::to_string(row.row)}, {"reason", row.reason}}),
            f.small, p.error_text, width, 1.4f);
    }
}

}  // namespace sinau::ui
