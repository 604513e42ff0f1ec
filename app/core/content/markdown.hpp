#pragma once
// CommonMark (+ GitHub tables) -> content::Document, split into pages at each top-level `##`.
#include <string>
#include <string_view>

#include "content/model.hpp"

namespace sinau::content {

struct MarkdownOptions {
    std::string first_page_title;  // title of the page before the first `##` (the module title)
    int first_line = 1;            // file line of the first byte of `text` (after front matter)
};

// Pure; never throws (allocation failure aside). `text` must already be valid UTF-8
// (CheckSourceText). A `##` inside a block quote or list is a heading block, not a page break.
// The first page is dropped when it is empty and a `##` page follows.
Document ParseMarkdown(std::string_view text, const MarkdownOptions& options = {});

// Concatenated text of spans (for headings, titles, word counts).
std::string PlainText(const std::vector<Span>& spans);

}  // namespace sinau::content
