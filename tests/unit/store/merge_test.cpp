#include <catch2/catch.hpp>

#include "../support/records_fixture.hpp"
#include "store/certificate_records.hpp"
#include "store/essay_records.hpp"
#include "store/merge.hpp"

using namespace sinau::store;
using namespace records_test;

namespace {
int64_t Count(SQLite::Database& db, const std::string& sql) {
    return db.execAndGet(sql).getInt64();
}
const TableMerge& Table(const MergeReport& r, const std::string& name) {
    for (const auto& t : r.tables)
        if (t.table == name) return t;
    throw std::runtime_error("no table " + name);
}
}  // namespace

TEST_CASE("Merging maps learners by NIP, is idempotent and never lets an older copy win", "[merge]") {
    TempDir dir;
    {
        auto pc1 = OpenDb(dir / "pc1.db");
        auto& s = pc1->sql();
        // The same person as the target's T1 (same NIP), known here under another UUID, renamed later.
        AddLearner(s, "P1", "198001012005011001", "Ani Baru", "BKD", "2024-03-01T00:00:00.000Z");
        AddLearner(s, "P2", "198001012005011002", "Budi", "Bappeda", "2024-01-01T00:00:00.000Z");
        AddAttempt(s, "A1", "P1", "m1", "2024-02-01T09:00:00.000Z", "80");
        AddResponse(s, "R1", "A1", "q1", "{\"choice\":0}", "1");
        AddResult(s, "P1", "m1", "lulus", "80", "2024-02-01T09:05:00.000Z");
        AddResult(s, "P2", "m1", "sedang", "40", "2024-02-01T09:05:00.000Z");
        AddCompletion(s, "P2", "2024-01-05T00:00:00.000Z", "75");  // older than the target's copy
    }
    auto target = OpenDb(dir / "target.db");
    auto& t = target->sql();
    AddLearner(t, "T1", "198001012005011001", "Ani Lama", "BKD", "2024-02-01T00:00:00.000Z");
    AddLearner(t, "T2", "198001012005011002", "Budi Terbaru", "Bappeda", "2024-06-01T00:00:00.000Z");
    AddResult(t, "T1", "m1", "sedang", "60", "2024-01-20T00:00:00.000Z");
    AddCompletion(t, "T2", "2024-06-01T00:00:00.000Z", "91");

    auto r = MergeDatabases(*target, {dir / "pc1.db"});
    REQUIRE(r.ok());
    CHECK(r->learners_matched_by_nip == 2);
    CHECK(Table(*r, "learners").updated == 1);    // Ani: the source is newer
    CHECK(Table(*r, "learners").unchanged == 1);  // Budi: the target is newer
    CHECK(Table(*r, "attempts").inserted == 1);
    CHECK(Table(*r, "responses").inserted == 1);
    CHECK(Table(*r, "completions").unchanged == 1);
    CHECK(Count(t, "SELECT count(*) FROM learners") == 2);
    CHECK(t.execAndGet("SELECT name FROM learners WHERE id = 'T1'").getString() == "Ani Baru");
    CHECK(t.execAndGet("SELECT name FROM learners WHERE id = 'T2'").getString() == "Budi Terbaru");
    CHECK(t.execAndGet("SELECT learner_id FROM attempts WHERE id = 'A1'").getString() == "T1");  // id mapped
    CHECK(t.execAndGet("SELECT final_score FROM completions WHERE learner_id = 'T2'").getDouble() == 91);
    // module_results: the best of both, nothing lost.
    CHECK(t.execAndGet("SELECT status FROM module_results WHERE learner_id = 'T1'").getString() == "lulus");
    CHECK(t.execAndGet("SELECT score FROM module_results WHERE learner_id = 'T1'").getDouble() == 80);
    CHECK(Count(t, "SELECT count(*) FROM module_results WHERE learner_id = 'T2'") == 1);

    // Importing the same file again changes nothing: same counts, same bytes of data.
    const auto before = Count(t, "SELECT total_changes()");
    auto again = MergeDatabases(*target, {dir / "pc1.db"});
    REQUIRE(again.ok());
    CHECK(again->changed() == 0);
    CHECK(Count(t, "SELECT total_changes()") == before);
}

TEST_CASE("A corrupt, foreign or newer file is refused and the target stays byte-identical", "[merge]") {
    TempDir dir;
    {
        auto good = OpenDb(dir / "good.db");
        AddLearner(good->sql(), "G1", "1", "Ani", "BKD");
    }
    {
        auto target = OpenDb(dir / "target.db");
        AddLearner(target->sql(), "T1", "2", "Budi", "BKD");
    }
    // Not SQLite at all.
    { std::ofstream(dir / "teks.db") << "ini bukan basis data"; }
    // SQLite, but another program's.
    {
        SQLite::Database other((dir / "lain.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE foo (x); INSERT INTO foo VALUES (1)");
    }
    // A Sinau database with a damaged page in the middle.
    std::filesystem::copy_file(dir / "good.db", dir / "rusak.db");
    {
        std::string bytes = ReadFile(dir / "rusak.db");
        REQUIRE(bytes.size() > 8192);
        for (size_t i = 4096 + 8; i < 4096 + 200; ++i) bytes[i] = char(0xA5);
        std::ofstream(dir / "rusak.db", std::ios::binary | std::ios::trunc) << bytes;
    }
    // A Sinau database from a newer version.
    std::filesystem::copy_file(dir / "good.db", dir / "baru.db");
    {
        SQLite::Database newer((dir / "baru.db").string(), SQLite::OPEN_READWRITE);
        newer.exec("PRAGMA user_version = 99");
    }

    const auto hash = FileHash(dir / "target.db");
    for (const char* bad : {"teks.db", "lain.db", "rusak.db", "baru.db", "tidak-ada.db"}) {
        INFO(bad);
        auto target = OpenDb(dir / "target.db");
        // The good file first: proves nothing of it lands when a later file is refused.
        auto r = MergeDatabases(*target, {dir / "good.db", dir / bad});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find(bad) != std::string::npos);
        CHECK(target->sql().execAndGet("SELECT count(*) FROM learners").getInt() == 1);
        target.reset();
        CHECK(FileHash(dir / "target.db") == hash);
    }
}

TEST_CASE("Merging opens sources read-only", "[merge]") {
    TempDir dir;
    {
        auto src = OpenDb(dir / "src.db");
        AddLearner(src->sql(), "S1", "5", "Citra", "BKD");
    }
    const auto hash = FileHash(dir / "src.db");
    std::filesystem::permissions(dir / "src.db", std::filesystem::perms::owner_read);
    auto target = OpenDb(dir / "t.db");
    auto r = MergeDatabases(*target, {dir / "src.db"});
    REQUIRE(r.ok());
    CHECK(FileHash(dir / "src.db") == hash);
    CHECK(target->sql().execAndGet("SELECT name FROM learners WHERE nip = '5'").getString() == "Citra");
}

TEST_CASE("Merging brings issued certificates (with their signer) and essay grades, later grade wins",
          "[merge][v4]") {
    TempDir dir;
    const std::string pc_key(64, 'a'), admin_key(64, 'b');
    {
        auto pc = OpenDb(dir / "pc.db");
        auto& s = pc->sql();
        AddLearner(s, "P1", "198001012005011001", "Ani", "BKD");
        AddAttempt(s, "A1", "P1", "m1", "2024-02-01T09:00:00.000Z", "80");
        AddResponse(s, "R1", "A1", "q1", "{\"type\":\"essay\",\"text\":\"x\"}", "0.8");
        RecordIssuedCertificate(*pc, {"AAAA-BBBB-CCCC-DDDD", "fakta", "SIG", "198001012005011001", pc_key});
        SaveEssayGrade(*pc, "R1", 80, "bagus");
    }
    auto target = OpenDb(dir / "target.db");
    RecordIssuedCertificate(*target, {"EEEE-FFFF-GGGG-HHHH", "fakta2", "SIG2", "2", admin_key});
    auto r = MergeDatabases(*target, {dir / "pc.db"});
    REQUIRE(r.ok());
    CHECK(Table(*r, "issued_certificates").inserted == 1);
    CHECK(Table(*r, "essay_grades").inserted == 1);
    // The merged certificate keeps the key that signed it: looked up under the target's own key it is not
    // this installation's certificate.
    CHECK(FindIssuedCertificate(*target, "AAAA-BBBB-CCCC-DDDD", pc_key).has_value());
    CHECK_FALSE(FindIssuedCertificate(*target, "AAAA-BBBB-CCCC-DDDD", admin_key).has_value());
    CHECK(FindIssuedCertificate(*target, "EEEE-FFFF-GGGG-HHHH", admin_key).has_value());
    const auto grade = FindEssayGrade(*target, "R1");
    REQUIRE(grade);
    CHECK(grade->percent == 80);
    CHECK(grade->comment == "bagus");

    // A later grade of the same answer on the PC wins; merging again with nothing new changes nothing.
    {
        auto pc = OpenDb(dir / "pc.db");
        pc->sql().exec(
            "UPDATE essay_grades SET percent = 90, comment = 'lebih baik', updated_at = '2099-01-01'");
    }
    REQUIRE(MergeDatabases(*target, {dir / "pc.db"}).ok());
    CHECK(FindEssayGrade(*target, "R1")->percent == 90);
    auto again = MergeDatabases(*target, {dir / "pc.db"});
    REQUIRE(again.ok());
    CHECK(again->changed() == 0);
    // An older copy never overwrites.
    target->sql().exec("UPDATE essay_grades SET percent = 95, updated_at = '2100-01-01'");
    REQUIRE(MergeDatabases(*target, {dir / "pc.db"}).ok());
    CHECK(FindEssayGrade(*target, "R1")->percent == 95);
}

TEST_CASE("Merging a v3 file: its certificates were signed by its own key, missing tables are skipped",
          "[merge][v4]") {
    TempDir dir;
    const auto v3 = dir / "v3.db";
    CreateDatabaseAtVersion(v3, 3);
    {
        // As Sinau before v4 made it: the table created on first use, without the signer's key.
        SQLite::Database raw(v3.string(), SQLite::OPEN_READWRITE);
        raw.exec(
            "CREATE TABLE issued_certificates (short_code TEXT PRIMARY KEY, facts TEXT NOT NULL, signature "
            "TEXT NOT NULL, nip TEXT NOT NULL, issued_at TEXT NOT NULL)");
        raw.exec("INSERT INTO issued_certificates VALUES ('AAAA-AAAA-AAAA-AAAA', 'f', 's', '1', 't')");
        raw.exec("INSERT INTO meta VALUES ('certificate.ed25519_public', '" + std::string(64, 'c') + "')");
    }
    auto target = OpenDb(dir / "target.db");
    auto r = MergeDatabases(*target, {v3});
    REQUIRE(r.ok());
    CHECK(Table(*r, "essay_grades").read == 0);  // a v3 file without the table
    CHECK(FindIssuedCertificate(*target, "AAAA-AAAA-AAAA-AAAA", std::string(64, 'c')).has_value());
}
