#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "../support/records_fixture.hpp"
#include "exports/export.hpp"
#include "exports/xapi.hpp"

using namespace sinau::exports;
using namespace sinau::store;
using namespace records_test;

TEST_CASE("xAPI helpers: stable v5-style ids, durations, times", "[xapi]") {
    const auto a = StableStatementId("response", "R1", "http://adlnet.gov/expapi/verbs/answered");
    CHECK(a == StableStatementId("response", "R1", "http://adlnet.gov/expapi/verbs/answered"));
    CHECK(a != StableStatementId("response", "R2", "http://adlnet.gov/expapi/verbs/answered"));
    CHECK(a != StableStatementId("response", "R1", "http://adlnet.gov/expapi/verbs/passed"));
    REQUIRE(a.size() == 36);
    CHECK(a[14] == '5');
    CHECK((a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b'));
    CHECK(IsoDuration(3725.5) == "PT1H2M5.5S");
    CHECK(IsoDuration(12.34) == "PT12.34S");
    CHECK(IsoDuration(60) == "PT1M");
    CHECK(IsoDuration(0) == "PT0S");
    CHECK(ParseIsoMillis("1970-01-01T00:00:01.500Z") == 1500);
    CHECK_FALSE(ParseIsoMillis("2024-13-01T00:00:00Z"));
    CHECK(IriSegment("01-modul a/b") == "01-modul%20a%2Fb");
}

TEST_CASE("xAPI export: statement shape and ids stable across re-exports", "[xapi][export]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    auto& s = db->sql();
    AddLearner(s, "L1", "198001012005011001", "Ani", "BKD");
    Exec(s,
         "INSERT INTO class_sessions (id, module_id, title, started_at, state, updated_at) VALUES "
         "('S1', 'm1', 'Kelas', '2024-02-01T08:00:00.000Z', '{}', '2024-02-01T08:00:00.000Z')",
         {});
    AddAttempt(s, "3f1c0d52-8a2b-4c61-9a53-0d4e2b7f9c10", "L1", "m1", "2024-02-01T09:00:00.000Z", "80");
    Exec(s, "UPDATE attempts SET submitted_at = '2024-02-01T09:04:05.500Z'", {});
    AddAttempt(s, "9d2e1f43-7b3c-4d52-8b64-1e5f3c8a0d21", "L1", "m1", "2024-02-03T09:00:00.000Z", "40",
               "class", "S1");
    AddResponse(s, "R1", "3f1c0d52-8a2b-4c61-9a53-0d4e2b7f9c10", "q1", "{\"choice\":0}", "1");
    AddCompletion(s, "L1", "2024-02-05T00:00:00.000Z", "85");

    ExportOptions o;
    o.format = ExportFormat::Xapi;
    o.agency_url = "https://bpsdm.example.go.id";
    o.base_iri = "https://bpsdm.example.go.id/xapi/";
    o.course_title = "Netralitas ASN";
    auto r = Export(*db, o, dir / "x.json");
    REQUIRE(r.ok());
    const auto j = nlohmann::json::parse(ReadFile(dir / "x.json"));
    REQUIRE(j.is_array());
    CHECK(r->rows == int64_t(j.size()));
    // 2 attempted + passed + failed + answered + completed
    REQUIRE(j.size() == 6);
    std::map<std::string, nlohmann::json> by_verb;
    for (const auto& st : j) {
        CHECK(st["actor"]["objectType"] == "Agent");
        CHECK(st["actor"]["account"]["homePage"] == "https://bpsdm.example.go.id");
        CHECK(st["actor"]["account"]["name"] == "198001012005011001");
        CHECK(st["actor"]["name"] == "Ani");
        CHECK(st["id"].get<std::string>().size() == 36);
        CHECK(st["timestamp"].get<std::string>().back() == 'Z');
        CHECK(st["object"]["id"].get<std::string>().rfind("https://bpsdm.example.go.id/xapi/course/", 0) ==
              0);
        by_verb[st["verb"]["id"].get<std::string>().substr(31)] = st;
    }
    const auto& passed = by_verb.at("passed");
    CHECK(passed["result"]["score"]["scaled"] == 0.8);
    CHECK(passed["result"]["score"]["raw"] == 80);
    CHECK(passed["result"]["score"]["min"] == 0);
    CHECK(passed["result"]["score"]["max"] == 100);
    CHECK(passed["result"]["success"] == true);
    CHECK(passed["result"]["completion"] == true);
    CHECK(passed["result"]["duration"] == "PT4M5.5S");
    CHECK(passed["context"]["registration"] == "3f1c0d52-8a2b-4c61-9a53-0d4e2b7f9c10");
    CHECK(passed["context"]["contextActivities"]["parent"][0]["id"] ==
          "https://bpsdm.example.go.id/xapi/course/netralitas-asn-pemilu-2024");
    const auto& failed = by_verb.at("failed");
    CHECK(failed["context"]["extensions"]["https://bpsdm.example.go.id/xapi/extensions/class-session"] ==
          "S1");
    const auto& answered = by_verb.at("answered");
    CHECK(answered["object"]["id"] ==
          "https://bpsdm.example.go.id/xapi/course/netralitas-asn-pemilu-2024/module/m1/question/q1");
    CHECK(answered["result"]["response"] == "{\"choice\":0}");
    CHECK(answered["result"]["success"] == true);
    CHECK(answered["result"]["duration"] == "PT12.34S");
    CHECK(answered["context"]["contextActivities"]["parent"][0]["id"] ==
          "https://bpsdm.example.go.id/xapi/course/netralitas-asn-pemilu-2024/module/m1");
    CHECK(by_verb.at("completed")["result"]["score"]["scaled"] == 0.85);

    // Re-export: the same ids.
    auto again = Export(*db, o, dir / "y.json");
    REQUIRE(again.ok());
    const auto j2 = nlohmann::json::parse(ReadFile(dir / "y.json"));
    std::set<std::string> ids1, ids2;
    for (const auto& st : j) ids1.insert(st["id"].get<std::string>());
    for (const auto& st : j2) ids2.insert(st["id"].get<std::string>());
    CHECK(ids1 == ids2);
    CHECK(ids1.size() == 6);
}
