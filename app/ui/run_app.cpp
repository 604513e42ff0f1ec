#include "ui/run_app.hpp"
// Placeholder until the UI lands (being written now); replaced by the real window.
namespace sinau::ui { int RunApp(int, char**) { return 1; } }
