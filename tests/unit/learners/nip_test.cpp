// NIP validation, one field at a time, with the message the trainer reads.
#include <catch2/catch.hpp>

#include "learners/learner.hpp"
#include "learners/nip.hpp"

using namespace sinau::learners;
using sinau::util::Date;

namespace {
const Date kToday{2024, 6, 1};
std::string Problem(std::string_view nip) {
    auto r = ParseNip(nip, kToday);
    return r.ok() ? std::string("(sah)") : r.error().message;
}
}  // namespace

TEST_CASE("a valid NIP is split into its fields", "[learners][nip]") {
    auto r = ParseNip("19880312 201503 2 001", kToday);
    REQUIRE(r.ok());
    CHECK(r->nip == "198803122015032001");
    CHECK(r->birth == Date{1988, 3, 12});
    CHECK(r->tmt_year == 2015);
    CHECK(r->tmt_month == 3);
    CHECK(r->gender == Gender::Perempuan);
    CHECK(r->sequence == 1);
    CHECK(ParseNip("199001012019031999", kToday).ok());
    CHECK(ParseNip("200002292018021001", kToday).ok());  // 29 Feb 2000 exists; TMT at exactly 18
}

TEST_CASE("each wrong NIP field gets its own message", "[learners][nip]") {
    CHECK(Problem("") == "NIP wajib diisi (18 angka).");
    CHECK_THAT(Problem("19880312201503200"), Catch::Contains("harus 18 angka, tertulis 17 angka"));
    CHECK_THAT(Problem("1988031220150320011"), Catch::Contains("tertulis 19 angka"));
    CHECK_THAT(Problem("19880312201503200A"), Catch::Contains("hanya boleh berisi angka"));
    CHECK(Problem("198813322015032001") == "NIP digit 1–8 (tanggal lahir) bukan tanggal yang sah: 19881332");
    CHECK_THAT(Problem("199002302019031001"),
               Catch::Contains("tanggal lahir) bukan tanggal yang sah: 19900230"));
    CHECK_THAT(Problem("199102292019031001"), Catch::Contains("19910229"));  // not a leap year
    CHECK(Problem("198803122015132001") == "NIP digit 9–14 (TMT CPNS) bukan bulan yang sah: 201513");
    CHECK_THAT(Problem("198803122015002001"), Catch::Contains("bukan bulan yang sah: 201500"));
    CHECK_THAT(Problem("198803122024072001"), Catch::Contains("ada di masa depan: 202407"));
    CHECK(ParseNip("198803122024062001", kToday).ok());  // this month is fine
    CHECK_THAT(Problem("200601012020011001"), Catch::Contains("sebelum usia 18 tahun"));
    CHECK_THAT(Problem("200002292018011001"), Catch::Contains("sebelum usia 18 tahun"));  // one month short
    CHECK_THAT(Problem("193001012005011001"), Catch::Contains("lebih dari 70 tahun"));
    CHECK(Problem("198803122015033001") ==
          "NIP digit 15 (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), tertulis 3");
    CHECK(Problem("198803122015031000") == "NIP digit 16–18 (nomor urut) tidak boleh 000");
    // Several wrong fields: all are named.
    const auto many = Problem("198813322015130000");
    CHECK_THAT(many, Catch::Contains("digit 1–8") && Catch::Contains("digit 9–14") &&
                         Catch::Contains("digit 15") && Catch::Contains("digit 16–18"));
}

TEST_CASE("profile: name and instansi required, lengths bounded, text cleaned", "[learners][profile]") {
    LearnerProfile p{"  Siti   Rahayu ", "19880312 201503 2 001", " BPSDM Provinsi Jawa Timur ", ""};
    p = CleanProfile(p);
    CHECK(p.name == "Siti Rahayu");
    CHECK(p.nip == "198803122015032001");
    CHECK(p.instansi == "BPSDM Provinsi Jawa Timur");
    CHECK(ValidateProfile(p, kToday).ok());

    LearnerProfile empty = CleanProfile({"   ", "198803122015032001", "", ""});
    auto r = ValidateProfile(empty, kToday);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().message,
               Catch::Contains("Nama lengkap wajib diisi") && Catch::Contains("Instansi/OPD wajib diisi"));

    LearnerProfile longname = p;
    longname.name = std::string(120, 'a');
    CHECK(ValidateProfile(longname, kToday).ok());
    longname.name += "é";  // 121 characters (122 bytes)
    CHECK_THAT(ValidateProfile(longname, kToday).error().message,
               Catch::Contains("terlalu panjang (121 karakter"));
    longname.name =
        std::string(60, 'a') + std::string(30, 'x') + "ééééééééééééééééééééééééééééé";  // 119 chars
    CHECK(ValidateProfile(longname, kToday).ok());
    CHECK(CleanProfile({"A\x01"
                        "B\tC",
                        "", "", ""})
              .name == "AB C");
}
