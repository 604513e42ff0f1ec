#include "ui/screens/module_screen.hpp"

#include <algorithm>
#include <cfloat>

#include "ui/platform/keys.hpp"
#include "ui/widgets/layout.hpp"
#include "ui/widgets/markdown_view.hpp"
#include "ui/widgets/problems_panel.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {
namespace {

using platform::Key;
using platform::KeyPressed;

void GoToPage(const ScreenContext& ctx, int page) {
    ctx.intents.Push(Navigate{Route{ScreenId::Module, ctx.route.module, page}});
}

void HandleKeys(const ScreenContext& ctx, int page, int count) {
    if (ImGui::GetIO().WantTextInput) return;
    if ((KeyPressed(Key::Right) || KeyPressed(Key::PageDown)) && page + 1 < count) GoToPage(ctx, page + 1);
    if ((KeyPressed(Key::Left) || KeyPressed(Key::PageUp)) && page > 0) GoToPage(ctx, page - 1);
    if (KeyPressed(Key::Home) && page != 0) GoToPage(ctx, 0);
    if (KeyPressed(Key::End) && page != count - 1) GoToPage(ctx, count - 1);
    if (KeyPressed(Key::F5)) ctx.intents.Push(SetPresentation{!ctx.presenting});
    if (ctx.presenting && KeyPressed(Key::Escape)) ctx.intents.Push(SetPresentation{false});
}

void DrawObjectives(const ScreenContext& ctx, const content::Module& m, const FontSet& f, float width) {
    if (m.objectives.empty()) return;
    Callout(ctx.tr("reader.objectives"), ctx.palette.objectives_bg, ctx.palette.accent, ctx.palette.accent,
            f.bold, width, [&](float inner) {
                std::vector<content::Block> items;
                for (const auto& objective : m.objectives) {
                    content::Block item;
                    item.kind = content::BlockKind::ListItem;
                    item.spans.push_back({objective, content::kNormal, {}});
                    items.push_back(std::move(item));
                }
                DrawBlocks(items, MarkdownView{f, ctx.palette, ctx.tr, ctx.assets_dir, ctx.textures, inner});
            });
    ImGui::Dummy(ImVec2(1, 0.6f * f.regular->FontSize));
}

void DrawPage(const ScreenContext& ctx, const content::Module& m, int page, const FontSet& f, float width) {
    const auto& pg = m.reading.pages[std::size_t(page)];
    const float em = f.regular->FontSize;
    if (page > 0 || ctx.presenting) {
        WrappedText(m.title, f.small, ctx.palette.text_muted, width, 1.3f);
    }
    WrappedText(pg.title.empty() ? m.title : pg.title, f.h1, ctx.palette.heading, width, 1.2f);
    if (page == 0 && !ctx.presenting && m.minutes > 0)
        WrappedText(ctx.tr.Fmt("reader.minutes", {{"n", std::to_string(m.minutes)}}), f.small,
                    ctx.palette.text_muted, width);
    ImGui::Dummy(ImVec2(1, 0.6f * em));
    if (page == 0) DrawObjectives(ctx, m, f, width);
    MarkdownView view{f, ctx.palette, ctx.tr, ctx.assets_dir, ctx.textures, width};
    DrawBlocks(pg.blocks, view);
    ImGui::Dummy(ImVec2(1, 1.0f * em));
}

}  // namespace

void ModuleScreen::Draw(const ScreenContext& ctx) {
    const float em = ImGui::GetFontSize();
    const auto& p = ctx.palette;
    const content::Module* m = ctx.course.FindModule(ctx.route.module);
    if (!m || !m->ok() || m->reading.pages.empty()) {
        ImGui::Dummy(ImVec2(1, 1.5f * em));
        const Column col = BeginColumn(42.0f);
        if (ActionButton((std::string("\xE2\x86\x90  ") + ctx.tr("reader.back")).c_str(), false))
            ctx.intents.Push(Navigate{Route{ScreenId::Home, {}, 0}});
        ImGui::Dummy(ImVec2(1, 0.8f * em));
        if (!m) {
            WrappedText(ctx.tr.Fmt("reader.not_found", {{"id", ctx.route.module}}), ctx.fonts.normal.h3,
                        p.heading, col.width);
        } else if (!m->ok()) {
            WrappedText(m->title, ctx.fonts.normal.h1, p.heading, col.width);
            ProblemsPanel(ctx, m->errors, col.width);
        } else {
            WrappedText(m->title, ctx.fonts.normal.h1, p.heading, col.width);
            WrappedText(ctx.tr("reader.empty"), ctx.fonts.normal.regular, p.text_muted, col.width);
        }
        EndColumn(col);
        if (ctx.presenting && platform::KeyPressed(platform::Key::Escape))
            ctx.intents.Push(SetPresentation{false});
        return;
    }

    const int count = int(m->reading.pages.size());
    const int page = std::clamp(ctx.route.page, 0, count - 1);
    HandleKeys(ctx, page, count);
    const bool page_changed = shown_module_ != m->id || shown_page_ != page;
    shown_module_ = m->id;
    shown_page_ = page;

    const FontSet& f = ctx.presenting ? ctx.fonts.present : ctx.fonts.normal;
    const float footer_h = (ctx.presenting ? 2.6f : 4.0f) * em;

    // The page scrolls inside its own region so the footer with the page buttons stays put.
    ImGui::BeginChild("##page", ImVec2(0, -footer_h), false, ImGuiWindowFlags_NoNavInputs);
    if (page_changed) ImGui::SetScrollY(0.0f);
    ImGui::PushFont(f.regular);
    ImGui::Dummy(ImVec2(1, (ctx.presenting ? 0.8f : 1.4f) * f.regular->FontSize));
    // ~80 characters per line at the desk; on the projector the same page fills the width.
    const Column col = BeginColumn(ctx.presenting ? 44.0f : 42.0f, (ctx.presenting ? 3.0f : 1.5f) * em);
    DrawPage(ctx, *m, page, f, col.width);
    EndColumn(col);
    ImGui::PopFont();
    ImGui::EndChild();

    // Footer: a thin rule, then Sebelumnya | Halaman x dari y | Berikutnya.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    draw->AddLine(ImVec2(start.x, start.y), ImVec2(start.x + width, start.y), p.border, 1.0f);
    const std::string position =
        ctx.tr.Fmt("reader.position", {{"page", std::to_string(page + 1)}, {"total", std::to_string(count)}});
    const float button_h = ImGui::GetFrameHeight();
    const float y = start.y + (footer_h - button_h) * 0.5f;
    const float side = (ctx.presenting ? 1.0f : 2.0f) * em;

    if (!ctx.presenting) {
        ImGui::SetCursorScreenPos(ImVec2(start.x + side, y));
        if (ActionButton((std::string("\xE2\x86\x90  ") + ctx.tr("reader.prev")).c_str(), false, page > 0,
                         9.0f))
            GoToPage(ctx, page - 1);
        ImGui::SameLine();
        if (ActionButton(ctx.tr("reader.present"), false, true, 0.0f))
            ctx.intents.Push(SetPresentation{true});
    }

    // Position: centred text with a row of dots, one per page.
    ImFont* label_font = ctx.fonts.normal.bold;
    const ImVec2 label = label_font->CalcTextSizeA(label_font->FontSize, FLT_MAX, 0, position.c_str());
    const float dot = 0.32f * em, dot_gap = 0.55f * em;
    const float dots_w = float(count) * dot * 2 + float(count - 1) * dot_gap;
    const float cx = start.x + width * 0.5f;
    const float text_y = start.y + footer_h * 0.5f - (label.y + dot * 2 + 0.35f * em) * 0.5f;
    draw->AddText(label_font, label_font->FontSize, ImVec2(cx - label.x * 0.5f, text_y), p.text,
                  position.c_str());
    for (int i = 0; i < count; ++i) {
        const ImVec2 c(cx - dots_w * 0.5f + dot + float(i) * (dot * 2 + dot_gap),
                       text_y + label.y + 0.35f * em + dot);
        if (i == page)
            draw->AddCircleFilled(c, dot, p.accent);
        else
            draw->AddCircle(c, dot - 0.5f, p.text_muted, 0, 1.2f);
    }
    if (ctx.presenting) {
        const char* hint = ctx.tr("reader.present_hint");
        ImFont* small = ctx.fonts.normal.small;
        draw->AddText(small, small->FontSize,
                      ImVec2(start.x + side, start.y + (footer_h - small->FontSize) * 0.5f), p.text_muted,
                      hint);
    }

    const bool last = page + 1 >= count;
    const std::string next =
        last ? std::string(ctx.tr("reader.finish")) : std::string(ctx.tr("reader.next")) + "  \xE2\x86\x92";
    ImGui::SetCursorScreenPos(ImVec2(start.x + width - side - 9.0f * em, y));
    if (!ctx.presenting || !last) {
        if (ActionButton(next.c_str(), true, true, 9.0f)) {
            if (last)
                ctx.intents.Push(Navigate{Route{ScreenId::Home, {}, 0}});
            else
                GoToPage(ctx, page + 1);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + footer_h));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sinau::ui
