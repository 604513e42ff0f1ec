// Profile problems as data, one per form field (learner.hpp ProfileProblems, LearnerStore::Check): the
// profile form puts each message under its own field, so no message may be missing or land on the
// wrong field, and a NIP taken by someone else is a NIP problem.
#include <catch2/catch.hpp>

#include <algorithm>

#include "../support/temp_dir.hpp"
#include "learners/learner_store.hpp"

using namespace sinau;
using learners::FieldProblem;
using learners::LearnerProfile;
using learners::ProfileField;

namespace {
const util::Date kToday{2024, 6, 1};

const FieldProblem* For(const std::vector<FieldProblem>& problems, ProfileField f) {
    auto it =
        std::find_if(problems.begin(), problems.end(), [&](const FieldProblem& p) { return p.field == f; });
    return it == problems.end() ? nullptr : &*it;
}
}  // namespace

TEST_CASE("a valid profile has no problems", "[learners][profile]") {
    const auto p =
        learners::CleanProfile({"Siti Rahayu", "19880312 201503 2 001", "BPSDM Provinsi Jawa Timur", ""});
    CHECK(learners::ProfileProblems(p, kToday).empty());
}

TEST_CASE("every field's problem is reported under that field, in form order", "[learners][profile]") {
    LearnerProfile p;
    p.name = "";
    p.nip = "12345";
    p.instansi = "";
    p.jabatan = std::string(121, 'j');
    const auto problems = learners::ProfileProblems(learners::CleanProfile(p), kToday);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].field == ProfileField::Name);
    CHECK(problems[0].message == "Nama lengkap wajib diisi");
    CHECK(problems[1].field == ProfileField::Nip);
    CHECK_THAT(problems[1].message, Catch::Contains("18 angka"));
    CHECK(problems[2].field == ProfileField::Instansi);
    CHECK(problems[2].message == "Instansi/OPD wajib diisi");
    CHECK(problems[3].field == ProfileField::Jabatan);
    CHECK(problems[3].message == "Jabatan terlalu panjang (121 karakter, paling banyak 120)");
    // The joined form the roster import and the CLI show carries the same messages.
    CHECK(learners::ValidateProfile(learners::CleanProfile(p), kToday).error().message ==
          learners::JoinProblems(problems));
    CHECK(learners::FieldName(ProfileField::Instansi) == "instansi");
}

TEST_CASE("a NIP with several wrong parts is still ONE message, under the NIP", "[learners][profile]") {
    const auto problems = learners::ProfileProblems(
        learners::CleanProfile({"Budi", "198813322015130000", "Bappeda", ""}), kToday);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == ProfileField::Nip);
    CHECK_THAT(problems[0].message, Catch::Contains("tanggal lahir") && Catch::Contains("digit 16–18"));
}

TEST_CASE("the store's check adds a NIP already taken, under the NIP", "[learners][profile][store]") {
    test::TempDir dir;
    auto db = store::Database::Open(dir / "s.db");
    REQUIRE(db.ok());
    learners::LearnerStore ls(**db, kToday);
    auto siti = ls.Create({"Siti Rahayu", "198803122015032001", "BPSDM Provinsi Jawa Timur", ""});
    REQUIRE(siti.ok());
    auto budi = ls.Create({"Budi Santoso", "199001012019031002", "Dinas Kominfo", ""});
    REQUIRE(budi.ok());

    // A new profile with Siti's NIP and no instansi: two problems, each on its own field.
    auto problems = ls.Check({"Orang Lain", "19880312 201503 2 001", "", ""});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] ==
          FieldProblem{ProfileField::Nip, "NIP 198803122015032001 sudah terdaftar atas nama Siti Rahayu."});
    CHECK(problems[1].field == ProfileField::Instansi);
    CHECK(For(problems, ProfileField::Name) == nullptr);

    // Editing Siti with her own NIP is fine; taking Budi's is not.
    CHECK(ls.Check({"Siti Rahayu, S.Sos.", "198803122015032001", "BPSDM", ""}, siti->id).empty());
    problems = ls.Check({"Siti", "199001012019031002", "BPSDM", ""}, siti->id);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == ProfileField::Nip);
    CHECK_THAT(problems[0].message, Catch::Contains("sudah dipakai oleh Budi Santoso"));

    // Create and Edit refuse exactly what Check reports, and store nothing.
    auto refused = ls.Create({"Orang Lain", "198803122015032001", "Bappeda", ""});
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains("sudah terdaftar atas nama Siti Rahayu"));
    CHECK(ls.List().size() == 2);

    // A removed learner's NIP may be taken by a new profile (the learner comes back).
    REQUIRE(ls.Remove(budi->id).ok());
    CHECK(ls.Check({"Budi Santoso", "199001012019031002", "Bappeda", ""}).empty());
}
