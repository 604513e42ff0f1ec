// Roster import from real CSV and XLSX files into a real database.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "../support/temp_dir.hpp"
#include "learners/learner_store.hpp"
#include "learners/roster_import.hpp"

using namespace sinau;
using learners::RowOutcome;

namespace {
const util::Date kToday{2024, 6, 1};
const std::filesystem::path kFixtures = std::filesystem::path(SINAU_FIXTURES) / "roster";

std::unique_ptr<store::Database> OpenDb(const std::filesystem::path& p) {
    auto db = store::Database::Open(p);
    REQUIRE(db.ok());
    return std::move(*db);
}

const learners::RosterRowResult& Row(const learners::RosterReport& r, int number) {
    for (const auto& row : r.rows)
        if (row.row == number) return row;
    FAIL("no row " << number);
    throw;
}
}  // namespace

TEST_CASE("CSV parsing: RFC 4180 quotes, BOM, CRLF, separator detection", "[learners][csv]") {
    auto t = learners::ParseCsv(
        "\xEF\xBB\xBF"
        "a,\"b,c\",\"d \"\"e\"\"\"\r\n1,\"x\ny\",3\r\n");
    REQUIRE(t.ok());
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows[0].cells[0].text == "a");  // BOM gone
    CHECK(t->rows[0].cells[1].text == "b,c");
    CHECK(t->rows[0].cells[2].text == "d \"e\"");
    CHECK(t->rows[1].cells[1].text == "x\ny");
    CHECK(t->rows[1].number == 2);
    auto s = learners::ParseCsv("nama;nip;\"a;b\"\nx;1,5;2\n");
    REQUIRE(s.ok());
    CHECK(s->separator == ';');
    CHECK(s->rows[1].cells[1].text == "1,5");
    CHECK(s->rows[0].cells[2].text == "a;b");
    auto open = learners::ParseCsv("a,b\n1,\"never closed\n2,3\n");
    REQUIRE_FALSE(open.ok());
    CHECK_THAT(open.error().message, Catch::Contains("baris 2"));
    CHECK_FALSE(learners::ParseCsv("nama\n\xC0\xAF\n").ok());  // not UTF-8 (e.g. saved as ANSI)
    CHECK(learners::ParseCsv("").ok());
}

TEST_CASE("a CSV roster: good rows imported, bad rows reported with reasons", "[learners][roster]") {
    test::TempDir dir;
    auto db = OpenDb(dir / "s.db");
    auto report = learners::ImportRoster(*db, kFixtures / "peserta.csv", kToday);
    REQUIRE(report.ok());
    INFO(report->Format());
    CHECK(report->added == 3);
    CHECK(report->rejected == 5);
    CHECK(Row(*report, 2).outcome == RowOutcome::Added);
    CHECK(Row(*report, 3).name == "Budi Santoso, S.Kom.");
    CHECK(Row(*report, 3).nip == "199001012019031002");  // spaces removed
    CHECK_THAT(Row(*report, 4).reason,
               Catch::Contains("NIP digit 1–8 (tanggal lahir) bukan tanggal yang sah: 19881332"));
    CHECK_THAT(Row(*report, 5).reason, Catch::Contains("Nama lengkap wajib diisi"));
    CHECK(Row(*report, 6).outcome == RowOutcome::Added);  // quoted "" and a line break inside
    CHECK_THAT(Row(*report, 8).reason, Catch::Contains("sudah ada di baris 2"));
    CHECK_THAT(Row(*report, 9).reason, Catch::Contains("19900230"));
    CHECK_THAT(Row(*report, 10).reason, Catch::Contains("nomor urut"));
    learners::LearnerStore ls(*db, kToday);
    CHECK(ls.List().size() == 3);
    CHECK(ls.FindByNip("199505052022032005")->profile.name == "Dewi \"Ayu\" Lestari");
    CHECK(ls.FindByNip("199505052022032005")->profile.jabatan == "Auditor Pertama");
    const std::string text = report->Format();
    CHECK_THAT(text, Catch::Contains("ditambahkan: 3") && Catch::Contains("baris 4: ditolak (Ahmad Fauzi)"));
}

TEST_CASE("importing the same roster twice changes nothing; a changed row is updated", "[learners][roster]") {
    test::TempDir dir;
    auto db = OpenDb(dir / "s.db");
    REQUIRE(learners::ImportRoster(*db, kFixtures / "peserta.csv", kToday).ok());
    const auto snapshot = [&] {
        return (*db)
            .sql()
            .execAndGet(
                "SELECT group_concat(id || nip || name || instansi || jabatan || updated_at, '|') "
                "FROM (SELECT * FROM learners ORDER BY nip)")
            .getString();
    };
    const std::string before = snapshot();
    auto again = learners::ImportRoster(*db, kFixtures / "peserta.csv", kToday);
    REQUIRE(again.ok());
    CHECK(again->added == 0);
    CHECK(again->updated == 0);
    CHECK(again->unchanged == 3);
    CHECK(snapshot() == before);

    const auto changed = dir / "berubah.csv";
    test::WriteBytes(changed,
                     "Nama Lengkap,NIP,Instansi/OPD,Jabatan\nSiti Rahayu,198803122015032001,Bappeda Provinsi "
                     "Jawa Timur,Perencana\n");
    auto upd = learners::ImportRoster(*db, changed, kToday);
    REQUIRE(upd.ok());
    CHECK(upd->updated == 1);
    CHECK(learners::LearnerStore(*db, kToday).FindByNip("198803122015032001")->profile.instansi ==
          "Bappeda Provinsi Jawa Timur");
}

TEST_CASE("a ';' roster without BOM and without Jabatan column", "[learners][roster]") {
    test::TempDir dir;
    auto db = OpenDb(dir / "s.db");
    auto report = learners::ImportRoster(*db, kFixtures / "peserta-titikkoma.csv", kToday);
    REQUIRE(report.ok());
    INFO(report->Format());
    CHECK(report->added == 2);
    CHECK(report->rejected == 3);
    CHECK_THAT(Row(*report, 5).reason, Catch::Contains("sebelum usia 18 tahun"));
    CHECK_THAT(Row(*report, 6).reason, Catch::Contains("masa depan"));
    CHECK_THAT(Row(*report, 7).reason, Catch::Contains("jenis kelamin"));
}

TEST_CASE("an XLSX roster: shared and inline strings, Excel-rounded NIP refused",
          "[learners][roster][xlsx]") {
    test::TempDir dir;
    auto db = OpenDb(dir / "s.db");
    auto report = learners::ImportRoster(*db, kFixtures / "peserta.xlsx", kToday);
    REQUIRE(report.ok());
    INFO(report->Format());
    CHECK(report->added == 3);
    CHECK(report->rejected == 2);
    CHECK(Row(*report, 3).outcome == RowOutcome::Added);
    CHECK_THAT(Row(*report, 4).reason,
               Catch::Contains("dibulatkan Excel") && Catch::Contains("format kolom NIP sebagai Teks"));
    CHECK(Row(*report, 5).outcome == RowOutcome::Added);  // an exact 18-digit number is kept
    CHECK(Row(*report, 6).name == "Dewi Lestari");        // inline rich text
    CHECK_THAT(Row(*report, 7).reason, Catch::Contains("Instansi/OPD wajib diisi"));
    learners::LearnerStore ls(*db, kToday);
    CHECK(ls.FindByNip("199001012019031002")->profile.instansi == "Dinas Perhubungan Provinsi Jawa Timur");
    CHECK(ls.FindByNip("198803122015032001")->profile.jabatan == "Widyaiswara Ahli Muda");
}

TEST_CASE("unusable roster files are refused without touching the database", "[learners][roster]") {
    test::TempDir dir;
    auto db = OpenDb(dir / "s.db");
    REQUIRE(learners::ImportRoster(*db, kFixtures / "peserta.csv", kToday).ok());
    const int before = (*db).sql().execAndGet("SELECT count(*) FROM learners").getInt();
    auto no_nip = learners::ImportRoster(*db, kFixtures / "tanpa-nip.csv", kToday);
    REQUIRE_FALSE(no_nip.ok());
    CHECK_THAT(no_nip.error().message, Catch::Contains("baris judul kolom tidak ditemukan"));
    test::WriteBytes(dir / "rusak.xlsx", "PK\x03\x04 not really a zip");
    CHECK_FALSE(learners::ImportRoster(*db, dir / "rusak.xlsx", kToday).ok());
    CHECK_FALSE(learners::ImportRoster(*db, dir / "tidak-ada.csv", kToday).ok());
    test::WriteBytes(dir / "lama.xls", "\xD0\xCF\x11\xE0");
    CHECK_THAT(learners::ImportRoster(*db, dir / "lama.xls", kToday).error().message,
               Catch::Contains(".xls lama"));
    CHECK((*db).sql().execAndGet("SELECT count(*) FROM learners").getInt() == before);
}
