#include "ui/widgets/header_bar.hpp"

#include <cfloat>

namespace sinau::ui {
namespace {

bool Tab(const char* label, bool active, const ScreenContext& ctx, ImVec2 pos, float height,
         float* width_out) {
    ImFont* font = ctx.fonts.normal.bold;
    const float em = font->FontSize;
    const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label);
    const float width = text.x + 2.0f * em;
    *width_out = width;
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushID(label);
    const bool clicked = ImGui::InvisibleButton("##tab", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 a(pos.x, pos.y + 0.55f * em), b(pos.x + width, pos.y + height - 0.55f * em);
    if (active) {
        draw->AddRectFilled(a, b, ctx.palette.header_active, 0.35f * em);
    } else if (hovered) {
        draw->AddRect(a, b, ctx.palette.header_text, 0.35f * em, 0, 1.0f);
    }
    const ImU32 color = active ? ctx.palette.accent_text : ctx.palette.header_text;
    draw->AddText(font, font->FontSize, ImVec2(pos.x + em, pos.y + (height - text.y) * 0.5f), color, label);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

}  // namespace

float HeaderBar(const ScreenContext& ctx) {
    const float em = ImGui::GetFontSize();
    const float height = 3.3f * em;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowWidth();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), ctx.palette.header_bg);
    if (ctx.palette.header_bg == ctx.palette.background)  // high contrast: a visible edge
        draw->AddLine(ImVec2(origin.x, origin.y + height - 1),
                      ImVec2(origin.x + width, origin.y + height - 1), ctx.palette.border, 2.0f);

    // App mark + course title. The title is the course's own (Indonesian) text.
    ImFont* title_font = ctx.fonts.normal.h3;
    ImFont* small = ctx.fonts.normal.small;
    const float left = origin.x + 1.5f * em;
    const char* app_name = ctx.tr("app.name");
    const float mark = 2.0f * em;
    const ImVec2 mark_pos(left, origin.y + (height - mark) * 0.5f);
    draw->AddRectFilled(mark_pos, ImVec2(mark_pos.x + mark, mark_pos.y + mark), ctx.palette.header_active,
                        0.4f * em);
    const char* initial = "S";
    const ImVec2 initial_size =
        ctx.fonts.normal.h2->CalcTextSizeA(ctx.fonts.normal.h2->FontSize, FLT_MAX, 0, initial);
    draw->AddText(
        ctx.fonts.normal.h2, ctx.fonts.normal.h2->FontSize,
        ImVec2(mark_pos.x + (mark - initial_size.x) * 0.5f, mark_pos.y + (mark - initial_size.y) * 0.5f),
        ctx.palette.accent_text, initial);

    const std::string& title =
        ctx.course.title.empty() ? std::string(ctx.tr("course.untitled")) : ctx.course.title;
    const float text_x = mark_pos.x + mark + 0.8f * em;
    const float block_h = title_font->FontSize + small->FontSize * 1.1f;
    const float top = origin.y + (height - block_h) * 0.5f;
    draw->AddText(small, small->FontSize, ImVec2(text_x, top), ctx.palette.header_text,
                  (std::string(app_name) + "  \xC2\xB7  " + ctx.tr("app.tagline")).c_str());
    // Leave room for the tabs on the right; clip the title if the window is narrow.
    const float tabs_room = 34.0f * em;  // four tabs incl. "Pelatih & Admin"
    draw->PushClipRect(ImVec2(text_x, origin.y), ImVec2(origin.x + width - tabs_room, origin.y + height),
                       true);
    draw->AddText(title_font, title_font->FontSize, ImVec2(text_x, top + small->FontSize * 1.1f),
                  ctx.palette.header_text, title.c_str());
    draw->PopClipRect();

    // Tabs, right-aligned: measure first, then draw.
    struct TabDef {
        const char* label;
        ScreenId screen;
    };
    const TabDef tabs[] = {
        {ctx.tr("nav.home"), ScreenId::Home},
        {ctx.tr("nav.settings"), ScreenId::Settings},
        {ctx.tr("nav.about"), ScreenId::About},
        {ctx.tr("admin.header_tab"), ScreenId::Dashboard}};  // trainer area (behind the PIN)
    float total = 0.0f;
    for (const auto& t : tabs)
        total += ctx.fonts.normal.bold->CalcTextSizeA(em, FLT_MAX, 0, t.label).x + 2.0f * em + 0.3f * em;
    float x = origin.x + width - 1.2f * em - total;
    for (const auto& t : tabs) {
        const bool active = ctx.route.screen == t.screen ||
                            (t.screen == ScreenId::Home && ctx.route.screen == ScreenId::Module) ||
                            (t.screen == ScreenId::Dashboard && (ctx.route.screen == ScreenId::ItemAnalysis ||
                                                                 ctx.route.screen == ScreenId::AdminData ||
                                                                 ctx.route.screen == ScreenId::Essays));
        float w = 0.0f;
        if (Tab(t.label, active, ctx, ImVec2(x, origin.y), height, &w))
            ctx.intents.Push(Navigate{Route{t.screen, {}, 0}});
        x += w + 0.3f * em;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    ImGui::Dummy(ImVec2(width, 0.0f));
    return height;
}

}  // namespace sinau::ui
