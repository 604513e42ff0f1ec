#include "ui/widgets/layout.hpp"

#include <algorithm>

namespace sinau::ui {

Column BeginColumn(float max_em, float margin_px) {
    Column c;
    const float avail = ImGui::GetContentRegionAvail().x;
    c.width = std::max(1.0f, std::min(avail - 2.0f * margin_px, max_em * ImGui::GetFontSize()));
    c.offset = std::max(0.0f, (avail - c.width) * 0.5f);
    if (c.offset > 0.0f) ImGui::Indent(c.offset);  // Indent(0) would indent by the default spacing
    return c;
}

void EndColumn(const Column& c) {
    if (c.offset > 0.0f) ImGui::Unindent(c.offset);
}

bool ActionButton(const char* label, bool primary, bool enabled, float min_width_em) {
    const ImGuiStyle& style = ImGui::GetStyle();
    if (!primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_FrameBg]);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, style.Colors[ImGuiCol_FrameBgHovered]);
        ImGui::PushStyleColor(ImGuiCol_Text, style.Colors[ImGuiCol_CheckMark]);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, style.FrameBorderSize));
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text,
                              ImGui::GetColorU32(ImGuiCol_CheckMark) == ImGui::GetColorU32(ImGuiCol_Button)
                                  ? style.Colors[ImGuiCol_WindowBg]
                                  : ImVec4(1, 1, 1, 1));
    }
    if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.4f);
    const float label_w = ImGui::CalcTextSize(label, nullptr, true).x + 2.0f * style.FramePadding.x;
    const float width = std::max(min_width_em * ImGui::GetFontSize(), label_w);
    bool clicked = ImGui::Button(label, ImVec2(width, 0.0f)) && enabled;
    if (!enabled) ImGui::PopStyleVar();
    if (!primary) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(3);
    } else {
        ImGui::PopStyleColor();
    }
    return clicked;
}

}  // namespace sinau::ui
