#include "store/migrations.hpp"

#include <string>

namespace sinau::store {
namespace {

// ---- v3: the per-learner summary behind the administrator's dashboard --------------------------------
//
// `learner_stats` holds one row per learner with everything the dashboard table filters and sorts on, so a
// filter change, a sort or a page at 100,000 learners is an index walk instead of aggregating
// module_results, reading_progress and completions for every learner (3-9 s before v3).
//
// It is kept current ON WRITE by triggers, so every writer keeps it right without knowing it exists:
// the self-paced learning loop (store/learning_*.cpp), class sessions (classroom recorder), merging
// another PC's file (store/merge.cpp), simulation, roster import and learner edits. Each trigger
// recomputes the figures its table feeds from that learner's few rows (at most one per module), which is
// exact; last_activity only grows on insert/update (max), and is recomputed from scratch when a row is
// deleted or a timestamp moves backwards, so it always equals LearnerStatsLastActivity() below.
//
// The definitions, which tests/unit/store/test_migrations_v3.cpp re-derives from scratch:
//   passed / started / avg_score  count(status='lulus') / count(status<>'belum') / avg(score) of
//   module_results reading                       count of reading_progress rows completed_at, final_score the
//   completions row last_activity                 the latest of: learners.updated_at,
//   module_results/reading_progress/
//                                 completions.updated_at, the learner's attempts (started/submitted, quiz
//                                 and class) and the answers (responses.answered_at) in those attempts
//   course_status                 'selesai' when completed, 'sedang' when any module started or any page
//                                 read, else 'belum'

// SQL for the from-scratch last activity of the learner whose id is the SQL expression `who`.
std::string LastActivityOf(const std::string& who) {
    return "max((SELECT updated_at FROM learners WHERE id = " + who + "), " +
           "coalesce((SELECT max(updated_at) FROM module_results WHERE learner_id = " + who + "), ''), " +
           "coalesce((SELECT max(updated_at) FROM reading_progress WHERE learner_id = " + who + "), ''), " +
           "coalesce((SELECT updated_at FROM completions WHERE learner_id = " + who + "), ''), " +
           "coalesce((SELECT max(max(started_at, coalesce(submitted_at, ''))) FROM attempts WHERE learner_id "
           "= " +
           who + "), ''), " +
           "coalesce((SELECT max(r.answered_at) FROM attempts a JOIN responses r ON r.attempt_id = a.id "
           "WHERE a.learner_id = " +
           who + "), ''))";
}

// SET clauses recomputing the figures each source table feeds, for the learner_stats row being updated.
const char* kModuleFigures =
    "(passed, started, avg_score) = (SELECT coalesce(sum(status = 'lulus'), 0), coalesce(sum(status <> "
    "'belum'), 0), "
    "avg(score) FROM module_results m WHERE m.learner_id = learner_stats.learner_id)";
const char* kReadingFigures =
    "reading = (SELECT count(*) FROM reading_progress r WHERE r.learner_id = learner_stats.learner_id)";
const char* kCompletionFigures =
    "(completed_at, final_score) = (SELECT completed_at, final_score FROM completions c "
    "WHERE c.learner_id = learner_stats.learner_id)";

// For a source table keyed by learner_id and carrying updated_at: insert, update and delete triggers.
std::string SourceTriggers(const std::string& table, const std::string& figures) {
    const std::string full = LastActivityOf("learner_stats.learner_id");
    std::string s;
    s += "CREATE TRIGGER learner_stats_" + table + "_ai AFTER INSERT ON " + table +
         " BEGIN\n"
         "  UPDATE learner_stats SET " +
         figures +
         ", last_activity = max(last_activity, NEW.updated_at) "
         "WHERE learner_id = NEW.learner_id;\nEND;\n";
    s += "CREATE TRIGGER learner_stats_" + table + "_au AFTER UPDATE ON " + table +
         " BEGIN\n"
         "  UPDATE learner_stats SET " +
         figures + ", last_activity = " + full +
         " WHERE learner_id = OLD.learner_id AND OLD.learner_id IS NOT NEW.learner_id;\n"
         "  UPDATE learner_stats SET " +
         figures +
         ", last_activity = CASE WHEN NEW.updated_at >= OLD.updated_at "
         "THEN max(last_activity, NEW.updated_at) ELSE " +
         full + " END WHERE learner_id = NEW.learner_id;\nEND;\n";
    s += "CREATE TRIGGER learner_stats_" + table + "_ad AFTER DELETE ON " + table +
         " BEGIN\n"
         "  UPDATE learner_stats SET " +
         figures + ", last_activity = " + full + " WHERE learner_id = OLD.learner_id;\nEND;\n";
    return s;
}

// Adds (sign "+") or removes (sign "-") one module_results row in module_tally, under its learner's
// instansi as the expression `instansi` gives it; `row` is NEW or OLD; `exists` guards on the learner.
std::string TallyRow(const std::string& row, const char* sign, const std::string& instansi) {
    return "  INSERT INTO module_tally (instansi, module_id, status, n, score_sum, score_n) SELECT " +
           instansi + ", " + row + ".module_id, " + row + ".status, " + sign + "1, " + sign + "coalesce(" +
           row + ".score, 0), " + sign + "(" + row + ".score IS NOT NULL) FROM learners WHERE id = " + row +
           ".learner_id ON CONFLICT (instansi, module_id, status) DO UPDATE SET n = n + excluded.n, "
           "score_sum = score_sum + excluded.score_sum, score_n = score_n + excluded.score_n;\n";
}

// Adds or removes every module_results row of learner `who` (NEW/OLD) under instansi `instansi`.
std::string TallyLearner(const std::string& who, const char* sign, const std::string& instansi) {
    return "  INSERT INTO module_tally (instansi, module_id, status, n, score_sum, score_n) SELECT " +
           instansi + ", module_id, status, " + sign + "count(*), " + sign + "coalesce(sum(score), 0), " +
           sign + "count(score) FROM module_results WHERE learner_id = " + who +
           ".id GROUP BY module_id, status ON CONFLICT (instansi, module_id, status) DO UPDATE SET n = n + "
           "excluded.n, "
           "score_sum = score_sum + excluded.score_sum, score_n = score_n + excluded.score_n;\n";
}

std::string V3LearnerStats() {
    const std::string full = LastActivityOf("learner_stats.learner_id");
    std::string s = R"SQL(
CREATE TABLE learner_stats (        -- derived, one row per learner, kept current by the triggers below
  learner_id    TEXT PRIMARY KEY REFERENCES learners(id),
  nip           TEXT NOT NULL,      -- copies of the learners row, so filters and sorts need no join
  name          TEXT NOT NULL,
  instansi      TEXT NOT NULL,
  jabatan       TEXT NOT NULL,
  removed_at    TEXT,
  passed        INTEGER NOT NULL DEFAULT 0,
  started       INTEGER NOT NULL DEFAULT 0,
  avg_score     REAL,
  reading       INTEGER NOT NULL DEFAULT 0,
  completed_at  TEXT,
  final_score   REAL,
  last_activity TEXT NOT NULL,
  course_status TEXT GENERATED ALWAYS AS (CASE WHEN completed_at IS NOT NULL THEN 'selesai'
                     WHEN started > 0 OR reading > 0 THEN 'sedang' ELSE 'belum' END) VIRTUAL
);
-- One index per sort key, ending in nip (the tie-breaker) so keyset paging is an index range walk.
CREATE INDEX learner_stats_name ON learner_stats (name COLLATE NOCASE, nip);
CREATE INDEX learner_stats_nip ON learner_stats (nip, name);  -- name: a search tests both on the index
CREATE INDEX learner_stats_instansi ON learner_stats (instansi, nip);
CREATE INDEX learner_stats_instansi_sort ON learner_stats (instansi COLLATE NOCASE, nip);
CREATE INDEX learner_stats_passed ON learner_stats (passed, nip);
CREATE INDEX learner_stats_avg ON learner_stats (avg_score, nip);
CREATE INDEX learner_stats_final ON learner_stats (final_score, nip);
CREATE INDEX learner_stats_completed ON learner_stats (completed_at, nip);
CREATE INDEX learner_stats_last ON learner_stats (last_activity, nip);
-- Covering for the summary (per instansi: learners, status, final-score bins), also when a filter picks
-- learners by id (the module-status filter).
CREATE INDEX learner_stats_summary ON learner_stats (instansi, course_status, final_score, learner_id);
-- module_results per learner WITH module_id, so the module chart of a filtered set of learners and the
-- triggers' per-learner recompute read the index only (replaces v2's cover, which lacked module_id).
DROP INDEX module_results_learner_cover;
CREATE INDEX module_results_learner_cover ON module_results (learner_id, module_id, status, score, updated_at);
-- The module chart for everyone or one instansi without reading module_results at all: rows per
-- (instansi, module, status), kept current by the module_results and learners triggers. Only rows of
-- learners that exist are counted. score_sum is a running sum (add/subtract): exact to ~1e-9.
CREATE TABLE module_tally (
  instansi  TEXT NOT NULL,
  module_id TEXT NOT NULL,
  status    TEXT NOT NULL,
  n         INTEGER NOT NULL DEFAULT 0,
  score_sum REAL NOT NULL DEFAULT 0,
  score_n   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (instansi, module_id, status)
) WITHOUT ROWID;
INSERT INTO module_tally (instansi, module_id, status, n, score_sum, score_n)
  SELECT l.instansi, m.module_id, m.status, count(*), coalesce(sum(m.score), 0), count(m.score)
  FROM module_results m JOIN learners l ON l.id = m.learner_id GROUP BY 1, 2, 3;
-- Backfill: the learners and their figures as of this upgrade.
INSERT INTO learner_stats (learner_id, nip, name, instansi, jabatan, removed_at, last_activity)
  SELECT id, nip, name, instansi, jabatan, removed_at, updated_at FROM learners;
)SQL";
    s += std::string("UPDATE learner_stats SET ") + kModuleFigures + ", " + kReadingFigures + ", " +
         kCompletionFigures + ", last_activity = " + full + ";\n";
    // Learners: the identity columns follow every edit; a new learner (roster import, merge, profile) gets
    // its full figures at once, since a merge may bring its records in before or after the learner row.
    s += "CREATE TRIGGER learner_stats_learners_ai AFTER INSERT ON learners BEGIN\n"
         "  INSERT INTO learner_stats (learner_id, nip, name, instansi, jabatan, removed_at, last_activity) "
         "VALUES (NEW.id, NEW.nip, NEW.name, NEW.instansi, NEW.jabatan, NEW.removed_at, NEW.updated_at) "
         "ON CONFLICT (learner_id) DO NOTHING;\n"
         "  UPDATE learner_stats SET " +
         std::string(kModuleFigures) + ", " + kReadingFigures + ", " + kCompletionFigures +
         ", last_activity = " + full + " WHERE learner_id = NEW.id;\nEND;\n";
    s += "CREATE TRIGGER learner_stats_learners_au AFTER UPDATE ON learners BEGIN\n"
         "  DELETE FROM learner_stats WHERE learner_id = OLD.id AND OLD.id IS NOT NEW.id;\n"
         "  INSERT INTO learner_stats (learner_id, nip, name, instansi, jabatan, removed_at, last_activity) "
         "VALUES (NEW.id, NEW.nip, NEW.name, NEW.instansi, NEW.jabatan, NEW.removed_at, NEW.updated_at) "
         "ON CONFLICT (learner_id) DO UPDATE SET nip = excluded.nip, name = excluded.name, instansi = "
         "excluded.instansi, "
         "jabatan = excluded.jabatan, removed_at = excluded.removed_at;\n"
         "  UPDATE learner_stats SET last_activity = CASE WHEN OLD.id IS NOT NEW.id OR NEW.updated_at < "
         "OLD.updated_at "
         "THEN " +
         full + " ELSE max(last_activity, NEW.updated_at) END" + ", " + kModuleFigures + ", " +
         kReadingFigures + ", " + kCompletionFigures +
         " WHERE learner_id = NEW.id AND (OLD.id IS NOT NEW.id OR NEW.updated_at IS NOT "
         "OLD.updated_at);\nEND;\n";
    s += "CREATE TRIGGER learner_stats_learners_ad AFTER DELETE ON learners BEGIN\n"
         "  DELETE FROM learner_stats WHERE learner_id = OLD.id;\nEND;\n";
    s += "CREATE TRIGGER module_tally_learners_ai AFTER INSERT ON learners BEGIN\n" +
         TallyLearner("NEW", "", "NEW.instansi") + "END;\n";
    s += "CREATE TRIGGER module_tally_learners_au AFTER UPDATE OF id, instansi ON learners "
         "WHEN OLD.id IS NOT NEW.id OR OLD.instansi IS NOT NEW.instansi BEGIN\n" +
         TallyLearner("OLD", "-", "OLD.instansi") + TallyLearner("NEW", "", "NEW.instansi") + "END;\n";
    s += "CREATE TRIGGER module_tally_learners_ad AFTER DELETE ON learners BEGIN\n" +
         TallyLearner("OLD", "-", "OLD.instansi") + "END;\n";
    s += "CREATE TRIGGER module_tally_module_results_ai AFTER INSERT ON module_results BEGIN\n" +
         TallyRow("NEW", "", "instansi") + "END;\n";
    s += "CREATE TRIGGER module_tally_module_results_au AFTER UPDATE ON module_results BEGIN\n" +
         TallyRow("OLD", "-", "instansi") + TallyRow("NEW", "", "instansi") + "END;\n";
    s += "CREATE TRIGGER module_tally_module_results_ad AFTER DELETE ON module_results BEGIN\n" +
         TallyRow("OLD", "-", "instansi") + "END;\n";
    s += SourceTriggers("module_results", kModuleFigures);
    s += SourceTriggers("reading_progress", kReadingFigures);
    s += SourceTriggers("completions", kCompletionFigures);
    // Attempts (self-paced quiz and class session) and answers only move last_activity. The answer trigger
    // runs inside every answer's commit: one attempts lookup and, when the time is later, one row update.
    s += "CREATE TRIGGER learner_stats_attempts_ai AFTER INSERT ON attempts WHEN NEW.learner_id IS NOT NULL "
         "BEGIN\n"
         "  UPDATE learner_stats SET last_activity = max(last_activity, NEW.started_at, "
         "coalesce(NEW.submitted_at, '')) "
         "WHERE learner_id = NEW.learner_id;\nEND;\n";
    s += "CREATE TRIGGER learner_stats_attempts_au AFTER UPDATE OF learner_id, started_at, submitted_at ON "
         "attempts BEGIN\n"
         "  UPDATE learner_stats SET last_activity = " +
         full +
         " WHERE learner_id = OLD.learner_id AND OLD.learner_id IS NOT NEW.learner_id;\n"
         "  UPDATE learner_stats SET last_activity = CASE WHEN OLD.learner_id IS NOT NEW.learner_id "
         "OR NEW.started_at < OLD.started_at OR coalesce(NEW.submitted_at, '') < coalesce(OLD.submitted_at, "
         "'') THEN " +
         full +
         " ELSE max(last_activity, NEW.started_at, coalesce(NEW.submitted_at, '')) END WHERE learner_id = "
         "NEW.learner_id;\nEND;\n";
    s += "CREATE TRIGGER learner_stats_attempts_ad AFTER DELETE ON attempts WHEN OLD.learner_id IS NOT NULL "
         "BEGIN\n"
         "  UPDATE learner_stats SET last_activity = " +
         full + " WHERE learner_id = OLD.learner_id;\nEND;\n";
    s += "CREATE TRIGGER learner_stats_responses_ai AFTER INSERT ON responses BEGIN\n"
         "  UPDATE learner_stats SET last_activity = NEW.answered_at "
         "WHERE learner_id = (SELECT learner_id FROM attempts WHERE id = NEW.attempt_id) AND last_activity < "
         "NEW.answered_at;\n"
         "END;\n";
    s +=
        "CREATE TRIGGER learner_stats_responses_au AFTER UPDATE OF attempt_id, answered_at ON responses "
        "BEGIN\n"
        "  UPDATE learner_stats SET last_activity = " +
        full +
        " WHERE learner_id IN (SELECT learner_id FROM attempts WHERE id IN (OLD.attempt_id, NEW.attempt_id)) "
        "AND (OLD.attempt_id IS NOT NEW.attempt_id OR NEW.answered_at < OLD.answered_at);\n"
        "  UPDATE learner_stats SET last_activity = NEW.answered_at "
        "WHERE learner_id = (SELECT learner_id FROM attempts WHERE id = NEW.attempt_id) AND last_activity < "
        "NEW.answered_at;\n"
        "END;\n";
    s += "CREATE TRIGGER learner_stats_responses_ad AFTER DELETE ON responses BEGIN\n"
         "  UPDATE learner_stats SET last_activity = " +
         full + " WHERE learner_id = (SELECT learner_id FROM attempts WHERE id = OLD.attempt_id);\nEND;\n";
    return s;
}

}  // namespace

// Forward-only schema history. Entry i brings a database from user_version i to i+1. Every table Sinau
// keeps is created here and nowhere else (tests/unit/layout: no CREATE/ALTER/DROP outside app/core/store).
// Never edit an entry that has shipped: add a new one. Every entry is tested by upgrading a database
// created at each earlier version (tests/unit/store/database_test.cpp; v3's triggers in
// tests/unit/store/test_migrations_v3.cpp).
//
// Conventions: ids are UUID strings (stable across PCs, so records merge); times are ISO 8601 UTC
// text ("2026-11-24T14:03:00.123Z"); `updated_at` decides which copy wins when merging PCs.
const std::vector<Migration>& Migrations() {
    static const std::string v3 = V3LearnerStats();
    static const std::vector<Migration> kMigrations = {
        {1, "initial schema", R"SQL(
CREATE TABLE meta (                 -- identity of this database: app='sinau', installation_id, created_at
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE settings (             -- UI and admin settings (ui.scale, ui.theme, ui.language, admin.pin_hash, ...)
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE learners (
  id         TEXT PRIMARY KEY,      -- UUID
  nip        TEXT NOT NULL UNIQUE,  -- 18 digits; identity across PCs when merging
  name       TEXT NOT NULL,
  instansi   TEXT NOT NULL,
  jabatan    TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  removed_at TEXT                   -- removed from the picker; records kept for the administrator
);
CREATE TABLE reading_progress (
  learner_id TEXT NOT NULL REFERENCES learners(id),
  module_id  TEXT NOT NULL,
  page       INTEGER NOT NULL,      -- 0-based page the learner is on
  pages      INTEGER NOT NULL,      -- page count when last read
  max_page   INTEGER NOT NULL,      -- furthest page reached
  updated_at TEXT NOT NULL,
  PRIMARY KEY (learner_id, module_id)
);
CREATE TABLE attempts (             -- a quiz attempt (self-paced) or a participant's run of a class session
  id               TEXT PRIMARY KEY,
  learner_id       TEXT REFERENCES learners(id),             -- NULL only for a class participant without NIP
  participant_id   TEXT REFERENCES class_participants(id),  -- set for kind = 'class'
  module_id        TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('quiz', 'class')),
  mode             TEXT NOT NULL CHECK (mode IN ('latihan', 'ujian')),
  course_id        TEXT NOT NULL,
  content_version  TEXT NOT NULL,
  plan             TEXT NOT NULL,   -- JSON: drawn question ids in order, each with its choice order
  class_session_id TEXT REFERENCES class_sessions(id),
  started_at       TEXT NOT NULL,
  submitted_at     TEXT,            -- NULL while in progress
  score            REAL,            -- 0..100 once submitted
  passed           INTEGER,         -- 0/1 once submitted
  updated_at       TEXT NOT NULL
);
CREATE INDEX attempts_learner ON attempts (learner_id, module_id);
CREATE TABLE responses (            -- one answer; committed the moment it is given
  id              TEXT PRIMARY KEY,
  attempt_id      TEXT NOT NULL REFERENCES attempts(id),
  question_id     TEXT NOT NULL,
  question_hash   TEXT NOT NULL,    -- content::Question::Hash() at answer time
  content_version TEXT NOT NULL,
  answer          TEXT NOT NULL,    -- JSON, shape per question type (engine/answer.hpp)
  fraction        REAL,             -- -1..1 credit; NULL for an essay not graded yet
  answered_at     TEXT NOT NULL,
  duration_ms     INTEGER,
  updated_at      TEXT NOT NULL,
  UNIQUE (attempt_id, question_id)
);
CREATE TABLE scenario_runs (
  id              TEXT PRIMARY KEY,
  learner_id      TEXT NOT NULL REFERENCES learners(id),
  module_id       TEXT NOT NULL,
  scenario_id     TEXT NOT NULL,
  content_version TEXT NOT NULL,
  path            TEXT NOT NULL,    -- JSON array of passage names visited, committed at every choice
  score           INTEGER NOT NULL DEFAULT 0,
  best_score      INTEGER NOT NULL DEFAULT 0,
  ended           INTEGER NOT NULL DEFAULT 0,
  started_at      TEXT NOT NULL,
  finished_at     TEXT,
  updated_at      TEXT NOT NULL
);
CREATE INDEX scenario_runs_learner ON scenario_runs (learner_id, module_id);
CREATE TABLE module_results (       -- derived from attempts + scenario_runs; kept current for fast dashboards
  learner_id  TEXT NOT NULL REFERENCES learners(id),
  module_id   TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('belum', 'sedang', 'lulus')),
  score       REAL,                 -- per the manifest's grading method (highest/last)
  attempts    INTEGER NOT NULL DEFAULT 0,
  passed_at   TEXT,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (learner_id, module_id)
);
CREATE TABLE completions (          -- the course completed: what a certificate attests
  learner_id      TEXT PRIMARY KEY REFERENCES learners(id),
  course_id       TEXT NOT NULL,
  content_version TEXT NOT NULL,
  completed_at    TEXT NOT NULL,
  final_score     REAL NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE TABLE class_sessions (       -- a trainer-led live quiz
  id          TEXT PRIMARY KEY,
  module_id   TEXT NOT NULL,
  title       TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  ended_at    TEXT,
  state       TEXT NOT NULL,        -- JSON: question order, current index, deadlines (to resume after a crash)
  updated_at  TEXT NOT NULL
);
CREATE TABLE class_participants (
  id          TEXT PRIMARY KEY,
  session_id  TEXT NOT NULL REFERENCES class_sessions(id),
  name        TEXT NOT NULL,        -- as typed (validated, length-bounded); escaped wherever shown
  nip         TEXT,                 -- optional; when it matches a learner, learner_id is set
  learner_id  TEXT REFERENCES learners(id),
  token_hash  TEXT NOT NULL,        -- hash of the participant's session token (the token itself is never stored)
  score       INTEGER NOT NULL DEFAULT 0,
  joined_at   TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX class_participants_session ON class_participants (session_id);
)SQL"},
        // v2 (records helper, issue 6): indexes for the administrator's dashboard, item analysis and exports
        // at 100,000 learners. Indexes only: no data changes, so the upgrade is instant and safe.
        {2, "indexes for dashboard, item analysis and exports", R"SQL(
CREATE INDEX learners_instansi ON learners (instansi);
CREATE INDEX module_results_module ON module_results (module_id, status);
-- Covering indexes: the per-learner aggregates (records/learner_filter.cpp) scan these in learner order
-- without touching the tables (measured: half the CPU time at 100,000 learners).
CREATE INDEX module_results_learner_cover ON module_results (learner_id, status, score, updated_at);
CREATE INDEX reading_progress_learner_cover ON reading_progress (learner_id, updated_at);
CREATE INDEX completions_completed ON completions (completed_at);
CREATE INDEX attempts_module ON attempts (module_id, submitted_at);
CREATE INDEX responses_question ON responses (question_id);
CREATE INDEX class_participants_learner ON class_participants (learner_id);
)SQL"},
        // v3 (dashboard helper, issue 6): learner_stats, the per-learner summary kept current on write by
        // triggers, with its backfill (see V3LearnerStats above).
        {3, "per-learner summary for the dashboard, kept current by triggers", v3},
        // v4 (issue 18): the two tables earlier versions created on first use outside this list
        // (CREATE TABLE IF NOT EXISTS in the certificate and essay code), adopted with the same columns, so a
        // v3 database that already has them keeps its rows. issued_certificates gains the public key that
        // signed each row (backfilled with this installation's key, the only one that could have signed
        // them), so rows merged from another PC are never checked against the wrong key.
        {4, "issued_certificates and essay_grades adopted into the schema", R"SQL(
CREATE TABLE IF NOT EXISTS issued_certificates (  -- every certificate handed out (certificates/certificate.hpp)
  short_code TEXT PRIMARY KEY,      -- 'XXXX-XXXX-XXXX-XXXX', the first 80 bits of the signature
  facts      TEXT NOT NULL,         -- CanonicalFacts() as signed
  signature  TEXT NOT NULL,         -- Base32 of the 64-byte Ed25519 signature
  nip        TEXT NOT NULL,
  issued_at  TEXT NOT NULL
);
ALTER TABLE issued_certificates ADD COLUMN public_key TEXT;  -- hex Ed25519 key that signed; set on every insert
UPDATE issued_certificates SET public_key = (SELECT value FROM meta WHERE key = 'certificate.ed25519_public')
  WHERE public_key IS NULL;
CREATE INDEX issued_certificates_nip ON issued_certificates (nip);
CREATE TABLE IF NOT EXISTS essay_grades (  -- a trainer's grade and comment on an essay answer (reports/essay_review)
  response_id TEXT PRIMARY KEY REFERENCES responses(id),
  percent     REAL NOT NULL,        -- 0..100, as given; responses.fraction holds percent / 100
  comment     TEXT NOT NULL DEFAULT '',
  graded_at   TEXT NOT NULL,
  updated_at  TEXT NOT NULL         -- decides which copy wins when merging PCs
);
)SQL"},
    };
    return kMigrations;
}

}  // namespace sinau::store
