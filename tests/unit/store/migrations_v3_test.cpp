// Schema v3: upgrading a v2 database that already holds records fills learner_stats and module_tally
// (the backfill), and the triggers keep them equal to a from-scratch computation afterwards.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "../support/temp_dir.hpp"
#include "migrations_v3_check.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

using sinau::store::Database;
using sinau::test::TempDir;

TEST_CASE("v2 -> v3 backfills the dashboard summary from existing records", "[store][migration][v3]") {
    REQUIRE(sinau::store::LatestSchemaVersion() >= 3);
    TempDir dir;
    const auto path = dir / "v2.db";
    sinau::store::CreateDatabaseAtVersion(path, 2);
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec(R"SQL(
INSERT INTO learners (id, nip, name, instansi, jabatan, created_at, updated_at, removed_at) VALUES
 ('L1', '198001012005011001', 'Ani', 'BKD', 'Analis', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),
 ('L2', '198001012005011002', 'Budi', 'Bappeda', '', '2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', NULL),
 ('L3', '198001012005011003', 'Citra', 'BKD', '', '2024-01-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'),
 ('L4', '198001012005011004', 'Dewi', 'Dinsos', '', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL);
INSERT INTO module_results VALUES
 ('L1', 'm1', 'lulus', 90, 1, '2024-02-01T09:05:00.000Z', '2024-02-01T09:05:00.000Z'),
 ('L1', 'm2', 'lulus', 80, 2, '2024-02-03T09:05:00.000Z', '2024-02-03T09:05:00.000Z'),
 ('L2', 'm1', 'sedang', 40, 1, NULL, '2024-02-05T10:00:00.000Z'),
 ('L3', 'm1', 'belum', NULL, 0, NULL, '2024-02-06T10:00:00.000Z');
INSERT INTO reading_progress VALUES ('L4', 'm1', 2, 6, 2, '2024-04-01T08:00:00.000Z'),
                                    ('L1', 'm1', 5, 6, 5, '2024-01-30T08:00:00.000Z');
INSERT INTO completions VALUES ('L1', 'c', '1.0.0', '2024-02-03T09:06:00.000Z', 85, '2024-02-03T09:06:00.000Z');
INSERT INTO attempts (id, learner_id, module_id, kind, mode, course_id, content_version, plan, started_at,
                      submitted_at, score, passed, updated_at) VALUES
 ('A1', 'L2', 'm2', 'quiz', 'ujian', 'c', '1.0.0', '[]', '2024-05-01T09:00:00.000Z', NULL, NULL, NULL, '2024-05-01T09:00:00.000Z');
INSERT INTO responses (id, attempt_id, question_id, question_hash, content_version, answer, fraction, answered_at,
                       updated_at) VALUES ('R1', 'A1', 'q1', 'h', '1.0.0', '{}', 1, '2024-05-01T09:01:30.000Z', '2024-05-01T09:01:30.000Z');
)SQL");
    }
    auto opened = Database::Open(path);
    REQUIRE(opened.ok());
    auto& db = (*opened)->sql();
    CHECK((*opened)->opened_from_version() == 2);
    CHECK(db.execAndGet("SELECT count(*) FROM learner_stats").getInt() == 4);
    // What a trainer would see, spelled out for two learners, then everything against a from-scratch count.
    CHECK(db.execAndGet("SELECT passed || '/' || course_status || '/' || final_score FROM learner_stats "
                        "WHERE learner_id = 'L1'")
              .getString() == "2/selesai/85.0");
    CHECK(db.execAndGet("SELECT last_activity FROM learner_stats WHERE learner_id = 'L2'").getString() ==
          "2024-05-01T09:01:30.000Z");  // the answer in the open attempt is the latest activity
    CHECK(db.execAndGet("SELECT course_status FROM learner_stats WHERE learner_id = 'L4'").getString() ==
          "sedang");
    sinau::test::CheckLearnerStats(db);
    sinau::test::CheckModuleTally(db);

    // After the upgrade, writes keep it right without any code knowing about the summary.
    db.exec(
        "UPDATE module_results SET status = 'lulus', score = 75 WHERE learner_id = 'L2' AND module_id = "
        "'m1'");
    db.exec("DELETE FROM reading_progress WHERE learner_id = 'L4'");
    db.exec("UPDATE learners SET instansi = 'BKD', updated_at = '2024-06-01T00:00:00.000Z' WHERE id = 'L2'");
    db.exec("DELETE FROM responses WHERE id = 'R1'");
    db.exec("DELETE FROM completions WHERE learner_id = 'L1'");
    sinau::test::CheckLearnerStats(db);
    sinau::test::CheckModuleTally(db);
    CHECK(db.execAndGet("SELECT course_status FROM learner_stats WHERE learner_id = 'L4'").getString() ==
          "belum");
}

TEST_CASE("a new database has the summary tables and a learner appears in them at once",
          "[store][migration][v3]") {
    TempDir dir;
    auto opened = Database::Open(dir / "new.db");
    REQUIRE(opened.ok());
    auto& db = (*opened)->sql();
    db.exec(
        "INSERT INTO learners (id, nip, name, instansi, created_at, updated_at) VALUES "
        "('L1', '198001012005011001', 'Ani', 'BKD', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')");
    CHECK(db.execAndGet("SELECT course_status FROM learner_stats WHERE learner_id = 'L1'").getString() ==
          "belum");
    db.exec("DELETE FROM learners WHERE id = 'L1'");
    CHECK(db.execAndGet("SELECT count(*) FROM learner_stats").getInt() == 0);
}
