#pragma once

namespace sinau::ui {
// Opens the window (or renders --screenshot offscreen) and runs until the user quits.
// Parses the app options listed in `sinau --help`; returns the process exit code.
int RunApp(int argc, char** argv);
}  // namespace sinau::ui
