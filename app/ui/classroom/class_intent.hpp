#pragma once
// What the trainer's class screen asks for. Widgets record one of these (wrapped in ui::ClassIntent,
// intent.hpp) while drawing; App::ApplyIntents hands it to the ClassController after ImGui::Render(),
// which starts/stops the server or calls the Classroom (style.md rule 3): no socket is opened, no
// thread joined and no SQLite write made inside a Begin/End pair.
#include <string>
#include <variant>
#include <vector>

namespace sinau::ui::live {

// Start a live class on a module's playable questions (or the hand-picked ones, in this order).
struct StartClass {
    std::string module_id;
    std::vector<std::string> question_ids;  // empty: every playable question of the module
    int question_seconds = 20;
    bool speed_bonus = false;  // off: accuracy only (1 point per correct answer)
};

// The trainer's buttons while a class runs (classroom::Classroom's trainer actions).
enum class Command { Next, Reveal, Pause, Resume, Skip, End };
struct ClassCommand {
    Command command = Command::Next;
};

// Which of the PC's LAN addresses goes on the projector (URL + QR); the server listens on all of them.
struct ChooseAddress {
    std::string address;
};
struct RefreshAddresses {};  // the trainer plugged in a cable or joined a hotspot after starting

// Stops the server and forgets the session (after the end, or to abandon a lobby nobody joined).
struct CloseClass {};

// A session the app left unfinished (crash, power loss): look for them when the class area opens,
// continue one (Classroom::Resume: participants, scores, tokens, question reached), or end it for good
// (answers kept, attempts submitted).
struct ScanUnfinished {};
struct ResumeClass {
    std::string session_id;
};
struct EndUnfinished {
    std::string session_id;
};

using Action = std::variant<StartClass, ClassCommand, ChooseAddress, RefreshAddresses, CloseClass,
                            ScanUnfinished, ResumeClass, EndUnfinished>;

}  // namespace sinau::ui::live
