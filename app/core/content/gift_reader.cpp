// A hand-written GIFT reader that follows Moodle's qformat_gift::readquestion step by step (blank
// lines separate questions; `//` lines are comments; escapes `\~ \= \# \{ \} \: \\ \n`; the first
// `{` and `}` delimit the answers; `####` starts the general feedback; the type is decided by the
// same tests in the same order). Where Moodle silently imports something that is almost surely a
// typo (an unclosed `::title`, a second answer block, a bad %weight%), we report it instead.
//
// Every character keeps its byte offset in the file, so each diagnostic points at the exact spot.
#include "content/gift_reader.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>

#include "content/source_text.hpp"

namespace sinau::content {

namespace {

struct Ch {
    char c;
    bool literal;       // came from a backslash escape: never a GIFT control character
    std::uint32_t off;  // byte offset in the file
};

struct Range {
    std::size_t b = 0, e = 0;  // indices into the question's Ch vector
    bool empty() const { return b >= e; }
};

bool IsSpace(const Ch& ch) {
    return !ch.literal &&
           (ch.c == ' ' || ch.c == '\t' || ch.c == '\n' || ch.c == '\r' || ch.c == '\f' || ch.c == '\v');
}

class QuestionText {
public:
    std::vector<Ch> ch;

    bool Is(std::size_t i, char c) const { return i < ch.size() && !ch[i].literal && ch[i].c == c; }
    bool StartsWith(Range r, std::string_view s) const {
        if (r.e - r.b < s.size() || r.b > r.e) return false;
        for (std::size_t k = 0; k < s.size(); ++k)
            if (!Is(r.b + k, s[k])) return false;
        return true;
    }
    Range Trim(Range r) const {
        while (r.b < r.e && IsSpace(ch[r.b])) ++r.b;
        while (r.e > r.b && IsSpace(ch[r.e - 1])) --r.e;
        return r;
    }
    std::size_t Find(Range r, char c) const {
        for (std::size_t i = r.b; i < r.e; ++i)
            if (Is(i, c)) return i;
        return npos;
    }
    std::size_t Find(Range r, std::string_view s) const {
        for (std::size_t i = r.b; i + s.size() <= r.e; ++i)
            if (StartsWith({i, r.e}, s)) return i;
        return npos;
    }
    std::size_t FindLast(Range r, std::string_view s) const {
        for (std::size_t i = r.e; i >= r.b + s.size(); --i)
            if (StartsWith({i - s.size(), r.e}, s)) return i - s.size();
        return npos;
    }
    std::string Str(Range r) const {
        r = Trim(r);
        std::string out;
        out.reserve(r.e - r.b);
        for (std::size_t i = r.b; i < r.e; ++i) out += ch[i].c;
        return out;
    }
    std::uint32_t Offset(std::size_t i) const {
        if (ch.empty()) return 0;
        return ch[std::min(i, ch.size() - 1)].off;
    }
    // Pieces of `r` each starting at a separator; piece 0 is what precedes the first one.
    std::vector<Range> SplitBefore(Range r, const std::function<bool(std::size_t)>& is_sep) const {
        std::vector<Range> pieces{{r.b, r.b}};
        for (std::size_t i = r.b; i < r.e; ++i) {
            if (is_sep(i)) {
                pieces.back().e = i;
                pieces.push_back({i, i});
            }
        }
        pieces.back().e = r.e;
        return pieces;
    }

    static constexpr std::size_t npos = std::size_t(-1);
};

struct FormattedText {
    std::string text;
    std::optional<TextFormat> format;  // set when the text began with [moodle] [html] [plain] [markdown]
};

struct Line {
    std::size_t begin, end;  // byte range without the line break (and without a trailing '\r')
};

class GiftParser {
public:
    GiftParser(std::string_view text, const std::string& file) : text_(text), file_(file), map_(text) {}

    GiftFile Run() {
        std::vector<Line> block;
        std::size_t pos = 0;
        while (pos <= text_.size()) {
            std::size_t end = text_.find('\n', pos);
            const bool last = end == std::string_view::npos;
            if (last) end = text_.size();
            Line line{pos, end};
            if (line.end > line.begin && text_[line.end - 1] == '\r') --line.end;
            if (TrimView(text_.substr(line.begin, line.end - line.begin)).empty()) {
                if (!block.empty()) ProcessBlock(block);
                block.clear();
            } else {
                block.push_back(line);
            }
            if (last) break;
            pos = end + 1;
        }
        if (!block.empty()) ProcessBlock(block);
        return std::move(out_);
    }

private:
    // Garbage input could yield one problem per byte: past the cap, only a count is kept.
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

    void ProcessBlock(const std::vector<Line>& lines) {
        std::string comments;
        std::size_t annotation_at = std::string_view::npos;
        QuestionText q;
        bool first = true;
        for (const auto& line : lines) {
            const auto view = text_.substr(line.begin, line.end - line.begin);
            const auto trimmed = TrimView(view);
            if (trimmed.substr(0, 2) == "//") {
                comments.append(trimmed).push_back('\n');
                if (annotation_at == std::string_view::npos &&
                    (trimmed.find("[id:") != std::string_view::npos ||
                     trimmed.find("[tag:") != std::string_view::npos))
                    annotation_at = line.begin + std::size_t(trimmed.data() - view.data());
                continue;
            }
            if (!first) q.ch.push_back({'\n', false, std::uint32_t(line.begin - 1)});
            first = false;
            for (std::size_t i = line.begin; i < line.end; ++i) {
                const char c = text_[i];
                if (c == '\\' && i + 1 < line.end) {
                    const char n = text_[i + 1];
                    if (n == '\\' || n == ':' || n == '#' || n == '=' || n == '{' || n == '}' || n == '~' ||
                        n == 'n') {
                        q.ch.push_back({n == 'n' ? '\n' : n, true, std::uint32_t(i)});
                        ++i;
                        continue;
                    }
                }
                q.ch.push_back({c, false, std::uint32_t(i)});
            }
        }
        if (q.ch.empty()) {
            if (annotation_at != std::string_view::npos)
                Error(annotation_at,
                      "komentar [id:...] / [tag:...] tidak menempel pada soal: hapus baris kosong antara "
                      "komentar "
                      "ini dan soalnya");
            return;
        }
        ParseQuestion(q, comments);
    }

    static void ReadAnnotations(const std::string& comments, Question& question) {
        // Moodle: `[id:...]` (first one wins) and every `[tag:...]`; `\]` is an escaped bracket.
        const auto read = [&](std::size_t start) {
            std::string value;
            for (std::size_t i = start; i < comments.size(); ++i) {
                if (comments[i] == '\\' && i + 1 < comments.size() && comments[i + 1] == ']') {
                    value += ']';
                    ++i;
                } else if (comments[i] == ']') {
                    return std::optional<std::string>(std::string(TrimView(value)));
                } else if (static_cast<unsigned char>(comments[i]) < 0x20) {
                    return std::optional<std::string>();
                } else {
                    value += comments[i];
                }
            }
            return std::optional<std::string>();
        };
        if (const auto at = comments.find("[id:"); at != std::string::npos)
            if (auto v = read(at + 4); v && !v->empty()) {
                question.id = *v;
                question.id_given = true;
            }
        for (auto at = comments.find("[tag:"); at != std::string::npos; at = comments.find("[tag:", at + 5))
            if (auto v = read(at + 5); v && !v->empty()) question.tags.push_back(*v);
    }

    FormattedText WithFormat(const QuestionText& q, Range r) {
        r = q.Trim(r);
        FormattedText out;
        if (q.Is(r.b, '[')) {
            const auto close = q.Find(r, ']');
            if (close != QuestionText::npos) {
                const std::string name = q.Str({r.b + 1, close});
                if (name == "moodle")
                    out.format = TextFormat::Moodle;
                else if (name == "html")
                    out.format = TextFormat::Html;
                else if (name == "plain")
                    out.format = TextFormat::Plain;
                else if (name == "markdown")
                    out.format = TextFormat::Markdown;
                if (out.format) r.b = close + 1;
            }
        }
        out.text = q.Str(r);
        return out;
    }

    // `%50%`, `%-100%`, `%33.333%` at the start of `r`. Returns false after reporting a malformed one.
    bool ReadWeight(const QuestionText& q, Range& r, double& weight) {
        r = q.Trim(r);
        if (!q.Is(r.b, '%')) return true;
        const auto close = q.Find({r.b + 1, r.e}, '%');
        const std::string inner = close == QuestionText::npos ? std::string() : q.Str({r.b + 1, close});
        double value = 0;
        const char* first = inner.data();
        const char* last = inner.data() + inner.size();
        const auto [ptr, ec] = std::from_chars(first, last, value);
        if (close == QuestionText::npos || inner.empty() || ec != std::errc() || ptr != last ||
            inner.find_first_of("eE") != std::string::npos || !std::isfinite(value)) {
            Error(
                q.Offset(r.b),
                "bobot tidak sah: tulis persen di antara dua tanda %, mis. ~%50%jawaban atau ~%-100%jawaban");
            return false;
        }
        if (value < -100.0 || value > 100.0) {
            Error(q.Offset(r.b), "bobot harus antara -100% dan 100%, bukan " + inner + "%");
            return false;
        }
        weight = value / 100.0;
        r.b = close + 1;
        return true;
    }

    // `text#feedback` (the first unescaped '#' separates them).
    std::pair<FormattedText, FormattedText> SplitFeedback(const QuestionText& q, Range r) {
        const auto hash = q.Find(r, '#');
        if (hash == QuestionText::npos) return {WithFormat(q, r), {}};
        return {WithFormat(q, {r.b, hash}), WithFormat(q, {hash + 1, r.e})};
    }

    void ParseQuestion(const QuestionText& q, const std::string& comments) {
        Range all = q.Trim({0, q.ch.size()});
        if (all.empty()) return;

        if (q.StartsWith(all, "$CATEGORY:")) {
            Range rest{all.b + 10, all.e};
            const auto nl = q.Find(rest, '\n');
            if (nl != QuestionText::npos && !q.Trim({nl, rest.e}).empty()) {
                Error(q.Offset(q.Trim({nl, rest.e}).b),
                      "sesudah baris $CATEGORY: perlu satu baris kosong sebelum soal berikutnya");
                rest.e = nl;
            }
            category_ = q.Str(rest);
            return;
        }

        Question question;
        question.file = file_;
        question.category = category_;
        const auto start = map_.At(q.Offset(all.b));
        question.line = start.line;
        question.col = start.col;
        ReadAnnotations(comments, question);

        Range text = all;
        if (q.StartsWith(text, "::")) {
            const auto close = q.Find({text.b + 2, text.e}, "::");
            if (close == QuestionText::npos) {
                Error(q.Offset(text.b),
                      "judul soal tidak ditutup: tulis ::Judul:: lalu teks soal (atau \\: untuk titik dua "
                      "biasa)");
                return;
            }
            std::string title = q.Str({text.b + 2, close});
            std::string clean;  // Moodle's clean_question_name: whitespace collapsed
            for (const char c : title) {
                const bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
                if (ws) {
                    if (!clean.empty() && clean.back() != ' ') clean += ' ';
                } else {
                    clean += c;
                }
            }
            while (!clean.empty() && clean.back() == ' ') clean.pop_back();
            question.title = clean;
            text = q.Trim({close + 2, text.e});
        }

        const auto open = q.Find(text, '{');
        const auto close = q.Find(text, '}');
        if (open == QuestionText::npos && close == QuestionText::npos) {
            const auto stem = WithFormat(q, text);
            question.type = QuestionType::Description;
            question.stem = stem.text;
            question.format = stem.format.value_or(TextFormat::Moodle);
            Finish(std::move(question));
            return;
        }
        if (open == QuestionText::npos || close < open) {
            Error(q.Offset(close), "'}' tanpa '{' pembuka; tulis \\} bila maksudnya kurung kurawal biasa");
            return;
        }
        if (close == QuestionText::npos) {
            Error(q.Offset(open), "'{' tidak ditutup dengan '}': jawaban soal ditulis di antara { dan }");
            return;
        }
        if (const auto again = q.Find({open + 1, close}, '{'); again != QuestionText::npos) {
            Error(q.Offset(again),
                  "'{' kedua di dalam blok jawaban; tulis \\{ bila maksudnya kurung kurawal biasa");
            return;
        }
        for (std::size_t i = close + 1; i < text.e; ++i) {
            if (q.Is(i, '{') || q.Is(i, '}')) {
                Error(q.Offset(i),
                      "satu soal hanya boleh punya satu blok jawaban {...}; pisahkan soal dengan baris "
                      "kosong, atau tulis \\{ \\} untuk kurung kurawal biasa");
                return;
            }
        }
        const auto answer_pos = map_.At(q.Offset(open));
        question.answer_line = answer_pos.line;
        question.answer_col = answer_pos.col;

        const auto stem = WithFormat(q, {text.b, open});
        question.format = stem.format.value_or(TextFormat::Moodle);
        question.stem = stem.text;
        Range after = q.Trim({close + 1, text.e});
        // Sinau's content format writes the general feedback after the block: `}####...` (also after a
        // missing word's trailing text). Moodle expects it inside (`...####...}`); both are read.
        bool feedback_after = false;
        if (const auto gf = q.Find(after, "####"); gf != QuestionText::npos) {
            question.general_feedback = WithFormat(q, {gf + 4, after.e}).text;
            after = q.Trim({after.b, gf});
            feedback_after = true;
        }
        question.stem_after = q.Str(after);  // non-empty: missing word

        Range answers = q.Trim({open + 1, close});
        if (const auto gf = q.FindLast(answers, "####"); gf != QuestionText::npos) {
            if (feedback_after) {
                Error(
                    q.Offset(gf),
                    "umpan balik umum '####' ditulis dua kali (di dalam dan sesudah '}'); pakai salah satu");
                return;
            }
            question.general_feedback = WithFormat(q, {gf + 4, answers.e}).text;
            answers = q.Trim({answers.b, gf});
        }

        bool ok = true;
        if (answers.empty()) {
            question.type = QuestionType::Essay;
        } else if (q.Is(answers.b, '#')) {
            ok = ParseNumerical(q, {answers.b + 1, answers.e}, question);
        } else if (q.Find(answers, '~') != QuestionText::npos) {
            ok = ParseChoices(q, answers, question, open);
        } else if (q.Find(answers, '=') != QuestionText::npos &&
                   q.Find(answers, "->") != QuestionText::npos) {
            ok = ParseMatching(q, answers, question, open);
        } else {
            Range check = answers;
            if (const auto hash = q.Find(answers, '#'); hash != QuestionText::npos) check.e = hash;
            const std::string value = q.Str(check);
            if (value == "T" || value == "TRUE" || value == "F" || value == "FALSE")
                ParseTrueFalse(q, answers, question);
            else
                ok = ParseShort(q, answers, question, open);
        }
        if (ok) Finish(std::move(question));
    }

    void Finish(Question question) {
        const bool title_given = !question.title.empty();
        if (question.title.empty()) {
            // Moodle names an untitled question after the start of its text.
            std::size_t cut = 0, cps = 0;
            const auto& s = question.stem;
            while (cut < s.size() && cps < 60) {
                ++cut;
                while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
                ++cps;
            }
            question.title = s.substr(0, cut);
            for (auto& c : question.title)
                if (c == '\n') c = ' ';
        }
        if (question.id.empty() && !question.title.empty() && title_given) question.id = question.title;
        if (question.id.empty()) {
            const auto slash = file_.find_last_of('/');
            question.id = (slash == std::string::npos ? file_ : file_.substr(slash + 1)) + ":" +
                          std::to_string(question.line);
        }
        out_.questions.push_back(std::move(question));
    }

    bool ParseChoices(const QuestionText& q, Range answers, Question& question, std::size_t open) {
        auto pieces = q.SplitBefore(answers, [&](std::size_t i) { return q.Is(i, '~') || q.Is(i, '='); });
        if (const auto lead = q.Trim(pieces.front()); !lead.empty()) {
            Error(
                q.Offset(lead.b),
                "ada teks sebelum pilihan pertama: awali setiap pilihan dengan '=' (benar) atau '~' (salah)");
            return false;
        }
        bool single = false;
        for (std::size_t k = 1; k < pieces.size(); ++k) {
            const std::size_t marker = pieces[k].b;
            Range body{marker + 1, pieces[k].e};
            Choice choice;
            if (q.Is(marker, '=')) {
                single = true;
                choice.fraction = 1.0;
                if (q.Is(q.Trim(body).b, '%')) {
                    Error(q.Offset(q.Trim(body).b),
                          "bobot %...% hanya dipakai setelah '~' pada pilihan ganda; tulis ~%50%jawaban "
                          "(atau '=' saja untuk jawaban benar)");
                    return false;
                }
            } else if (!ReadWeight(q, body, choice.fraction)) {
                return false;  // one problem per question is enough to fix it
            }
            auto [text, feedback] = SplitFeedback(q, body);
            if (text.text.empty()) {
                Error(q.Offset(marker), std::string("pilihan kosong sesudah '") + q.ch[marker].c + "'");
                return false;  // one problem per question is enough to fix it
            }
            const auto pos = map_.At(q.Offset(marker));
            choice.text = std::move(text.text);
            choice.feedback = std::move(feedback.text);
            choice.line = pos.line;
            choice.col = pos.col;
            question.choices.push_back(std::move(choice));
        }
        question.type = single ? QuestionType::Mc : QuestionType::Multi;
        if (question.choices.size() < 2) {
            Error(q.Offset(open), "pilihan ganda perlu sedikitnya dua pilihan");
            return false;
        }
        return true;
    }

    bool ParseMatching(const QuestionText& q, Range answers, Question& question, std::size_t open) {
        auto pieces = q.SplitBefore(answers, [&](std::size_t i) { return q.Is(i, '='); });
        if (const auto lead = q.Trim(pieces.front()); !lead.empty()) {
            Error(q.Offset(lead.b),
                  "ada teks sebelum pasangan pertama: tulis setiap pasangan sebagai =kiri -> kanan");
            return false;
        }
        for (std::size_t k = 1; k < pieces.size(); ++k) {
            const std::size_t marker = pieces[k].b;
            const Range body{marker + 1, pieces[k].e};
            const auto arrow = q.Find(body, "->");
            if (arrow == QuestionText::npos) {
                Error(q.Offset(marker), "pasangan menjodohkan harus ditulis =kiri -> kanan");
                return false;  // one problem per question is enough to fix it
            }
            MatchPair pair;
            pair.left = WithFormat(q, {body.b, arrow}).text;
            pair.right = q.Str({arrow + 2, body.e});
            if (pair.right.empty()) {
                Error(q.Offset(arrow), "pasangan menjodohkan tanpa jawaban di kanan '->'");
                return false;  // one problem per question is enough to fix it
            }
            const auto pos = map_.At(q.Offset(marker));
            pair.line = pos.line;
            pair.col = pos.col;
            question.pairs.push_back(std::move(pair));
        }
        question.type = QuestionType::Match;
        if (question.pairs.size() < 2) {
            Error(q.Offset(open), "soal menjodohkan perlu sedikitnya dua pasangan =kiri -> kanan");
            return false;
        }
        return true;
    }

    void ParseTrueFalse(const QuestionText& q, Range answers, Question& question) {
        // Moodle: {T#feedback when the learner is WRONG#feedback when RIGHT}.
        const auto h1 = q.Find(answers, '#');
        Range value = answers, wrong{answers.e, answers.e}, right{answers.e, answers.e};
        if (h1 != QuestionText::npos) {
            value.e = h1;
            wrong = {h1 + 1, answers.e};
            if (const auto h2 = q.Find(wrong, '#'); h2 != QuestionText::npos) {
                right = {h2 + 1, answers.e};
                wrong.e = h2;
            }
        }
        const std::string v = q.Str(value);
        question.type = QuestionType::TrueFalse;
        question.tf_answer = v == "T" || v == "TRUE";
        question.tf_feedback_wrong = WithFormat(q, wrong).text;
        question.tf_feedback_right = WithFormat(q, right).text;
    }

    bool ParseShort(const QuestionText& q, Range answers, Question& question, std::size_t open) {
        auto pieces = q.SplitBefore(answers, [&](std::size_t i) { return q.Is(i, '='); });
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            Range body = pieces[k];
            if (k > 0)
                ++body.b;  // skip '='
            else if (q.Trim(body).empty())
                continue;  // Moodle drops an empty text before the first '='
            Choice choice;
            choice.fraction = 1.0;
            if (!ReadWeight(q, body, choice.fraction)) {
                return false;  // one problem per question is enough to fix it
            }
            auto [text, feedback] = SplitFeedback(q, body);
            if (text.text.empty()) {
                Error(q.Offset(pieces[k].b), "jawaban isian kosong sesudah '='");
                return false;  // one problem per question is enough to fix it
            }
            const auto pos = map_.At(q.Offset(pieces[k].b));
            choice.text = std::move(text.text);
            choice.feedback = std::move(feedback.text);
            choice.line = pos.line;
            choice.col = pos.col;
            question.choices.push_back(std::move(choice));
        }
        question.type = QuestionType::Short;
        if (question.choices.empty()) {
            Error(q.Offset(open), "soal isian singkat belum punya jawaban: tulis {=jawaban}");
            return false;
        }
        return true;
    }

    std::optional<double> Number(const std::string& s) {
        std::string_view v = TrimView(s);
        if (!v.empty() && v.front() == '+') v.remove_prefix(1);
        double d = 0;
        const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
        if (v.empty() || ec != std::errc() || ptr != v.data() + v.size() || !std::isfinite(d))
            return std::nullopt;
        return d;
    }

    bool ParseNumerical(const QuestionText& q, Range answers, Question& question) {
        question.type = QuestionType::Numerical;
        if (const auto tilde = q.Find(answers, '~'); tilde != QuestionText::npos) {
            // `~#feedback`: what any answer not listed gets (Moodle stores it as the '*' answer).
            question.wrong_feedback = SplitFeedback(q, {tilde + 1, answers.e}).second.text;
            answers.e = tilde;
        }
        auto pieces = q.SplitBefore(answers, [&](std::size_t i) { return q.Is(i, '='); });
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            Range body = pieces[k];
            if (k > 0)
                ++body.b;
            else if (q.Trim(body).empty())
                continue;
            NumericalAnswer answer;
            if (!ReadWeight(q, body, answer.fraction)) {
                return false;  // one problem per question is enough to fix it
            }
            auto [text, feedback] = SplitFeedback(q, body);
            const std::string& s = text.text;
            const auto at = q.Offset(q.Trim(body).b);
            std::optional<double> value, tolerance = 0.0, lo, hi;
            bool range = false;
            if (const auto dots = s.find(".."); dots != std::string::npos && dots > 0) {
                range = true;
                lo = Number(s.substr(0, dots));
                hi = Number(s.substr(dots + 2));
                if (lo && hi) value = (*lo + *hi) / 2;
            } else if (const auto colon = s.find(':'); colon != std::string::npos && colon > 0) {
                value = Number(s.substr(0, colon));
                tolerance = Number(s.substr(colon + 1));
            } else {
                value = Number(s);
            }
            if (!value || !tolerance || (range && (!lo || !hi))) {
                Error(
                    at,
                    "jawaban numerik harus angka (pakai titik untuk desimal), mis. {#2024} atau {#12.5:0.5} "
                    "atau {#1..5}, bukan '" +
                        s + "'");
                return false;  // one problem per question is enough to fix it
            }
            if (range && *lo > *hi) {
                Error(at, "rentang numerik terbalik: batas bawah lebih besar dari batas atas ('" + s + "')");
                return false;  // one problem per question is enough to fix it
            }
            if (*tolerance < 0) {
                Error(at, "toleransi numerik tidak boleh negatif ('" + s + "')");
                return false;  // one problem per question is enough to fix it
            }
            answer.value = *value;
            answer.min = range ? *lo : *value - *tolerance;
            answer.max = range ? *hi : *value + *tolerance;
            answer.feedback = std::move(feedback.text);
            const auto pos = map_.At(q.Offset(pieces[k].b));
            answer.line = pos.line;
            answer.col = pos.col;
            question.numerical.push_back(std::move(answer));
        }
        if (question.numerical.empty()) {
            Error(q.Offset(answers.b), "soal numerik belum punya jawaban: tulis mis. {#2024} atau {#1..5}");
            return false;
        }
        return true;
    }

    std::string_view text_;
    const std::string& file_;
    LineMap map_;
    GiftFile out_;
    std::string category_;
};

}  // namespace

GiftFile ParseGift(std::string_view bytes, const std::string& file) {
    GiftFile result;
    std::string_view text;
    if (!CheckSourceText(bytes, file, result.errors, &text)) return result;
    return GiftParser(text, file).Run();
}

}  // namespace sinau::content
