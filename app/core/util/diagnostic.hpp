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

    // Where to show it: a problem with the whole file (line 0) points at its start, 1:1, so every
    // error a person or a tool reads has a position (the text form and `lint --json` alike).
    int ShownLine() const { return line > 0 ? line : 1; }
    int ShownCol() const { return line > 0 && col > 0 ? col : 1; }
    // "file:line:col: message" — the form editors and trainers' terminals understand.
    std::string Format() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace sinau
