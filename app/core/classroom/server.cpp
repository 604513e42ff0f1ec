#include "classroom/server.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <atomic>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <vector>

namespace sinau::classroom {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using json = nlohmann::json;

namespace {

constexpr auto kReadTimeout = std::chrono::seconds(30);  // a client that stalls mid-request is dropped
constexpr size_t kHeaderLimit = 8192;
constexpr size_t kMaxQueuedMessages = 64;  // a phone this far behind is dropped; it reconnects

std::string ErrorJson(const Rejection& r) {
    return json{{"error", {{"code", r.code}, {"message", r.message}}}}.dump();
}

std::string WsErrorJson(const Rejection& r, int question = -1) {
    json j{{"type", "error"}, {"status", r.status}, {"code", r.code}, {"message", r.message}};
    if (question >= 0) j["question"] = question;
    return j.dump();
}

std::string_view Sv(beast::string_view s) {
    return {s.data(), s.size()};
}

struct StaticFile {
    std::string body;
    std::string type;
};

}  // namespace

class HttpSession;
class WsSession;

// ---------------------------------------------------------------------------------------------
// Who is listening for views: WebSocket sessions bound to a participant, and parked long-polls.

class Hub {
public:
    void Add(const std::shared_ptr<WsSession>& ws, int participant);
    void Remove(const WsSession* ws);
    void Park(const std::shared_ptr<HttpSession>& poll);
    void Unpark(const HttpSession* poll);
    void Broadcast(Classroom& room);
    void CloseAll();

private:
    std::mutex mutex_;
    std::unordered_map<const WsSession*, std::pair<std::weak_ptr<WsSession>, int>> sockets_;
    std::unordered_map<const HttpSession*, std::weak_ptr<HttpSession>> polls_;
};

struct ClassServer::Impl {
    ServerConfig config;
    std::shared_ptr<Classroom> room;
    std::map<std::string, StaticFile> files;  // target -> file
    RateLimiter ip_limiter{{}};
    RateLimiter token_limiter{{}};
    RateLimiter pin_limiter{{}};
    net::io_context ioc;
    tcp::acceptor acceptor{ioc};
    net::steady_timer ticker{ioc};
    Hub hub;
    std::vector<std::thread> threads;
    std::atomic<bool> stopped{false};
    std::atomic<size_t> connections{0};
    std::atomic<uint64_t> requests{0}, ws_messages{0}, rejected{0};
    uint16_t port = 0;

    Impl(ServerConfig c)
        : config(std::move(c)),
          ip_limiter(config.ip_limit),
          token_limiter(config.token_limit),
          pin_limiter(config.wrong_pin_limit),
          ioc(std::max(1, config.io_threads)) {}

    void Accept();
    void Tick();
};

// ---------------------------------------------------------------------------------------------
// WebSocket session

class WsSession : public std::enable_shared_from_this<WsSession> {
public:
    WsSession(tcp::socket&& socket, ClassServer::Impl& server, std::string ip)
        : ws_(std::move(socket)), server_(server), ip_(std::move(ip)) {
        server_.connections++;
    }
    ~WsSession() {
        server_.hub.Remove(this);
        server_.connections--;
    }

    void Run(http::request<http::string_body> req) {
        ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        ws_.set_option(websocket::stream_base::decorator(
            [](websocket::response_type& res) { res.set(http::field::server, "sinau-kelas"); }));
        ws_.read_message_max(kMaxBodyBytes);
        ws_.async_accept(req, beast::bind_front_handler(&WsSession::OnAccept, shared_from_this()));
    }

    // Any thread: queue a text message.
    void Send(std::shared_ptr<const std::string> message) {
        net::post(ws_.get_executor(), [self = shared_from_this(), message = std::move(message)]() mutable {
            self->Enqueue(std::move(message));
        });
    }

    void Close() {
        net::post(ws_.get_executor(), [self = shared_from_this()] {
            beast::error_code ec;
            beast::get_lowest_layer(self->ws_).socket().shutdown(tcp::socket::shutdown_both, ec);
            beast::get_lowest_layer(self->ws_).socket().close(ec);
        });
    }

private:
    void OnAccept(beast::error_code ec) {
        if (ec) return;
        DoRead();
    }

    void DoRead() {
        buffer_.clear();
        ws_.async_read(buffer_, beast::bind_front_handler(&WsSession::OnRead, shared_from_this()));
    }

    void Reply(std::string text) { Enqueue(std::make_shared<const std::string>(std::move(text))); }

    void Refuse(const Rejection& r, int question = -1) {
        server_.rejected++;
        Reply(WsErrorJson(r, question));
    }

    void OnRead(beast::error_code ec, std::size_t) {
        if (ec) return;  // closed, timed out, or message too big (Beast closes with 1009)
        server_.ws_messages++;
        const int64_t mono = MonotonicMs();
        if (!ws_.got_text()) {
            Refuse({400, "bad_json", "Pesan harus berupa teks JSON."});
            return DoRead();
        }
        if (!server_.ip_limiter.Allow(ip_, mono)) {
            Refuse({429, "rate_limited", "Terlalu banyak permintaan. Tunggu sebentar."});
            return DoRead();
        }
        const std::string text = beast::buffers_to_string(buffer_.data());
        const auto j = json::parse(text, nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("type") || !j["type"].is_string()) {
            Refuse({400, "bad_json", "Pesan bukan JSON yang valid."});
            return DoRead();
        }
        const std::string type = j["type"].get<std::string>();
        if (type == "hello") {
            OnHello(j);
        } else if (type == "answer") {
            OnAnswer(text);
        } else if (type == "ping") {
            Reply(R"({"type":"pong"})");
        } else {
            Refuse({400, "bad_type", "Jenis pesan tidak dikenal."});
        }
        DoRead();
    }

    void OnHello(const json& j) {
        if (j.size() != 2 || !j.contains("token") || !j["token"].is_string()) {
            Refuse({400, "bad_field", "Pesan hello harus berisi token saja."});
            return;
        }
        const std::string token = j["token"].get<std::string>();
        if (!server_.token_limiter.Allow(token, MonotonicMs())) {
            Refuse({429, "rate_limited", "Terlalu banyak permintaan. Tunggu sebentar."});
            return;
        }
        const auto who = server_.room->Authenticate(token);
        if (!who) {
            Refuse({401, "unknown_token", "Sesi Anda tidak dikenal. Silakan bergabung lagi dengan PIN."});
            return;
        }
        if (participant_ >= 0 && participant_ != *who) {
            Refuse({409, "already_bound", "Sambungan ini sudah dipakai peserta lain."});
            return;
        }
        participant_ = *who;
        token_ = token;
        server_.hub.Add(shared_from_this(), participant_);
        Reply(server_.room->ViewFor(participant_));
    }

    void OnAnswer(const std::string& text) {
        if (participant_ < 0) {
            Refuse({401, "unknown_token", "Kirim hello dengan token sebelum menjawab."});
            return;
        }
        if (!server_.token_limiter.Allow(token_, MonotonicMs())) {
            Refuse({429, "rate_limited", "Terlalu banyak permintaan. Tunggu sebentar."});
            return;
        }
        auto parsed = ParseAnswer(text, true);
        if (auto* r = std::get_if<Rejection>(&parsed)) {
            Refuse(*r);
            return;
        }
        const auto& request = std::get<AnswerRequest>(parsed);
        const int question = request.question;
        server_.room->Answer(
            participant_, request,
            [self = shared_from_this(), question](std::variant<std::string, Rejection> result) {
                if (auto* ack = std::get_if<std::string>(&result)) {
                    self->Send(std::make_shared<const std::string>(std::move(*ack)));
                } else {
                    self->server_.rejected++;
                    self->Send(std::make_shared<const std::string>(
                        WsErrorJson(std::get<Rejection>(result), question)));
                }
            });
    }

    void Enqueue(std::shared_ptr<const std::string> message) {
        if (queue_.size() >= kMaxQueuedMessages) {
            beast::error_code ec;
            beast::get_lowest_layer(ws_).socket().close(ec);  // too slow: drop; the page reconnects
            return;
        }
        queue_.push_back(std::move(message));
        if (queue_.size() == 1) DoWrite();
    }

    void DoWrite() {
        ws_.text(true);
        ws_.async_write(net::buffer(*queue_.front()),
                        beast::bind_front_handler(&WsSession::OnWrite, shared_from_this()));
    }

    void OnWrite(beast::error_code ec, std::size_t) {
        if (ec) {
            queue_.clear();
            return;
        }
        queue_.pop_front();
        if (!queue_.empty()) DoWrite();
    }

    websocket::stream<beast::tcp_stream> ws_;
    ClassServer::Impl& server_;
    std::string ip_;
    beast::flat_buffer buffer_;
    std::deque<std::shared_ptr<const std::string>> queue_;
    int participant_ = -1;
    std::string token_;
};

// ---------------------------------------------------------------------------------------------
// HTTP session: the page, the REST endpoints and long-polls; hands WebSocket upgrades over.

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(tcp::socket&& socket, ClassServer::Impl& server)
        : stream_(std::move(socket)), server_(server), poll_timer_(stream_.get_executor()) {
        server_.connections++;
        beast::error_code ec;
        const auto remote = stream_.socket().remote_endpoint(ec);
        ip_ = ec ? std::string("?") : remote.address().to_string();
    }
    ~HttpSession() {
        if (!upgraded_) server_.connections--;
        server_.hub.Unpark(this);
    }

    void Run() {
        net::dispatch(stream_.get_executor(),
                      beast::bind_front_handler(&HttpSession::DoRead, shared_from_this()));
    }

    // Any thread: a parked long-poll should answer now.
    void Wake() {
        net::post(stream_.get_executor(), [self = shared_from_this()] { self->poll_timer_.cancel(); });
    }

private:
    void DoRead() {
        parser_.emplace();
        parser_->body_limit(kMaxBodyBytes);
        parser_->header_limit(kHeaderLimit);
        stream_.expires_after(kReadTimeout);
        http::async_read(stream_, buffer_, *parser_,
                         beast::bind_front_handler(&HttpSession::OnRead, shared_from_this()));
    }

    void OnRead(beast::error_code ec, std::size_t) {
        if (ec == http::error::end_of_stream) return Shutdown();
        if (ec == http::error::body_limit) {
            keep_alive_ = false;
            return SendError({413, "body_too_large", "Permintaan terlalu besar (paling banyak 4 KiB)."});
        }
        if (ec == http::error::header_limit) {
            keep_alive_ = false;
            return SendError({431, "headers_too_large", "Header permintaan terlalu besar."});
        }
        if (ec == beast::error::timeout || ec == net::error::operation_aborted || ec == net::error::eof ||
            ec == net::error::connection_reset)
            return;
        if (ec) {
            keep_alive_ = false;
            return SendError({400, "bad_request", "Permintaan HTTP tidak valid."});
        }
        server_.requests++;
        req_ = parser_->release();
        keep_alive_ = req_.keep_alive();
        stream_.expires_never();
        if (!server_.ip_limiter.Allow(ip_, MonotonicMs())) {
            retry_after_ = server_.ip_limiter.RetryAfterSeconds(ip_, MonotonicMs());
            return SendError({429, "rate_limited", "Terlalu banyak permintaan. Tunggu sebentar."});
        }
        if (websocket::is_upgrade(req_)) return Upgrade();
        Route();
    }

    bool SameOrigin() const {
        // A page from another site in the phone's browser must not drive this server.
        const auto origin = req_[http::field::origin];
        if (origin.empty()) return true;
        const auto host = req_[http::field::host];
        return origin == "http://" + std::string(host);
    }

    void Upgrade() {
        if (Sv(req_.target()) != "/ws") return SendError({404, "not_found", "Alamat tidak ditemukan."});
        if (!SameOrigin()) return SendError({403, "bad_origin", "Asal halaman tidak diizinkan."});
        upgraded_ = true;  // the connection is counted by the WebSocket session from now on
        server_.connections--;
        std::make_shared<WsSession>(stream_.release_socket(), server_, ip_)->Run(std::move(req_));
    }

    void Route() {
        const std::string target(req_.target());
        const std::string path = target.substr(0, target.find('?'));
        const auto method = req_.method();
        if (path.rfind("/api/", 0) != 0) {
            const auto file = server_.files.find(path == "/" ? "/index.html" : path);
            if (file == server_.files.end()) return SendError({404, "not_found", "Alamat tidak ditemukan."});
            if (method != http::verb::get && method != http::verb::head)
                return SendError({405, "method_not_allowed", "Metode tidak diizinkan."});
            return SendBody(200, file->second.body, file->second.type, /*cache=*/true);
        }
        if (path == "/api/health") {
            if (method != http::verb::get)
                return SendError({405, "method_not_allowed", "Metode tidak diizinkan."});
            return SendBody(200, R"({"ok":true})", "application/json");
        }
        if (path == "/api/join") return Join();
        if (path == "/api/state") return State(target);
        if (path == "/api/answer") return Answer();
        SendError({404, "not_found", "Alamat tidak ditemukan."});
    }

    bool JsonBody() {
        if (req_.method() != http::verb::post) {
            SendError({405, "method_not_allowed", "Metode tidak diizinkan."});
            return false;
        }
        const auto type = req_[http::field::content_type];
        if (type.substr(0, 16) != "application/json") {
            SendError({415, "unsupported_media_type", "Kirim data sebagai application/json."});
            return false;
        }
        if (!SameOrigin()) {
            SendError({403, "bad_origin", "Asal halaman tidak diizinkan."});
            return false;
        }
        return true;
    }

    std::optional<std::string> Token() {
        auto token = BearerToken(Sv(req_[http::field::authorization]));
        if (!token) {
            SendError({401, "unknown_token", "Token tidak ada atau tidak valid. Silakan bergabung lagi."});
            return std::nullopt;
        }
        if (!server_.token_limiter.Allow(*token, MonotonicMs())) {
            retry_after_ = server_.token_limiter.RetryAfterSeconds(*token, MonotonicMs());
            SendError({429, "rate_limited", "Terlalu banyak permintaan. Tunggu sebentar."});
            return std::nullopt;
        }
        return token;
    }

    void Join() {
        if (!JsonBody()) return;
        // Only wrong PINs spend this bucket (in the callback below); an IP that used it up waits.
        if (!server_.pin_limiter.Peek(ip_, MonotonicMs())) {
            retry_after_ = server_.pin_limiter.RetryAfterSeconds(ip_, MonotonicMs());
            return SendError({429, "rate_limited", "Terlalu banyak PIN salah. Tunggu sebentar."});
        }
        auto parsed = ParseJoin(req_.body());
        if (auto* r = std::get_if<Rejection>(&parsed)) return SendError(*r);
        server_.room->Join(std::get<JoinRequest>(parsed), [self = shared_from_this()](
                                                              std::variant<JoinOk, Rejection> result) {
            net::post(self->stream_.get_executor(), [self, result = std::move(result)]() mutable {
                if (auto* r = std::get_if<Rejection>(&result)) {
                    if (r->code == "wrong_pin") self->server_.pin_limiter.Allow(self->ip_, MonotonicMs());
                    return self->SendError(*r);
                }
                auto& ok = std::get<JoinOk>(result);
                std::string body = R"({"token":")" + ok.token + R"(","view":)" + ok.view + "}";
                self->SendBody(201, std::move(body), "application/json");
            });
        });
    }

    void State(const std::string& target) {
        if (req_.method() != http::verb::get)
            return SendError({405, "method_not_allowed", "Metode tidak diizinkan."});
        const auto token = Token();
        if (!token) return;
        const auto who = server_.room->Authenticate(*token);
        if (!who)
            return SendError({401, "unknown_token", "Sesi Anda tidak dikenal. Silakan bergabung lagi."});
        participant_ = *who;
        uint64_t since = 0;
        const auto q = target.find("?since=");
        if (q != std::string::npos) {
            const std::string digits = target.substr(q + 7);
            if (digits.empty() || digits.size() > 18 ||
                digits.find_first_not_of("0123456789") != std::string::npos)
                return SendError({400, "bad_field", "Parameter since tidak valid."});
            since = std::stoull(digits);
        }
        if (since == 0 || server_.room->version() != since)
            return SendBody(200, server_.room->ViewFor(participant_), "application/json");
        // Park until the view changes or the poll times out (then answer with the same view).
        poll_timer_.expires_after(std::chrono::milliseconds(server_.config.poll_timeout_ms));
        poll_timer_.async_wait([self = shared_from_this()](beast::error_code) {
            self->server_.hub.Unpark(self.get());
            if (self->server_.stopped) return;
            self->SendBody(200, self->server_.room->ViewFor(self->participant_), "application/json");
        });
        server_.hub.Park(shared_from_this());
        if (server_.room->version() != since) poll_timer_.cancel();  // changed while parking
    }

    void Answer() {
        if (!JsonBody()) return;
        const auto token = Token();
        if (!token) return;
        const auto who = server_.room->Authenticate(*token);
        if (!who)
            return SendError({401, "unknown_token", "Sesi Anda tidak dikenal. Silakan bergabung lagi."});
        auto parsed = ParseAnswer(req_.body(), false);
        if (auto* r = std::get_if<Rejection>(&parsed)) return SendError(*r);
        server_.room->Answer(
            *who, std::get<AnswerRequest>(parsed),
            [self = shared_from_this()](std::variant<std::string, Rejection> result) {
                net::post(self->stream_.get_executor(), [self, result = std::move(result)]() mutable {
                    if (auto* r = std::get_if<Rejection>(&result)) return self->SendError(*r);
                    self->SendBody(200, std::move(std::get<std::string>(result)), "application/json");
                });
            });
    }

    void SendError(const Rejection& r) {
        server_.rejected++;
        SendBody(r.status, ErrorJson(r), "application/json");
    }

    void SendBody(int status, std::string body, const std::string& type, bool cache = false) {
        auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(status), 11);
        res->set(http::field::server, "sinau-kelas");
        res->set(http::field::content_type, type);
        res->set(http::field::cache_control, cache ? "no-cache" : "no-store");
        res->set("X-Content-Type-Options", "nosniff");
        res->set("Referrer-Policy", "no-referrer");
        res->set("X-Frame-Options", "DENY");
        res->set("Content-Security-Policy",
                 "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; object-src 'none'; "
                 "base-uri 'none'; frame-ancestors 'none'");
        if (status == 429) res->set(http::field::retry_after, std::to_string(std::max(1, retry_after_)));
        const bool head = req_.method() == http::verb::head;
        res->body() = head ? std::string() : std::move(body);
        res->keep_alive(keep_alive_ && status < 500);
        res->prepare_payload();
        if (head) res->content_length(body.size());
        response_ = res;
        retry_after_ = 1;
        http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
            self->response_.reset();
            if (ec || !res->keep_alive()) return self->Shutdown();
            self->DoRead();
        });
    }

    void Shutdown() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    }

    beast::tcp_stream stream_;
    ClassServer::Impl& server_;
    std::string ip_;
    beast::flat_buffer buffer_{kHeaderLimit + kMaxBodyBytes};
    std::optional<http::request_parser<http::string_body>> parser_;
    http::request<http::string_body> req_;
    std::shared_ptr<http::response<http::string_body>> response_;
    net::steady_timer poll_timer_;
    bool keep_alive_ = true;
    bool upgraded_ = false;
    int retry_after_ = 1;
    int participant_ = -1;
};

// ---------------------------------------------------------------------------------------------
// Hub

void Hub::Add(const std::shared_ptr<WsSession>& ws, int participant) {
    std::lock_guard lock(mutex_);
    sockets_[ws.get()] = {ws, participant};
}

void Hub::Remove(const WsSession* ws) {
    std::lock_guard lock(mutex_);
    sockets_.erase(ws);
}

void Hub::Park(const std::shared_ptr<HttpSession>& poll) {
    std::lock_guard lock(mutex_);
    polls_[poll.get()] = poll;
}

void Hub::Unpark(const HttpSession* poll) {
    std::lock_guard lock(mutex_);
    polls_.erase(poll);
}

void Hub::Broadcast(Classroom& room) {
    std::vector<std::shared_ptr<WsSession>> targets;
    std::vector<int> who;
    std::vector<std::shared_ptr<HttpSession>> polls;
    {
        std::lock_guard lock(mutex_);
        for (auto& [key, entry] : sockets_)
            if (auto ws = entry.first.lock()) {
                targets.push_back(std::move(ws));
                who.push_back(entry.second);
            }
        for (auto& [key, weak] : polls_)
            if (auto p = weak.lock()) polls.push_back(std::move(p));
    }
    auto views = room.ViewsFor(who);  // one lock for the whole class
    for (size_t i = 0; i < targets.size(); ++i)
        targets[i]->Send(std::make_shared<const std::string>(std::move(views[i])));
    for (auto& p : polls) p->Wake();
}

void Hub::CloseAll() {
    std::vector<std::shared_ptr<WsSession>> targets;
    {
        std::lock_guard lock(mutex_);
        for (auto& [key, entry] : sockets_)
            if (auto ws = entry.first.lock()) targets.push_back(std::move(ws));
    }
    for (auto& t : targets) t->Close();
}

// ---------------------------------------------------------------------------------------------
// Accepting and ticking

void ClassServer::Impl::Accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || stopped) return;
        if (!ec) {
            if (connections.load() >= config.max_connections) {
                beast::error_code ignored;
                socket.close(ignored);  // over capacity: refuse early rather than slow everyone down
            } else {
                socket.set_option(tcp::no_delay(true), ec);  // small JSON messages: no Nagle delay
                std::make_shared<HttpSession>(std::move(socket), *this)->Run();
            }
        }
        Accept();
    });
}

void ClassServer::Impl::Tick() {
    ticker.expires_after(std::chrono::milliseconds(config.tick_ms));
    ticker.async_wait([this](beast::error_code ec) {
        if (ec || stopped) return;
        room->Tick();
        Tick();
    });
}

// ---------------------------------------------------------------------------------------------
// ClassServer

static Expected<StaticFile> LoadFile(const std::filesystem::path& path, std::string type) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"Berkas halaman peserta tidak ditemukan: " + path.string()};
    std::ostringstream ss;
    ss << in.rdbuf();
    return StaticFile{ss.str(), std::move(type)};
}

Expected<std::unique_ptr<ClassServer>> ClassServer::Start(ServerConfig config,
                                                          std::shared_ptr<Classroom> room) {
    std::unique_ptr<ClassServer> server(new ClassServer());
    server->impl_ = std::make_unique<Impl>(std::move(config));
    auto& impl = *server->impl_;
    impl.room = std::move(room);
    const std::pair<const char*, const char*> pages[] = {{"index.html", "text/html; charset=utf-8"},
                                                         {"app.css", "text/css; charset=utf-8"},
                                                         {"app.js", "text/javascript; charset=utf-8"}};
    for (const auto& [name, type] : pages) {
        auto file = LoadFile(impl.config.web_root / name, type);
        if (!file) return file.error();
        impl.files["/" + std::string(name)] = std::move(file.value());
    }
    beast::error_code ec;
    const auto address = net::ip::make_address_v4(impl.config.bind, ec);
    if (ec) return Error{"Alamat IP tidak valid untuk --bind: " + impl.config.bind};
    const tcp::endpoint endpoint(address, impl.config.port);
    impl.acceptor.open(endpoint.protocol(), ec);
    if (!ec) impl.acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) impl.acceptor.bind(endpoint, ec);
    if (!ec) impl.acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        return Error{"Server kelas tidak dapat mendengarkan di " + impl.config.bind + ":" +
                     std::to_string(impl.config.port) + ": " + ec.message()};
    impl.port = impl.acceptor.local_endpoint().port();
    Impl* raw = &impl;
    // Views are built on an I/O thread, never on the caller's (the UI) thread.
    impl.room->SetChangeHook([raw] {
        if (raw->stopped) return;
        net::post(raw->ioc, [raw] { raw->hub.Broadcast(*raw->room); });
    });
    impl.Accept();
    impl.Tick();
    for (int i = 0; i < std::max(1, impl.config.io_threads); ++i)
        impl.threads.emplace_back([raw] { raw->ioc.run(); });
    return server;
}

ClassServer::~ClassServer() {
    Stop();
}

void ClassServer::Stop() {
    if (!impl_ || impl_->stopped.exchange(true)) return;
    auto& impl = *impl_;
    impl.room->SetChangeHook({});
    net::post(impl.ioc, [&impl] {
        beast::error_code ec;
        impl.acceptor.close(ec);
        impl.ticker.cancel();
    });
    impl.hub.CloseAll();
    // Give closes a moment to go out, then stop the loop; pending handlers are destroyed with the context.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    impl.ioc.stop();
    for (auto& t : impl.threads)
        if (t.joinable()) t.join();
    impl.room->Flush();  // every answer acknowledged so far is durable (it already was: acks follow commits)
}

uint16_t ClassServer::port() const {
    return impl_->port;
}
const std::string& ClassServer::bind() const {
    return impl_->config.bind;
}
Classroom& ClassServer::classroom() {
    return *impl_->room;
}

ClassServer::Stats ClassServer::stats() const {
    Stats s;
    s.requests = impl_->requests;
    s.ws_messages = impl_->ws_messages;
    s.rejected = impl_->rejected;
    s.open_connections = impl_->connections;
    return s;
}

Expected<std::unique_ptr<ClassServer>> ServeClassroom(ServerConfig config,
                                                      std::shared_ptr<Classroom> classroom) {
    if (config.port == 0 && classroom->served_port() != 0) {
        ServerConfig same = config;
        same.port = classroom->served_port();
        if (auto server = ClassServer::Start(same, classroom))
            return server;  // else taken meanwhile: any port
    }
    auto server = ClassServer::Start(config, classroom);
    if (server) classroom->SetServedPort((*server)->port());
    return server;
}

}  // namespace sinau::classroom
