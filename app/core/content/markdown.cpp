// md4c walks the text and calls back on block/span enter/leave; this file turns those calls into
// the flat Block list the UI draws. Containers (a page, a quote) are a stack of vectors; lists are
// flattened into ListItem blocks carrying their depth and ordinal.
#include "content/markdown.hpp"

#include <md4c.h>

#include <algorithm>
#include <cstdlib>

#include "content/source_text.hpp"

namespace sinau::content {

std::string PlainText(const std::vector<Span>& spans) {
    std::string out;
    for (const auto& s : spans) out += s.text;
    return out;
}

namespace {

void AppendUtf8(std::string& out, unsigned long cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// md4c passes entities verbatim; decode numeric ones and the few named ones trainers type.
std::string DecodeEntity(std::string_view e) {
    std::string out;
    if (e.size() > 3 && e[1] == '#') {
        const bool hex = e[2] == 'x' || e[2] == 'X';
        const std::string digits(e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3)));
        AppendUtf8(out, std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10));
        return out;
    }
    struct Named {
        std::string_view name;
        unsigned long cp;
    };
    static constexpr Named kNamed[] = {{"&amp;", '&'},      {"&lt;", '<'},       {"&gt;", '>'},
                                       {"&quot;", '"'},     {"&apos;", '\''},    {"&nbsp;", 0xA0},
                                       {"&ndash;", 0x2013}, {"&mdash;", 0x2014}, {"&hellip;", 0x2026},
                                       {"&laquo;", 0xAB},   {"&raquo;", 0xBB},   {"&sect;", 0xA7}};
    for (const auto& n : kNamed)
        if (n.name == e) {
            AppendUtf8(out, n.cp);
            return out;
        }
    return std::string(e);
}

struct ListState {
    bool ordered = false;
    int next = 1;
};

// Where inline text currently goes.
struct Target {
    enum Kind { None, BlockSpans, TableCell } kind = None;
    std::vector<Block>* container = nullptr;
    std::size_t index = 0;
};

class Builder {
public:
    Builder(std::string_view text, const MarkdownOptions& options)
        : text_(text), map_(text), first_line_(options.first_line) {
        doc_.pages.push_back({options.first_page_title, {}});
        containers_.push_back(&doc_.pages.back().blocks);
    }

    Document Finish() {
        if (doc_.pages.size() > 1 && doc_.pages.front().blocks.empty()) doc_.pages.erase(doc_.pages.begin());
        return std::move(doc_);
    }

    int EnterBlock(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
            case MD_BLOCK_DOC:
                break;
            case MD_BLOCK_QUOTE: {
                auto& b = NewBlock(BlockKind::Quote);
                containers_.push_back(&b.children);  // the parent does not grow while we are inside
                break;
            }
            case MD_BLOCK_UL:
                lists_.push_back({false, 1});
                break;
            case MD_BLOCK_OL:
                lists_.push_back({true, int(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)});
                break;
            case MD_BLOCK_LI: {
                auto& b = NewBlock(BlockKind::ListItem);
                b.level = std::max(0, int(lists_.size()) - 1);
                if (!lists_.empty() && lists_.back().ordered) b.number = lists_.back().next++;
                item_stack_.push_back(
                    {Target::BlockSpans, containers_.back(), containers_.back()->size() - 1});
                target_ = item_stack_.back();
                break;
            }
            case MD_BLOCK_HR: {
                auto& b = NewBlock(BlockKind::Rule);
                b.line = FindRuleLine();
                break;
            }
            case MD_BLOCK_H: {
                const int level = int(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
                if (level == 2 && containers_.size() == 1 && lists_.empty()) {
                    // A new page: its title is collected into a scratch heading block.
                    heading_page_ = true;
                }
                auto& b = NewBlock(BlockKind::Heading);
                b.level = level;
                target_ = {Target::BlockSpans, containers_.back(), containers_.back()->size() - 1};
                break;
            }
            case MD_BLOCK_CODE: {
                auto& b = NewBlock(BlockKind::Code);
                (void)b;
                target_ = {Target::BlockSpans, containers_.back(), containers_.back()->size() - 1};
                in_code_block_ = true;
                break;
            }
            case MD_BLOCK_HTML: {
                NewBlock(BlockKind::Code);
                target_ = {Target::BlockSpans, containers_.back(), containers_.back()->size() - 1};
                in_code_block_ = true;
                break;
            }
            case MD_BLOCK_P: {
                if (!item_stack_.empty() && item_stack_.back().container == containers_.back()) {
                    auto& item = Resolve(item_stack_.back());
                    if (item.spans.empty() && &item == &containers_.back()->back()) {
                        target_ = item_stack_.back();  // a loose list item's first paragraph
                        break;
                    }
                    auto& b = NewBlock(BlockKind::Paragraph);
                    b.level = int(lists_.size());
                } else {
                    NewBlock(BlockKind::Paragraph);
                }
                target_ = {Target::BlockSpans, containers_.back(), containers_.back()->size() - 1};
                paragraph_ = target_;
                break;
            }
            case MD_BLOCK_TABLE:
                NewBlock(BlockKind::Table);
                break;
            case MD_BLOCK_THEAD:
            case MD_BLOCK_TBODY:
                break;
            case MD_BLOCK_TR:
                containers_.back()->back().rows.emplace_back();
                break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD:
                if (!containers_.back()->back().rows.empty()) {
                    containers_.back()->back().rows.back().emplace_back();
                    target_ = {Target::TableCell, containers_.back(), containers_.back()->size() - 1};
                }
                break;
        }
        return 0;
    }

    int LeaveBlock(MD_BLOCKTYPE type) {
        switch (type) {
            case MD_BLOCK_QUOTE:
                containers_.pop_back();
                break;
            case MD_BLOCK_UL:
            case MD_BLOCK_OL:
                lists_.pop_back();
                break;
            case MD_BLOCK_LI:
                item_stack_.pop_back();
                target_ = item_stack_.empty() ? Target{} : item_stack_.back();
                FlushImages();
                break;
            case MD_BLOCK_H:
                if (heading_page_) {
                    heading_page_ = false;
                    auto& blocks = *containers_.back();
                    Block heading = std::move(blocks.back());
                    blocks.pop_back();
                    doc_.pages.push_back({PlainText(heading.spans), {}});
                    containers_.back() = &doc_.pages.back().blocks;
                }
                target_ = {};
                break;
            case MD_BLOCK_CODE:
            case MD_BLOCK_HTML: {
                auto& b = containers_.back()->back();
                if (!b.spans.empty() && !b.spans.back().text.empty() && b.spans.back().text.back() == '\n')
                    b.spans.back().text.pop_back();
                in_code_block_ = false;
                target_ = {};
                break;
            }
            case MD_BLOCK_P: {
                // A paragraph holding only images becomes Image blocks.
                if (paragraph_.kind != Target::None && !images_.empty()) {
                    auto& p = Resolve(paragraph_);
                    bool blank = true;
                    for (const auto& s : p.spans)
                        if (!TrimView(s.text).empty()) blank = false;
                    if (blank)
                        containers_.back()->erase(containers_.back()->begin() + long(paragraph_.index));
                }
                paragraph_ = {};
                target_ = item_stack_.empty() ? Target{} : item_stack_.back();
                FlushImages();
                break;
            }
            case MD_BLOCK_TH:
            case MD_BLOCK_TD:
                target_ = {};
                break;
            default:
                break;
        }
        return 0;
    }

    int EnterSpan(MD_SPANTYPE type, void* detail) {
        switch (type) {
            case MD_SPAN_EM:
                ++italic_;
                break;
            case MD_SPAN_STRONG:
                ++bold_;
                break;
            case MD_SPAN_CODE:
                ++code_;
                break;
            case MD_SPAN_A: {
                const auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
                hrefs_.push_back(AttributeText(a->href));
                break;
            }
            case MD_SPAN_IMG: {
                const auto* img = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
                Block b;
                b.kind = BlockKind::Image;
                b.image = AttributeText(img->src);
                b.line = FindImageLine();
                images_.push_back(std::move(b));
                ++in_image_;
                break;
            }
            default:
                break;
        }
        return 0;
    }

    int LeaveSpan(MD_SPANTYPE type) {
        switch (type) {
            case MD_SPAN_EM:
                --italic_;
                break;
            case MD_SPAN_STRONG:
                --bold_;
                break;
            case MD_SPAN_CODE:
                --code_;
                break;
            case MD_SPAN_A:
                if (!hrefs_.empty()) hrefs_.pop_back();
                break;
            case MD_SPAN_IMG:
                --in_image_;
                break;
            default:
                break;
        }
        return 0;
    }

    int Text(MD_TEXTTYPE type, const MD_CHAR* p, MD_SIZE size) {
        const std::string_view s(p, size);
        NoteLine(p);
        std::string piece;
        switch (type) {
            case MD_TEXT_NULLCHAR:
                piece = "\xEF\xBF\xBD";
                break;
            case MD_TEXT_BR:
                piece = "\n";
                break;
            case MD_TEXT_SOFTBR:
                piece = " ";
                break;
            case MD_TEXT_ENTITY:
                piece = DecodeEntity(s);
                break;
            default:
                piece.assign(s);
                break;
        }
        if (in_image_ > 0) {  // alt text
            if (!images_.empty()) {
                auto& img = images_.back();
                if (img.spans.empty()) img.spans.push_back({});
                img.spans.back().text += piece;
            }
            return 0;
        }
        auto* spans = TargetSpans();
        if (!spans) return 0;
        unsigned style = kNormal;
        if (bold_ > 0) style |= kBold;
        if (italic_ > 0) style |= kItalic;
        if (code_ > 0 && !in_code_block_) style |= kCode;
        std::string href;
        if (!hrefs_.empty()) {
            style |= kLink;
            href = hrefs_.back();
        }
        if (!spans->empty() && spans->back().style == style && spans->back().href == href) {
            spans->back().text += piece;
        } else {
            spans->push_back({std::move(piece), style, std::move(href)});
        }
        return 0;
    }

private:
    Block& NewBlock(BlockKind kind) {
        auto& c = *containers_.back();
        c.emplace_back();
        c.back().kind = kind;
        c.back().line = 0;  // set by the first text that points into the source
        pending_line_ = true;
        return c.back();
    }

    Block& Resolve(const Target& t) { return (*t.container)[t.index]; }

    std::vector<Span>* TargetSpans() {
        if (target_.kind == Target::None || !target_.container || target_.index >= target_.container->size())
            return nullptr;
        auto& b = Resolve(target_);
        if (target_.kind == Target::TableCell) {
            if (b.rows.empty() || b.rows.back().empty()) return nullptr;
            return &b.rows.back().back();
        }
        return &b.spans;
    }

    // md4c hands out pointers into the source for most text: that gives each block its line.
    void NoteLine(const MD_CHAR* p) {
        if (p < text_.data() || p >= text_.data() + text_.size()) return;
        const std::size_t offset = std::size_t(p - text_.data());
        last_offset_ = std::max(last_offset_, offset);
        last_line_ = map_.LineOf(offset) + first_line_ - 1;
        if (!pending_line_) return;
        pending_line_ = false;
        // Every block opened since the last text starts at or before this text: fill the blank lines.
        FillLines(*containers_.front(), last_line_);
        for (auto* c : containers_) FillLines(*c, last_line_);
    }

    static void FillLines(std::vector<Block>& blocks, int line) {
        for (auto it = blocks.rbegin(); it != blocks.rend() && it->line == 0; ++it) it->line = line;
    }

    // A rule has no text: find the next `---`/`***`/`___` line after the last text seen.
    int FindRuleLine() {
        std::size_t start = 0;
        if (last_line_ != 0) {
            const auto nl = text_.find('\n', last_offset_);
            if (nl == std::string_view::npos) return last_line_;
            start = nl + 1;
        }
        while (start < text_.size()) {
            auto end = text_.find('\n', start);
            if (end == std::string_view::npos) end = text_.size();
            const auto line = TrimView(text_.substr(start, end - start));
            if (line.size() >= 3 && (line[0] == '-' || line[0] == '*' || line[0] == '_') &&
                line.find_first_not_of(std::string(1, line[0]) + " \t") == std::string_view::npos) {
                last_offset_ = start;
                last_line_ = map_.LineOf(start) + first_line_ - 1;
                return last_line_;
            }
            start = end + 1;
        }
        return last_line_;
    }

    // An image with empty alt text has no text pointer: find its `![` in the source.
    int FindImageLine() {
        const auto at = text_.find("![", last_line_ != 0 ? last_offset_ : 0);
        if (at == std::string_view::npos) return last_line_;
        return map_.LineOf(at) + first_line_ - 1;
    }

    void FlushImages() {
        if (images_.empty() || in_image_ > 0) return;
        for (auto& img : images_) {
            if (img.line == 0) img.line = last_line_;
            containers_.back()->push_back(std::move(img));
        }
        images_.clear();
    }

    std::string AttributeText(const MD_ATTRIBUTE& a) {
        std::string out;
        if (!a.text) return out;
        for (unsigned i = 0; a.substr_offsets && a.substr_offsets[i] < a.size; ++i) {
            const std::string_view part(a.text + a.substr_offsets[i],
                                        a.substr_offsets[i + 1] - a.substr_offsets[i]);
            if (a.substr_types[i] == MD_TEXT_ENTITY)
                out += DecodeEntity(part);
            else if (a.substr_types[i] == MD_TEXT_NULLCHAR)
                out += "\xEF\xBF\xBD";
            else
                out += part;
        }
        return out;
    }

    std::string_view text_;
    LineMap map_;
    int first_line_ = 1;
    Document doc_;
    std::vector<std::vector<Block>*> containers_;
    std::vector<ListState> lists_;
    std::vector<Target> item_stack_;
    Target target_;
    Target paragraph_;
    std::vector<Block> images_;
    std::vector<std::string> hrefs_;
    int bold_ = 0, italic_ = 0, code_ = 0, in_image_ = 0;
    bool in_code_block_ = false;
    bool heading_page_ = false;
    bool pending_line_ = false;
    std::size_t last_offset_ = 0;
    int last_line_ = 0;
};

constexpr std::size_t kMd4cSlack = 64;

}  // namespace

Document ParseMarkdown(std::string_view input, const MarkdownOptions& options) {
    // md4c 0.4.8 (Debian 12) reads a few bytes past the end of its input on some malformed tables
    // (found by fuzz_frontmatter; valgrind shows the read). Parse a copy that owns zeroed slack after the
    // text so such reads see NULs inside our allocation instead of whatever follows the caller's buffer.
    std::string padded;
    padded.reserve(input.size() + kMd4cSlack);
    padded.assign(input);
    padded.append(kMd4cSlack, '\0');
    const std::string_view text(padded.data(), input.size());
    Builder builder(text, options);
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOHTML | MD_FLAG_PERMISSIVEURLAUTOLINKS;
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
        return static_cast<Builder*>(u)->EnterBlock(t, d);
    };
    parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) {
        return static_cast<Builder*>(u)->LeaveBlock(t);
    };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) {
        return static_cast<Builder*>(u)->EnterSpan(t, d);
    };
    parser.leave_span = [](MD_SPANTYPE t, void*, void* u) { return static_cast<Builder*>(u)->LeaveSpan(t); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* p, MD_SIZE n, void* u) {
        return static_cast<Builder*>(u)->Text(t, p, n);
    };
    md_parse(text.data(), MD_SIZE(text.size()), &parser, &builder);
    return builder.Finish();
}

}  // namespace sinau::content
