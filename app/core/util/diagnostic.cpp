#include "util/diagnostic.hpp"

namespace sinau {

std::string Diagnostic::Format() const {
    std::string out = file;
    out += ':';
    out += std::to_string(ShownLine());
    out += ':';
    out += std::to_string(ShownCol());
    out += ": ";
    out += message;
    return out;
}

}  // namespace sinau
