// xAPI 1.0.3 export: one JSON array of statements.
//
// Mapping (verbs from the ADL vocabulary, http://adlnet.gov/expapi/verbs/):
//   attempt started            -> "attempted"  object = the module's quiz   (timestamp = started_at)
//   each graded/ungraded answer -> "answered"  object = the question        (timestamp = answered_at)
//                                  result.score {scaled, raw = fraction, min -1, max 1}, success = full
//                                  credit, response = the stored answer JSON, duration from duration_ms
//   attempt submitted          -> "passed" / "failed" object = the module's quiz (timestamp = submitted_at)
//                                  result.score {scaled = score/100, raw = score, min 0, max 100},
//                                  success, completion = true, duration = submitted - started
//   course completed           -> "completed"  object = the course           (timestamp = completed_at)
// Actor: {"objectType":"Agent","name":..., "account":{"homePage": <agency URL>, "name": <NIP>}}; a class
// participant without NIP gets account homePage "<agency URL>/kelas" and the participant id.
// Activity ids: <base IRI>/course/<course>[/module/<module>[/question/<question>]].
// Context: registration = the attempt id (a UUID); contextActivities.parent = the module (for answers) or
// the course (for module results); grouping = the course; class-session attempts carry
// context.extensions["<base IRI>/extensions/class-session"] = session id and a grouping activity
// <base IRI>/class-session/<id>. Statement ids: StableStatementId(kind, record id, verb) — stable across
// re-exports. Timestamps are the stored UTC times.
#include <sqlite3.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "records/atomic_file.hpp"
#include "records/export.hpp"
#include "records/xapi.hpp"
#include "util/time.hpp"

namespace sinau::records::detail {
namespace {

using nlohmann::json;

const std::string kVerbs = "http://adlnet.gov/expapi/verbs/";

json Verb(const std::string& name, const char* id_text) {
    return {{"id", kVerbs + name}, {"display", {{"id-ID", id_text}, {"en-US", name}}}};
}

struct Ctx {
    const ExportOptions& o;
    std::string base;
    AtomicFile& out;
    int64_t count = 0;

    std::string CourseIri(const std::string& course) const { return base + "/course/" + IriSegment(course); }
    std::string ModuleIri(const std::string& course, const std::string& module) const {
        return CourseIri(course) + "/module/" + IriSegment(module);
    }
    std::string ModuleTitle(const std::string& id) const {
        for (const auto& m : o.modules)
            if (m.id == id && !m.title.empty()) return m.title;
        return id;
    }
    json Activity(const std::string& iri, const std::string& name, const char* type) const {
        return {{"objectType", "Activity"},
                {"id", iri},
                {"definition",
                 {{"name", {{"id-ID", name}}},
                  {"type", std::string("http://adlnet.gov/expapi/activities/") + type}}}};
    }
    void Emit(const json& statement) {
        if (count++) out.Write(",\n");
        out.Write(statement.dump());
    }
};

struct Text {
    sqlite3_stmt* st;
    std::string operator()(int c) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
        return p ? std::string(p, size_t(sqlite3_column_bytes(st, c))) : std::string();
    }
    bool null(int c) const { return sqlite3_column_type(st, c) == SQLITE_NULL; }
};

json Actor(const ExportOptions& o, const std::string& nip, const std::string& name,
           const std::string& participant) {
    if (!nip.empty())
        return {{"objectType", "Agent"},
                {"name", name},
                {"account", {{"homePage", o.agency_url}, {"name", nip}}}};
    return {{"objectType", "Agent"},
            {"name", name},
            {"account", {{"homePage", o.agency_url + "/kelas"}, {"name", participant}}}};
}

struct Prepared {
    sqlite3_stmt* st = nullptr;
    ~Prepared() { sqlite3_finalize(st); }
};

Status Run(SQLite::Database& db, const std::string& sql, const std::vector<std::string>& params,
           const std::function<void(sqlite3_stmt*)>& row, ProgressTicker& ticker) {
    Prepared p;
    sqlite3* h = db.getHandle();
    if (sqlite3_prepare_v2(h, sql.c_str(), int(sql.size()), &p.st, nullptr) != SQLITE_OK)
        return Error{std::string("Kueri ekspor gagal: ") + sqlite3_errmsg(h)};
    for (size_t i = 0; i < params.size(); ++i)
        sqlite3_bind_text(p.st, int(i) + 1, params[i].data(), int(params[i].size()), SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(p.st)) == SQLITE_ROW) {
        row(p.st);
        if (!ticker.Row()) return Error{kCancelledMessage};
    }
    if (rc != SQLITE_DONE) return Error{std::string("Ekspor gagal: ") + sqlite3_errmsg(h)};
    return Success();
}

// "learner_id IN (filtered learners)" plus time-range conditions on `time_col`; returns WITH prefix too.
struct Scope {
    std::string with, where;
    std::vector<std::string> params;
};
Scope MakeScope(const ExportOptions& o, const std::string& learner_col, const std::string& time_col) {
    Scope s;
    LearnerFilter learners = o.filter;
    learners.since.clear();
    learners.until.clear();
    std::vector<std::string> conds;
    if (!learners.empty()) {
        auto parts = BuildLearnerQuery(learners);
        s.with = parts.with.sql + "\n";
        s.params = parts.with.params;
        conds.push_back(learner_col + " IN (SELECT id FROM learner_summary" + parts.where.sql + ")");
        s.params.insert(s.params.end(), parts.where.params.begin(), parts.where.params.end());
    }
    if (!o.filter.since.empty()) {
        conds.push_back(time_col + " >= ?");
        s.params.push_back(o.filter.since);
    }
    if (!o.filter.until.empty()) {
        conds.push_back(time_col + " < ?");
        s.params.push_back(o.filter.until + "U");
    }
    for (size_t i = 0; i < conds.size(); ++i) s.where += (i ? " AND " : " WHERE ") + conds[i];
    return s;
}

void AddClassContext(Ctx& c, json& context, const std::string& session) {
    if (session.empty()) return;
    context["extensions"][c.base + "/extensions/class-session"] = session;
    context["contextActivities"]["grouping"].push_back(
        c.Activity(c.base + "/class-session/" + IriSegment(session), "Sesi kelas " + session, "meeting"));
}

}  // namespace

Expected<ExportReport> ExportXapi(SQLite::Database& db, const ExportOptions& o,
                                  const std::filesystem::path& out) {
    const auto t0 = std::chrono::steady_clock::now();
    ExportReport r;
    r.file = out;
    r.format = "xapi";
    r.contents = "pernyataan xAPI";
    r.filter = DescribeFilter(o.filter);
    r.exported_at = util::NowIso8601();
    auto file = AtomicFile::Create(out);
    if (!file) return file.error();
    Ctx c{o, o.base_iri, **file};
    while (!c.base.empty() && c.base.back() == '/') c.base.pop_back();
    c.out.Write("[\n");

    // The three queries first, so the progress total is known before the first statement.
    auto s1 = MakeScope(o, "a.learner_id", "a.started_at");
    const std::string sql1 =
        s1.with +
        "SELECT a.id, a.module_id, a.kind, a.mode, a.course_id, coalesce(a.class_session_id, ''), "
        "a.started_at, "
        "a.submitted_at, a.score, a.passed, coalesce(l.nip, ''), coalesce(l.name, p.name, ''), "
        "coalesce(a.participant_id, '') FROM attempts a LEFT JOIN learners l ON l.id = a.learner_id "
        "LEFT JOIN class_participants p ON p.id = a.participant_id" +
        s1.where + " ORDER BY a.started_at, a.id";
    auto s2 = MakeScope(o, "a.learner_id", "r.answered_at");
    const std::string sql2 =
        s2.with +
        "SELECT r.id, r.question_id, r.answer, r.fraction, r.answered_at, r.duration_ms, a.id, a.module_id, "
        "a.course_id, coalesce(a.class_session_id, ''), coalesce(l.nip, ''), coalesce(l.name, p.name, ''), "
        "coalesce(a.participant_id, '') FROM responses r JOIN attempts a ON a.id = r.attempt_id "
        "LEFT JOIN learners l ON l.id = a.learner_id LEFT JOIN class_participants p ON p.id = "
        "a.participant_id" +
        s2.where;
    auto s3 = MakeScope(o, "c.learner_id", "c.completed_at");
    const std::string sql3 =
        s3.with +
        "SELECT c.learner_id, c.course_id, c.completed_at, c.final_score, l.nip, l.name FROM completions c "
        "JOIN learners l ON l.id = c.learner_id" +
        s3.where + " ORDER BY c.completed_at";
    ProgressTicker ticker(o);
    if (ticker.wants_total()) {
        for (const auto& [sql, params] :
             {std::pair{&sql1, &s1.params}, std::pair{&sql2, &s2.params}, std::pair{&sql3, &s3.params}}) {
            auto n = CountRows(db, *sql, *params);
            if (!n) return n.error();
            ticker.AddTotal(*n);
        }
    }

    // Attempts: attempted + passed/failed.
    {
        auto ok = Run(
            db, sql1, s1.params,
            [&](sqlite3_stmt* st) {
                Text t{st};
                const std::string id = t(0), module = t(1), kind = t(2), mode = t(3), course = t(4),
                                  session = t(5);
                const json actor = Actor(o, t(10), t(11), t(12));
                const json quiz =
                    c.Activity(c.ModuleIri(course, module), c.ModuleTitle(module), "assessment");
                json context = {{"registration", id},
                                {"contextActivities",
                                 {{"parent",
                                   {c.Activity(c.CourseIri(course),
                                               o.course_title.empty() ? course : o.course_title, "course")}},
                                  {"grouping", json::array()}}},
                                {"extensions", {{c.base + "/extensions/mode", mode}}}};
                AddClassContext(c, context, session);
                c.Emit({{"id", StableStatementId("attempt", id, kVerbs + "attempted")},
                        {"actor", actor},
                        {"verb", Verb("attempted", "mencoba")},
                        {"object", quiz},
                        {"context", context},
                        {"timestamp", t(6)}});
                if (!t.null(7) && !t.null(8)) {
                    const bool passed = sqlite3_column_int(st, 9) != 0;
                    const double score = sqlite3_column_double(st, 8);
                    json result = {{"score",
                                    {{"scaled", std::clamp(score / 100.0, -1.0, 1.0)},
                                     {"raw", score},
                                     {"min", 0},
                                     {"max", 100}}},
                                   {"success", passed},
                                   {"completion", true}};
                    const auto a = ParseIsoMillis(t(6)), b = ParseIsoMillis(t(7));
                    if (a && b && *b >= *a) result["duration"] = IsoDuration(double(*b - *a) / 1000.0);
                    const std::string verb = passed ? "passed" : "failed";
                    c.Emit({{"id", StableStatementId("attempt", id, kVerbs + verb)},
                            {"actor", actor},
                            {"verb", Verb(verb, passed ? "lulus" : "tidak lulus")},
                            {"object", quiz},
                            {"result", result},
                            {"context", context},
                            {"timestamp", t(7)}});
                }
            },
            ticker);
        if (!ok) return ok.error();
    }
    // Answers.
    {
        auto ok = Run(
            db, sql2, s2.params,
            [&](sqlite3_stmt* st) {
                Text t{st};
                const std::string id = t(0), question = t(1), attempt = t(6), module = t(7), course = t(8);
                json result = {{"response", t(2)}};
                if (!t.null(3)) {
                    const double f = sqlite3_column_double(st, 3);
                    result["score"] = {
                        {"scaled", std::clamp(f, -1.0, 1.0)}, {"raw", f}, {"min", -1}, {"max", 1}};
                    result["success"] = f >= 0.9999;
                }
                if (!t.null(5))
                    result["duration"] = IsoDuration(double(sqlite3_column_int64(st, 5)) / 1000.0);
                json context = {
                    {"registration", attempt},
                    {"contextActivities",
                     {{"parent",
                       {c.Activity(c.ModuleIri(course, module), c.ModuleTitle(module), "assessment")}},
                      {"grouping",
                       {c.Activity(c.CourseIri(course), o.course_title.empty() ? course : o.course_title,
                                   "course")}}}}};
                AddClassContext(c, context, t(9));
                c.Emit(
                    {{"id", StableStatementId("response", id, kVerbs + "answered")},
                     {"actor", Actor(o, t(10), t(11), t(12))},
                     {"verb", Verb("answered", "menjawab")},
                     {"object", c.Activity(c.ModuleIri(course, module) + "/question/" + IriSegment(question),
                                           question, "cmi.interaction")},
                     {"result", result},
                     {"context", context},
                     {"timestamp", t(4)}});
            },
            ticker);
        if (!ok) return ok.error();
    }
    // Course completions.
    {
        auto ok = Run(
            db, sql3, s3.params,
            [&](sqlite3_stmt* st) {
                Text t{st};
                const double score = sqlite3_column_double(st, 3);
                c.Emit({{"id", StableStatementId("completion", t(0) + "/" + t(1), kVerbs + "completed")},
                        {"actor", Actor(o, t(4), t(5), "")},
                        {"verb", Verb("completed", "menyelesaikan")},
                        {"object", c.Activity(c.CourseIri(t(1)),
                                              o.course_title.empty() ? t(1) : o.course_title, "course")},
                        {"result",
                         {{"score",
                           {{"scaled", std::clamp(score / 100.0, -1.0, 1.0)},
                            {"raw", score},
                            {"min", 0},
                            {"max", 100}}},
                          {"success", true},
                          {"completion", true}}},
                        {"timestamp", t(2)}});
            },
            ticker);
        if (!ok) return ok.error();
    }
    if (!ticker.Finish()) return Error{kCancelledMessage};
    c.out.Write("\n]\n");
    r.rows = c.count;
    auto learners = CountLearners(db, o.filter);
    if (!learners) return learners.error();
    r.learners = *learners;
    if (auto ok = c.out.Commit(); !ok) return ok.error();
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (o.sidecar) {
        r.sidecar = out.string() + ".meta.json";
        if (auto ok = WriteSidecar(r); !ok) return ok.error();
    }
    return r;
}

}  // namespace sinau::records::detail
