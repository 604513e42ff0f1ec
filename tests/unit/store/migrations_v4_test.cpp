// Schema v4 adopts the two tables older versions created on first use (issued_certificates, essay_grades):
// a v3 database that has them keeps every row, one that does not gets them empty; certificates already
// issued are marked as signed by this installation's key.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "../support/temp_dir.hpp"
#include "store/certificate_records.hpp"
#include "store/database.hpp"
#include "store/essay_records.hpp"
#include "store/migrations.hpp"

using namespace sinau::store;

namespace {
bool HasTable(Database& db, const char* name) {
    return db.sql().tableExists(name);
}
}  // namespace

TEST_CASE("v3 -> v4 keeps the rows of the tables made on first use and marks this PC's key",
          "[store][migration][v4]") {
    sinau::test::TempDir dir;
    const auto path = dir / "v3.db";
    CreateDatabaseAtVersion(path, 3);
    const std::string key(64, 'e');
    {
        // Exactly what certificate.cpp and essay_review.cpp ran before v4.
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec(
            "CREATE TABLE IF NOT EXISTS issued_certificates ( short_code TEXT PRIMARY KEY, facts      TEXT "
            "NOT NULL, signature  TEXT NOT NULL, nip        TEXT NOT NULL, issued_at  TEXT NOT NULL)");
        raw.exec(
            "CREATE TABLE IF NOT EXISTS essay_grades ( response_id TEXT PRIMARY KEY REFERENCES "
            "responses(id), "
            "percent     REAL NOT NULL, comment     TEXT NOT NULL DEFAULT '', graded_at   TEXT NOT NULL, "
            "updated_at  TEXT NOT NULL)");
        raw.exec("INSERT INTO meta VALUES ('certificate.ed25519_public', '" + key + "')");
        raw.exec("INSERT INTO issued_certificates VALUES ('ABCD-EFGH-IJKL-MNOP', 'fakta', 'TTD', '1', 't')");
        raw.exec(
            "INSERT INTO learners (id, nip, name, instansi, created_at, updated_at) VALUES ('L', '1', 'A', "
            "'B', 't', 't')");
        raw.exec(
            "INSERT INTO attempts (id, learner_id, module_id, kind, mode, course_id, content_version, plan, "
            "started_at, updated_at) VALUES ('A', 'L', 'm', 'quiz', 'ujian', 'c', '1', '{}', 't', 't')");
        raw.exec(
            "INSERT INTO responses (id, attempt_id, question_id, question_hash, content_version, answer, "
            "answered_at, updated_at) VALUES ('R', 'A', 'q', 'h', '1', '{}', 't', 't')");
        raw.exec("INSERT INTO essay_grades VALUES ('R', 75, 'cukup', 't', 't')");
    }
    auto db = Database::Open(path);
    REQUIRE(db.ok());
    CHECK((*db)->schema_version() == 4);
    const auto cert = FindIssuedCertificate(**db, "ABCD-EFGH-IJKL-MNOP", key);
    REQUIRE(cert);
    CHECK(cert->facts == "fakta");
    CHECK(cert->signature == "TTD");
    const auto grade = FindEssayGrade(**db, "R");
    REQUIRE(grade);
    CHECK(grade->percent == 75);
    CHECK(grade->comment == "cukup");
}

TEST_CASE("v3 without the tables, and a new database, get both tables from the migrations",
          "[store][migration][v4]") {
    sinau::test::TempDir dir;
    CreateDatabaseAtVersion(dir / "v3.db", 3);
    for (const char* name : {"v3.db", "baru.db"}) {
        INFO(name);
        auto db = Database::Open(dir / name);
        REQUIRE(db.ok());
        CHECK(HasTable(**db, "issued_certificates"));
        CHECK(HasTable(**db, "essay_grades"));
        CHECK_FALSE(FindEssayGrade(**db, "tidak-ada").has_value());
    }
}
