#pragma once
// The trainer/administrator area's own bar under the header: its title, the tabs Peserta / Analisis butir /
// Ekspor & data, and "Kunci" (lock now). Every admin screen draws it first, after the PIN gate let it in.
#include "ui/admin/admin_gate.hpp"
#include "ui/screen_context.hpp"

namespace sinau::ui {

void AdminNav(const ScreenContext& ctx, admin::AdminGate& gate);

// Every admin screen draws inside this frame: padding in em, one child window filling the body.
void BeginAdminPage(const char* id);
void EndAdminPage();

}  // namespace sinau::ui
