#pragma once
// Headless subcommands. Each app/cli/cmd_*.cpp registers one command with a static
// CommandRegistration; app/main.cpp dispatches `sinau NAME ...` to it. A command maps its
// arguments onto the same core calls the UI uses and returns the process exit code.
#include <span>
#include <string_view>
#include <vector>

namespace sinau::cli {

struct Command {
    std::string_view name;     // "lint", "export", ...
    std::string_view summary;  // one line for `sinau --help`
    // argv[0] is "sinau NAME"; the remaining entries are the command's own arguments.
    int (*run)(int argc, char** argv);
};

struct CommandRegistration {
    explicit CommandRegistration(Command command);
};

std::span<const Command> AllCommands();
const Command* FindCommand(std::string_view name);

}  // namespace sinau::cli
