#pragma once
// Moodle GIFT question banks, read the way Moodle's qformat_gift imports them (every question type:
// multiple choice, multiple answers with %weights%, missing word, true/false, short answer, matching,
// numerical, essay, description), plus Moodle's `// [id:...]` and `// [tag:...]` comment annotations.
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"

namespace sinau::content {

struct GiftFile {
    std::vector<Question> questions;  // in file order; $CATEGORY lines are not questions
    Diagnostics errors;               // syntax problems; a question with one is left out
};

// Pure; never throws (allocation failure aside) and never hangs: linear in the input size.
// `bytes` are the raw file bytes (size cap and UTF-8 are checked here); `file` names the file in
// diagnostics and in Question::file.
GiftFile ParseGift(std::string_view bytes, const std::string& file);

}  // namespace sinau::content
