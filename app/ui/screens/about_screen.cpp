#include "ui/screens/about_screen.hpp"

#include <cstdio>
#include <string>

#include "ui/widgets/layout.hpp"
#include "ui/widgets/markdown_view.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {
namespace {

// "2023-05-25" -> "25 Mei 2023" / "25 May 2023"; anything else is shown as written.
std::string HumanDate(const std::string& iso, const std::string& language) {
    static const char* kId[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
    static const char* kEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                "July",    "August",   "September", "October", "November", "December"};
    int y = 0, m = 0, d = 0;
    if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
        return iso;
    return std::to_string(d) + " " + (language == "en" ? kEn : kId)[m - 1] + " " + std::to_string(y);
}

}  // namespace

void AboutScreen::Draw(const ScreenContext& ctx) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    ImGui::Dummy(ImVec2(1, 1.2f * em));
    const Column col = BeginColumn(42.0f, 1.5f * em);
    WrappedText(ctx.tr("about.heading"), f.h1, p.heading, col.width, 1.25f);
    ImGui::Dummy(ImVec2(1, 0.3f * em));

    const auto& pages = ctx.course.about.pages;
    if (pages.empty()) WrappedText(ctx.tr("about.empty"), f.regular, p.text_muted, col.width);
    MarkdownView view{f, p, ctx.tr, ctx.assets_dir, ctx.textures, col.width};
    for (std::size_t i = 0; i < pages.size(); ++i) {
        // The first page's title is generic (the screen heading already says "Tentang"); later
        // pages are the file's `##` sections.
        if (!pages[i].title.empty() && i > 0) WrappedText(pages[i].title, f.h2, p.heading, col.width, 1.3f);
        DrawBlocks(pages[i].blocks, view);
    }

    const auto& s = ctx.course.source;
    if (!s.who.empty() || !s.event.empty()) {
        ImGui::Dummy(ImVec2(1, 0.4f * em));
        WrappedText(ctx.tr("about.source"), f.h2, p.heading, col.width, 1.3f);
        const std::pair<const char*, std::string> rows[] = {
            {ctx.tr("about.who"), s.who},
            {ctx.tr("about.event"), s.event},
            {ctx.tr("about.where"), s.where},
            {ctx.tr("about.date"), HumanDate(s.date, ctx.tr.language())}};
        const ImGuiTableFlags flags =
            ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX | ImGuiTableFlags_NoSavedSettings;
        if (ImGui::BeginTable("##source", 2, flags, ImVec2(col.width, 0))) {
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, 9.0f * em);
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch);
            for (const auto& [label, value] : rows) {
                if (value.empty()) continue;
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                WrappedText(label, f.bold, p.text_muted, ImGui::GetContentRegionAvail().x);
                ImGui::TableSetColumnIndex(1);
                WrappedText(value, f.regular, p.text, ImGui::GetContentRegionAvail().x);
            }
            ImGui::EndTable();
        }
    }
    ImGui::Dummy(ImVec2(1, 0.8f * em));
    WrappedText(
        ctx.tr.Fmt("about.version", {{"course", ctx.course.version.empty() ? "-" : ctx.course.version},
                                     {"app", SINAU_VERSION}}),
        f.small, p.text_muted, col.width);
    ImGui::Dummy(ImVec2(1, 1.5f * em));
    EndColumn(col);
}

}  // namespace sinau::ui
