// The UI text catalogs (assets/i18n/*.toml): both languages must cover the same keys with real text,
// and the loader must turn a broken file into a "file:line:col:" message instead of a crash.
#include <catch2/catch.hpp>

#include <filesystem>

#include "i18n/catalog.hpp"

namespace fs = std::filesystem;
using sinau::i18n::Catalog;

namespace {
fs::path CatalogPath(const char* lang) {
    return fs::path(SINAU_SOURCE_DIR) / "assets" / "i18n" / (std::string(lang) + ".toml");
}
}  // namespace

TEST_CASE("id and en catalogs have the same keys and no empty text") {
    auto id = Catalog::Load(CatalogPath("id"));
    auto en = Catalog::Load(CatalogPath("en"));
    REQUIRE(id.ok());
    REQUIRE(en.ok());
    CHECK(id->size() > 40);
    const auto problems = sinau::i18n::CompareCatalogs(*id, "id.toml", *en, "en.toml");
    for (const auto& p : problems) UNSCOPED_INFO(p);
    CHECK(problems.empty());
    // The chrome really is translated, not copied.
    REQUIRE(id->Find("nav.home"));
    REQUIRE(en->Find("nav.home"));
    CHECK(*id->Find("nav.home") == "Beranda");
    CHECK(*en->Find("nav.home") == "Home");
}

TEST_CASE("CompareCatalogs names a missing key and an empty text") {
    auto a = Catalog::Parse("[nav]\nhome = \"Beranda\"\nabout = \"Tentang\"\n", "a.toml");
    auto b = Catalog::Parse("[nav]\nhome = \"\"\n", "b.toml");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    const auto problems = sinau::i18n::CompareCatalogs(*a, "a.toml", *b, "b.toml");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("nav.about") != std::string::npos);
    CHECK(problems[1].find("nav.home") != std::string::npos);
    CHECK(problems[1].find("kosong") != std::string::npos);
}

TEST_CASE("a broken catalog is refused with file:line:col") {
    auto syntax = Catalog::Parse("[nav]\nhome = \"Beranda\n", "rusak.toml");
    REQUIRE_FALSE(syntax.ok());
    CHECK(syntax.error().message.rfind("rusak.toml:2:", 0) == 0);

    auto number = Catalog::Parse("[nav]\nhome = 3\n", "angka.toml");
    REQUIRE_FALSE(number.ok());
    CHECK(number.error().message.rfind("angka.toml:2:", 0) == 0);
    CHECK(number.error().message.find("nav.home") != std::string::npos);

    auto missing = Catalog::Load("/nonexistent/xx.toml");
    REQUIRE_FALSE(missing.ok());
}

TEST_CASE("Format replaces named placeholders and keeps unknown ones") {
    using sinau::i18n::Format;
    CHECK(Format("Halaman {page} dari {total}", {{"page", "2"}, {"total", "6"}}) == "Halaman 2 dari 6");
    CHECK(Format("{x} dan {y}", {{"x", "a"}}) == "a dan {y}");
    CHECK(Format("kurung { tanpa tutup", {}) == "kurung { tanpa tutup");
}
