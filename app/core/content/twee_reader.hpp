#pragma once
// Twine 3 "Twee 3" stories (iftechfoundation twee-3-specification) with Sinau's tag convention:
// `akhir` marks an ending, `skor:N` scores a passage, an `Umpan balik:` paragraph is its feedback.
#include <string>
#include <string_view>

#include "content/model.hpp"

namespace sinau::content {

struct TweeFile {
    Scenario scenario;
    Diagnostics errors;  // syntax problems (the graph rules are in Lint)
};

// Pure; never throws and is linear in the input. `id` becomes Scenario::id (the file stem).
// StoryTitle and StoryData become scenario fields; passages tagged `script` or `stylesheet` are
// skipped (Twine story-format code, not story text).
TweeFile ParseTwee(std::string_view bytes, const std::string& file, const std::string& id);

// Splits the inside of `[[...]]` as Twine 2 does: rightmost `->`, else leftmost `<-`, else `|`,
// else the text is the target. A Harlowe/SugarCube setter `][...` is dropped. Both parts trimmed.
Link SplitLink(std::string_view inner);

}  // namespace sinau::content
