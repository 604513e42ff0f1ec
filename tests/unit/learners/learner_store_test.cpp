// Learners in a real database: create, edit, list, soft remove, find by NIP.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "../support/temp_dir.hpp"
#include "learners/learner_store.hpp"
#include "util/uuid.hpp"

using namespace sinau;
using learners::LearnerProfile;
using learners::LearnerStore;

TEST_CASE("learners are created, edited, listed and softly removed", "[learners][store]") {
    test::TempDir dir;
    auto db = store::Database::Open(dir / "s.db");
    REQUIRE(db.ok());
    LearnerStore ls(**db, {2024, 6, 1});
    auto siti = ls.Create({"Siti Rahayu", "19880312 201503 2 001", "BPSDM Provinsi Jawa Timur", ""});
    REQUIRE(siti.ok());
    CHECK(util::IsUuid(siti->id));
    CHECK(siti->profile.nip == "198803122015032001");
    auto budi = ls.Create(
        {"Budi Santoso", "199001012019031002", "Dinas Kominfo Provinsi Jawa Timur", "Pranata Komputer"});
    REQUIRE(budi.ok());

    auto dup = ls.Create({"Orang Lain", "198803122015032001", "Bappeda", ""});
    REQUIRE_FALSE(dup.ok());
    CHECK_THAT(dup.error().message, Catch::Contains("sudah terdaftar atas nama Siti Rahayu"));
    auto bad = ls.Create({"X", "198813322015032001", "Bappeda", ""});
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message, Catch::Contains("tanggal lahir"));

    auto list = ls.List();
    REQUIRE(list.size() == 2);
    CHECK(list[0].profile.name == "Budi Santoso");  // by name

    auto edited = ls.Edit(
        siti->id, {"Siti Rahayu, S.Sos.", "198803122015032001", "BPSDM Provinsi Jawa Timur", "Widyaiswara"});
    REQUIRE(edited.ok());
    CHECK(edited->id == siti->id);
    CHECK(ls.FindByNip("19880312 201503 2 001")->profile.jabatan == "Widyaiswara");
    CHECK_FALSE(ls.Edit(siti->id, {"Siti", "199001012019031002", "BPSDM", ""}).ok());  // Budi's NIP

    REQUIRE(ls.Remove(budi->id).ok());
    CHECK(ls.List().size() == 1);
    CHECK_FALSE(ls.Remove(budi->id).ok());
    const auto removed = ls.FindByNip("199001012019031002");
    REQUIRE(removed);
    CHECK(removed->removed_at);  // the record is kept
    CHECK((*db)->sql().execAndGet("SELECT count(*) FROM learners").getInt() == 2);

    auto back = ls.Create({"Budi Santoso", "199001012019031002", "Bappeda Provinsi Jawa Timur", ""});
    REQUIRE(back.ok());
    CHECK(back->id == budi->id);  // same learner, records reattached
    CHECK_FALSE(back->removed_at);
    CHECK(ls.List().size() == 2);
}
