// The dashboard's summary (learner_stats, module_tally; schema v3) stays right after every kind of write a
// user can cause, and the dashboard's queries over it equal a from-scratch computation on a seeded DB:
// the combined summary (total, per instansi, score bins, completion per module) and keyset paging through
// every page, for every sort key and direction.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <random>
#include <set>

#include "../store/migrations_v3_check.hpp"
#include "../store/test_course.hpp"
#include "../support/records_fixture.hpp"
#include "learners/learner_store.hpp"
#include "store/dashboard.hpp"
#include "store/learning.hpp"
#include "store/merge.hpp"

using namespace sinau;
using namespace sinau::store;
using namespace records_test;

namespace {

void CheckSummaryTables(SQLite::Database& db) {
    sinau::test::CheckLearnerStats(db);
    sinau::test::CheckModuleTally(db);
}

// Answers every scored question of the attempt right.
void AnswerAllRight(store::Learning& l, const content::Module& m, const store::AttemptRecord& a) {
    for (const auto& item : a.plan.items) {
        const auto* q = engine::FindQuestion(m, item.question_id);
        REQUIRE(q);
        engine::Answer ans;
        switch (q->type) {
            case content::QuestionType::Mc:
                ans = engine::McAnswer(1);
                break;
            case content::QuestionType::TrueFalse:
                ans = engine::TfAnswer(true);
                break;
            case content::QuestionType::Short:
                ans = engine::ShortAnswer("netral");
                break;
            case content::QuestionType::Numerical:
                ans = engine::NumericalAnswerOf("2024");
                break;
            case content::QuestionType::Multi:
                ans = engine::MultiAnswer({0, 1});
                break;
            default:
                FAIL("unexpected question type");
        }
        REQUIRE(l.RecordResponse(a, *q, ans, 1500).ok());
    }
}

std::string SummaryOf(SQLite::Database& db, const std::string& id) {
    return db
        .execAndGet("SELECT passed || '/' || course_status FROM learner_stats WHERE learner_id = '" + id +
                    "'")
        .getString();
}

}  // namespace

TEST_CASE("the summary follows the self-paced loop: reading, answer, quiz pass, module completion",
          "[dashboard][summary]") {
    TempDir dir;
    const auto course = sinau::test::SmallCourse();
    auto db = OpenDb(dir / "s.db");
    auto& sql = db->sql();
    sinau::test::InsertLearner(*db, "L1", "198803122015032001");
    sql.exec(
        "UPDATE learners SET created_at = '2024-01-01T00:00:00.000Z', updated_at = "
        "'2024-01-01T00:00:00.000Z'");
    store::Learning l(*db, course, "L1");
    CHECK(SummaryOf(sql, "L1") == "0/belum");

    l.SetReadingPage(course.modules[0], 1);
    CHECK(SummaryOf(sql, "L1") == "0/sedang");
    CheckSummaryTables(sql);

    auto attempt = l.StartOrResumeAttempt(course.modules[0], 1);
    REQUIRE(attempt.ok());
    auto answer = l.RecordResponse(*attempt, course.modules[0].questions[0], engine::McAnswer(1));
    REQUIRE(answer.ok());
    // The answer alone moves "last activity" (the dashboard column) to its time.
    CHECK(sql.execAndGet("SELECT last_activity FROM learner_stats WHERE learner_id = 'L1'").getString() ==
          answer->response.answered_at);
    CheckSummaryTables(sql);

    for (size_t i = 0; i < course.modules.size(); ++i) {
        const auto& m = course.modules[i];
        auto a = l.StartOrResumeAttempt(m, 1);
        REQUIRE(a.ok());
        AnswerAllRight(l, m, *a);
        REQUIRE(l.SubmitAttempt(*a).ok());
        l.RefreshModule(m);
        CheckSummaryTables(sql);
    }
    // Every quiz passed: the modules that need nothing more (no scenario) are lulus in the summary.
    CHECK(sql.execAndGet("SELECT passed FROM learner_stats WHERE learner_id = 'L1'").getInt() ==
          sql.execAndGet("SELECT count(*) FROM module_results WHERE learner_id = 'L1' AND status = 'lulus'")
              .getInt());
    CHECK(sql.execAndGet("SELECT passed FROM learner_stats WHERE learner_id = 'L1'").getInt() >= 1);
    CheckSummaryTables(sql);
}

TEST_CASE("the summary follows class-session rows, a merge, and learner edits and removal",
          "[dashboard][summary]") {
    TempDir dir;
    {
        auto pc = OpenDb(dir / "pc.db");
        auto& s = pc->sql();
        AddLearner(s, "P1", "198001012005011001", "Ani dari PC lain", "BKD", "2024-03-01T00:00:00.000Z");
        AddLearner(s, "P9", "198001012005011009", "Hadi", "Dinsos", "2024-03-01T00:00:00.000Z");
        AddAttempt(s, "PA1", "P9", "m1", "2024-03-02T09:00:00.000Z", "80");
        AddResult(s, "P1", "m1", "lulus", "80", "2024-03-02T09:05:00.000Z");
        AddResult(s, "P9", "m1", "lulus", "80", "2024-03-02T09:05:00.000Z");
        AddCompletion(s, "P9", "2024-03-03T00:00:00.000Z", "80");
    }
    auto target = OpenDb(dir / "t.db");
    auto& t = target->sql();
    AddLearner(t, "T1", "198001012005011001", "Ani", "BKD", "2024-02-01T00:00:00.000Z");
    AddLearner(t, "T2", "198001012005011002", "Budi", "Bappeda", "2024-02-01T00:00:00.000Z");
    AddResult(t, "T1", "m1", "sedang", "60", "2024-02-10T00:00:00.000Z");

    // A class session, as the classroom recorder writes it: participant + attempt on join, one response per
    // answer, the attempt submitted when the session ends.
    t.exec(
        "INSERT INTO class_sessions (id, module_id, title, started_at, state, updated_at) VALUES "
        "('S1', 'm1', 'Kelas', '2024-02-20T09:00:00.000Z', '{}', '2024-02-20T09:00:00.000Z')");
    t.exec(
        "INSERT INTO class_participants (id, session_id, name, nip, learner_id, token_hash, score, "
        "joined_at, updated_at) "
        "VALUES ('CP1', 'S1', 'Budi', '198001012005011002', 'T2', 'x', 0, '2024-02-20T09:01:00.000Z', "
        "'2024-02-20T09:01:00.000Z')");
    t.exec(
        "INSERT INTO attempts (id, learner_id, participant_id, module_id, kind, mode, course_id, "
        "content_version, plan, "
        "class_session_id, started_at, updated_at) VALUES ('CA1', 'T2', 'CP1', 'm1', 'class', 'latihan', "
        "'c', '1.0.0', "
        "'[]', 'S1', '2024-02-20T09:01:00.000Z', '2024-02-20T09:01:00.000Z')");
    CHECK(t.execAndGet("SELECT last_activity FROM learner_stats WHERE learner_id = 'T2'").getString() ==
          "2024-02-20T09:01:00.000Z");
    AddResponse(t, "CR1", "CA1", "q1", "{\"choice\":0}", "1", "2024-02-20T09:03:10.000Z");
    CHECK(t.execAndGet("SELECT last_activity FROM learner_stats WHERE learner_id = 'T2'").getString() ==
          "2024-02-20T09:03:10.000Z");
    t.exec(
        "UPDATE attempts SET submitted_at = '2024-02-20T09:30:00.000Z', score = 100, passed = 1, "
        "updated_at = '2024-02-20T09:30:00.000Z' WHERE id = 'CA1'");
    CheckSummaryTables(t);

    // Merge another PC's file: its learners and results appear in the summary (P1 maps onto T1 by NIP).
    auto merged = MergeDatabases(*target, {dir / "pc.db"});
    REQUIRE(merged.ok());
    CheckSummaryTables(t);
    CHECK(SummaryOf(t, "T1") == "1/sedang");
    CHECK(t.execAndGet("SELECT course_status FROM learner_stats WHERE nip = '198001012005011009'")
              .getString() == "selesai");
    const auto all = SummariseDashboard(*target, {}, {"m1"});
    CHECK(all.learners == 3);
    CHECK(all.completed == 1);
    REQUIRE(all.modules.size() == 1);
    CHECK(all.modules[0].lulus == 2);  // T1 (merged result wins: lulus) and the new learner

    // The administrator edits one learner's instansi and removes another: table, filter and chart follow.
    learners::LearnerStore roster(*target);
    learners::LearnerProfile p;
    p.nip = "198001012005011002";
    p.name = "Budi Santoso";
    p.instansi = "BKD";
    REQUIRE(roster.Edit("T2", p).ok());
    REQUIRE(roster.Remove("T1").ok());
    CheckSummaryTables(t);
    CHECK(t.execAndGet("SELECT name || '|' || instansi || '|' || (removed_at IS NOT NULL) FROM learner_stats "
                       "WHERE learner_id = 'T2'")
              .getString() == "Budi Santoso|BKD|0");
    CHECK(t.execAndGet("SELECT removed_at IS NOT NULL FROM learner_stats WHERE learner_id = 'T1'").getInt() ==
          1);
    LearnerFilter bkd;
    bkd.instansi = "BKD";
    CHECK(SummariseDashboard(*target, bkd, {"m1"}).learners == 2);
    LearnerFilter present;
    present.include_removed = false;
    CHECK(QueryLearnerPage(*target, present, {}, nullptr, 50).rows.size() == 2);
}

namespace {

struct Seeded {
    TempDir dir;
    std::unique_ptr<store::Database> db;
    std::vector<std::string> modules{"m1", "m2", "m3"};
};

// 240 learners in 5 instansi with random results, reading, completions, attempts and answers, then a round
// of random edits (status changes, deletions, renames, instansi moves) so the triggers' update and delete
// paths are exercised, not only inserts.
void Seed(Seeded& s) {
    s.db = OpenDb(s.dir / "seeded.db");
    auto& db = s.db->sql();
    std::mt19937 rng(7);
    auto pick = [&](int n) { return int(rng() % unsigned(n)); };
    auto day = [&](int d, int h) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "2024-%02d-%02dT%02d:00:00.000Z", 1 + d / 28, 1 + d % 28, h);
        return std::string(buf);
    };
    const char* names[] = {"Ani", "budi", "Citra", "dewi", "Eko", "Budi", "ani", "Zoë", "Agus", "Sri"};
    const char* instansi[] = {"BKD", "Bappeda", "bkd", "Dinsos", "Inspektorat"};
    SQLite::Transaction tx(db);
    for (int i = 0; i < 240; ++i) {
        const std::string id = std::string("L") + std::to_string(i);
        char nip[24];
        std::snprintf(nip, sizeof nip, "1980%02d01200501%04d", 1 + i % 12, i);
        AddLearner(db, id, nip, std::string(names[pick(10)]) + " " + std::to_string(pick(5)),
                   instansi[pick(5)], day(pick(30), 8));
        const int mods = pick(4);
        int passed = 0;
        for (int m = 0; m < mods; ++m) {
            const int st = pick(3);
            const std::string status = st == 0 ? "belum" : st == 1 ? "sedang" : "lulus";
            passed += st == 2;
            AddResult(db, id, s.modules[size_t(m)], status, st == 0 ? "NULL" : std::to_string(30 + pick(71)),
                      day(30 + pick(60), 9));
        }
        if (pick(2))
            Exec(db, "INSERT INTO reading_progress VALUES (?, 'm1', 1, 6, 1, ?)", {id, day(pick(90), 7)});
        if (passed >= 2 && pick(2))
            AddCompletion(db, id, day(60 + pick(60), 10), std::to_string(60 + pick(41)) + ".25");
        if (pick(3) == 0) {
            AddAttempt(db, "A" + id, id, "m2", day(pick(120), 11), std::to_string(pick(101)));
            AddResponse(db, "R" + id, "A" + id, "q1", "{}", "1", day(pick(120), 12));
        }
    }
    // Later edits.
    db.exec(
        "UPDATE module_results SET status = 'lulus', score = 99, updated_at = '2024-06-01T00:00:00.000Z' "
        "WHERE rowid % 7 = 0");
    db.exec("DELETE FROM module_results WHERE rowid % 11 = 0");
    db.exec("DELETE FROM reading_progress WHERE rowid % 5 = 0");
    db.exec(
        "UPDATE learners SET instansi = 'Dinsos', updated_at = '2024-06-02T00:00:00.000Z' WHERE rowid % 13 = "
        "0");
    db.exec(
        "UPDATE learners SET removed_at = '2024-06-03T00:00:00.000Z', updated_at = "
        "'2024-06-03T00:00:00.000Z' "
        "WHERE rowid % 17 = 0");
    db.exec(
        "UPDATE responses SET answered_at = '2024-01-01T00:00:00.000Z' WHERE rowid % 2 = 0");  // moves
                                                                                               // backwards
    tx.commit();
}

bool Matches(const LearnerFilter& f, const sinau::test::LearnerFigures& x, const std::string& id,
             const std::map<std::pair<std::string, std::string>, std::string>& status) {
    auto lower = [](std::string t) {
        for (auto& c : t) c = char(std::tolower(static_cast<unsigned char>(c)));
        return t;
    };
    if (!f.search.empty() && lower(x.name).find(lower(f.search)) == std::string::npos &&
        x.nip.find(f.search) == std::string::npos)
        return false;
    if (!f.instansi.empty() && x.instansi != f.instansi) return false;
    if (!f.include_removed && x.removed) return false;
    if (f.status == CourseStatus::Selesai && x.course_status != "selesai") return false;
    if (f.status == CourseStatus::Sedang && x.course_status != "sedang") return false;
    if (f.status == CourseStatus::Belum && x.course_status != "belum") return false;
    const std::string day_field =
        f.date_field == DateField::Completion ? x.completed_at.value_or("") : x.last_activity;
    if (!f.since.empty() && (day_field.empty() || day_field < f.since)) return false;
    if (!f.until.empty() && (day_field.empty() || day_field > f.until + "U")) return false;
    if (!f.module_id.empty() && f.module_status != ModuleStatus::Any) {
        const auto it = status.find({id, f.module_id});
        const std::string st = it == status.end() ? "belum" : it->second;
        const std::string want = f.module_status == ModuleStatus::Lulus    ? "lulus"
                                 : f.module_status == ModuleStatus::Sedang ? "sedang"
                                                                           : "belum";
        if (st != want) return false;
    }
    return true;
}

std::vector<LearnerFilter> Filters() {
    std::vector<LearnerFilter> out(8);
    out[1].instansi = "BKD";
    out[2].search = "an";
    out[3].status = CourseStatus::Selesai;
    out[4].module_id = "m2";
    out[4].module_status = ModuleStatus::Sedang;
    out[5].module_id = "m3";
    out[5].module_status = ModuleStatus::Belum;
    out[6].since = "2024-03-01";
    out[6].until = "2024-04-15";
    out[6].date_field = DateField::Completion;
    out[7].include_removed = false;
    out[7].instansi = "Dinsos";
    return out;
}

}  // namespace

TEST_CASE("the dashboard's queries equal a from-scratch computation on a seeded database",
          "[dashboard][summary]") {
    Seeded s;
    Seed(s);
    auto& db = s.db->sql();
    CheckSummaryTables(db);
    const auto figures = sinau::test::FiguresFromScratch(db);
    std::map<std::pair<std::string, std::string>, std::string> status;
    std::map<std::pair<std::string, std::string>, std::optional<double>> score;
    {
        SQLite::Statement q(db, "SELECT learner_id, module_id, status, score FROM module_results");
        while (q.executeStep()) {
            status[{q.getColumn(0).getString(), q.getColumn(1).getString()}] = q.getColumn(2).getString();
            score[{q.getColumn(0).getString(), q.getColumn(1).getString()}] =
                sinau::test::OptD(q.getColumn(3));
        }
    }
    for (const auto& f : Filters()) {
        INFO("filter: " << DescribeFilter(f));
        // From scratch: which learners, and every figure the summary shows.
        std::set<std::string> chosen;
        std::map<std::string, InstansiSummary> inst;
        std::vector<int64_t> bins(10, 0);
        for (const auto& [id, x] : figures) {
            if (!Matches(f, x, id, status)) continue;
            chosen.insert(id);
            auto& i = inst[x.instansi];
            ++i.learners;
            i.started += x.course_status != "belum";
            i.completed += x.course_status == "selesai";
            if (x.final_score) ++bins[size_t(std::clamp(int(*x.final_score / 10.0), 0, 9))];
        }
        const auto got = SummariseDashboard(*s.db, f, s.modules, 10);
        CHECK(got.learners == int64_t(chosen.size()));
        CHECK(got.histogram.counts == bins);
        REQUIRE(got.instansi.size() == inst.size());
        for (const auto& g : got.instansi) {
            INFO(g.instansi);
            CHECK(g.learners == inst[g.instansi].learners);
            CHECK(g.started == inst[g.instansi].started);
            CHECK(g.completed == inst[g.instansi].completed);
        }
        REQUIRE(got.modules.size() == s.modules.size());
        for (const auto& m : got.modules) {
            int64_t lulus = 0, sedang = 0, n = 0;
            double sum = 0;
            for (const auto& id : chosen) {
                const auto it = status.find({id, m.module_id});
                if (it == status.end()) continue;
                lulus += it->second == "lulus";
                sedang += it->second == "sedang";
                if (const auto sc = score[{id, m.module_id}]) {
                    sum += *sc;
                    ++n;
                }
            }
            INFO(m.module_id);
            CHECK(m.lulus == lulus);
            CHECK(m.sedang == sedang);
            CHECK(m.belum == int64_t(chosen.size()) - lulus - sedang);
            CHECK(sinau::test::Near(m.average_score,
                                    n ? std::optional<double>(sum / double(n)) : std::nullopt));
        }
        // Keyset paging through every page gives each chosen learner once, in the order of QueryLearners
        // (the offset query over the same sort), for every sort key and direction.
        for (int key = 0; key <= int(SortKey::LastActivity); ++key) {
            for (bool desc : {false, true}) {
                const LearnerSort sort{SortKey(key), desc};
                INFO("sort " << key << (desc ? " desc" : " asc"));
                std::vector<std::string> walked;
                std::optional<LearnerRow> after;
                for (int page = 0; page < 100; ++page) {
                    auto p = QueryLearnerPage(*s.db, f, sort, after ? &*after : nullptr, 7);
                    for (const auto& r : p.rows) walked.push_back(r.nip);
                    if (!p.more) break;
                    REQUIRE(p.rows.size() == 7);
                    after = p.rows.back();
                }
                std::vector<std::string> offset;
                for (const auto& r : QueryLearners(*s.db, f, sort, 0, 100000).rows) offset.push_back(r.nip);
                CHECK(walked == offset);
                CHECK(std::set<std::string>(walked.begin(), walked.end()).size() == chosen.size());
            }
        }
    }
}
