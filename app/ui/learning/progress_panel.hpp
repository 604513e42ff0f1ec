#pragma once
// The learner's strip on Beranda: who is signed in (Ganti profil), the overall progress ("2 dari 6
// modul lulus"), "Lanjutkan" with where it leads, and the completion banner once every module is
// lulus. Plus the status pill each module card shows. Drawing only; buttons push learning intents.
#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/learning/learning_controller.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui::learning {

// Draws at the cursor across `width`; draws nothing when there is no database.
void DrawLearnerPanel(const ScreenContext& ctx, const LearningController& learning, float width);

// The module's status pill with its top-right corner at `top_right` (no layout); nothing without a learner.
void DrawModuleBadge(const ScreenContext& ctx, const LearningController& learning, std::string_view module_id,
                     ImVec2 top_right);

// Where "Lanjutkan" leads, in words: "Modul 2, halaman 4", "Skenario Modul 1: …", "Kursus selesai: …".
std::string NextStepText(const ScreenContext& ctx, const LearningController& learning);

// Where a click on a module card leads: the module's overview for a signed-in learner, else the reader.
void OpenModule(const ScreenContext& ctx, const LearningController* learning, const std::string& module_id);

}  // namespace sinau::ui::learning
