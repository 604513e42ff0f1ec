#pragma once
// The course as plain data: what the readers produce and everything else (engine, UI, CLI) consumes.
// One path from file to screen: content/ files -> LoadCourse() -> Course -> engine/UI.
// Formats are documented for trainers in content/README.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.hpp"

namespace sinau::content {

// ---------------------------------------------------------------------------------------------
// Markdown reading text (CommonMark via md4c), already split into pages at each `##` heading.

enum SpanStyle : unsigned { kNormal = 0, kBold = 1, kItalic = 2, kCode = 4, kLink = 8 };

struct Span {
    std::string text;
    unsigned style = kNormal;  // bitmask of SpanStyle
    std::string href;          // for kLink
};

enum class BlockKind { Heading, Paragraph, ListItem, Quote, Table, Image, Rule, Code };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;            // Heading: 1..6. ListItem: nesting depth, 0 = top level. Paragraph: 0, or
                              // depth+1 for a further paragraph inside a list item (indent it like the item)
    int number = 0;           // ListItem: 0 for a bullet, else the ordinal shown ("1.", "2.", ...)
    std::vector<Span> spans;  // inline text (Heading, Paragraph, ListItem, Code)
    std::vector<Block> children;                       // Quote: its paragraphs and list items
    std::vector<std::vector<std::vector<Span>>> rows;  // Table: rows[r][c] -> spans; row 0 is the header
    std::string image;                                 // Image: path relative to the repo's assets/ dir
    int line = 0;                                      // source line (1-based) in the module file
};

struct Page {
    std::string title;  // the `##` heading text; the first page takes the module title
    std::vector<Block> blocks;
};

struct Document {
    std::vector<Page> pages;
};

// ---------------------------------------------------------------------------------------------
// Questions (Moodle GIFT). See Moodle's GIFT format documentation for the syntax.

enum class QuestionType { Mc, Multi, TrueFalse, Short, Match, Numerical, Essay, Description };
// "mc", "multi", "tf", "short", "match", "numerical", "essay", "description" (lint --json names)
std::string_view TypeName(QuestionType type);

enum class TextFormat { Moodle, Markdown, Html, Plain };  // GIFT [moodle] [markdown] [html] [plain]

struct Choice {
    std::string text;
    double fraction = 0.0;  // '=' -> 1.0, '~' -> 0.0, '~%50%' -> 0.5, '~%-100%' -> -1.0
    std::string feedback;   // per-answer '#feedback'
    int line = 0;           // position of its '=' or '~' marker in the file
    int col = 0;
};

struct NumericalAnswer {
    double min = 0.0;  // accepted range: value±tolerance, or lo..hi
    double max = 0.0;
    double value = 0.0;  // the nominal answer shown as "the right answer" (midpoint for lo..hi)
    double fraction = 1.0;
    std::string feedback;
    int line = 0;  // position of the answer in the file
    int col = 0;
};

struct MatchPair {
    std::string left;  // "" for an extra wrong answer (Moodle: `= -> distractor`)
    std::string right;
    int line = 0;
    int col = 0;
};

struct Question {
    std::string id;         // from `// [id:...]`; else derived from the title; unique in the course
    bool id_given = false;  // the id came from a `// [id:...]` comment (Sinau's rule: every question has one)
    std::string title;      // ::title::
    std::string category;   // from the last $CATEGORY: line before it
    QuestionType type = QuestionType::Description;
    TextFormat format = TextFormat::Moodle;
    std::string stem;                        // question text; for missing word, the text before the blank
    std::string stem_after;                  // missing word only: the text after the blank ("" otherwise)
    std::vector<Choice> choices;             // Mc, Multi, Short (accepted answers; fraction per answer)
    std::vector<MatchPair> pairs;            // Match
    std::vector<NumericalAnswer> numerical;  // Numerical
    bool tf_answer = false;                  // TrueFalse: the correct value
    std::string tf_feedback_wrong;           // TrueFalse: shown when the learner's answer is wrong
    std::string tf_feedback_right;           // TrueFalse: shown when right
    std::string general_feedback;            // ####general feedback
    std::vector<std::string> tags;           // `// [tag:...]`, e.g. "UU-7-2017-Ps-280"
    std::string wrong_feedback;              // Numerical: `~#feedback` for any other answer
    std::string file;
    int line = 0;  // line of the question's first line
    int col = 0;
    int answer_line = 0;  // position of the answer block's '{' (0 for a description)
    int answer_col = 0;

    // Stable hash of everything that affects grading (stem, choices, fractions, answers):
    // stored with each response so a record stays meaningful after content changes.
    std::string Hash() const;
};

// ---------------------------------------------------------------------------------------------
// Branching scenarios (Twine 3 "Twee 3"). Sinau's convention, in tags only (Twine-compatible):
//   tag `akhir`            the passage is an ending
//   tag `skor:N`           N points (may be negative) for reaching this passage; the score of a
//                          choice is the `skor:` of the passage it leads to
//   paragraph `Umpan balik: ...` in a passage: the feedback shown for it, citing its legal basis
// A scenario's score is the sum over the path; the best path is the one with the highest sum.

struct Link {
    std::string text;    // what the learner clicks
    std::string target;  // passage name
    int line = 0;
    int col = 0;
};

struct Passage {
    std::string name;
    std::vector<std::string> tags;
    std::string text;      // body with link markup removed and without the feedback paragraph
    std::string feedback;  // the `Umpan balik:` paragraph's text, "" if none
    std::vector<Link> links;
    bool ending = false;       // has tag `akhir`
    std::optional<int> score;  // from tag `skor:N`
    int line = 0;              // line of the `::` header
};

struct Scenario {
    std::string id;              // file stem, e.g. "skenario-like-akun"
    std::string title;           // StoryTitle
    std::string start;           // StoryData "start", else "Start"
    std::string ifid;            // StoryData "ifid"
    std::string format;          // StoryData "format", e.g. "Harlowe"
    std::string format_version;  // StoryData "format-version"
    std::vector<Passage> passages;
    std::string file;
    int data_line = 0;  // line of the `:: StoryData` header (0 if there is none)

    const Passage* Find(std::string_view name) const;
};

// ---------------------------------------------------------------------------------------------
// Course and modules.

enum class QuizMode { Latihan, Ujian };  // latihan: feedback after each answer; ujian: after submit
enum class Grading { Highest, Last };

struct QuizSettings {
    int questions_per_attempt = 10;  // capped at the bank size
    bool shuffle_questions = true;
    bool shuffle_choices = true;
    QuizMode mode = QuizMode::Latihan;
    int attempts_allowed = 0;  // 0 = unlimited
    Grading grading = Grading::Highest;
};

struct Module {
    std::string id;   // folder name, e.g. "01-potret-birokrasi"
    std::string dir;  // path of the module folder
    std::string title;
    std::string description;              // one line, for the home screen
    std::vector<std::string> objectives;  // learning objectives
    int minutes = 0;                      // estimated reading minutes
    std::vector<std::string> legal;       // legal references, e.g. "UU 7/2017 Pasal 280"
    Document reading;
    std::vector<Question> questions;  // every bank file of the module, in file order
    std::vector<Scenario> scenarios;
    QuizSettings quiz;   // course defaults overridden by the module's [quiz] table
    Diagnostics errors;  // non-empty: the module is broken; the UI shows these

    bool ok() const { return errors.empty(); }
};

struct SourceAttribution {
    std::string who;    // "KPU Provinsi Jawa Timur"
    std::string event;  // "Webinar Seri 18 ASN Belajar, BPSDM Provinsi Jawa Timur"
    std::string where;
    std::string date;  // ISO 8601, "2023-05-25"
};

struct Course {
    std::string id;
    std::string title;
    std::string version;
    std::string language = "id";
    SourceAttribution source;
    double pass_mark = 70.0;  // percent
    QuizSettings quiz_defaults;
    Document about;               // the "Tentang" page (about file named in course.toml)
    std::vector<Module> modules;  // in manifest order, broken ones included
    Diagnostics errors;           // manifest-level problems
    std::string dir;

    const Module* FindModule(std::string_view id) const;
    Diagnostics AllErrors() const;  // course + every module, in order
};

}  // namespace sinau::content
