#pragma once
// Shared pieces of the classroom tests: a small question bank built the way the GIFT reader builds it,
// temp databases, and tiny HTTP/WebSocket clients (Beast, synchronous) to talk to the real server.
#include <sys/socket.h>
#include <sys/time.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <atomic>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "classroom/classroom.hpp"
#include "classroom/question.hpp"
#include "classroom/secrets.hpp"
#include "content/model.hpp"
#include "store/database.hpp"

namespace classtest {

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace sinau;
using namespace sinau::classroom;

inline content::Question Mc(std::string id) {
    content::Question q;
    q.id = std::move(id);
    q.type = content::QuestionType::Mc;
    q.stem = "Asas netralitas ASN diatur dalam UU 5/2014 Pasal 2 huruf ...";
    q.choices = {{"a", 0.0, "Bukan."}, {"f", 1.0, "Benar."}, {"e", 0.0, "Bukan."}};
    q.general_feedback = "UU 5/2014 Pasal 2 huruf f.";
    q.tags = {"UU-5-2014-Ps-2-f"};
    return q;
}

inline content::Question Tf(std::string id) {
    content::Question q;
    q.id = std::move(id);
    q.type = content::QuestionType::TrueFalse;
    q.stem = "ASN boleh menjadi anggota partai politik.";
    q.tf_answer = false;
    q.general_feedback = "UU 20/2023; PP 94/2021 Pasal 5.";
    q.tags = {"PP-94-2021-Ps-5"};
    return q;
}

inline content::Question Multi(std::string id) {
    content::Question q;
    q.id = std::move(id);
    q.type = content::QuestionType::Multi;
    q.stem = "Mana yang dilarang bagi ASN selama kampanye?";
    q.choices = {
        {"Ikut kampanye", 0.5, ""}, {"Memakai atribut partai", 0.5, ""}, {"Memilih di TPS", -1.0, ""}};
    q.general_feedback = "UU 7/2017 Pasal 280.";
    q.tags = {"UU-7-2017-Ps-280"};
    return q;
}

inline content::Question Essay(std::string id) {
    content::Question q;
    q.id = std::move(id);
    q.type = content::QuestionType::Essay;
    q.stem = "Jelaskan.";
    return q;
}

inline std::vector<ClassQuestion> Bank() {
    return {*ToClassQuestion(Mc("q-mc")), *ToClassQuestion(Tf("q-tf")), *ToClassQuestion(Multi("q-multi"))};
}

inline SessionPlan Plan(int64_t question_ms = 20000, bool speed_bonus = false) {
    SessionPlan plan;
    plan.module_id = "02-netralitas-asn";
    plan.title = "Uji kelas";
    plan.course_id = "netralitas-asn-pemilu-2024";
    plan.content_version = "1.0.0";
    plan.questions = Bank();
    plan.settings.question_ms = question_ms;
    plan.settings.speed_bonus = speed_bonus;
    return plan;
}

// A fresh folder per test under the system temp dir, removed at the end.
struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("sinau-class-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path db() const { return path / "sinau.db"; }
};

inline int64_t Count(const fs::path& db, const std::string& sql) {
    SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
    d.setBusyTimeout(5000);
    SQLite::Statement s(d, sql);
    s.executeStep();
    return s.getColumn(0).getInt64();
}

inline std::string Text(const fs::path& db, const std::string& sql) {
    SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
    d.setBusyTimeout(5000);
    SQLite::Statement s(d, sql);
    if (!s.executeStep()) return "";
    return s.getColumn(0).isNull() ? "<null>" : s.getColumn(0).getString();
}

// ---------------------------------------------------------------------------------------------
// Clients

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct HttpReply {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;
    json Json() const { return json::parse(body, nullptr, false); }
};

inline void SetReadTimeout(tcp::socket& s, int seconds) {
    timeval tv{seconds, 0};
    setsockopt(s.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

inline HttpReply Http(uint16_t port, http::verb method, const std::string& target,
                      const std::string& body = "",
                      std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}}) {
    net::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    SetReadTimeout(socket, 40);
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    for (const auto& [k, v] : headers) req.set(k, v);
    req.body() = body;
    req.prepare_payload();
    beast::error_code ec;
    http::write(socket, req, ec);
    HttpReply out;
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(socket, buffer, res, ec);
    if (ec) return out;  // status 0: no reply
    out.status = static_cast<int>(res.result_int());
    out.body = res.body();
    for (const auto& f : res) out.headers[std::string(f.name_string())] = std::string(f.value());
    return out;
}

inline HttpReply Post(uint16_t port, const std::string& target, const std::string& body,
                      const std::string& token = "") {
    std::map<std::string, std::string> h{{"Content-Type", "application/json"}};
    if (!token.empty()) h["Authorization"] = "Bearer " + token;
    return Http(port, http::verb::post, target, body, h);
}

inline HttpReply Get(uint16_t port, const std::string& target, const std::string& token = "") {
    std::map<std::string, std::string> h;
    if (!token.empty()) h["Authorization"] = "Bearer " + token;
    return Http(port, http::verb::get, target, "", h);
}

// Raw bytes in, raw reply out (for requests a well-behaved client cannot produce).
inline std::string Raw(uint16_t port, const std::string& bytes) {
    net::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    SetReadTimeout(socket, 5);
    beast::error_code ec;
    net::write(socket, net::buffer(bytes), ec);
    std::string out;
    char buf[4096];
    for (;;) {
        const size_t n = socket.read_some(net::buffer(buf), ec);
        if (ec || n == 0) break;
        out.append(buf, n);
        if (out.find("\r\n\r\n") != std::string::npos) {
            // good enough: the tests only read the status line and the JSON body that follows
            socket.read_some(net::buffer(buf), ec);
            if (!ec) out.append(buf);
            break;
        }
    }
    return out;
}

struct WsClient {
    net::io_context ioc;
    websocket::stream<tcp::socket> ws{ioc};
    explicit WsClient(uint16_t port, const std::string& origin = "") {
        ws.next_layer().connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
        SetReadTimeout(ws.next_layer(), 10);
        if (!origin.empty())
            ws.set_option(websocket::stream_base::decorator(
                [origin](websocket::request_type& req) { req.set(http::field::origin, origin); }));
        ws.handshake("127.0.0.1:" + std::to_string(port), "/ws");
    }
    void Send(const std::string& text) {
        ws.text(true);
        ws.write(net::buffer(text));
    }
    json Read() {
        beast::flat_buffer buffer;
        beast::error_code ec;
        ws.read(buffer, ec);
        if (ec) return json();
        return json::parse(beast::buffers_to_string(buffer.data()), nullptr, false);
    }
    // Skips views pushed in between (phase changes) until a message of `type` arrives.
    json ReadType(const std::string& type) {
        for (int i = 0; i < 50; ++i) {
            json j = Read();
            if (j.is_null()) return j;
            if (j.value("type", "") == type) return j;
        }
        return json();
    }
};

}  // namespace classtest
