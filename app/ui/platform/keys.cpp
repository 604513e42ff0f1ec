#include "ui/platform/keys.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <array>

namespace sinau::ui::platform {
namespace {

struct Latched {
    int key;
    int mods;
};
std::array<Latched, 16> g_latched;
int g_count = 0;

int Code(Key key) {
    switch (key) {
        case Key::Left:
            return GLFW_KEY_LEFT;
        case Key::Right:
            return GLFW_KEY_RIGHT;
        case Key::PageUp:
            return GLFW_KEY_PAGE_UP;
        case Key::PageDown:
            return GLFW_KEY_PAGE_DOWN;
        case Key::Home:
            return GLFW_KEY_HOME;
        case Key::End:
            return GLFW_KEY_END;
        case Key::Escape:
            return GLFW_KEY_ESCAPE;
        case Key::F5:
            return GLFW_KEY_F5;
        case Key::Q:
            return GLFW_KEY_Q;
    }
    return GLFW_KEY_UNKNOWN;
}

bool Repeats(Key key) {
    return key == Key::Left || key == Key::Right || key == Key::PageUp || key == Key::PageDown;
}

// Pressed this frame, either seen by ImGui or latched by the callback; ImGui's own state wins so a
// press is not counted twice.
bool Pressed(Key key, bool need_ctrl) {
    const int code = Code(key);
    if (ImGui::IsKeyPressed(code, Repeats(key))) return !need_ctrl || ImGui::GetIO().KeyCtrl;
    for (int i = 0; i < g_count; ++i)
        if (g_latched[i].key == code && (!need_ctrl || (g_latched[i].mods & GLFW_MOD_CONTROL)) &&
            !ImGui::IsKeyDown(code))
            return true;
    return false;
}

}  // namespace

bool KeyPressed(Key key) {
    return Pressed(key, false);
}
bool CtrlKeyPressed(Key key) {
    return Pressed(key, true);
}

void LatchKeyPress(int glfw_key, int glfw_mods) {
    if (g_count < int(g_latched.size())) g_latched[g_count++] = {glfw_key, glfw_mods};
}

void ClearLatchedKeys() {
    g_count = 0;
}

}  // namespace sinau::ui::platform
