#pragma once
// "Siapa yang belajar?": the profile picker shown when Sinau starts (several learners share a class
// PC). Left: the profiles on this PC, each with Masuk / Ubah / Hapus (removal asks first and keeps the
// records for the administrator). Right: the form to create or edit a profile (Nama lengkap, NIP,
// Instansi/OPD, Jabatan) with the core validator's message under each field, and the import of a
// trainer's roster (CSV/XLSX) with its report. Only ephemeral form state lives here.
#include <string>

#include "ui/learning/learning_controller.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui {

struct ProfileScreen {
    void Draw(const ScreenContext& ctx, const learning::LearningController& learning);

private:
    void DrawList(const ScreenContext& ctx, const learning::LearningController& learning, float width);
    void DrawForm(const ScreenContext& ctx, const learning::LearningController& learning, float width);
    void DrawImport(const ScreenContext& ctx, const learning::LearningController& learning, float width);
    void ClearForm();

    std::string name_, nip_, instansi_, jabatan_;
    std::string editing_id_;  // "" = a new profile
    std::string confirm_remove_id_;
    std::string roster_path_;
    int seen_generation_ = 0;
    bool focus_name_ = true;  // put the cursor in "Nama lengkap" when the form (re)appears
};

}  // namespace sinau::ui
