#pragma once
// Kelas langsung (issue 7, trainer side), behind the trainer PIN (admin::AdminGate). Without a session:
// a session the app left unfinished, if any (continue / end it: class_resume_view.cpp), then the setup
// (module, hand-picked questions, time per question, speed bonus). A lobby or running class is exempt
// from the gate's idle lock (admin::DecideIdleLock). With one, a projector
// layout in the presentation fonts: the join screen (URL, PIN, QR, participants as they join), the open
// question with its countdown and the answers arriving, the reveal (distribution, right answer, its legal
// basis, leaderboard), and at the end the podium and the class summary. Trainer controls sit in a bar
// at the bottom (normal font); PageDown/Right (a presenter's clicker) advances from the lobby and reveals.
//
// Holds only ephemeral UI state (the setup form); the session lives in live::ClassController, whose
// snapshot (LiveView) is passed in read-only. Every action is an intent (ui::ClassIntent).
#include <map>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/admin/admin_gate.hpp"
#include "ui/classroom/class_controller.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui {

struct ClassScreen {
    void Draw(const ScreenContext& ctx, admin::AdminGate& gate, const live::LiveView& view);

    struct Area {
        ImVec2 min, max;
        float w() const { return max.x - min.x; }
        float h() const { return max.y - min.y; }
    };

private:
    struct PlayableQuestion {
        std::string id;
        std::string text;  // plain text for the checklist
        std::string kind;  // "" when playable, else why not ("isian singkat")
    };
    const std::vector<PlayableQuestion>& Questions(const content::Module& module);

    void DrawSetup(const ScreenContext& ctx, admin::AdminGate& gate, const live::LiveView& view);
    void DrawJoin(const ScreenContext& ctx, const live::LiveView& view, Area area);
    void DrawQuestion(const ScreenContext& ctx, const live::LiveView& view, Area area);
    void DrawReveal(const ScreenContext& ctx, const live::LiveView& view, Area area);
    void DrawEnded(const ScreenContext& ctx, const live::LiveView& view, Area area);
    void DrawControls(const ScreenContext& ctx, const live::LiveView& view, Area bar);
    void DrawEndConfirm(const ScreenContext& ctx);
    void DrawUnfinished(const ScreenContext& ctx, const live::LiveView& view,
                        float width);  // class_resume_view.cpp

    // Setup form
    std::string module_id_;
    std::map<std::string, std::vector<PlayableQuestion>> questions_;  // per module, computed once
    std::map<std::string, std::vector<char>> picked_;                 // per module: checked per question
    int seconds_ = 20;
    bool speed_bonus_ = false;
    bool open_end_confirm_ = false;
    std::string pending_end_id_;  // the unfinished session "Akhiri sesi itu" asks about
    bool open_unfinished_confirm_ = false;
};

}  // namespace sinau::ui
