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
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "exports/export.hpp"
#include "exports/xapi.hpp"
#include "util/atomic_file.hpp"
#include "util/time.hpp"

namespace sinau::exports::detail {
namespace {

using nlohmann::json;

const std::string kVerbs = "http://adlnet.gov/expapi/verbs/";

json Verb(const std::string& name, const char* id_text) {
    return {{"id", kVerbs + name}, {"display", {{"id-ID", id_text}, {"en-US", name}}}};
}

struct Ctx {
    const ExportOptions& o;
    std::string base;
    util::AtomicFile& out;
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

// A row's cells as the statements need them: text (numbers as SQLite would print them), null, number.
struct Row {
    const std::vector<store::Cell>& cells;
    std::string operator()(int c) const {
        const store::Cell& cell = cells[size_t(c)];
        switch (cell.type) {
            case store::Cell::Type::Text:
                return std::string(cell.text);
            case store::Cell::Type::Integer:
                return std::to_string(cell.integer);
            case store::Cell::Type::Real: {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%.15g", cell.real);
                return buf;
            }
            case store::Cell::Type::Null:
                break;
        }
        return {};
    }
    bool null(int c) const { return cells[size_t(c)].type == store::Cell::Type::Null; }
    double number(int c) const {
        const store::Cell& cell = cells[size_t(c)];
        if (cell.type == store::Cell::Type::Null) return 0;
        return cell.type == store::Cell::Type::Text ? std::atof(std::string(cell.text).c_str()) : cell.real;
    }
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

Status Run(store::Database& db, const store::ExportQuery& query, const std::function<void(const Row&)>& each,
           ProgressTicker& ticker) {
    auto rows = store::RowStream::Open(db, query);
    if (!rows) return rows.error();
    while ((*rows)->Next()) {
        each(Row{(*rows)->cells()});
        if (!ticker.Row()) return Error{kCancelledMessage};
    }
    return (*rows)->status();
}

void AddClassContext(Ctx& c, json& context, const std::string& session) {
    if (session.empty()) return;
    context["extensions"][c.base + "/extensions/class-session"] = session;
    context["contextActivities"]["grouping"].push_back(
        c.Activity(c.base + "/class-session/" + IriSegment(session), "Sesi kelas " + session, "meeting"));
}

}  // namespace

Expected<ExportReport> ExportXapi(store::Database& db, const ExportOptions& o,
                                  const std::filesystem::path& out) {
    const auto t0 = std::chrono::steady_clock::now();
    ExportReport r;
    r.file = out;
    r.format = "xapi";
    r.contents = "pernyataan xAPI";
    r.filter = store::DescribeFilter(o.filter);
    r.exported_at = util::NowIso8601();
    auto file = util::AtomicFile::Create(out);
    if (!file) return file.error();
    Ctx c{o, o.base_iri, **file};
    while (!c.base.empty() && c.base.back() == '/') c.base.pop_back();
    c.out.Write("[\n");

    // The three queries first, so the progress total is known before the first statement.
    const store::ExportQuery attempts = store::XapiAttemptRows(o.filter),
                             answers = store::XapiAnswerRows(o.filter),
                             completions = store::XapiCompletionRows(o.filter);
    ProgressTicker ticker(o);
    if (ticker.wants_total()) {
        for (const auto* q : {&attempts, &answers, &completions}) {
            auto n = store::CountRows(db, *q);
            if (!n) return n.error();
            ticker.AddTotal(*n);
        }
    }

    // Attempts: attempted + passed/failed.
    {
        auto ok = Run(
            db, attempts,
            [&](const Row& t) {
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
                    const bool passed = t.number(9) != 0;
                    const double score = t.number(8);
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
            db, answers,
            [&](const Row& t) {
                const std::string id = t(0), question = t(1), attempt = t(6), module = t(7), course = t(8);
                json result = {{"response", t(2)}};
                if (!t.null(3)) {
                    const double f = t.number(3);
                    result["score"] = {
                        {"scaled", std::clamp(f, -1.0, 1.0)}, {"raw", f}, {"min", -1}, {"max", 1}};
                    result["success"] = f >= 0.9999;
                }
                if (!t.null(5)) result["duration"] = IsoDuration(t.number(5) / 1000.0);
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
            db, completions,
            [&](const Row& t) {
                const double score = t.number(3);
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
    auto learners = store::CountLearners(db, o.filter);
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

}  // namespace sinau::exports::detail
