// Twee 3 reader: passage headers `:: Name [tags] {metadata}` with backslash escapes, StoryTitle,
// StoryData (JSON), and Twine 2's link forms. Sinau's convention lives in tags and one paragraph,
// so a scenario stays loadable by Twine 2 unchanged.
#include "content/twee_reader.hpp"

#include <nlohmann/json.hpp>

#include <charconv>

#include "content/source_text.hpp"

namespace sinau::content {

namespace {

std::string Trimmed(std::string_view s) {
    return std::string(TrimView(s));
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

struct RawPassage {
    std::string name;
    std::vector<std::string> tags;
    std::size_t header_offset = 0;
    int line = 0;
    std::size_t body_begin = 0, body_end = 0;  // byte range of the content in the file
};

class TweeParser {
public:
    TweeParser(std::string_view text, const std::string& file, const std::string& id)
        : text_(text), file_(file), map_(text) {
        out_.scenario.id = id;
        out_.scenario.file = file;
    }

    TweeFile Run() {
        std::vector<RawPassage> raw;
        std::size_t pos = 0;
        bool stray_reported = false;
        while (pos < text_.size()) {
            std::size_t end = text_.find('\n', pos);
            if (end == std::string_view::npos) end = text_.size();
            const auto line = text_.substr(pos, end - pos);
            if (line.substr(0, 2) == "::") {
                if (!raw.empty()) raw.back().body_end = pos;
                RawPassage p;
                if (ParseHeader(pos, line, p)) {
                    p.body_begin = std::min(end + 1, text_.size());
                    p.body_end = text_.size();
                    raw.push_back(std::move(p));
                } else {
                    // Keep the following content out of the previous passage.
                    RawPassage skip;
                    skip.name.clear();
                    skip.body_begin = skip.body_end = std::min(end + 1, text_.size());
                    skip.line = -1;
                    raw.push_back(std::move(skip));
                }
            } else if (raw.empty() && !stray_reported && !TrimView(line).empty()) {
                Error(pos, "teks di luar passage: setiap passage diawali baris ':: Nama passage'");
                stray_reported = true;
            }
            pos = end + 1;
        }
        for (auto& p : raw) {
            if (p.line < 0) continue;
            if (p.body_end < p.body_begin) p.body_end = p.body_begin;
            Handle(p);
        }
        if (out_.scenario.start.empty()) out_.scenario.start = "Start";
        return std::move(out_);
    }

private:
    static constexpr std::size_t kMaxErrors = 200;
    void Error(std::size_t offset, std::string message) {
        if (out_.errors.size() < kMaxErrors) {
            out_.errors.push_back(DiagnosticAt(file_, map_, offset, std::move(message)));
        } else if (out_.errors.size() == kMaxErrors) {
            out_.errors.push_back(
                {file_, 0, 0,
                 "terlalu banyak masalah; sisanya tidak ditampilkan — perbaiki yang di atas dulu"});
        }
    }

    // `:: Name [tag1 tag2] {"position":"600,400"}`; `\x` stands for x in names and tags.
    bool ParseHeader(std::size_t line_offset, std::string_view line, RawPassage& p) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        p.header_offset = line_offset;
        p.line = map_.LineOf(line_offset);
        std::size_t i = 2;
        std::string name;
        while (i < line.size() && line[i] != '[' && line[i] != '{') {
            if (line[i] == '\\' && i + 1 < line.size())
                ++i;
            else if (line[i] == ']' || line[i] == '}') {
                Error(line_offset + i,
                      std::string("'") + line[i] + "' di nama passage harus ditulis \\" + line[i]);
                return false;
            }
            name += line[i++];
        }
        p.name = Trimmed(name);
        if (p.name.empty()) {
            Error(line_offset, "nama passage kosong sesudah '::'");
            return false;
        }
        if (i < line.size() && line[i] == '[') {
            const std::size_t open = i++;
            std::string tag;
            bool closed = false;
            for (; i < line.size(); ++i) {
                const char c = line[i];
                if (c == '\\' && i + 1 < line.size()) {
                    tag += line[++i];
                } else if (c == ']') {
                    closed = true;
                    ++i;
                    break;
                } else if (c == ' ' || c == '\t') {
                    if (!tag.empty()) p.tags.push_back(std::move(tag));
                    tag.clear();
                } else {
                    tag += c;
                }
            }
            if (!tag.empty()) p.tags.push_back(std::move(tag));
            if (!closed) {
                Error(line_offset + open, "daftar tag passage tidak ditutup dengan ']'");
                return false;
            }
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        }
        if (i < line.size() && line[i] == '{') {
            const auto meta = line.substr(i);
            const auto parsed = nlohmann::json::parse(meta.begin(), meta.end(), nullptr, false);
            if (parsed.is_discarded() || !parsed.is_object())
                Error(line_offset + i,
                      "metadata passage bukan JSON yang sah (mis. {\"position\":\"600,400\"}); diabaikan");
            return true;
        }
        if (i < line.size() && !TrimView(line.substr(i)).empty()) {
            Error(line_offset + i, "teks tak terduga sesudah nama/tag passage");
            return false;
        }
        return true;
    }

    void Handle(const RawPassage& raw) {
        const auto body = text_.substr(raw.body_begin, raw.body_end - raw.body_begin);
        if (raw.name == "StoryTitle") {
            if (seen_title_) Error(raw.header_offset, "StoryTitle ditulis dua kali");
            seen_title_ = true;
            out_.scenario.title = Trimmed(body);
            return;
        }
        if (raw.name == "StoryData") {
            if (seen_data_) Error(raw.header_offset, "StoryData ditulis dua kali");
            seen_data_ = true;
            out_.scenario.data_line = raw.line;
            ReadStoryData(raw, body);
            return;
        }
        for (const auto& t : raw.tags)
            if (t == "script" || t == "stylesheet") return;

        Passage p;
        p.name = raw.name;
        p.tags = raw.tags;
        p.line = raw.line;
        for (const auto& t : raw.tags) {
            if (t == "akhir") p.ending = true;
            if (t.compare(0, 5, "skor:") == 0) {
                int value = 0;
                const std::string_view v(t.data() + 5, t.size() - 5);
                const char* b = v.data();
                const char* e = v.data() + v.size();
                if (!v.empty() && *b == '+') ++b;
                const auto [ptr, ec] = std::from_chars(b, e, value);
                if (v.empty() || ec != std::errc() || ptr != e) {
                    Error(raw.header_offset,
                          "tag skor tidak sah '" + t + "': tulis bilangan bulat, mis. skor:2 atau skor:-1");
                } else if (p.score) {
                    Error(raw.header_offset, "passage punya lebih dari satu tag skor:");
                } else {
                    p.score = value;
                }
            }
        }
        ReadBody(raw, p);
        out_.scenario.passages.push_back(std::move(p));
    }

    void ReadStoryData(const RawPassage& raw, std::string_view body) {
        nlohmann::json data;
        try {
            data = nlohmann::json::parse(body.begin(), body.end());
        } catch (const nlohmann::json::parse_error& e) {
            const std::size_t at =
                raw.body_begin + (e.byte > 0 ? std::min<std::size_t>(e.byte - 1, body.size()) : 0);
            Error(at,
                  "StoryData bukan JSON yang sah; contoh: {\"ifid\": \"...\", \"format\": \"Harlowe\", "
                  "\"start\": \"Mulai\"}");
            return;
        } catch (const std::exception&) {
            Error(raw.header_offset, "StoryData tidak bisa dibaca");
            return;
        }
        if (!data.is_object()) {
            Error(raw.header_offset, "StoryData harus objek JSON { ... }");
            return;
        }
        const auto str = [&](const char* key, std::string& into) {
            const auto it = data.find(key);
            if (it == data.end()) return;
            if (it->is_string())
                into = it->get<std::string>();
            else
                Error(raw.header_offset, std::string("StoryData \"") + key + "\" harus teks");
        };
        str("ifid", out_.scenario.ifid);
        str("start", out_.scenario.start);
        str("format", out_.scenario.format);
        str("format-version", out_.scenario.format_version);
    }

    void ReadBody(const RawPassage& raw, Passage& p) {
        std::string text, feedback;
        bool in_feedback = false;
        std::size_t pos = raw.body_begin;
        while (pos < raw.body_end) {
            std::size_t end = text_.find('\n', pos);
            if (end == std::string_view::npos || end > raw.body_end) end = raw.body_end;
            std::string_view line = text_.substr(pos, end - pos);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            std::string kept;  // the line without link markup
            bool only_links = true;
            std::size_t i = 0;
            bool had_link = false;
            while (i < line.size()) {
                const auto open = line.find("[[", i);
                if (open == std::string_view::npos) {
                    kept.append(line.substr(i));
                    if (!TrimView(line.substr(i)).empty()) only_links = false;
                    break;
                }
                if (!TrimView(line.substr(i, open - i)).empty()) only_links = false;
                kept.append(line.substr(i, open - i));
                const auto close = line.find("]]", open + 2);
                if (close == std::string_view::npos) {
                    Error(pos + open, "tautan '[[' tidak ditutup dengan ']]' di baris yang sama");
                    kept.append(line.substr(open));
                    only_links = false;
                    break;
                }
                Link link = SplitLink(line.substr(open + 2, close - open - 2));
                const auto at = map_.At(pos + open);
                link.line = at.line;
                link.col = at.col;
                if (link.target.empty()) {
                    Error(pos + open, "tautan tanpa nama passage tujuan");
                } else {
                    kept.append(link.text);
                    p.links.push_back(std::move(link));
                }
                had_link = true;
                i = close + 2;
            }
            const auto trimmed = TrimView(kept);
            if (had_link && only_links) {
                in_feedback = false;  // a choice line ends the feedback paragraph; it is not text
            } else if (trimmed.empty()) {
                in_feedback = false;
                text += '\n';
            } else if (StartsWithNoCase(trimmed, "umpan balik:")) {
                in_feedback = true;
                if (!feedback.empty()) feedback += "\n\n";
                feedback += Trimmed(trimmed.substr(12));
            } else if (in_feedback) {
                feedback += '\n';
                feedback += trimmed;
            } else {
                text += kept;
                text += '\n';
            }
            pos = end + 1;
        }
        // Collapse blank-line runs (left where link lines and feedback were) and trim.
        std::string clean;
        int newlines = 0;
        for (const char c : text) {
            if (c == '\n') {
                ++newlines;
                continue;
            }
            if (!clean.empty()) clean.append(std::size_t(std::min(newlines, 2)), '\n');
            newlines = 0;
            clean += c;
        }
        p.text = Trimmed(clean);
        p.feedback = std::move(feedback);
    }

    std::string_view text_;
    const std::string& file_;
    LineMap map_;
    TweeFile out_;
    bool seen_title_ = false;
    bool seen_data_ = false;
};

}  // namespace

Link SplitLink(std::string_view inner) {
    if (const auto setter = inner.find("]["); setter != std::string_view::npos)
        inner = inner.substr(0, setter);
    Link link;
    if (const auto arrow = inner.rfind("->"); arrow != std::string_view::npos) {
        link.text = Trimmed(inner.substr(0, arrow));
        link.target = Trimmed(inner.substr(arrow + 2));
    } else if (const auto back = inner.find("<-"); back != std::string_view::npos) {
        link.target = Trimmed(inner.substr(0, back));
        link.text = Trimmed(inner.substr(back + 2));
    } else if (const auto bar = inner.find('|'); bar != std::string_view::npos) {
        link.text = Trimmed(inner.substr(0, bar));
        link.target = Trimmed(inner.substr(inner.rfind('|') + 1));
    } else {
        link.text = link.target = Trimmed(inner);
    }
    return link;
}

TweeFile ParseTwee(std::string_view bytes, const std::string& file, const std::string& id) {
    TweeFile result;
    result.scenario.id = id;
    result.scenario.file = file;
    std::string_view text;
    if (!CheckSourceText(bytes, file, result.errors, &text)) {
        result.scenario.start = "Start";
        return result;
    }
    return TweeParser(text, file, id).Run();
}

}  // namespace sinau::content
