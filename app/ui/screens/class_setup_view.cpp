// The class setup (no session yet): which module, which of its questions, time per question, scoring.
// Drawn at the trainer's desk in the normal fonts, inside the trainer area's frame (AdminNav).
#include <imgui.h>

#include <algorithm>

#include "classroom/question.hpp"
#include "ui/screens/admin_nav.hpp"
#include "ui/screens/class_screen.hpp"
#include "ui/widgets/layout.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {
namespace {

constexpr int kSecondChoices[] = {10, 15, 20, 30, 45, 60, 90};

std::string OneLine(std::string text, size_t max_bytes) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (text.size() <= max_bytes) return text;
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;  // not inside a UTF-8 char
    return text.substr(0, cut) + "\xE2\x80\xA6";
}

}  // namespace

const std::vector<ClassScreen::PlayableQuestion>& ClassScreen::Questions(const content::Module& module) {
    auto it = questions_.find(module.id);
    if (it != questions_.end()) return it->second;
    std::vector<PlayableQuestion> list;
    for (const auto& q : module.questions) {
        PlayableQuestion pq;
        pq.id = q.id;
        if (auto cq = classroom::ToClassQuestion(q)) {
            pq.text = OneLine(cq->text, 110);
        } else {
            pq.text = OneLine(q.title.empty() ? q.stem : q.title, 110);
            pq.kind = std::string(content::TypeName(q.type));
        }
        list.push_back(std::move(pq));
    }
    std::vector<char> checked;
    for (const auto& pq : list) checked.push_back(pq.kind.empty() ? 1 : 0);
    picked_[module.id] = std::move(checked);
    return questions_.emplace(module.id, std::move(list)).first->second;
}

void ClassScreen::DrawSetup(const ScreenContext& ctx, admin::AdminGate& gate, const live::LiveView& view) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    BeginAdminPage("##class_setup");
    AdminNav(ctx, gate);
    const float em = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;

    WrappedText(ctx.tr("class.title"), f.h2, p.heading, width, 1.3f);
    WrappedText(ctx.tr("class.setup_intro"), f.regular, p.text_muted, width);
    ImGui::Dummy(ImVec2(1, 0.7f * em));
    // Opening the class area looks for a session the app left unfinished (the query runs after the frame).
    if (!view.unfinished_scanned) ctx.intents.Push(ClassIntent{live::ScanUnfinished{}});
    DrawUnfinished(ctx, view, width);

    const auto& modules = ctx.course.modules;
    if (modules.empty()) {
        WrappedText(ctx.tr("class.no_modules"), f.regular, p.text, width);
        EndAdminPage();
        return;
    }
    const content::Module* module = nullptr;
    for (const auto& m : modules)
        if (m.id == module_id_) module = &m;
    if (!module) {
        module = &modules.front();
        module_id_ = module->id;
    }

    const float left_w = std::min(27.0f * em, width * 0.42f);
    const float right_w = width - left_w - 1.5f * em;
    const float bottom_h = 0.5f * em;
    const float height = ImGui::GetContentRegionAvail().y - bottom_h;

    // ---- left: module, time, scoring, start ----
    ImGui::BeginChild("##class_left", ImVec2(left_w, height), false);
    ImGui::PushFont(f.h3);
    ImGui::TextUnformatted(ctx.tr("class.module"));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(1, 0.3f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.35f * em));
    for (size_t i = 0; i < modules.size(); ++i) {
        const auto& m = modules[i];
        const auto& qs = Questions(m);
        const int playable = int(
            std::count_if(qs.begin(), qs.end(), [](const PlayableQuestion& q) { return q.kind.empty(); }));
        const std::string label = std::to_string(i + 1) + ". " + (m.title.empty() ? m.id : m.title) + "  (" +
                                  ctx.tr.Fmt("class.playable", {{"n", std::to_string(playable)}}) + ")";
        ImGui::PushID(int(i));
        if (!m.ok() || playable == 0) ImGui::BeginDisabled();
        if (ImGui::RadioButton(label.c_str(), m.id == module_id_)) module_id_ = m.id;
        if (!m.ok() || playable == 0) ImGui::EndDisabled();
        ImGui::PopID();
    }
    ImGui::PopStyleVar();
    ImGui::Dummy(ImVec2(1, 0.8f * em));

    ImGui::PushFont(f.h3);
    ImGui::TextUnformatted(ctx.tr("class.seconds"));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(1, 0.3f * em));
    ImGui::SetNextItemWidth(10.0f * em);
    const std::string current = ctx.tr.Fmt("class.seconds_value", {{"n", std::to_string(seconds_)}});
    if (ImGui::BeginCombo("##seconds", current.c_str())) {
        for (int s : kSecondChoices) {
            const std::string item = ctx.tr.Fmt("class.seconds_value", {{"n", std::to_string(s)}});
            if (ImGui::Selectable(item.c_str(), s == seconds_)) seconds_ = s;
        }
        ImGui::EndCombo();
    }
    ImGui::Dummy(ImVec2(1, 0.8f * em));

    ImGui::PushFont(f.h3);
    ImGui::TextUnformatted(ctx.tr("class.scoring"));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(1, 0.3f * em));
    ImGui::Checkbox(ctx.tr("class.speed_bonus"), &speed_bonus_);
    ImGui::Dummy(ImVec2(1, 0.2f * em));
    WrappedText(ctx.tr(speed_bonus_ ? "class.speed_help_on" : "class.speed_help_off"), f.small, p.text_muted,
                left_w - 1.0f * em);
    ImGui::Dummy(ImVec2(1, 1.0f * em));

    const auto& qs = Questions(*module);
    auto& checked = picked_[module->id];
    std::vector<std::string> ids;
    for (size_t i = 0; i < qs.size(); ++i)
        if (checked[i] && qs[i].kind.empty()) ids.push_back(qs[i].id);
    const std::string start = ctx.tr.Fmt("class.start", {{"n", std::to_string(ids.size())}});
    const bool ready = !ids.empty() && module->ok();
    if (ActionButton(start.c_str(), true, ready, 14.0f)) {
        // All playable questions picked = the module's bank in order; otherwise the trainer's choice.
        const size_t playable = size_t(
            std::count_if(qs.begin(), qs.end(), [](const PlayableQuestion& q) { return q.kind.empty(); }));
        live::StartClass s{module->id, ids.size() == playable ? std::vector<std::string>{} : ids, seconds_,
                           speed_bonus_};
        ctx.intents.Push(ClassIntent{s});
    }
    ImGui::Dummy(ImVec2(1, 0.5f * em));
    if (!ready) WrappedText(ctx.tr("class.no_question_selected"), f.small, p.text_muted, left_w - 1.0f * em);
    if (!view.error.empty()) WrappedText(view.error, f.regular, p.error_text, left_w - 1.0f * em);
    ImGui::EndChild();

    // ---- right: the module's questions as a checklist ----
    ImGui::SameLine(0.0f, 1.5f * em);
    ImGui::BeginChild("##class_right", ImVec2(right_w, height), false);
    ImGui::PushFont(f.h3);
    ImGui::TextUnformatted(
        ctx.tr
            .Fmt("class.questions", {{"n", std::to_string(ids.size())}, {"total", std::to_string(qs.size())}})
            .c_str());
    ImGui::PopFont();
    ImGui::SameLine(0.0f, 1.0f * em);
    if (ActionButton(ctx.tr("class.select_all"), false, true))
        for (size_t i = 0; i < qs.size(); ++i) checked[i] = qs[i].kind.empty();
    ImGui::SameLine(0.0f, 0.4f * em);
    if (ActionButton(ctx.tr("class.select_none"), false, true)) std::fill(checked.begin(), checked.end(), 0);
    ImGui::Dummy(ImVec2(1, 0.4f * em));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(p.surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.6f * em, 0.5f * em));
    ImGui::BeginChild("##class_questions", ImVec2(0, 0), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.3f * em));
    for (size_t i = 0; i < qs.size(); ++i) {
        const auto& q = qs[i];
        ImGui::PushID(int(i));
        std::string label = std::to_string(i + 1) + ". " + q.text;
        if (!q.kind.empty()) label += "  " + ctx.tr.Fmt("class.not_playable", {{"type", q.kind}});
        bool on = checked[i] != 0;
        if (!q.kind.empty()) ImGui::BeginDisabled();
        if (ImGui::Checkbox(label.c_str(), &on)) checked[i] = on ? 1 : 0;
        if (!q.kind.empty()) ImGui::EndDisabled();
        ImGui::PopID();
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::EndChild();
    EndAdminPage();
}

}  // namespace sinau::ui
