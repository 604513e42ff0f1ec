// A class the app left unfinished (crash, power loss, kill -9), offered on the class setup screen:
// what it was (module, when it started, how many joined, which question it reached) with "Lanjutkan
// sesi kelas" (Classroom::Resume, the same core path as `sinau class serve --resume`) or "Akhiri sesi
// itu" (after a confirmation: marked ended, answers kept). Drawn at the trainer's desk in normal fonts.
#include <imgui.h>

#include "ui/classroom/class_text.hpp"
#include "ui/platform/keys.hpp"
#include "ui/screens/class_screen.hpp"
#include "ui/widgets/layout.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {

void ClassScreen::DrawUnfinished(const ScreenContext& ctx, const live::LiveView& view, float width) {
    if (view.unfinished.empty()) return;
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    const float pad = 0.9f * em;

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);  // the card's background goes under content whose height is known only after
    draw->ChannelsSetCurrent(1);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(top.x + pad, top.y + pad));
    ImGui::BeginGroup();
    const float inner = width - 2.0f * pad;
    WrappedText(ctx.tr("class.unfinished_title"), f.h3, p.heading, inner, 1.3f);
    WrappedText(ctx.tr("class.unfinished_intro"), f.regular, p.text_muted, inner);
    // Several only after several crashes; the newest first, a few at most (each can be ended).
    for (size_t i = 0; i < view.unfinished.size() && i < 3; ++i) {
        const auto& u = view.unfinished[i];
        ImGui::PushID(int(i));
        ImGui::Dummy(ImVec2(1, 0.6f * em));
        const auto* module = ctx.course.FindModule(u.module_id);
        const std::string title = !u.title.empty() ? u.title : module ? module->title : u.module_id;
        WrappedText(title, f.bold, p.text, inner);
        std::string facts =
            ctx.tr.Fmt("class.unfinished_started", {{"time", live::LocalTimeLabel(u.started_at)}});
        facts +=
            "  \xC2\xB7  " + ctx.tr.Fmt("class.unfinished_people", {{"n", std::to_string(u.participants)}});
        facts += "  \xC2\xB7  ";
        if (!u.resumable)
            facts += ctx.tr("class.unfinished_broken");
        else if (u.current < 0)
            facts += ctx.tr("class.unfinished_lobby");
        else
            facts += ctx.tr.Fmt("class.unfinished_reached",
                                {{"n", std::to_string(u.current + 1)}, {"total", std::to_string(u.total)}});
        WrappedText(facts, f.regular, p.text, inner);
        ImGui::Dummy(ImVec2(1, 0.4f * em));
        if (ActionButton(ctx.tr("class.unfinished_resume"), true, u.resumable, 12.0f))
            ctx.intents.Push(ClassIntent{live::ResumeClass{u.id}});
        ImGui::SameLine(0.0f, 0.6f * em);
        if (ActionButton(ctx.tr("class.unfinished_end"), false, true, 10.0f)) {
            pending_end_id_ = u.id;
            open_unfinished_confirm_ = true;
        }
        ImGui::PopID();
    }
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(top, ImVec2(top.x + width, bottom), p.surface, 0.4f * em);
    draw->AddRect(top, ImVec2(top.x + width, bottom), p.accent, 0.4f * em, 0, 0.12f * em);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
    ImGui::Dummy(ImVec2(width, 0.9f * em));

    const char* id = ctx.tr("class.unfinished_end_title");
    if (open_unfinished_confirm_) {
        ImGui::OpenPopup(id);
        open_unfinished_confirm_ = false;
    }
    ImGui::SetNextWindowSize(ImVec2(28.0f * em, 0.0f));
    if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(ctx.tr("class.unfinished_end_confirm"));
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(1, 0.8f * em));
        if (ActionButton(ctx.tr("class.end_yes"), true, true, 8.0f)) {
            ctx.intents.Push(ClassIntent{live::EndUnfinished{pending_end_id_}});
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
