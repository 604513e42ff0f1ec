#include "ui/learning/progress_panel.hpp"

#include <algorithm>
#include <cfloat>

#include "ui/learning/learning_widgets.hpp"
#include "ui/widgets/layout.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui::learning {
namespace {

void Push(const ScreenContext& ctx, Action action) {
    ctx.intents.Push(LearningIntent{std::move(action)});
}

int ModuleNumber(const content::Course& course, const std::string& id) {
    for (size_t i = 0; i < course.modules.size(); ++i)
        if (course.modules[i].id == id) return int(i) + 1;
    return 0;
}

}  // namespace

std::string NextStepText(const ScreenContext& ctx, const LearningController& learning) {
    const engine::NextStep& next = learning.next_step();
    const std::string n = std::to_string(ModuleNumber(ctx.course, next.module_id));
    using K = engine::NextStep::Kind;
    switch (next.kind) {
        case K::Read:
            if (next.resumes)
                return ctx.tr.Fmt("learn.resume_reading",
                                  {{"n", n}, {"page", std::to_string(next.page + 1)}});
            return ctx.tr.Fmt("next.read_start", {{"n", n}});
        case K::Quiz:
            return ctx.tr.Fmt(next.resumes ? "learn.resume_quiz" : "next.quiz", {{"n", n}});
        case K::Scenario: {
            if (next.resumes) return ctx.tr.Fmt("learn.resume_scenario", {{"n", n}});
            std::string title = next.scenario_id;
            if (const content::Module* m = ctx.course.FindModule(next.module_id))
                for (const auto& s : m->scenarios)
                    if (s.id == next.scenario_id && !s.title.empty()) title = s.title;
            return ctx.tr.Fmt("next.scenario", {{"n", n}, {"title", title}});
        }
        case K::Overview:
            return ctx.tr.Fmt("next.overview", {{"n", n}});
        case K::CourseResult:
            return ctx.tr("next.course_result");
        case K::Nothing:
            return ctx.tr("next.nothing");
    }
    return "";
}

void OpenModule(const ScreenContext& ctx, const LearningController* learning, const std::string& module_id) {
    if (learning && learning->learner())
        Push(ctx, OpenOverview{module_id});
    else
        ctx.intents.Push(Navigate{Route{ScreenId::Module, module_id, 0}});
}

void DrawModuleBadge(const ScreenContext& ctx, const LearningController& learning, std::string_view module_id,
                     ImVec2 top_right) {
    if (!learning.learner()) return;
    const store::ModuleState* s = learning.module_state(module_id);
    StatusPill(ctx, s ? s->outcome.status : engine::ModuleStatus::Belum, top_right);
}

void DrawLearnerPanel(const ScreenContext& ctx, const LearningController& learning, float width) {
    if (!learning.available()) return;
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    if (!learning.error().empty()) {
        NoteBox(ctx, ctx.tr("learn.error_title"), learning.error(), p.error_bg, p.error_text, p.error_text,
                width);
        Gap(0.6f);
    }
    const learners::Learner* who = learning.learner();
    if (!who) {
        const ImVec2 a = ImGui::GetCursorScreenPos();
        NoteBox(ctx, ctx.tr("learn.no_profile_title"), ctx.tr("learn.no_profile"), WarningBg(p),
                WarningText(p), WarningText(p), width - 12.0f * em);
        const ImVec2 after = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(a.x + width - 11.0f * em, a.y + 0.9f * em));
        if (ActionButton(ctx.tr("learn.pick_profile"), true, true, 11.0f))
            ctx.intents.Push(Navigate{Route{ScreenId::Profiles, {}, 0}});
        ImGui::SetCursorScreenPos(after);
        Gap(0.8f);
        return;
    }

    // One card: [who + Ganti profil] [overall progress] [Lanjutkan].
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float pad = 1.1f * em;
    const float col_w = (width - 2 * pad - 2 * em) / 3.0f;
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);

    ImGui::SetCursorScreenPos(ImVec2(a.x + pad, a.y + pad));
    ImGui::BeginGroup();
    WrappedText(ctx.tr("learn.signed_in"), f.small, p.text_muted, col_w, 1.3f);
    WrappedText(who->profile.name, f.h3, p.heading, col_w, 1.3f);
    WrappedText(who->profile.instansi, f.small, p.text_muted, col_w, 1.3f);
    Gap(0.4f);
    if (ActionButton(ctx.tr("learn.switch_profile"), false)) Push(ctx, SignOut{});
    ImGui::EndGroup();
    float bottom = ImGui::GetItemRectMax().y;

    const int total = int(ctx.course.modules.size());
    const int passed = learning.modules_passed();
    ImGui::SetCursorScreenPos(ImVec2(a.x + pad + col_w + em, a.y + pad));
    ImGui::BeginGroup();
    WrappedText(ctx.tr("learn.progress"), f.small, p.text_muted, col_w, 1.3f);
    WrappedText(
        ctx.tr.Fmt("learn.modules_passed", {{"n", std::to_string(passed)}, {"total", std::to_string(total)}}),
        f.h3, p.heading, col_w, 1.3f);
    Gap(0.4f);
    ProgressBar(ctx, total > 0 ? float(passed) / float(total) : 0.0f, col_w, 0.6f);
    Gap(0.3f);
    int started = 0;
    for (const auto& s : learning.home())
        if (s.outcome.status == engine::ModuleStatus::Sedang) ++started;
    WrappedText(ctx.tr.Fmt("learn.modules_started", {{"n", std::to_string(started)}}), f.small, p.text_muted,
                col_w, 1.3f);
    ImGui::EndGroup();
    bottom = std::max(bottom, ImGui::GetItemRectMax().y);

    ImGui::SetCursorScreenPos(ImVec2(a.x + pad + 2 * (col_w + em), a.y + pad));
    ImGui::BeginGroup();
    WrappedText(ctx.tr("learn.next_step"), f.small, p.text_muted, col_w, 1.3f);
    WrappedText(NextStepText(ctx, learning), f.bold, p.text, col_w, 1.4f);
    Gap(0.4f);
    if (ActionButton((std::string(ctx.tr("learn.continue")) + "  \xE2\x86\x92").c_str(), true, true, 10.0f))
        Push(ctx, Continue{});
    ImGui::EndGroup();
    bottom = std::max(bottom, ImGui::GetItemRectMax().y) + pad;

    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(a, ImVec2(a.x + width, bottom), p.surface, 0.5f * em);
    draw->AddRect(a, ImVec2(a.x + width, bottom), p.border, 0.5f * em);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(a.x, bottom));
    ImGui::Dummy(ImVec2(width, 0));

    if (const auto& done = learning.completion()) {
        Gap(0.8f);
        NoteBox(ctx, ctx.tr("learn.completed_title"),
                ctx.tr.Fmt("learn.completed_home", {{"score", FormatScore(done->final_score)},
                                                    {"date", done->completed_at.size() >= 10
                                                                 ? done->completed_at.substr(8, 2) + "/" +
                                                                       done->completed_at.substr(5, 2) + "/" +
                                                                       done->completed_at.substr(0, 4)
                                                                 : done->completed_at}}),
                SuccessBg(p), SuccessText(p), SuccessText(p), width);
    }
    Gap(1.0f);
}

}  // namespace sinau::ui::learning
