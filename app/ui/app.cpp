#include "ui/app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "store/database.hpp"
#include "ui/platform/keys.hpp"
#include "ui/platform/texture.hpp"
#include "ui/screen_context.hpp"
#include "ui/widgets/header_bar.hpp"

namespace sinau::ui {
namespace {

void AddSpans(std::string& out, const std::vector<content::Span>& spans) {
    for (const auto& s : spans) out += s.text;
}

void AddBlocks(std::string& out, const std::vector<content::Block>& blocks) {
    for (const auto& b : blocks) {
        AddSpans(out, b.spans);
        AddBlocks(out, b.children);
        for (const auto& row : b.rows)
            for (const auto& cell : row) AddSpans(out, cell);
        out += b.image;
    }
}

void AddDocument(std::string& out, const content::Document& doc) {
    for (const auto& page : doc.pages) {
        out += page.title;
        AddBlocks(out, page.blocks);
    }
}

// Every character the course may put on screen, so the font atlas holds all of them.
std::string CourseText(const content::Course& c) {
    std::string out = c.title + c.source.who + c.source.event + c.source.where + c.dir;
    AddDocument(out, c.about);
    for (const auto& e : c.errors) out += e.Format();
    for (const auto& m : c.modules) {
        out += m.id + m.title + m.description;
        for (const auto& o : m.objectives) out += o;
        for (const auto& l : m.legal) out += l;
        AddDocument(out, m.reading);
        for (const auto& q : m.questions) {
            out += q.title + q.stem + q.stem_after + q.general_feedback + q.tf_feedback_right +
                   q.tf_feedback_wrong;
            for (const auto& ch : q.choices) out += ch.text + ch.feedback;
            for (const auto& p : q.pairs) out += p.left + p.right;
        }
        for (const auto& s : m.scenarios) {
            out += s.title;
            for (const auto& p : s.passages) {
                out += p.text + p.feedback;
                for (const auto& l : p.links) out += l.text;
            }
        }
        for (const auto& e : m.errors) out += e.Format();
    }
    return out;
}

}  // namespace

App::App(content::Course course, AppPaths paths, store::Database* db, UiSettings settings,
         float content_scale)
    : course_(std::move(course)),
      paths_(std::move(paths)),
      db_(db),
      settings_(std::move(settings)),
      content_scale_(content_scale),
      textures_(std::make_unique<platform::TextureCache>()) {
    strings_.Load(paths_.i18n_dir, settings_.language, problems_);
    course_text_ = CourseText(course_);
    // Reading position of the signed-in learner, stored at every page the reader shows.
    OnPageChanged([this](const PageChanged& page) { learning_.OnPageChanged(page); });
    home_.learning = &learning_;
    admin_ = std::make_unique<admin::AdminController>(db_ ? db_->path().string() : std::string(), course_,
                                                      events_);
    // The class server's threads wake the loop through the event queue (an empty task is enough: the
    // controller drains the server's own events at frame start).
    class_ = std::make_unique<live::ClassController>(
        live::ClassController::Environment{&course_, db_ ? db_->path() : std::filesystem::path(),
                                           paths_.assets_dir / "web", [this] { events_.Push([] {}); }});
}

App::~App() = default;

void App::Init() {
    RebuildFontsAndStyle();
}

void App::RebuildFontsAndStyle() {
    // The class screen is projected too: it needs the presentation faces while it is shown.
    BuildFonts(fonts_, Scale(), strings_.AllText() + course_text_,
               presenting_ || route_.screen == ScreenId::Class);
    palette_ = ApplyTheme(settings_.theme, Scale());
}

void App::DrawFrame() {
    class_->Pump();  // the class server's events (joins, answers, phase changes) since the last frame
    if (platform::CtrlKeyPressed(platform::Key::Q)) intents_.Push(Quit{});
    if (presenting_ && route_.screen != ScreenId::Module) intents_.Push(SetPresentation{false});

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
    const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus |
                                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##root", nullptr, root_flags);
    ImGui::PopStyleVar();

    const ScreenContext ctx{course_,     strings_,          fonts_,     palette_, settings_, route_,
                            presenting_, paths_.assets_dir, *textures_, intents_, status_};
    if (!presenting_) HeaderBar(ctx);

    // Reading screens manage their own scrolling (fixed footer); the others scroll as a whole.
    const bool own_scroll = route_.screen == ScreenId::Module || route_.screen == ScreenId::Quiz;
    // Screens place vertical space explicitly (in em); ImGui's automatic gap after every item would
    // double it. Horizontal spacing (SameLine) stays.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
    ImGui::BeginChild("##body", ImVec2(0, 0), false,
                      own_scroll ? (ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse) : 0);
    DrawScreen(ctx);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::End();
}

void App::DrawScreen(const ScreenContext& ctx) {
    switch (route_.screen) {
        case ScreenId::Home:
            home_.Draw(ctx);
            break;
        case ScreenId::Settings:
            settings_screen_.Draw(ctx);
            break;
        case ScreenId::Module:
            module_.Draw(ctx);
            break;
        case ScreenId::About:
            about_.Draw(ctx);
            break;
        case ScreenId::Profiles:
            profiles_.Draw(ctx, learning_);
            break;
        case ScreenId::Overview:
            overview_.Draw(ctx, learning_);
            break;
        case ScreenId::Quiz:
            quiz_.Draw(ctx, learning_);
            break;
        case ScreenId::Result:
            result_.Draw(ctx, learning_);
            break;
        case ScreenId::Scenario:
            scenario_.Draw(ctx, learning_);
            break;
        case ScreenId::Dashboard:
            dashboard_.Draw(ctx, admin_gate_, *admin_);
            break;
        case ScreenId::ItemAnalysis:
            item_analysis_.Draw(ctx, admin_gate_, *admin_);
            break;
        case ScreenId::AdminData:
            admin_data_.Draw(ctx, admin_gate_, *admin_);
            break;
        case ScreenId::Essays:
            essays_.Draw(ctx, admin_gate_, *admin_);
            break;
        case ScreenId::Class:
            class_screen_.Draw(ctx, admin_gate_, class_->view());
            break;
    }
}

App::Effects App::ApplyIntents() {
    Effects effects;
    class_->AfterFrame();  // --class-debug start/demo steps and frame timing, after the frame as any effect
    // Applying one intent may queue another (Navigate -> PageChanged); loop until quiet.
    for (int round = 0; round < 4 && !intents_.empty(); ++round)
        for (const Intent& intent : intents_.Take()) Apply(intent, effects);
    // The PIN check/set typed this frame, and the lock when the user left the trainer area or went idle.
    const bool was_unlocked = admin_gate_.Unlocked();
    admin_gate_.AfterFrame(db_);
    if (admin_gate_.Unlocked() != was_unlocked) effects.redraw = true;
    return effects;
}

void App::Apply(const Intent& intent, Effects& effects) {
    if (const auto* nav = std::get_if<Navigate>(&intent)) {
        Route to = nav->to;
        int page_count = 0;
        if (to.screen == ScreenId::Module) {
            const content::Module* m = course_.FindModule(to.module);
            page_count = m ? int(m->reading.pages.size()) : 0;
            to.page = std::clamp(to.page, 0, std::max(0, page_count - 1));
        } else {
            to.module.clear();
            to.page = 0;
        }
        if (to == route_) return;
        const bool class_fonts = (route_.screen == ScreenId::Class) != (to.screen == ScreenId::Class);
        route_ = to;
        effects.redraw = true;
        if (class_fonts) {  // the class screen's projector faces come and go with it
            RebuildFontsAndStyle();
            effects.reload_font_texture = true;
        }
        if (route_.screen == ScreenId::Module && page_count > 0)
            intents_.Push(PageChanged{route_.module, route_.page, page_count});
        if (route_.screen != ScreenId::Module && presenting_) intents_.Push(SetPresentation{false});
    } else if (const auto* page = std::get_if<PageChanged>(&intent)) {
        for (const auto& listener : page_listeners_) listener(*page);
    } else if (const auto* scale = std::get_if<ChangeScale>(&intent)) {
        settings_.scale_percent = scale->percent;
        if (db_)
            if (auto s = SaveScale(*db_, scale->percent); !s) status_ = s.error().message;
        RebuildFontsAndStyle();
        effects.reload_font_texture = effects.redraw = true;
    } else if (const auto* content_scale = std::get_if<ChangeContentScale>(&intent)) {
        if (content_scale->scale == content_scale_) return;
        content_scale_ = content_scale->scale;
        RebuildFontsAndStyle();
        effects.reload_font_texture = effects.redraw = true;
    } else if (const auto* theme = std::get_if<ChangeTheme>(&intent)) {
        settings_.theme = theme->theme;
        if (db_)
            if (auto s = SaveTheme(*db_, theme->theme); !s) status_ = s.error().message;
        palette_ = ApplyTheme(settings_.theme, Scale());
        effects.redraw = true;
    } else if (const auto* language = std::get_if<ChangeLanguage>(&intent)) {
        settings_.language = language->language;
        problems_.clear();
        strings_.Load(paths_.i18n_dir, settings_.language, problems_);
        for (const auto& p : problems_) std::fprintf(stderr, "sinau: %s\n", p.c_str());
        if (db_)
            if (auto s = SaveLanguage(*db_, settings_.language); !s) status_ = s.error().message;
        RebuildFontsAndStyle();  // the new language may use characters the atlas lacks
        effects.reload_font_texture = effects.redraw = true;
    } else if (const auto* present = std::get_if<SetPresentation>(&intent)) {
        const bool on = present->on && route_.screen == ScreenId::Module;
        if (on == presenting_) return;
        presenting_ = on;
        RebuildFontsAndStyle();  // the projector faces are only in the atlas while presenting
        effects.reload_font_texture = effects.redraw = true;
        effects.fullscreen = on;
    } else if (std::holds_alternative<Quit>(intent)) {
        effects.quit = true;
    } else if (const auto* learn = std::get_if<LearningIntent>(&intent)) {
        learning_.Apply(learn->action, intents_);  // commits to SQLite; may queue a Navigate
        effects.redraw = true;
    } else if (const auto* admin_intent = std::get_if<AdminIntent>(&intent)) {
        ApplyAdmin(*admin_intent);
        effects.redraw = true;
    } else if (const auto* class_intent = std::get_if<ClassIntent>(&intent)) {
        if (!admin_gate_.Unlocked()) return;  // the class is trainer business: behind the same gate
        class_->Apply(class_intent->action);  // may bind/stop the server: here, after the frame
        effects.redraw = true;
    }
}

Status App::StartClassDebug(const std::string& spec) {
    auto parsed = live::ParseDebugClass(spec);
    if (!parsed) return parsed.error();
    return class_->StartDebug(*parsed);
}

void App::ApplyAdmin(const AdminIntent& intent) {
    if (!admin_gate_.Unlocked()) return;  // nothing in the trainer area runs behind a locked gate
    admin_->Apply(intent.action);
}

void App::UnlockAdminForScreenshot() {
    admin_gate_.UnlockForScreenshot();
    admin_ =
        std::make_unique<admin::AdminController>(db_ ? db_->path().string() : std::string(), course_, events_,
                                                 /*synchronous=*/true);
}

}  // namespace sinau::ui
