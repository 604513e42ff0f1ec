#include "util/diagnostic.hpp"

namespace sinau {

std::string Diagnostic::Format() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (col > 0) out += ':' + std::to_string(col);
    }
    out += ": ";
    out += message;
    return out;
}

}  // namespace sinau
