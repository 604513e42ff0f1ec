// Module text: front matter + Markdown -> Document pages and blocks with source lines.
#include <catch2/catch.hpp>

#include "content/markdown.hpp"
#include "content/module_reader.hpp"

using namespace sinau::content;

TEST_CASE("Markdown is split into pages at each ##, the first titled by the module", "[markdown]") {
    const auto doc =
        ParseMarkdown("Pembuka.\n\n## Kedua\n\nIsi dua.\n\n## Ketiga\n\nIsi tiga.\n", {"Judul Modul", 10});
    REQUIRE(doc.pages.size() == 3);
    CHECK(doc.pages[0].title == "Judul Modul");
    CHECK(doc.pages[1].title == "Kedua");
    CHECK(doc.pages[2].title == "Ketiga");
    REQUIRE(doc.pages[2].blocks.size() == 1);
    CHECK(doc.pages[2].blocks[0].kind == BlockKind::Paragraph);
    CHECK(doc.pages[2].blocks[0].line == 18);  // line 9 of the body, which starts at file line 10
    CHECK(PlainText(doc.pages[2].blocks[0].spans) == "Isi tiga.");
}

TEST_CASE("Markdown drops an empty first page when the text starts with ##", "[markdown]") {
    const auto doc = ParseMarkdown("## Satu\n\nA\n", {"Modul", 1});
    REQUIRE(doc.pages.size() == 1);
    CHECK(doc.pages[0].title == "Satu");
}

TEST_CASE("Markdown inline spans: bold, italic, code, link, soft breaks, entities", "[markdown]") {
    const auto doc = ParseMarkdown(
        "Ada **tebal**, *miring*, `kode`, [tautan](https://kpu.go.id) dan ***keduanya***\nbaris &amp; "
        "&#8212;",
        {});
    const auto& spans = doc.pages[0].blocks.at(0).spans;
    auto find = [&](const std::string& text) -> const Span* {
        for (const auto& s : spans)
            if (s.text == text) return &s;
        return nullptr;
    };
    REQUIRE(find("tebal"));
    CHECK(find("tebal")->style == kBold);
    CHECK(find("miring")->style == kItalic);
    CHECK(find("kode")->style == kCode);
    REQUIRE(find("tautan"));
    CHECK(find("tautan")->style == kLink);
    CHECK(find("tautan")->href == "https://kpu.go.id");
    CHECK(find("keduanya")->style == (kBold | kItalic));
    CHECK(PlainText(spans).find("keduanya baris & \xE2\x80\x94") != std::string::npos);
}

TEST_CASE("Markdown nested bullet and numbered lists are flattened with depth and ordinal", "[markdown]") {
    const auto doc = ParseMarkdown("- satu\n  - anak\n    1. cucu\n- dua\n\n3. tiga\n4. empat\n", {});
    const auto& b = doc.pages[0].blocks;
    REQUIRE(b.size() == 6);
    CHECK(b[0].kind == BlockKind::ListItem);
    CHECK(b[0].level == 0);
    CHECK(b[0].number == 0);
    CHECK(PlainText(b[1].spans) == "anak");
    CHECK(b[1].level == 1);
    CHECK(b[2].level == 2);
    CHECK(b[2].number == 1);
    CHECK(b[2].line == 3);
    CHECK(PlainText(b[3].spans) == "dua");
    CHECK(b[3].level == 0);
    CHECK(b[4].number == 3);  // an ordered list keeps its start number
    CHECK(b[5].number == 4);
}

TEST_CASE("Markdown loose list item with a second paragraph", "[markdown]") {
    const auto doc = ParseMarkdown("- satu\n\n  lanjutan\n\n- dua\n", {});
    const auto& b = doc.pages[0].blocks;
    REQUIRE(b.size() == 3);
    CHECK(PlainText(b[0].spans) == "satu");
    CHECK(b[1].kind == BlockKind::Paragraph);
    CHECK(b[1].level == 1);
    CHECK(PlainText(b[1].spans) == "lanjutan");
    CHECK(PlainText(b[2].spans) == "dua");
}

TEST_CASE("Markdown GitHub tables: header row then body rows of cells", "[markdown]") {
    const auto doc = ParseMarkdown("Teks.\n\n| A | **B** |\n|---|---|\n| a1 | b1 |\n| a2 | b2 |\n", {});
    const auto& b = doc.pages[0].blocks;
    REQUIRE(b.size() == 2);
    CHECK(b[1].kind == BlockKind::Table);
    CHECK(b[1].line == 3);
    REQUIRE(b[1].rows.size() == 3);
    CHECK(PlainText(b[1].rows[0][0]) == "A");
    CHECK(b[1].rows[0][1][0].style == kBold);
    CHECK(PlainText(b[1].rows[2][1]) == "b2");
}

TEST_CASE("Markdown block quote becomes a Quote with children", "[markdown]") {
    const auto doc = ParseMarkdown("> **Dasar hukum:** UU 7/2017 Pasal 280.\n>\n> - butir\n", {});
    const auto& b = doc.pages[0].blocks;
    REQUIRE(b.size() == 1);
    CHECK(b[0].kind == BlockKind::Quote);
    CHECK(b[0].line == 1);
    REQUIRE(b[0].children.size() == 2);
    CHECK(b[0].children[0].kind == BlockKind::Paragraph);
    CHECK(b[0].children[0].spans[0].text == "Dasar hukum:");
    CHECK(b[0].children[0].spans[0].style == kBold);
    CHECK(b[0].children[1].kind == BlockKind::ListItem);
    CHECK(b[0].children[1].line == 3);
}

TEST_CASE("Markdown images, rules, headings and code blocks", "[markdown]") {
    const auto doc = ParseMarkdown(
        "Teks.\n\n![Bagan pemilu](img/bagan.png)\n\n---\n\n### Sub\n\n```\nkode\n  baris\n```\n", {});
    const auto& b = doc.pages[0].blocks;
    REQUIRE(b.size() == 5);
    CHECK(b[1].kind == BlockKind::Image);
    CHECK(b[1].image == "img/bagan.png");
    CHECK(PlainText(b[1].spans) == "Bagan pemilu");
    CHECK(b[1].line == 3);
    CHECK(b[2].kind == BlockKind::Rule);
    CHECK(b[2].line == 5);
    CHECK(b[3].kind == BlockKind::Heading);
    CHECK(b[3].level == 3);
    CHECK(b[4].kind == BlockKind::Code);
    CHECK(PlainText(b[4].spans) == "kode\n  baris");
}

TEST_CASE("Markdown raw HTML is shown as text, not interpreted", "[markdown]") {
    const auto doc = ParseMarkdown("Awas <script>x</script> ini.\n", {});
    CHECK(PlainText(doc.pages[0].blocks.at(0).spans) == "Awas <script>x</script> ini.");
}

TEST_CASE("Module front matter fills the module and its quiz overrides", "[markdown][frontmatter]") {
    Module m;
    m.quiz.questions_per_attempt = 10;
    ReadModuleFile(
        "+++\n"
        "title = \"Potret Birokrasi\"\n"
        "description = \"Satu kalimat.\"\n"
        "objectives = [\"Membedakan\", \"Menjelaskan\"]\n"
        "minutes = 15\n"
        "legal = [\"UU 20/2023\"]\n"
        "[quiz]\n"
        "mode = \"ujian\"\n"
        "+++\n"
        "Pembuka.\n"
        "\n"
        "## Halaman dua\n"
        "Isi.\n",
        "modul.md", m);
    INFO((m.errors.empty() ? "" : m.errors.front().Format()));
    REQUIRE(m.errors.empty());
    CHECK(m.title == "Potret Birokrasi");
    CHECK(m.description == "Satu kalimat.");
    CHECK(m.objectives.size() == 2);
    CHECK(m.minutes == 15);
    CHECK(m.legal == std::vector<std::string>{"UU 20/2023"});
    CHECK(m.quiz.mode == QuizMode::Ujian);
    CHECK(m.quiz.questions_per_attempt == 10);  // not overridden
    REQUIRE(m.reading.pages.size() == 2);
    CHECK(m.reading.pages[0].title == "Potret Birokrasi");
    CHECK(m.reading.pages[0].blocks[0].line == 10);
    CHECK(m.reading.pages[1].blocks[0].line == 13);
}

TEST_CASE("Front matter errors carry the file's line and column", "[markdown][frontmatter]") {
    SECTION("TOML syntax error is placed in the file, below the +++") {
        Module m;
        ReadModuleFile("+++\ntitle = \"A\"\nminutes = = 3\n+++\nx\n", "modul.md", m);
        REQUIRE(m.errors.size() == 1);
        CHECK(m.errors[0].line == 3);
        CHECK(m.errors[0].col > 1);
        CHECK(m.errors[0].message.find("TOML tidak valid") == 0);
        CHECK(m.title == "");
    }
    SECTION("wrong type") {
        Module m;
        ReadModuleFile("+++\ntitle = 5\n+++\n", "modul.md", m);
        REQUIRE(m.errors.size() == 1);
        CHECK(m.errors[0].line == 2);
        CHECK(m.errors[0].message.find("'title' harus berupa teks") == 0);
    }
    SECTION("unknown key (typo)") {
        Module m;
        ReadModuleFile("+++\ntitel = \"A\"\n+++\n", "modul.md", m);
        REQUIRE(m.errors.size() == 1);
        CHECK(m.errors[0].message.find("kunci tidak dikenal 'titel'") == 0);
    }
    SECTION("bad quiz value") {
        Module m;
        ReadModuleFile("+++\ntitle = \"A\"\n[quiz]\nmode = \"santai\"\n+++\n", "modul.md", m);
        REQUIRE(m.errors.size() == 1);
        CHECK(m.errors[0].line == 4);
        CHECK(m.errors[0].message.find("latihan") != std::string::npos);
    }
    SECTION("no front matter") {
        Module m;
        ReadModuleFile("Langsung teks.\n", "modul.md", m);
        REQUIRE(m.errors.size() == 1);
        CHECK(m.errors[0].line == 1);
        CHECK(m.errors[0].message.find("front matter belum ada") == 0);
        CHECK(m.reading.pages.size() == 1);  // the text is still shown
    }
    SECTION("unclosed front matter") {
        Module m;
        ReadModuleFile("+++\ntitle = \"A\"\n", "modul.md", m);
        REQUIRE(m.errors.size() == 1);
        CHECK(m.errors[0].message.find("tidak ditutup") != std::string::npos);
    }
}
