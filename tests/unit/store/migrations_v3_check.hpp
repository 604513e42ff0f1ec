#pragma once
// The v3 summary tables (learner_stats, module_tally) recomputed FROM SCRATCH in C++ from the raw tables,
// independently of the triggers' SQL, and compared with what the triggers keep. Used by the migration
// test (backfill) and the records tests (every kind of write). Definitions: store/migrations.cpp, v3.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <tuple>

namespace sinau::test {

struct LearnerFigures {
    std::string nip, name, instansi, jabatan;
    bool removed = false;
    int passed = 0, started = 0, reading = 0;
    std::optional<double> avg_score, final_score;
    std::optional<std::string> completed_at;
    std::string last_activity;
    std::string course_status;
};

inline std::optional<double> OptD(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getDouble();
}

// learner id -> figures, from learners, module_results, reading_progress, completions, attempts, responses.
inline std::map<std::string, LearnerFigures> FiguresFromScratch(SQLite::Database& db) {
    std::map<std::string, LearnerFigures> out;
    auto later = [](std::string& a, const std::string& b) { a = std::max(a, b); };
    {
        SQLite::Statement q(db,
                            "SELECT id, nip, name, instansi, jabatan, removed_at, updated_at FROM learners");
        while (q.executeStep()) {
            auto& f = out[q.getColumn(0).getString()];
            f.nip = q.getColumn(1).getString();
            f.name = q.getColumn(2).getString();
            f.instansi = q.getColumn(3).getString();
            f.jabatan = q.getColumn(4).getString();
            f.removed = !q.getColumn(5).isNull();
            f.last_activity = q.getColumn(6).getString();
        }
    }
    std::map<std::string, std::pair<double, int>> scores;
    {
        SQLite::Statement q(db, "SELECT learner_id, status, score, updated_at FROM module_results");
        while (q.executeStep()) {
            auto it = out.find(q.getColumn(0).getString());
            if (it == out.end()) continue;
            const std::string status = q.getColumn(1).getString();
            it->second.passed += status == "lulus";
            it->second.started += status != "belum";
            if (!q.getColumn(2).isNull()) {
                scores[it->first].first += q.getColumn(2).getDouble();
                scores[it->first].second += 1;
            }
            later(it->second.last_activity, q.getColumn(3).getString());
        }
    }
    for (auto& [id, s] : scores) out[id].avg_score = s.first / s.second;
    {
        SQLite::Statement q(db, "SELECT learner_id, updated_at FROM reading_progress");
        while (q.executeStep()) {
            auto it = out.find(q.getColumn(0).getString());
            if (it == out.end()) continue;
            ++it->second.reading;
            later(it->second.last_activity, q.getColumn(1).getString());
        }
    }
    {
        SQLite::Statement q(db, "SELECT learner_id, completed_at, final_score, updated_at FROM completions");
        while (q.executeStep()) {
            auto it = out.find(q.getColumn(0).getString());
            if (it == out.end()) continue;
            it->second.completed_at = q.getColumn(1).getString();
            it->second.final_score = q.getColumn(2).getDouble();
            later(it->second.last_activity, q.getColumn(3).getString());
        }
    }
    {
        SQLite::Statement q(db,
                            "SELECT learner_id, started_at, coalesce(submitted_at, '') FROM attempts WHERE "
                            "learner_id IS NOT NULL");
        while (q.executeStep()) {
            auto it = out.find(q.getColumn(0).getString());
            if (it == out.end()) continue;
            later(it->second.last_activity, q.getColumn(1).getString());
            later(it->second.last_activity, q.getColumn(2).getString());
        }
    }
    {
        SQLite::Statement q(
            db,
            "SELECT a.learner_id, r.answered_at FROM responses r JOIN attempts a ON a.id = r.attempt_id "
            "WHERE a.learner_id IS NOT NULL");
        while (q.executeStep()) {
            auto it = out.find(q.getColumn(0).getString());
            if (it == out.end()) continue;
            later(it->second.last_activity, q.getColumn(1).getString());
        }
    }
    for (auto& [id, f] : out)
        f.course_status = f.completed_at ? "selesai" : (f.started > 0 || f.reading > 0) ? "sedang" : "belum";
    return out;
}

inline bool Near(const std::optional<double>& a, const std::optional<double>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || std::fabs(*a - *b) < 1e-9;
}

// learner_stats equals the from-scratch figures, row for row.
inline void CheckLearnerStats(SQLite::Database& db) {
    const auto want = FiguresFromScratch(db);
    SQLite::Statement q(
        db,
        "SELECT learner_id, nip, name, instansi, jabatan, removed_at IS NOT NULL, passed, started, reading, "
        "avg_score, final_score, completed_at, last_activity, course_status FROM learner_stats");
    size_t rows = 0;
    while (q.executeStep()) {
        ++rows;
        const std::string id = q.getColumn(0).getString();
        INFO("learner " << id);
        const auto it = want.find(id);
        REQUIRE(it != want.end());
        const auto& f = it->second;
        CHECK(q.getColumn(1).getString() == f.nip);
        CHECK(q.getColumn(2).getString() == f.name);
        CHECK(q.getColumn(3).getString() == f.instansi);
        CHECK(q.getColumn(4).getString() == f.jabatan);
        CHECK((q.getColumn(5).getInt() != 0) == f.removed);
        CHECK(q.getColumn(6).getInt() == f.passed);
        CHECK(q.getColumn(7).getInt() == f.started);
        CHECK(q.getColumn(8).getInt() == f.reading);
        CHECK(Near(OptD(q.getColumn(9)), f.avg_score));
        CHECK(Near(OptD(q.getColumn(10)), f.final_score));
        CHECK((q.getColumn(11).isNull() ? std::optional<std::string>() : q.getColumn(11).getString()) ==
              f.completed_at);
        CHECK(q.getColumn(12).getString() == f.last_activity);
        CHECK(q.getColumn(13).getString() == f.course_status);
    }
    CHECK(rows == want.size());
}

// module_tally equals module_results joined to learners, grouped by (instansi, module, status).
inline void CheckModuleTally(SQLite::Database& db) {
    using Key = std::tuple<std::string, std::string, std::string>;
    struct Agg {
        int64_t n = 0, score_n = 0;
        double score_sum = 0;
    };
    std::map<Key, Agg> want, got;
    {
        SQLite::Statement q(db,
                            "SELECT l.instansi, m.module_id, m.status, m.score FROM module_results m "
                            "JOIN learners l ON l.id = m.learner_id");
        while (q.executeStep()) {
            auto& a =
                want[{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()}];
            ++a.n;
            if (!q.getColumn(3).isNull()) {
                a.score_sum += q.getColumn(3).getDouble();
                ++a.score_n;
            }
        }
    }
    {
        SQLite::Statement q(
            db,
            "SELECT instansi, module_id, status, n, score_sum, score_n FROM module_tally WHERE n <> 0 "
            "OR score_n <> 0");
        while (q.executeStep())
            got[{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()}] =
                Agg{q.getColumn(3).getInt64(), q.getColumn(5).getInt64(), q.getColumn(4).getDouble()};
    }
    REQUIRE(got.size() == want.size());
    for (const auto& [k, a] : want) {
        INFO(std::get<0>(k) << " / " << std::get<1>(k) << " / " << std::get<2>(k));
        REQUIRE(got.count(k));
        CHECK(got[k].n == a.n);
        CHECK(got[k].score_n == a.score_n);
        CHECK(std::fabs(got[k].score_sum - a.score_sum) < 1e-6);
    }
}

}  // namespace sinau::test
