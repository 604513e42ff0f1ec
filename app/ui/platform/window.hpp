#pragma once
// The one door to the window system (style.md rule 2): GLFW + OpenGL 3 context + ImGui backends,
// the event-driven idle policy, DPI, fullscreen, screenshots, SIGTERM. Nothing else includes GLFW.
// Main thread only, except Window::Wake() which any thread (or a signal handler) may call.
#include <memory>
#include <string>
#include <vector>

#include "util/expected.hpp"

struct GLFWwindow;

namespace sinau::ui::platform {

struct WindowOptions {
    int width = 1366;
    int height = 768;
    bool hidden = false;  // --screenshot: render without showing a window
    std::string title = "Sinau";
};

struct Pixels {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;  // top row first
};

class Window {
public:
    // Creates the window and GL context and initialises the ImGui GLFW/OpenGL3 backends.
    // An ImGui context must already exist. Returns an Error when no display or GL 3 is available.
    static Expected<std::unique_ptr<Window>> Create(const WindowOptions& options);
    // Connects to the display (glfwInit) and returns the primary monitor's content scale, so fonts
    // can be baked on another thread while Create makes the window and its GL context (the slowest
    // step of start-up). Create calls it when nobody did. On X11 every window has this scale.
    static Expected<float> OpenDisplay();
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // Idle policy: blocks in glfwWaitEvents until input, a resize, a Wake() or the timeout, unless
    // frames are still owed (RequestFrames). Returns true when a frame should be drawn now.
    bool WaitForWork(double timeout_seconds);
    void RequestFrames(int count);  // draw at least `count` more frames (popups need ~3)
    // Seconds since the user last typed, clicked or scrolled (a very large number before that).
    double SecondsSinceInput() const;

    bool ShouldClose() const;  // window closed, RequestClose() or SIGTERM
    void RequestClose();

    void BeginFrame();              // backend NewFrame calls; then the caller runs ImGui::NewFrame()
    void Render();                  // after ImGui::Render(): draws into the back buffer
    Pixels ReadBackBuffer() const;  // between Render() and Present(): what the user is about to see
    void Present();                 // swap buffers

    float ContentScale() const;  // monitor DPI factor (1.0 on a 96-dpi screen)
    void ReloadFontTexture();    // after the ImGui font atlas was rebuilt
    void SetFullscreen(bool on);
    bool Fullscreen() const { return fullscreen_; }
    void SetTitle(const std::string& title);

    static void Wake();                   // thread-safe: makes WaitForWork return and draw a frame
    static void InstallSignalHandlers();  // SIGTERM/SIGINT -> ShouldClose() becomes true

private:
    Window() = default;
    GLFWwindow* window_ = nullptr;
    int frames_owed_ = 0;
    double last_input_ = -1e9;  // glfwGetTime() of the last input WaitForWork saw
    bool fullscreen_ = false;
    int windowed_x_ = 0, windowed_y_ = 0, windowed_w_ = 0, windowed_h_ = 0;
};

// Writes RGBA pixels to a PNG file (stb_image_write). Returns an Error naming the file on failure.
Status WritePng(const std::string& file, const Pixels& pixels);

// Seconds since an arbitrary start (glfwGetTime), for the --first-frame timing print.
double Now();

}  // namespace sinau::ui::platform
