#include "ui/admin/admin_gate.hpp"

#include <imgui.h>
#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "admin/pin.hpp"
#include "store/database.hpp"
#include "ui/widgets/layout.hpp"

namespace sinau::ui::admin {
namespace {

// Any input this frame counts as "someone is at the keyboard" for the idle lock.
bool InputThisFrame() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f) return true;
    if (io.InputQueueCharacters.Size > 0) return true;
    for (bool down : io.MouseDown)
        if (down) return true;
    for (bool down : io.KeysDown)
        if (down) return true;
    return false;
}

}  // namespace

IdleDecision DecideIdleLock(std::chrono::steady_clock::time_point now,
                            std::chrono::steady_clock::time_point last_activity, std::chrono::seconds timeout,
                            bool input_this_frame, bool presenting) {
    if (presenting) return {false, now};
    if (now - last_activity > timeout) return {true, last_activity};
    return {false, input_this_frame ? now : last_activity};
}

AdminGate::AdminGate(std::chrono::seconds idle_timeout)
    : idle_timeout_(idle_timeout), now_([] { return SteadyClock::now(); }) {}

AdminGate::~AdminGate() {
    Wipe();
}

void AdminGate::Wipe() {
    sodium_memzero(pin_, sizeof pin_);
    sodium_memzero(confirm_, sizeof confirm_);
}

void AdminGate::Lock() {
    unlocked_ = false;
    focus_field_ = true;
    Wipe();
}

void AdminGate::UnlockForScreenshot() {
    unlocked_ = true;
    unlocked_frame_ = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
    last_activity_ = now_();
}

bool AdminGate::Require(const ScreenContext& ctx, bool presenting) {
    last_required_frame_ = ImGui::GetFrameCount();
    if (unlocked_) {
        const IdleDecision d =
            DecideIdleLock(now_(), last_activity_, idle_timeout_, InputThisFrame(), presenting);
        last_activity_ = d.last_activity;
        if (d.lock) {
            Lock();
            message_key_ = "admin.gate.idle_locked";
        } else {
            return true;
        }
    }
    DrawCard(ctx);
    return false;
}

void AdminGate::DrawCard(const ScreenContext& ctx) {
    const float em = ImGui::GetFontSize();
    ImGui::Dummy(ImVec2(0, 2.5f * em));
    const Column col = BeginColumn(30.0f, em);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col.width);
    ImGui::PushFont(ctx.fonts.normal.h2);
    ImGui::TextUnformatted(ctx.tr("admin.gate.title"));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 0.5f * em));

    const bool known = pin_set_.has_value();
    const bool creating = known && !*pin_set_;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.text_muted));
    ImGui::TextUnformatted(db_path_.empty() && known ? ctx.tr("admin.gate.no_db")
                           : creating                ? ctx.tr("admin.gate.create_intro")
                                                     : ctx.tr("admin.gate.enter_intro"));
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 1.0f * em));

    const auto now = now_();
    const auto wait = std::chrono::duration_cast<std::chrono::duration<double>>(retry_at_ - now).count();
    const bool waiting = wait > 0.0;
    const bool usable = known && !db_path_.empty() && pending_ == Pending::None;

    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal |
                                      ImGuiInputTextFlags_EnterReturnsTrue;
    ImGui::SetNextItemWidth(std::min(col.width, 16.0f * em));
    ImGui::TextUnformatted(creating ? ctx.tr("admin.gate.new_pin") : ctx.tr("admin.gate.pin"));
    ImGui::Dummy(ImVec2(0, 0.25f * em));
    if (focus_field_ && usable) {
        ImGui::SetKeyboardFocusHere();
        focus_field_ = false;
    }
    ImGui::SetNextItemWidth(std::min(col.width, 16.0f * em));
    bool submit = ImGui::InputText("##pin", pin_, 13, flags);
    if (creating) {
        ImGui::Dummy(ImVec2(0, 0.6f * em));
        ImGui::TextUnformatted(ctx.tr("admin.gate.confirm_pin"));
        ImGui::Dummy(ImVec2(0, 0.25f * em));
        ImGui::SetNextItemWidth(std::min(col.width, 16.0f * em));
        submit = ImGui::InputText("##confirm", confirm_, 13, flags) || (submit && confirm_[0] != '\0');
    }
    ImGui::Dummy(ImVec2(0, 0.8f * em));
    const bool enabled = usable && !waiting && pin_[0] != '\0';
    if (ActionButton(creating ? ctx.tr("admin.gate.save") : ctx.tr("admin.gate.open"), true, enabled, 8.0f))
        submit = true;
    if (submit && !enabled) focus_field_ = true;  // Enter while waiting: keep the field ready, try later
    if (submit && enabled) {
        if (creating && std::strcmp(pin_, confirm_) != 0) {
            message_key_ = "admin.gate.mismatch";
            Wipe();
            focus_field_ = true;
        } else {
            pending_ = creating ? Pending::SetPin : Pending::CheckPin;
            message_key_.clear();
            message_.clear();
        }
    }

    ImGui::Dummy(ImVec2(0, 0.8f * em));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.error_text));
    if (!message_key_.empty()) ImGui::TextUnformatted(ctx.tr(message_key_));
    if (!message_.empty()) ImGui::TextUnformatted(message_.c_str());
    if (waiting)
        ImGui::TextUnformatted(
            ctx.tr.Fmt("admin.gate.wait", {{"n", std::to_string(int(std::ceil(wait)))}}).c_str());
    ImGui::PopStyleColor();
    if (known && *pin_set_) {
        ImGui::Dummy(ImVec2(0, 1.5f * em));
        ImGui::PushFont(ctx.fonts.normal.bold);
        ImGui::TextUnformatted(ctx.tr("admin.gate.forgot_title"));
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, 0.25f * em));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.palette.text_muted));
        ImGui::TextUnformatted(ctx.tr("admin.gate.forgot_text"));
        ImGui::PopStyleColor();
        ImGui::Dummy(ImVec2(0, 0.25f * em));
        const std::string command = "sinau admin reset-pin --db \"" + db_path_ + "\"";
        ImGui::PushFont(ctx.fonts.normal.bold);
        ImGui::TextUnformatted(command.c_str());
        ImGui::PopFont();
    }
    ImGui::PopTextWrapPos();
    EndColumn(col);
}

void AdminGate::AfterFrame(store::Database* db) {
    const int frame = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
    // Leaving the trainer area: a frame was drawn after opening and no screen asked for the gate in it.
    if (unlocked_ && frame > unlocked_frame_ && last_required_frame_ != frame) Lock();
    if (!db) {
        pin_set_ = false;
        db_path_.clear();
        pending_ = Pending::None;
        return;
    }
    try {
        if (db_path_.empty()) {  // absolute, so the recovery command works from any folder
            std::error_code ec;
            const auto absolute = std::filesystem::absolute(db->path(), ec);
            db_path_ = (ec ? db->path() : absolute).string();
        }
        if (!pin_set_) pin_set_ = sinau::admin::IsPinSet(*db);
        if (pending_ == Pending::SetPin) {
            const auto status = sinau::admin::SetInitialPin(*db, pin_);
            if (status) {
                pin_set_ = true;
                unlocked_ = true;
                unlocked_frame_ = frame;
                last_activity_ = now_();
                message_.clear();
                message_key_.clear();
            } else {
                message_ = status.error().message;
                message_key_.clear();
                focus_field_ = true;
            }
        } else if (pending_ == Pending::CheckPin) {
            const sinau::admin::PinCheck check = sinau::admin::CheckPin(*db, pin_);
            failures_ = check.failures;
            focus_field_ = true;
            switch (check.outcome) {
                case sinau::admin::PinOutcome::Ok:
                    unlocked_ = true;
                    unlocked_frame_ = frame;
                    last_activity_ = now_();
                    message_.clear();
                    message_key_.clear();
                    retry_at_ = {};
                    break;
                case sinau::admin::PinOutcome::Wrong:
                case sinau::admin::PinOutcome::Locked:
                    message_key_ = check.outcome == sinau::admin::PinOutcome::Wrong ? "admin.gate.wrong"
                                                                                    : "admin.gate.locked";
                    message_.clear();
                    retry_at_ = now_() + check.wait;
                    break;
                case sinau::admin::PinOutcome::NotSet:
                    pin_set_ = false;
                    break;
            }
        }
    } catch (const std::exception& e) {
        message_key_ = "admin.gate.db_error";
        message_ = e.what();
    }
    if (pending_ != Pending::None) Wipe();
    pending_ = Pending::None;
}

}  // namespace sinau::ui::admin
