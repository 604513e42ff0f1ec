// Opening, refusing and migrating real database files in temp folders.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "../support/temp_dir.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "util/uuid.hpp"

using sinau::store::Database;
using sinau::test::ReadBytes;
using sinau::test::TempDir;
using sinau::test::WriteBytes;

namespace {
// Everything a refused file could be changed through: the file itself and its WAL side files.
std::string Snapshot(const std::filesystem::path& p) {
    std::string s = ReadBytes(p);
    for (const char* suffix : {"-wal", "-journal"}) {
        auto side = p;
        side += suffix;
        s += '|';  // appended piecewise: `"|" + string` trips g++ 12's -Wstringop-overflow false positive
        s += std::filesystem::exists(side) ? ReadBytes(side) : std::string("<none>");
    }
    return s;
}
}  // namespace

TEST_CASE("a new database gets the latest schema, WAL, and an identity", "[store][database]") {
    TempDir dir;
    auto db = Database::Open(dir / "sinau.db");
    REQUIRE(db.ok());
    auto& d = **db;
    CHECK(d.schema_version() == sinau::store::LatestSchemaVersion());
    CHECK(d.opened_from_version() == 0);
    CHECK(d.backup_path().empty());
    CHECK(sinau::util::IsUuid(d.installation_id()));
    CHECK(d.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(d.sql().execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL
    CHECK(d.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(d.sql().execAndGet("SELECT value FROM meta WHERE key='app'").getString() == "sinau");
}

TEST_CASE("settings persist across reopen and the installation id is stable", "[store][database]") {
    TempDir dir;
    std::string id;
    {
        auto db = Database::Open(dir / "s.db");
        REQUIRE(db.ok());
        CHECK_FALSE((*db)->GetSetting("ui.scale").has_value());
        (*db)->SetSetting("ui.scale", "1.25");
        (*db)->SetSetting("ui.scale", "1.5");
        id = (*db)->installation_id();
    }
    auto db = Database::Open(dir / "s.db");
    REQUIRE(db.ok());
    CHECK((*db)->GetSetting("ui.scale") == std::optional<std::string>("1.5"));
    CHECK((*db)->installation_id() == id);
}

TEST_CASE("an empty file is adopted as a new database", "[store][database]") {
    TempDir dir;
    WriteBytes(dir / "empty.db", "");
    auto db = Database::Open(dir / "empty.db");
    REQUIRE(db.ok());
    CHECK((*db)->schema_version() == sinau::store::LatestSchemaVersion());
}

TEST_CASE("a database from a newer Sinau is refused and left unchanged", "[store][database][refuse]") {
    TempDir dir;
    const auto path = dir / "newer.db";
    {
        auto db = Database::Open(path);
        REQUIRE(db.ok());
        (*db)->sql().exec("INSERT INTO settings VALUES ('x', 'y')");
        (*db)->sql().exec("PRAGMA user_version = " + std::to_string(sinau::store::LatestSchemaVersion() + 1));
    }
    const auto before = Snapshot(path);
    auto db = Database::Open(path);
    REQUIRE_FALSE(db.ok());
    CHECK_THAT(db.error().message, Catch::Contains("versi Sinau yang lebih baru"));
    CHECK_THAT(db.error().message, Catch::Contains("newer.db"));
    CHECK(Snapshot(path) == before);
}

TEST_CASE("another program's SQLite file is refused and left unchanged", "[store][database][refuse]") {
    TempDir dir;
    const auto path = dir / "foreign.db";
    {
        SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Budi')");
    }
    const auto before = Snapshot(path);
    auto db = Database::Open(path);
    REQUIRE_FALSE(db.ok());
    CHECK_THAT(db.error().message, Catch::Contains("program lain"));
    CHECK(Snapshot(path) == before);

    SECTION("also when it has a meta table of its own") {
        {
            SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
            other.exec("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('app', 'lain')");
        }
        const auto before2 = Snapshot(path);
        auto db2 = Database::Open(path);
        REQUIRE_FALSE(db2.ok());
        CHECK(Snapshot(path) == before2);
    }
}

TEST_CASE("a file that is not SQLite is refused and left unchanged", "[store][database][refuse]") {
    TempDir dir;
    const auto path = dir / "roster.xlsx";
    const std::string bytes = "PK\x03\x04 this is a zip, not a database" + std::string(200, 'x');
    WriteBytes(path, bytes);
    auto db = Database::Open(path);
    REQUIRE_FALSE(db.ok());
    CHECK_THAT(db.error().message, Catch::Contains("bukan basis data SQLite"));
    CHECK(ReadBytes(path) == bytes);
    CHECK_FALSE(std::filesystem::exists(dir / "roster.xlsx-wal"));
}

TEST_CASE("a damaged SQLite file is refused and left unchanged", "[store][database][refuse]") {
    TempDir dir;
    const auto good = dir / "good.db";
    {
        auto db = Database::Open(good);
        REQUIRE(db.ok());
        for (int i = 0; i < 200; ++i) (*db)->SetSetting(std::to_string(i) + "k", std::string(100, 'v'));
        (*db)->sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const std::string original = ReadBytes(good);
    REQUIRE(original.size() > 8192);

    SECTION("truncated") {
        const auto path = dir / "truncated.db";
        WriteBytes(path, original.substr(0, original.size() / 2));
        const auto before = ReadBytes(path);
        auto db = Database::Open(path);
        REQUIRE_FALSE(db.ok());
        CHECK_THAT(db.error().message, Catch::Contains("terpotong"));
        CHECK(ReadBytes(path) == before);
    }
    SECTION("only a header") {
        const auto path = dir / "header.db";
        WriteBytes(path, original.substr(0, 50));
        auto db = Database::Open(path);
        REQUIRE_FALSE(db.ok());
        CHECK(ReadBytes(path) == original.substr(0, 50));
    }
    SECTION("garbage over the schema page") {
        const auto path = dir / "garbage.db";
        std::string bytes = original;
        for (size_t i = 100; i < 4096; ++i) bytes[i] = char((i * 7919) & 0xFF);
        WriteBytes(path, bytes);
        auto db = Database::Open(path);
        REQUIRE_FALSE(db.ok());
        CHECK_THAT(db.error().message, Catch::Contains("rusak"));
        CHECK(ReadBytes(path) == bytes);
    }
}

TEST_CASE("a database made at every earlier version upgrades with its data and a backup",
          "[store][migration]") {
    const int latest = sinau::store::LatestSchemaVersion();
    for (int v = 1; v <= latest; ++v) {
        INFO("made at schema version " << v);
        TempDir dir;
        const auto path = dir / "old.db";
        sinau::store::CreateDatabaseAtVersion(path, v);
        {
            // Data every version since v1 has: a learner, a setting, an answered attempt.
            SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
            raw.exec("INSERT INTO settings VALUES ('ui.scale', '1.25')");
            raw.exec(
                "INSERT INTO learners (id, nip, name, instansi, jabatan, created_at, updated_at) VALUES "
                "('L1', '198803122015031002', 'Budi Santoso', 'BPSDM', '', '2024-01-01T00:00:00.000Z', "
                "'2024-01-01T00:00:00.000Z')");
            raw.exec(
                "INSERT INTO attempts (id, learner_id, module_id, kind, mode, course_id, content_version, "
                "plan, "
                "started_at, updated_at) VALUES ('A1', 'L1', 'm1', 'quiz', 'ujian', 'c', '1.0.0', '{}', 't', "
                "'t')");
            raw.exec(
                "INSERT INTO responses (id, attempt_id, question_id, question_hash, content_version, answer, "
                "fraction, answered_at, updated_at) VALUES ('R1', 'A1', 'q1', 'h', '1.0.0', "
                "'{\"choice\":1}', 1, 't', 't')");
        }
        const std::string id_before = [&] {
            SQLite::Database raw(path.string());
            return raw.execAndGet("SELECT value FROM meta WHERE key='installation_id'").getString();
        }();
        auto db = Database::Open(path);
        REQUIRE(db.ok());
        auto& d = **db;
        CHECK(d.opened_from_version() == v);
        CHECK(d.schema_version() == latest);
        CHECK(d.installation_id() == id_before);
        CHECK(d.GetSetting("ui.scale") == std::optional<std::string>("1.25"));
        CHECK(d.sql().execAndGet("SELECT name FROM learners WHERE nip='198803122015031002'").getString() ==
              "Budi Santoso");
        CHECK(d.sql().execAndGet("SELECT answer FROM responses WHERE id='R1'").getString() ==
              "{\"choice\":1}");
        if (v < latest) {
            REQUIRE_FALSE(d.backup_path().empty());
            SQLite::Database backup(d.backup_path().string());
            CHECK(backup.execAndGet("PRAGMA user_version").getInt() == v);
            CHECK(backup.execAndGet("SELECT count(*) FROM responses").getInt() == 1);
        } else {
            CHECK(d.backup_path().empty());
        }
    }
}

TEST_CASE("every migration is numbered in order from 1", "[store][migration]") {
    const auto& m = sinau::store::Migrations();
    for (size_t i = 0; i < m.size(); ++i) CHECK(m[i].to_version == int(i) + 1);
}
