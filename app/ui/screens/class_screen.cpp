#include "ui/screens/class_screen.hpp"

#include <algorithm>

#include "ui/classroom/class_text.hpp"
#include "ui/platform/keys.hpp"
#include "ui/screens/admin_nav.hpp"
#include "ui/screens/class_widgets.hpp"
#include "ui/widgets/layout.hpp"

namespace sinau::ui {
namespace {

using classroom::Phase;

void Push(const ScreenContext& ctx, live::Action action) {
    ctx.intents.Push(ClassIntent{std::move(action)});
}
void Command(const ScreenContext& ctx, live::Command c) {
    Push(ctx, live::ClassCommand{c});
}

}  // namespace

void ClassScreen::Draw(const ScreenContext& ctx, admin::AdminGate& gate, const live::LiveView& view) {
    // A projected lobby or running class is not "idle" however long nobody touches the mouse.
    const bool presenting = view.live && view.trainer.phase != Phase::Ended;
    if (!gate.Require(ctx, presenting)) return;
    if (!view.live) {
        DrawSetup(ctx, gate, view);
        return;
    }
    const float em = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float bar_h = 3.4f * em;
    const float pad = 1.4f * em;
    const Area area{ImVec2(origin.x + pad, origin.y + 0.9f * pad),
                    ImVec2(origin.x + avail.x - pad, origin.y + avail.y - bar_h - 0.6f * pad)};
    switch (view.trainer.phase) {
        case Phase::Lobby:
            DrawJoin(ctx, view, area);
            break;
        case Phase::Question:
        case Phase::Paused:
            DrawQuestion(ctx, view, area);
            break;
        case Phase::Reveal:
            DrawReveal(ctx, view, area);
            break;
        case Phase::Ended:
            DrawEnded(ctx, view, area);
            break;
    }
    DrawControls(
        ctx, view,
        Area{ImVec2(origin.x, origin.y + avail.y - bar_h), ImVec2(origin.x + avail.x, origin.y + avail.y)});
    DrawEndConfirm(ctx);

    // A presenter's clicker sends PageDown/Right: it moves the class on where that is unambiguous
    // (lobby -> first question, reveal -> next question); it never closes a running question.
    const auto& t = view.trainer;
    const bool advance =
        platform::KeyPressed(platform::Key::PageDown) || platform::KeyPressed(platform::Key::Right);
    if (advance && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) &&
        ((t.phase == Phase::Lobby && t.participants > 0) || t.phase == Phase::Reveal))
        Command(ctx, live::Command::Next);
}

void ClassScreen::DrawControls(const ScreenContext& ctx, const live::LiveView& view, Area bar) {
    const auto& p = ctx.palette;
    const auto& t = view.trainer;
    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(bar.min, bar.max, p.surface);
    draw->AddLine(bar.min, ImVec2(bar.max.x, bar.min.y), p.border);

    // Left: where the class is, in one line the trainer reads at a glance.
    std::string status;
    if (t.phase == Phase::Lobby)
        status = ctx.tr.Fmt("class.status_lobby", {{"n", std::to_string(t.participants)}});
    else if (t.phase == Phase::Ended)
        status = ctx.tr("class.ended");
    else
        status = ctx.tr.Fmt("class.status_question", {{"n", std::to_string(t.current + 1)},
                                                      {"total", std::to_string(t.total)},
                                                      {"people", std::to_string(t.participants)}});
    status += "  \xC2\xB7  ";
    status += ctx.tr(view.speed_bonus ? "class.scoring_speed" : "class.scoring_accuracy");
    const float line_y = bar.min.y + (bar.h() - ImGui::GetFrameHeight()) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(bar.min.x + 1.2f * em, line_y));
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text_muted));
    ImGui::TextUnformatted(status.c_str());
    ImGui::PopStyleColor();
    // Lobby: which LAN address goes on the projector, when the PC has several (cable + Wi-Fi, hotspot).
    if (t.phase == Phase::Lobby && !view.loopback_only) {
        ImGui::SameLine(0.0f, 1.5f * em);
        if (view.addresses.size() > 1) {
            ImGui::TextUnformatted(ctx.tr("class.address"));
            ImGui::SameLine();
            ImGui::SetNextItemWidth(13.0f * em);
            if (ImGui::BeginCombo("##address", view.address.c_str())) {
                for (const auto& a : view.addresses) {
                    const std::string item = a.address + "  (" + a.interface + ")";
                    if (ImGui::Selectable(item.c_str(), a.address == view.address))
                        Push(ctx, live::ChooseAddress{a.address});
                }
                ImGui::EndCombo();
            }
            ImGui::SameLine();
        }
        if (ActionButton(ctx.tr("class.refresh"), false, true)) Push(ctx, live::RefreshAddresses{});
    }
    const std::string problem = !view.error.empty() ? view.error : view.refusal;
    if (!problem.empty()) {
        ImGui::SameLine(0.0f, 1.2f * em);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.error_text));
        ImGui::TextUnformatted(problem.c_str());
        ImGui::PopStyleColor();
    }

    // Right: the buttons of this phase, the main one last (rightmost, filled).
    struct Button {
        const char* label;
        bool primary;
        bool enabled;
        live::Command command;
        bool close = false;
    };
    std::vector<Button> buttons;
    const bool last = t.current + 1 >= t.total;
    switch (t.phase) {
        case Phase::Lobby:
            buttons.push_back({ctx.tr("class.end"), false, true, live::Command::End});
            buttons.push_back({ctx.tr("class.start_first"), true, t.participants > 0, live::Command::Next});
            break;
        case Phase::Question:
            buttons.push_back({ctx.tr("class.end"), false, true, live::Command::End});
            buttons.push_back({ctx.tr("class.skip"), false, true, live::Command::Skip});
            buttons.push_back({ctx.tr("class.pause"), false, true, live::Command::Pause});
            buttons.push_back({ctx.tr("class.reveal"), true, true, live::Command::Reveal});
            break;
        case Phase::Paused:
            buttons.push_back({ctx.tr("class.end"), false, true, live::Command::End});
            buttons.push_back({ctx.tr("class.skip"), false, true, live::Command::Skip});
            buttons.push_back({ctx.tr("class.reveal"), false, true, live::Command::Reveal});
            buttons.push_back({ctx.tr("class.resume"), true, true, live::Command::Resume});
            break;
        case Phase::Reveal:
            buttons.push_back({ctx.tr("class.end"), false, true, live::Command::End});
            buttons.push_back(
                {ctx.tr(last ? "class.finish" : "class.next"), true, true, live::Command::Next});
            break;
        case Phase::Ended:
            buttons.push_back({ctx.tr("class.close"), true, true, live::Command::End, true});
            break;
    }
    const float gap = 0.6f * em;
    const float min_w = 7.0f;
    float total = 0.0f;
    for (const auto& b : buttons)
        total +=
            std::max(min_w * em, ImGui::CalcTextSize(b.label).x + 2.0f * ImGui::GetStyle().FramePadding.x) +
            gap;
    ImGui::SetCursorScreenPos(ImVec2(bar.max.x - 1.2f * em - total + gap, line_y));
    for (size_t i = 0; i < buttons.size(); ++i) {
        const auto& b = buttons[i];
        if (i > 0) ImGui::SameLine(0.0f, gap);
        ImGui::PushID(int(i));
        if (ActionButton(b.label, b.primary, b.enabled, min_w)) {
            if (b.close)
                Push(ctx, live::CloseClass{});
            else if (b.command == live::Command::End)
                open_end_confirm_ = true;
            else
                Command(ctx, b.command);
        }
        ImGui::PopID();
    }
}

void ClassScreen::DrawEndConfirm(const ScreenContext& ctx) {
    const char* id = ctx.tr("class.end_title");
    if (open_end_confirm_) {
        ImGui::OpenPopup(id);
        open_end_confirm_ = false;
    }
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(26.0f * em, 0.0f));
    if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(ctx.tr("class.end_confirm"));
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(1, 0.8f * em));
        if (ActionButton(ctx.tr("class.end_yes"), true, true, 8.0f)) {
            Command(ctx, live::Command::End);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine(0.0f, 0.6f * em);
        if (ActionButton(ctx.tr("class.cancel"), false, true, 8.0f) ||
            platform::KeyPressed(platform::Key::Escape))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace sinau::ui
