#pragma once
// Keyboard shortcuts without GLFW key codes outside app/ui/platform (ImGui 1.86 indexes
// io.KeysDown by the backend's key codes).
//
// Why a latch: ImGui 1.86 has no input queue. A key pressed AND released between two frames (a quick
// tap, or xdotool) never shows as down in io.KeysDown, so IsKeyPressed misses it. The window's key
// callback latches every press; the latch is cleared after each frame is rendered.
namespace sinau::ui::platform {

enum class Key { Left, Right, PageUp, PageDown, Home, End, Escape, F5, Q };

bool KeyPressed(Key key);      // this frame (auto-repeat for arrows and pages)
bool CtrlKeyPressed(Key key);  // pressed with Ctrl held (e.g. Ctrl+Q)

// Called by the window's key callback / after each frame (window.cpp).
void LatchKeyPress(int glfw_key, int glfw_mods);
void ClearLatchedKeys();

}  // namespace sinau::ui::platform
