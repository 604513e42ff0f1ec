#include "util/diagnostic.hpp"

namespace sinau {

std::string Diagnostic::Format() const {
    // Always "file:line:col": a problem with the whole file (too big, not UTF-8 at all, a section
    // missing) points at its start, so editors and scripts that jump to file:line:col can read every line.
    std::string out = file;
    out += ':';
    out += std::to_string(line > 0 ? line : 1);
    out += ':';
    out += std::to_string(line > 0 && col > 0 ? col : 1);
    out += ": ";
    out += message;
    return out;
}

}  // namespace sinau
