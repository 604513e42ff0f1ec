#include "cli/command.hpp"

#include <algorithm>

namespace sinau::cli {
namespace {
std::vector<Command>& Registry() {
    static std::vector<Command> commands;  // function-local: safe during static initialisation
    return commands;
}
}  // namespace

CommandRegistration::CommandRegistration(Command command) {
    auto& r = Registry();
    r.push_back(command);
    std::sort(r.begin(), r.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
}

std::span<const Command> AllCommands() {
    return Registry();
}

const Command* FindCommand(std::string_view name) {
    for (const auto& c : Registry())
        if (c.name == name) return &c;
    return nullptr;
}

}  // namespace sinau::cli
