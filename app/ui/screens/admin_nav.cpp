#include "ui/screens/admin_nav.hpp"

#include "ui/widgets/layout.hpp"

namespace sinau::ui {

void BeginAdminPage(const char* id) {
    const float em = ImGui::GetFontSize();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.2f * em, 0.6f * em));
    ImGui::BeginChild(id, ImVec2(0, 0), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
}

void EndAdminPage() {
    ImGui::EndChild();
}

void AdminNav(const ScreenContext& ctx, admin::AdminGate& gate) {
    const float em = ImGui::GetFontSize();
    ImGui::PushFont(ctx.fonts.normal.h3);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.tr("admin.title"));
    ImGui::PopFont();
    ImGui::SameLine(0.0f, 2.0f * em);
    struct Tab {
        const char* label;
        ScreenId screen;
    };
    const Tab tabs[] = {{ctx.tr("admin.tab.learners"), ScreenId::Dashboard},
                        {ctx.tr("admin.tab.items"), ScreenId::ItemAnalysis},
                        {ctx.tr("records_ui.essay_tab"), ScreenId::Essays},
                        {ctx.tr("admin.tab.data"), ScreenId::AdminData},
                        {ctx.tr("class.title"), ScreenId::Class}};  // live class (issue 7, screens/class_*)
    for (const auto& t : tabs) {
        const bool active = ctx.route.screen == t.screen;
        if (ActionButton(t.label, active, true, 7.0f) && !active)
            ctx.intents.Push(Navigate{Route{t.screen, {}, 0}});
        ImGui::SameLine(0.0f, 0.4f * em);
    }
    const float lock_w =
        ImGui::CalcTextSize(ctx.tr("admin.gate.lock")).x + 2.0f * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - std::max(lock_w, 6.0f * em));
    if (ActionButton(ctx.tr("admin.gate.lock"), false, true, 6.0f)) gate.Lock();
    ImGui::Dummy(ImVec2(0, 0.6f * em));
}

}  // namespace sinau::ui
