#include "ui/widgets/problems_panel.hpp"

#include "ui/widgets/markdown_view.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {

void ProblemsPanel(const ScreenContext& ctx, const Diagnostics& problems, float width) {
    if (problems.empty()) return;
    const auto& f = ctx.fonts.normal;
    Callout(ctx.tr("problems.title"), ctx.palette.error_bg, ctx.palette.error_text, ctx.palette.error_text,
            f.bold, width, [&](float inner) {
                WrappedText(ctx.tr("problems.help"), f.regular, ctx.palette.text, inner);
                ImGui::Dummy(ImVec2(1, 0.2f * ImGui::GetFontSize()));
                for (const auto& d : problems)
                    WrappedText(d.Format(), f.small, ctx.palette.error_text, inner, 1.35f);
            });
}

}  // namespace sinau::ui
