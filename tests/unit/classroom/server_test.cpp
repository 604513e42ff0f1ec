// The protocol against the REAL server on loopback (127.0.0.1, ephemeral port) with a real SQLite file:
// join, WebSocket views and acks, long-polling, and hostile requests — each refused with the right status
// and nothing stored.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "class_fixtures.hpp"
#include "classroom/server.hpp"

using namespace classtest;

namespace {

struct LiveClass {
    TempDir dir;
    std::shared_ptr<Classroom> room;
    std::unique_ptr<ClassServer> server;
    std::atomic<int64_t> offset_ms{0};  // pushes the class's clock forward

    explicit LiveClass(ServerConfig config = {}, int64_t question_ms = 20000) {
        auto created = Classroom::Create(dir.db(), Plan(question_ms));
        REQUIRE(created.ok());
        room = std::move(created.value());
        room->SetClockForTest([this] {
            using namespace std::chrono;
            return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() +
                   offset_ms.load();
        });
        config.bind = "127.0.0.1";
        config.port = 0;
        config.web_root = fs::path(SINAU_SOURCE_DIR) / "assets" / "web";
        auto started = ClassServer::Start(config, room);
        REQUIRE(started.ok());
        server = std::move(started.value());
    }
    uint16_t port() const { return server->port(); }
    int64_t Participants() const { return Count(dir.db(), "SELECT COUNT(*) FROM class_participants"); }
    int64_t Responses() const { return Count(dir.db(), "SELECT COUNT(*) FROM responses"); }
    std::string Join(const std::string& name) {
        auto r = Post(port(), "/api/join", json{{"pin", room->pin()}, {"name", name}}.dump());
        REQUIRE(r.status == 201);
        return r.Json()["token"].get<std::string>();
    }
    std::string WrongPin() const { return room->pin() == "000000" ? "000001" : "000000"; }
};

std::string ErrorCode(const HttpReply& r) {
    const auto j = r.Json();
    return j.is_object() && j.contains("error") ? j["error"].value("code", "") : "";
}

}  // namespace

TEST_CASE("the server serves the participant page with a strict content policy") {
    LiveClass c;
    auto page = Get(c.port(), "/");
    CHECK(page.status == 200);
    CHECK(page.body.find("Gabung kuis kelas") != std::string::npos);
    CHECK(page.headers["Content-Security-Policy"].find("default-src 'self'") != std::string::npos);
    CHECK(page.headers["X-Content-Type-Options"] == "nosniff");
    CHECK(Get(c.port(), "/app.js").status == 200);
    CHECK(Get(c.port(), "/app.css").headers["Content-Type"].rfind("text/css", 0) == 0);
    CHECK(Get(c.port(), "/../../etc/passwd").status == 404);
    CHECK(Get(c.port(), "/api/nothing").status == 404);
    CHECK(Http(c.port(), http::verb::delete_, "/").status == 405);
    CHECK(Get(c.port(), "/api/health").status == 200);
}

TEST_CASE("joining stores the participant with only the token's hash; the answer is acked once stored") {
    LiveClass c;
    auto joined =
        Post(c.port(), "/api/join", json{{"pin", c.room->pin()}, {"name", "  Siti  Aminah "}}.dump());
    REQUIRE(joined.status == 201);
    const auto body = joined.Json();
    const std::string token = body["token"];
    CHECK(body["view"]["phase"] == "lobby");
    CHECK(body["view"]["you"]["name"] == "Siti Aminah");
    CHECK(c.Participants() == 1);
    CHECK(Text(c.dir.db(), "SELECT name FROM class_participants") == "Siti Aminah");
    CHECK(Text(c.dir.db(), "SELECT token_hash FROM class_participants") == HashToken(token));
    CHECK(Count(c.dir.db(),
                "SELECT COUNT(*) FROM class_participants WHERE token_hash LIKE '%" + token + "%'") == 0);
    CHECK(Count(c.dir.db(),
                "SELECT COUNT(*) FROM attempts WHERE kind = 'class' AND participant_id IS NOT NULL") == 1);

    WsClient ws(c.port());
    ws.Send(json{{"type", "hello"}, {"token", token}}.dump());
    auto view = ws.ReadType("view");
    CHECK(view["phase"] == "lobby");

    REQUIRE(c.room->Next() == Refusal::None);
    view = ws.ReadType("view");
    REQUIRE(view["phase"] == "question");
    CHECK(view["question"]["index"] == 0);
    CHECK(view["question"]["choices"].size() == 3);
    CHECK_FALSE(view.contains("reveal"));  // the right answer is not sent before the reveal

    ws.Send(R"({"type":"answer","question":0,"choices":[1]})");
    auto ack = ws.ReadType("ack");
    REQUIRE(ack["question"] == 0);
    // Acknowledged means durable: the row is already in the file.
    CHECK(c.Responses() == 1);
    CHECK(Text(c.dir.db(), "SELECT answer FROM responses") == R"({"choice":1,"type":"mc"})");
    CHECK(Text(c.dir.db(), "SELECT fraction FROM responses") == "1.0");
    CHECK(Count(c.dir.db(), "SELECT score FROM class_participants") == 1);

    ws.Send(R"({"type":"answer","question":0,"choices":[2]})");  // replay / second try
    auto again = ws.ReadType("error");
    CHECK(again["status"] == 409);
    CHECK(again["code"] == "already_answered");
    ws.Send(R"({"type":"answer","question":1,"choices":[0]})");
    CHECK(ws.ReadType("error")["code"] == "wrong_question");
    CHECK(c.Responses() == 1);

    // Everyone answered: the question closes and the reveal carries the answer and its legal basis.
    view = ws.ReadType("view");
    REQUIRE(view["phase"] == "reveal");
    CHECK(view["reveal"]["correct"] == json::array({1}));
    CHECK(view["reveal"]["basis"][0] == "UU-5-2014-Ps-2-f");
    CHECK(view["you"]["correct"] == true);
    CHECK(view["you"]["rank"] == 1);
    CHECK(view["leaderboard"][0]["name"] == "Siti Aminah");
}

TEST_CASE("hostile joins are refused with the right status and store nothing") {
    ServerConfig config;
    config.wrong_pin_limit = {5, 0.01};
    LiveClass c(config);
    const std::string pin = c.room->pin();
    auto status = [&](const std::string& body) { return Post(c.port(), "/api/join", body).status; };
    CHECK(status("{\"pin\":\"" + pin + "\",\"name\":\"<script>alert(1)</script>\"}") == 400);
    CHECK(status("{\"pin\":\"" + pin + "\",\"name\":\"Budi\",\"nip\":\"12\"}") == 400);
    CHECK(status("{\"pin\":\"" + pin + "\",\"name\":") == 400);
    CHECK(status("{\"pin\":\"" + pin + "\",\"name\":\"" + std::string(41, 'x') + "\"}") == 400);
    CHECK(status("{\"pin\":\"" + pin + "\",\"name\":\"" + std::string(5000, 'x') + "\"}") == 413);
    auto wrong_type = Http(c.port(), http::verb::post, "/api/join",
                           "{\"pin\":\"" + pin + "\",\"name\":\"Budi\"}", {{"Content-Type", "text/plain"}});
    CHECK(wrong_type.status == 415);
    auto cross_site =
        Http(c.port(), http::verb::post, "/api/join", "{\"pin\":\"" + pin + "\",\"name\":\"Budi\"}",
             {{"Content-Type", "application/json"}, {"Origin", "http://evil.example"}});
    CHECK(cross_site.status == 403);
    CHECK(Get(c.port(), "/api/join").status == 405);
    const std::string raw = Raw(c.port(),
                                "POST /api/join HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n"
                                "Content-Type: application/json\r\n\r\n{");
    CHECK(raw.rfind("HTTP/1.1 413", 0) == 0);
    CHECK(Raw(c.port(), "GARBAGE\r\n\r\n").rfind("HTTP/1.1 400", 0) == 0);

    // Wrong PINs: refused, then the IP is slowed down even with the right PIN.
    for (int i = 0; i < 5; ++i) {
        auto r = Post(c.port(), "/api/join", json{{"pin", c.WrongPin()}, {"name", "Budi"}}.dump());
        CHECK(r.status == 403);
        CHECK(ErrorCode(r) == "wrong_pin");
    }
    auto locked = Post(c.port(), "/api/join", json{{"pin", pin}, {"name", "Budi"}}.dump());
    CHECK(locked.status == 429);
    CHECK(locked.headers.count("Retry-After") == 1);
    CHECK(c.Participants() == 0);
}

TEST_CASE("duplicate names, forged tokens and late answers are refused and store nothing") {
    LiveClass c({}, 2000);
    const std::string ani = c.Join("Ani");
    c.Join("Budi");
    auto dup = Post(c.port(), "/api/join", json{{"pin", c.room->pin()}, {"name", "ANI"}}.dump());
    CHECK(dup.status == 409);
    CHECK(ErrorCode(dup) == "name_taken");
    CHECK(c.Participants() == 2);

    // A token of the right shape that was never issued.
    const std::string forged = RandomToken();
    CHECK(Get(c.port(), "/api/state", forged).status == 401);
    CHECK(Get(c.port(), "/api/state", "not-a-token").status == 401);
    CHECK(Get(c.port(), "/api/state").status == 401);
    WsClient evil(c.port());
    evil.Send(json{{"type", "hello"}, {"token", forged}}.dump());
    CHECK(evil.ReadType("error")["status"] == 401);
    evil.Send(R"({"type":"answer","question":0,"choices":[1]})");  // answering without a hello
    CHECK(evil.ReadType("error")["code"] == "unknown_token");
    evil.Send("{{{{");
    CHECK(evil.ReadType("error")["code"] == "bad_json");

    REQUIRE(c.room->Next() == Refusal::None);
    CHECK(Post(c.port(), "/api/answer", R"({"question":0,"choices":[1]})", forged).status == 401);
    CHECK(Post(c.port(), "/api/answer", R"({"question":0,"choices":[9]})", ani).status == 400);
    CHECK(Post(c.port(), "/api/answer", R"({"question":0,"choices":[1],"score":100})", ani).status == 400);
    CHECK(Post(c.port(), "/api/answer", "[", ani).status == 400);
    // The clock passes the deadline: too late, whichever way the answer comes.
    c.offset_ms = 60000;
    auto late = Post(c.port(), "/api/answer", R"({"question":0,"choices":[1]})", ani);
    CHECK(late.status == 409);
    CHECK(ErrorCode(late) == "too_late");
    CHECK(c.Responses() == 0);
    CHECK(Count(c.dir.db(), "SELECT COALESCE(SUM(score), 0) FROM class_participants") == 0);
}

TEST_CASE("a participant who drops out rejoins with the same token: same identity and score") {
    LiveClass c;
    const std::string token = c.Join("Ani");
    REQUIRE(c.room->Next() == Refusal::None);
    {
        WsClient ws(c.port());
        ws.Send(json{{"type", "hello"}, {"token", token}}.dump());
        ws.ReadType("view");
        ws.Send(R"({"type":"answer","question":0,"choices":[1]})");
        REQUIRE(ws.ReadType("ack")["question"] == 0);
    }  // the phone sleeps: socket gone
    WsClient again(c.port());
    again.Send(json{{"type", "hello"}, {"token", token}}.dump());
    auto view = again.ReadType("view");
    CHECK(view["you"]["name"] == "Ani");
    CHECK(view["you"]["score"] == 1);
    CHECK(c.Participants() == 1);
}

TEST_CASE("long-polling: the fallback waits for a new view and takes answers over HTTP") {
    ServerConfig config;
    config.poll_timeout_ms = 3000;
    LiveClass c(config);
    const std::string token = c.Join("Ani");
    c.Join("Budi");  // so one answer does not close the question
    auto first = Get(c.port(), "/api/state?since=0", token);
    REQUIRE(first.status == 200);
    const uint64_t version = first.Json()["version"];
    CHECK(Get(c.port(), "/api/state?since=abc", token).status == 400);

    std::thread trainer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        c.room->Next();
    });
    const auto t0 = std::chrono::steady_clock::now();
    auto next = Get(c.port(), "/api/state?since=" + std::to_string(version), token);
    const auto waited = std::chrono::steady_clock::now() - t0;
    trainer.join();
    REQUIRE(next.status == 200);
    CHECK(next.Json()["phase"] == "question");
    CHECK(waited >= std::chrono::milliseconds(250));
    CHECK(waited < std::chrono::milliseconds(2500));

    auto ack = Post(c.port(), "/api/answer", R"({"question":0,"choices":[0]})", token);
    REQUIRE(ack.status == 200);
    CHECK(ack.Json()["type"] == "ack");
    CHECK(c.Responses() == 1);
    CHECK(Text(c.dir.db(), "SELECT fraction FROM responses") == "0.0");
}

TEST_CASE("per-token rate limit answers 429 with Retry-After") {
    ServerConfig config;
    config.token_limit = {3, 0.5};
    LiveClass c(config);
    const std::string token = c.Join("Ani");
    int limited = 0;
    std::string retry;
    for (int i = 0; i < 6; ++i) {
        auto r = Get(c.port(), "/api/state", token);
        if (r.status == 429) {
            ++limited;
            retry = r.headers["Retry-After"];
        }
    }
    CHECK(limited == 3);
    CHECK(retry == "2");
}

TEST_CASE("a WebSocket from another site's page is refused") {
    LiveClass c;
    bool refused = false;
    try {
        WsClient ws(c.port(), "http://evil.example");
    } catch (const boost::system::system_error&) {
        refused = true;
    }
    CHECK(refused);
}
