#pragma once
// The PIN gate in front of everything a trainer or administrator does in the window (dashboard, item
// analysis, exports, certificates, merging, class sessions). The PIN itself is core's business
// (admin/pin.hpp: argon2id hash in settings, slow-down after wrong PINs, `sinau admin reset-pin`);
// this class is only its face and the "is it open right now" state.
//
// HOW A TRAINER SCREEN USES IT (App owns one gate, App::admin_gate(); pass it to your screen):
//
//     void ClassScreen::Draw(const ScreenContext& ctx, admin::AdminGate& gate) {
//         if (!gate.Require(ctx)) return;   // locked: the PIN card was drawn instead, nothing else to do
//         ... your trainer UI ...
//         if (ActionButton(ctx.tr("admin.gate.lock"), false)) gate.Lock();   // optional "Kunci" button
//     }
//
// and App::ApplyIntents calls gate.AfterFrame(db) once per frame (already wired in app.cpp).
//
// Behaviour:
//  - No PIN yet: Require() draws "Buat PIN" (6-12 digits, typed twice). Saving it unlocks.
//  - PIN set: Require() draws "Masukkan PIN". A wrong PIN shows how long to wait before the next try
//    (core's slow-down, 1, 2, 4 ... 60 s, kept in the database across restarts) and the button stays
//    disabled until then. The recovery path for a forgotten PIN is shown under the field.
//  - It LOCKS AGAIN when (a) a frame is drawn in which no screen called Require() — i.e. the user left the
//    trainer area, (b) no input arrived for `idle_timeout` (default 10 minutes), or (c) Lock() is called.
//    (b) never happens while a class is projected (lobby or running: Require(ctx, /*presenting=*/true)):
//    the trainer stands at the projector with a clicker or no input at all for many minutes, and a PIN
//    card on the wall would stop the class. The idle time counts again from the moment the class ended.
//  - The typed PIN lives only in a char buffer that is wiped after every attempt; it is never logged.
//
// Threads: main thread only. Require() and Lock() may be called while drawing (they touch only this
// object); AfterFrame() runs after ImGui::Render() and is the only place the database is used (the
// argon2id check takes ~0.1 s there, once per button press). Never throws: database errors become a
// message on the card.
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "ui/screen_context.hpp"

namespace sinau::store {
class Database;
}

namespace sinau::ui::admin {

// The idle lock's rule, pure so tests can state it. `presenting`: a class lobby or a running class is on
// screen. While presenting the area never idles out and the projected time counts as activity, so the
// lock comes `timeout` after the later of the last input and the end of the class (not at once when a
// long class ends). Otherwise: locked when `timeout` passed since the last input (checked before this
// frame's input, so input after an unattended gap still meets the PIN card).
struct IdleDecision {
    bool lock = false;
    std::chrono::steady_clock::time_point last_activity;
};
IdleDecision DecideIdleLock(std::chrono::steady_clock::time_point now,
                            std::chrono::steady_clock::time_point last_activity, std::chrono::seconds timeout,
                            bool input_this_frame, bool presenting);

class AdminGate {
public:
    using SteadyClock = std::chrono::steady_clock;
    explicit AdminGate(std::chrono::seconds idle_timeout = std::chrono::minutes(10));
    ~AdminGate();

    // True while the trainer area is open. Cheap; any screen may ask.
    bool Unlocked() const { return unlocked_; }

    // For trainer screens, once per frame before drawing anything: returns true when unlocked (and
    // counts the frame's input as activity); when locked draws the PIN card in the current window and
    // returns false. `presenting`: a class lobby or running class is projected (see DecideIdleLock).
    bool Require(const ScreenContext& ctx, bool presenting = false);

    void Lock();  // "Kunci": back to the PIN card; safe while drawing

    // After ImGui::Render() (App::ApplyIntents), with the app's database (may be null: then the card
    // says the area needs a database). Performs the pending "set PIN"/"check PIN", applies the
    // leave-the-area and idle locks.
    void AfterFrame(store::Database* db);

    // DEBUG ONLY: `sinau --screenshot ... --unlock-for-screenshot` opens the area without a PIN so tests
    // and reviewers can see trainer screens. run_app.cpp refuses the flag without --screenshot.
    void UnlockForScreenshot();

    // For tests: the clock the idle timeout reads.
    void SetClockForTest(std::function<SteadyClock::time_point()> now) { now_ = std::move(now); }

private:
    enum class Pending { None, SetPin, CheckPin };
    void DrawCard(const ScreenContext& ctx);
    void Wipe();

    std::chrono::seconds idle_timeout_;
    std::function<SteadyClock::time_point()> now_;
    bool unlocked_ = false;
    int unlocked_frame_ = -1;       // ImGui frame in which it opened (leave-lock starts after it)
    int last_required_frame_ = -1;  // last frame a trainer screen called Require()
    SteadyClock::time_point last_activity_{};

    std::optional<bool> pin_set_;  // nullopt: not read from the database yet
    std::string db_path_;          // for the recovery text
    Pending pending_ = Pending::None;
    char pin_[32] = {};
    char confirm_[32] = {};
    bool focus_field_ = true;
    std::string message_key_;  // catalog key of the last problem ("admin.gate.wrong"), "" when none
    std::string message_;      // core's own message (Bahasa Indonesia), "" when none
    SteadyClock::time_point retry_at_{};  // wrong PIN: the next check is accepted from here
    int failures_ = 0;
};

}  // namespace sinau::ui::admin
