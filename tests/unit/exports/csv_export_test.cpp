#include <catch2/catch.hpp>

#include <SQLiteCpp/Transaction.h>

#include "../support/records_fixture.hpp"
#include "exports/csv.hpp"
#include "exports/export.hpp"

using namespace sinau::exports;
using namespace sinau::store;
using namespace records_test;

namespace {

// "X" + std::to_string(i), written so that g++ 12 at -O3 does not warn falsely about the concatenation.
std::string Numbered(const char* prefix, int i) {
    std::string s(prefix);
    s += std::to_string(i);
    return s;
}
std::string Enc(std::string_view v, CsvStyle style = {}) {
    std::string out;
    AppendCsvText(out, v, style);
    return out;
}
}  // namespace

TEST_CASE("CSV text cells follow RFC 4180 quoting", "[csv]") {
    CHECK(Enc("Budi Santoso") == "Budi Santoso");
    CHECK(Enc("") == "");
    CHECK(Enc("Koma, di dalam") == "\"Koma, di dalam\"");
    CHECK(Enc("Kutip \"ganda\"") == "\"Kutip \"\"ganda\"\"\"");
    CHECK(Enc("Baris\nbaru") == "\"Baris\nbaru\"");
    CHECK(Enc("CR\rdi tengah") == "\"CR\rdi tengah\"");
    CHECK(Enc("titik;koma") == "titik;koma");  // not the separator by default
    CsvStyle semi;
    semi.separator = ';';
    CHECK(Enc("titik;koma", semi) == "\"titik;koma\"");
    CHECK(Enc("Koma, di dalam", semi) == "Koma, di dalam");
}

TEST_CASE("CSV guard neutralises formula starters as OWASP recommends", "[csv]") {
    CHECK(Enc("=HYPERLINK(\"http://x\",\"Klik\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"Klik\"\")\"");
    CHECK(Enc("+62 812") == "\"'+62 812\"");
    CHECK(Enc("-Sri") == "\"'-Sri\"");
    CHECK(Enc("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(Enc("\tTab") == "\"'\tTab\"");
    CHECK(Enc("\rCR") == "\"'\rCR\"");
    CHECK(Enc("Nama = biasa") == "Nama = biasa");  // only the first character matters
    CsvStyle off;
    off.guard = false;
    CHECK(Enc("=1+1", off) == "=1+1");
}

TEST_CASE("CSV completions export lists every learner, also those not started, and survives hostile names",
          "[csv][export]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    auto& sql = db->sql();
    AddLearner(sql, "L1", "198001012005011001", "=HYPERLINK(\"http://jahat.invalid\",\"klik\")", "BKD");
    AddLearner(sql, "L2", "198001012005011002", "Siti; \"Sita\"\nRahayu", "Dinas Kominfo");
    AddLearner(sql, "L3", "198001012005011003", "Belum Mulai", "BKD");
    AddResult(sql, "L1", "m1", "lulus", "80", "2024-02-01T10:00:00.000Z");
    AddResult(sql, "L2", "m2", "sedang", "40", "2024-02-02T10:00:00.000Z");

    ExportOptions o;
    o.modules = {{"m1", "Modul 1"}, {"m2", "Modul 2"}};
    o.csv.separator = ';';
    o.csv.bom = true;
    auto r = Export(*db, o, dir / "out.csv");
    REQUIRE(r.ok());
    CHECK(r->rows == 6);  // 3 learners x 2 modules
    CHECK(r->learners == 3);
    const std::string text = ReadFile(dir / "out.csv");
    REQUIRE(text.substr(0, 3) == "\xEF\xBB\xBF");
    const auto rows = ParseCsv(text.substr(3), ';');
    REQUIRE(rows.size() == 7);
    CHECK(rows[0][0] == "nip");
    for (const auto& row : rows) CHECK(row.size() == 13);
    // Sorted by name: "=HYPERLINK..." < "Belum Mulai" < "Siti..." (case-insensitive byte order).
    CHECK(rows[1][1] == "'=HYPERLINK(\"http://jahat.invalid\",\"klik\")");
    CHECK(rows[1][4] == "m1");
    CHECK(rows[1][5] == "lulus");
    CHECK(rows[1][6] == "80");
    CHECK(rows[3][1] == "Belum Mulai");
    CHECK(rows[3][5] == "belum");
    CHECK(rows[3][9] == "belum");
    CHECK(rows[5][1] == "Siti; \"Sita\"\nRahayu");
    // The sidecar says what the file holds.
    const std::string meta = ReadFile(dir / "out.csv.meta.json");
    CHECK(meta.find("\"rows\": 6") != std::string::npos);
    CHECK(meta.find("semua peserta") != std::string::npos);
}

TEST_CASE("CSV export filters by instansi and leaves no file behind on error", "[csv][export]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    auto& sql = db->sql();
    AddLearner(sql, "L1", "1", "Ani", "BKD");
    AddLearner(sql, "L2", "2", "Budi", "Bappeda");
    ExportOptions o;
    o.modules = {{"m1", ""}};
    o.filter.instansi = "Bappeda";
    auto r = Export(*db, o, dir / "f.csv");
    REQUIRE(r.ok());
    const auto rows = ParseCsv(ReadFile(dir / "f.csv"), ',');
    REQUIRE(rows.size() == 2);
    CHECK(rows[1][1] == "Budi");

    // A folder that does not exist: an error, and nothing written anywhere.
    auto bad = Export(*db, o, dir / "tidak-ada" / "x.csv");
    CHECK_FALSE(bad.ok());
    CHECK_FALSE(std::filesystem::exists(dir / "tidak-ada"));
    // Cancelled mid-way: the old file stays as it was, no temp files remain.
    std::atomic<bool> cancel{true};
    for (int i = 0; i < 5000; ++i) AddLearner(sql, Numbered("X", i), Numbered("9", i), "Massal", "BKD");
    o.filter = {};
    o.cancel = &cancel;
    auto cancelled = Export(*db, o, dir / "f.csv");
    CHECK_FALSE(cancelled.ok());
    CHECK(ParseCsv(ReadFile(dir / "f.csv"), ',').size() == 2);
    int files = 0;
    for (auto& e : std::filesystem::directory_iterator(dir.path))
        files += e.path().string().find(".tmp-") != std::string::npos;
    CHECK(files == 0);
}

TEST_CASE("CSV responses export writes numbers unguarded and text guarded", "[csv][export]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    auto& sql = db->sql();
    AddLearner(sql, "L1", "111", "Ani", "BKD");
    AddAttempt(sql, "A1", "L1", "m1", "2024-02-01T09:00:00.000Z", "50");
    AddResponse(sql, "R1", "A1", "q1", "-minus di depan", "-0.5");
    AddResponse(sql, "R2", "A1", "q2", "{\"choice\":1}", "1");
    ExportOptions o;
    o.what = ExportWhat::Responses;
    auto r = Export(*db, o, dir / "r.csv");
    REQUIRE(r.ok());
    CHECK(r->rows == 2);
    const auto rows = ParseCsv(ReadFile(dir / "r.csv"), ',');
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][9] == "'-minus di depan");
    CHECK(rows[1][10] == "-0.5");  // a number we formatted: not a formula, not prefixed
    CHECK(rows[2][9] == "{\"choice\":1}");
}

TEST_CASE("Exports report progress against a counted total and a progress callback can cancel",
          "[csv][export][progress]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    auto& sql = db->sql();
    {
        SQLite::Transaction tx(sql);
        for (int i = 0; i < 10000; ++i)
            AddLearner(sql, Numbered("L", i), std::to_string(100000 + i), "Peserta", "BKD");
        tx.commit();
    }
    for (const auto format : {ExportFormat::Csv, ExportFormat::Xlsx, ExportFormat::Xapi}) {
        ExportOptions o;
        o.format = format;
        o.modules = {{"m1", ""}, {"m2", ""}};
        std::vector<ExportProgress> seen;
        o.progress = [&](const ExportProgress& p) {
            seen.push_back(p);
            return true;
        };
        const auto out = dir / "p.out";
        auto r = Export(*db, o, out);
        REQUIRE(r.ok());
        if (format == ExportFormat::Xapi) {
            CHECK(seen.size() == 1);  // no attempts or answers: only the final report
            CHECK(seen.back().total == 0);
            continue;
        }
        // 10,000 learners x 2 modules = 20,000 completion rows: reports at every 4096 rows, then the end.
        REQUIRE(seen.size() == 20000 / 4096 + 1);
        CHECK(seen.front().total == 20000);
        CHECK(seen.front().done == 4096);
        CHECK(seen.back().done == 20000);
        CHECK(seen.back().total == 20000);
    }

    // The callback says stop after the first report: no file, no temporary file.
    ExportOptions o;
    o.modules = {{"m1", ""}, {"m2", ""}};
    int calls = 0;
    o.progress = [&](const ExportProgress&) { return ++calls < 1; };
    auto cancelled = Export(*db, o, dir / "batal.csv");
    CHECK_FALSE(cancelled.ok());
    CHECK_THAT(cancelled.error().message, Catch::Contains("dibatalkan"));
    CHECK(calls == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "batal.csv"));
    for (auto& e : std::filesystem::directory_iterator(dir.path))
        CHECK(e.path().string().find(".tmp-") == std::string::npos);
}
