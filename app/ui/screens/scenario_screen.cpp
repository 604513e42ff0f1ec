#include "ui/screens/scenario_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "ui/learning/learning_widgets.hpp"
#include "ui/learning/widget_dump.hpp"
#include "ui/widgets/layout.hpp"
#include "ui/widgets/rich_text.hpp"

namespace sinau::ui {
namespace {

using learning::Gap;

void Push(const ScreenContext& ctx, learning::Action action) {
    ctx.intents.Push(LearningIntent{std::move(action)});
}

void Paragraphs(const std::string& text, ImFont* font, ImU32 color, float width) {
    size_t start = 0;
    bool first = true;
    while (start < text.size()) {
        size_t cut = text.find("\n\n", start);
        const std::string para =
            text.substr(start, cut == std::string::npos ? std::string::npos : cut - start);
        if (!para.empty()) {
            if (!first) Gap(0.6f);
            WrappedText(para, font, color, width, 1.5f);
            first = false;
        }
        if (cut == std::string::npos) break;
        start = cut + 2;
    }
}

// The link text that led from passage `from` to passage `to` (what the learner clicked).
std::string ChoiceText(const content::Scenario& sc, const std::string& from, const std::string& to) {
    if (const content::Passage* p = sc.Find(from))
        for (const auto& l : p->links)
            if (l.target == to) return l.text;
    return to;
}

std::string Points(int n) {
    std::string s = std::to_string(n);
    if (n > 0) s.insert(s.begin(), '+');
    return s;
}

// "Jalur Anda" / "Jalur terbaik": each choice with the points it earned.
void PathColumn(const ScreenContext& ctx, const content::Scenario& sc, const engine::ScenarioPath& path,
                const char* title, int score, float width, ImU32 accent) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    WrappedText(title, f.bold, accent, width, 1.4f);
    WrappedText(ctx.tr.Fmt("scenario.points_total", {{"score", std::to_string(score)}}), f.small,
                p.text_muted, width, 1.4f);
    for (size_t i = 1; i < path.passages.size(); ++i) {
        Gap(0.35f);
        const content::Passage* to = sc.Find(path.passages[i]);
        const int pts = to && to->score ? *to->score : 0;
        WrappedText(std::to_string(i) + ". " + ChoiceText(sc, path.passages[i - 1], path.passages[i]) +
                        "  (" + Points(pts) + ")",
                    f.regular, p.text, width, 1.4f);
    }
}

}  // namespace

void ScenarioScreen::Draw(const ScreenContext& ctx, const learning::LearningController& learning) {
    const auto& f = ctx.fonts.normal;
    const auto& p = ctx.palette;
    const float em = ImGui::GetFontSize();
    const learning::ScenarioSession* s = learning.scenario();
    Gap(1.2f);
    const Column col = BeginColumn(42.0f, 1.5f * em);
    if (!s || !s->scenario) {
        WrappedText(learning.error().empty() ? ctx.tr("scenario.none") : learning.error(), f.regular, p.text,
                    col.width);
        Gap(0.8f);
        if (ActionButton((std::string("\xE2\x86\x90  ") + ctx.tr("nav.home")).c_str(), false))
            ctx.intents.Push(Navigate{Route{ScreenId::Home, {}, 0}});
        EndColumn(col);
        return;
    }
    const content::Scenario& sc = *s->scenario;
    const auto& path = s->run.path.passages;
    if (run_id_ != s->run.id || steps_ != path.size()) {
        run_id_ = s->run.id;
        steps_ = path.size();
        ImGui::SetScrollY(0.0f);
    }
    if (ActionButton((std::string("\xE2\x86\x90  ") + ctx.tr("result.back_module")).c_str(), false))
        Push(ctx, learning::OpenOverview{s->module->id});
    Gap(0.9f);

    // Title line with the running score on the right.
    const ImVec2 head = ImGui::GetCursorScreenPos();
    WrappedText(ctx.tr("scenario.kicker"), f.small, p.accent, col.width, 1.3f);
    {
        const std::string score = ctx.tr.Fmt("scenario.score", {{"score", std::to_string(s->run.score)}});
        const ImVec2 ss = f.bold->CalcTextSizeA(f.bold->FontSize, FLT_MAX, 0, score.c_str());
        const ImVec2 back = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(head.x + col.width - ss.x - 1.2f * em, head.y));
        learning::Pill(score.c_str(), p.objectives_bg, p.accent, f.bold);
        ImGui::SetCursorScreenPos(back);
    }
    WrappedText(sc.title.empty() ? sc.id : sc.title, f.h1, p.heading, col.width - 9.0f * em, 1.25f);
    Gap(0.8f);
    if (!s->error.empty()) {
        learning::NoteBox(ctx, ctx.tr("learn.error_title"), s->error, p.error_bg, p.error_text, p.error_text,
                          col.width);
        Gap(0.6f);
    }
    if (!learning.error().empty()) {
        learning::NoteBox(ctx, ctx.tr("learn.error_title"), learning.error(), p.error_bg, p.error_text,
                          p.error_text, col.width);
        Gap(0.6f);
    }

    const content::Passage* here = path.empty() ? nullptr : sc.Find(path.back());
    if (!here) {
        WrappedText(ctx.tr("scenario.broken"), f.regular, p.error_text, col.width);
        EndColumn(col);
        return;
    }
    // The consequence of the last choice: what was chosen, what happened, the feedback and its points.
    if (path.size() > 1) {
        WrappedText(ctx.tr.Fmt("scenario.you_chose",
                               {{"choice", ChoiceText(sc, path[path.size() - 2], path.back())}}),
                    f.italic, p.text_muted, col.width, 1.45f);
        Gap(0.6f);
    }
    Paragraphs(here->text, f.regular, p.text, col.width);
    Gap(0.9f);
    if (!here->feedback.empty()) {
        const int pts = here->score.value_or(0);
        const ImU32 bar =
            pts > 0 ? learning::SuccessText(p) : (pts < 0 ? p.error_text : learning::WarningText(p));
        const ImU32 bg = pts > 0 ? learning::SuccessBg(p) : (pts < 0 ? p.error_bg : learning::WarningBg(p));
        const std::string title = path.size() > 1
                                      ? ctx.tr.Fmt("scenario.feedback_points", {{"points", Points(pts)}})
                                      : std::string(ctx.tr("scenario.feedback"));
        learning::NoteBox(ctx, title, here->feedback, bg, bar, bar, col.width);
        Gap(1.0f);
    }

    if (!s->run.ended) {
        WrappedText(ctx.tr("scenario.what_now"), f.h3, p.heading, col.width, 1.3f);
        Gap(0.5f);
        for (size_t i = 0; i < here->links.size(); ++i) {
            ImGui::PushID(int(i));
            if (learning::WrappedButton(ctx, "choice", here->links[i].text, false, col.width,
                                        i < 9 ? std::to_string(i + 1) : ""))
                Push(ctx, learning::ChooseLink{i});
            ImGui::PopID();
            learning::MarkWidget("scenario.choice." + std::to_string(i + 1));
            Gap(0.5f);
        }
        WrappedText(ctx.tr("scenario.keys"), f.small, p.text_muted, col.width, 1.4f);
        // Number keys pick a choice (nothing here takes text input).
        for (ImWchar c : ImGui::GetIO().InputQueueCharacters)
            if (c >= '1' && c <= '9' && size_t(c - '1') < here->links.size()) {
                Push(ctx, learning::ChooseLink{size_t(c - '1')});
                break;  // one choice per frame: the next key belongs to the next passage
            }
    } else {
        // The ending: final score against the best, the two paths side by side.
        learning::NoteBox(ctx, ctx.tr("scenario.ended"),
                          ctx.tr.Fmt("scenario.ended_score", {{"score", std::to_string(s->run.score)},
                                                              {"best", std::to_string(s->best.score)}}),
                          p.objectives_bg, p.accent, p.accent, col.width);
        Gap(1.0f);
        WrappedText(ctx.tr("scenario.review"), f.h2, p.heading, col.width, 1.3f);
        Gap(0.5f);
        const float gap = 1.5f * em;
        const float half = (col.width - gap) * 0.5f;
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::BeginGroup();
        PathColumn(ctx, sc, s->run.path, ctx.tr("scenario.your_path"), s->run.score, half, p.heading);
        ImGui::EndGroup();
        const float left_bottom = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(top.x + half + gap, top.y));
        ImGui::BeginGroup();
        PathColumn(ctx, sc, s->best.path, ctx.tr("scenario.best_path"), s->best.score, half,
                   learning::SuccessText(p));
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(left_bottom, ImGui::GetItemRectMax().y)));
        ImGui::Dummy(ImVec2(col.width, 0));
        Gap(0.5f);
        WrappedText(s->run.path.passages == s->best.path.passages ? ctx.tr("scenario.took_best")
                                                                  : ctx.tr("scenario.compare_help"),
                    f.regular, p.text_muted, col.width);
        Gap(1.0f);
        if (ActionButton(ctx.tr("scenario.again"), false, true, 8.0f))
            Push(ctx, learning::StartScenario{s->module->id, sc.id});
        ImGui::SameLine();
        if (ActionButton(ctx.tr("result.back_module"), true, true, 9.0f))
            Push(ctx, learning::OpenOverview{s->module->id});
    }
    Gap(1.5f);
    EndColumn(col);
}

}  // namespace sinau::ui
