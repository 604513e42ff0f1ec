#pragma once
// A problem found in a file a person wrote (content, roster, import): where and what.
#include <string>
#include <vector>

namespace sinau {

struct Diagnostic {
    std::string file;  // path as given to the reader (relative to the content dir when loading a course)
    int line = 0;      // 1-based; 0 when the problem is about the whole file
    int col = 0;       // 1-based, in characters (UTF-8 code points); 0 when unknown
    std::string message;

    // "file:line:col: message" — the form editors and trainers' terminals understand. A problem with
    // the whole file (line 0) is shown at 1:1, its start.
    std::string Format() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace sinau
