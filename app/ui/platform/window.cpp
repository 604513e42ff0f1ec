#include "ui/platform/window.hpp"

#include "ui/platform/keys.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <vector>

namespace sinau::ui::platform {
namespace {

std::atomic<bool> g_terminate{false};  // set by SIGTERM/SIGINT
std::atomic<bool> g_woken{false};      // set by Wake() from any thread
std::atomic<bool> g_glfw_ready{false};
bool g_display_open = false;  // glfwInit succeeded (OpenDisplay)
bool g_input_seen = false;    // set by the callbacks below, main thread only
// Only what a person does to the app: a key, a character, a click or a scroll. The window's own
// events at start (focus, cursor enter, refresh, size) must not count, or the text cursor of the
// form the app opens on would blink for seconds after start with nobody there.
bool g_user_input = false;

// Our callbacks are installed BEFORE ImGui_ImplGlfw_InitForOpenGL(window, true): the 1.86 backend
// saves and chains them, so every input both reaches ImGui and wakes the loop. The backend installs no
// cursor-position callback at all, which is why a mouse move alone would otherwise not redraw hover.
void OnCursorPos(GLFWwindow*, double, double) {
    g_input_seen = true;
}
void OnMouseButton(GLFWwindow*, int, int, int) {
    g_input_seen = g_user_input = true;
}
void OnScroll(GLFWwindow*, double, double) {
    g_input_seen = g_user_input = true;
}
// A key pressed AND released before the next frame (a quick tap on a slow frame, xdotool) leaves
// io.KeysDown false by the time ImGui looks: ImGui 1.86 has no input queue, so InputText would miss
// that Tab, Enter, Backspace or Ctrl+A. The window shows such a tap as down for exactly one frame
// (ShowTappedKeys before ImGui::NewFrame, ReleaseTappedKeys after it is drawn), like a slower press.
std::array<bool, GLFW_KEY_LAST + 1> g_held{};  // physical key state, from the callback
std::vector<int> g_tapped;                     // pressed since the last frame began
std::vector<int> g_shown;                      // shown as down this frame although released

void OnKey(GLFWwindow*, int key, int, int action, int mods) {
    g_input_seen = g_user_input = true;
    if (action == GLFW_PRESS) LatchKeyPress(key, mods);
    if (key < 0 || key > GLFW_KEY_LAST) return;
    if (action == GLFW_RELEASE) {
        g_held[size_t(key)] = false;
    } else {
        g_held[size_t(key)] = true;
        if (action == GLFW_PRESS) g_tapped.push_back(key);
    }
}

void SyncModifiers(ImGuiIO& io) {  // as the 1.86 backend's key callback derives them
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

void ShowTappedKeys() {
    ImGuiIO& io = ImGui::GetIO();
    for (int key : g_tapped)
        if (!io.KeysDown[key]) {
            io.KeysDown[key] = true;
            g_shown.push_back(key);
        }
    g_tapped.clear();
    if (!g_shown.empty()) SyncModifiers(io);
}

void ReleaseTappedKeys() {
    if (g_shown.empty()) return;
    ImGuiIO& io = ImGui::GetIO();
    for (int key : g_shown)
        if (!g_held[size_t(key)]) io.KeysDown[key] = false;
    g_shown.clear();
    SyncModifiers(io);
}
void OnChar(GLFWwindow*, unsigned int) {
    g_input_seen = g_user_input = true;
}
void OnFocus(GLFWwindow*, int) {
    g_input_seen = true;
}
void OnCursorEnter(GLFWwindow*, int) {
    g_input_seen = true;
}
void OnFramebufferSize(GLFWwindow*, int, int) {
    g_input_seen = true;
}
void OnRefresh(GLFWwindow*) {
    g_input_seen = true;
}
void OnContentScale(GLFWwindow*, float, float) {
    g_input_seen = true;
}

void OnGlfwError(int code, const char* text) {
    std::fprintf(stderr, "sinau: GLFW %d: %s\n", code, text);
}

void OnSignal(int) {
    g_terminate = true;
    // glfwPostEmptyEvent is not formally async-signal-safe; on X11 it writes one event to the
    // display connection, which is what wakes glfwWaitEvents. The flag alone is enough for the
    // next wake-up (WaitForWork also uses a timeout while a signal is pending).
    if (g_glfw_ready) glfwPostEmptyEvent();
}

}  // namespace

Expected<float> Window::OpenDisplay() {
    if (!g_display_open) {
        glfwSetErrorCallback(OnGlfwError);
        if (!glfwInit())
            return Error{"Jendela tidak dapat dibuka: tidak ada layar (DISPLAY) atau GLFW gagal dimulai."};
        g_display_open = true;
    }
    float x = 1.0f, y = 1.0f;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(monitor, &x, &y);
    return x > 0.5f ? x : 1.0f;
}

Expected<std::unique_ptr<Window>> Window::Create(const WindowOptions& options) {
    if (auto display = OpenDisplay(); !display) return display.error();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_VISIBLE, options.hidden ? GLFW_FALSE : GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // ImGui clips with scissor rectangles and never tests depth or stencil: without these buffers
    // a software renderer (Mesa llvmpipe on office PCs without a GPU driver) keeps 4 MB less.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWwindow* handle =
        glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (!handle) {
        glfwTerminate();
        g_display_open = false;
        return Error{"Jendela OpenGL 3 tidak dapat dibuat."};
    }
    glfwMakeContextCurrent(handle);
    glfwSwapInterval(1);

    glfwSetCursorPosCallback(handle, OnCursorPos);
    glfwSetMouseButtonCallback(handle, OnMouseButton);
    glfwSetScrollCallback(handle, OnScroll);
    glfwSetKeyCallback(handle, OnKey);
    glfwSetCharCallback(handle, OnChar);
    glfwSetWindowFocusCallback(handle, OnFocus);
    glfwSetCursorEnterCallback(handle, OnCursorEnter);
    glfwSetFramebufferSizeCallback(handle, OnFramebufferSize);
    glfwSetWindowRefreshCallback(handle, OnRefresh);
    glfwSetWindowContentScaleCallback(handle, OnContentScale);

    ImGui_ImplGlfw_InitForOpenGL(handle, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    g_glfw_ready = true;

    std::unique_ptr<Window> window(new Window());
    window->window_ = handle;
    window->frames_owed_ = 3;
    return window;
}

Window::~Window() {
    g_glfw_ready = false;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    glfwDestroyWindow(window_);
    glfwTerminate();
    g_display_open = false;
}

bool Window::WaitForWork(double timeout_seconds) {
    if (frames_owed_ > 0) {
        glfwPollEvents();
    } else if (g_terminate) {
        glfwPollEvents();
    } else if (timeout_seconds > 0) {
        glfwWaitEventsTimeout(timeout_seconds);
    } else {
        glfwWaitEvents();
    }
    if (g_user_input) last_input_ = glfwGetTime();
    g_user_input = false;
    if (g_input_seen || g_woken.exchange(false)) {
        g_input_seen = false;
        frames_owed_ = frames_owed_ > 3 ? frames_owed_ : 3;
    }
    if (frames_owed_ > 0) {
        --frames_owed_;
        return true;
    }
    return timeout_seconds > 0;  // a timer the caller asked for has run out: draw once
}

double Window::SecondsSinceInput() const {
    return glfwGetTime() - last_input_;
}

void Window::RequestFrames(int count) {
    if (count > frames_owed_) frames_owed_ = count;
}

bool Window::ShouldClose() const {
    return g_terminate || glfwWindowShouldClose(window_);
}
void Window::RequestClose() {
    glfwSetWindowShouldClose(window_, GLFW_TRUE);
}

void Window::BeginFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ShowTappedKeys();
}

void Window::Render() {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ClearLatchedKeys();  // the frame that could react to them has been drawn
    ReleaseTappedKeys();
}

Pixels Window::ReadBackBuffer() const {
    Pixels p;
    glfwGetFramebufferSize(window_, &p.width, &p.height);
    p.rgba.resize(std::size_t(p.width) * p.height * 4);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, p.width, p.height, GL_RGBA, GL_UNSIGNED_BYTE, p.rgba.data());
    // GL's first row is the bottom one; PNG's is the top.
    const std::size_t stride = std::size_t(p.width) * 4;
    std::vector<unsigned char> row(stride);
    for (int y = 0; y < p.height / 2; ++y) {
        unsigned char* a = p.rgba.data() + y * stride;
        unsigned char* b = p.rgba.data() + (p.height - 1 - y) * stride;
        std::copy(a, a + stride, row.data());
        std::copy(b, b + stride, a);
        std::copy(row.data(), row.data() + stride, b);
    }
    for (std::size_t i = 3; i < p.rgba.size(); i += 4) p.rgba[i] = 255;
    return p;
}

void Window::Present() {
    glfwSwapBuffers(window_);
}

float Window::ContentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    return x > 0.5f ? x : 1.0f;
}

void Window::ReloadFontTexture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void Window::SetFullscreen(bool on) {
    if (on == fullscreen_) return;
    if (on) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) return;
        glfwGetWindowPos(window_, &windowed_x_, &windowed_y_);
        glfwGetWindowSize(window_, &windowed_w_, &windowed_h_);
        glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window_, nullptr, windowed_x_, windowed_y_, windowed_w_, windowed_h_, 0);
    }
    fullscreen_ = on;
    RequestFrames(3);
}

void Window::SetTitle(const std::string& title) {
    glfwSetWindowTitle(window_, title.c_str());
}

void Window::Wake() {
    g_woken = true;
    if (g_glfw_ready) glfwPostEmptyEvent();
}

void Window::InstallSignalHandlers() {
    struct sigaction action {};
    action.sa_handler = OnSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

double Now() {
    return glfwGetTime();
}

}  // namespace sinau::ui::platform
