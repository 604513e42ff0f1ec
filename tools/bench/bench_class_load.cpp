// Load generator for the live class server (PROTOCOL.md), driven by tools/bench/class_load.sh.
// Simulates N phones on LOOPBACK ONLY (127.0.0.1): each joins over HTTP, opens a WebSocket, answers every
// question at a random moment inside a window, and measures answer -> ack latency (the ack is sent only
// once the answer is committed to SQLite). Bounded: stops when the session ends or after --timeout.
//
//   bench_class_load class --port P --pin PIN [--participants N] [--window-ms W] [--server-pid PID]
//   bench_class_load echo  [--participants N] [--rounds R] [--window-ms W]   (reference: bare Beast echo)
//   bench_class_load fsync --dir DIR [--count C]                              (reference: raw fsync cost)
// Prints `key value` lines for the script.
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    std::string mode;
    uint16_t port = 0;
    std::string pin;
    int participants = 1000;
    int window_ms = 2000;
    int rounds = 5;
    int timeout_s = 120;
    int join_concurrency = 64;
    long server_pid = 0;
    std::string dir = ".";
    int count = 200;
};

double Percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(p / 100.0 * static_cast<double>(v.size())));
    return v[i];
}

void RaiseFileLimit() {
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        setrlimit(RLIMIT_NOFILE, &lim);
    }
}

// utime + stime of a process, in seconds.
double CpuSeconds(long pid) {
    if (pid <= 0) return 0;
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) return 0;
    std::vector<std::string> fields;
    std::string field;
    for (size_t i = close + 2; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ') {
            fields.push_back(field);
            field.clear();
        } else {
            field += text[i];
        }
    }
    if (fields.size() < 13) return 0;
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    return (std::stod(fields[11]) + std::stod(fields[12])) / ticks;  // fields 14 and 15 of stat
}

const tcp::endpoint& Loopback(uint16_t port) {
    static tcp::endpoint ep;
    ep = tcp::endpoint(net::ip::make_address_v4("127.0.0.1"), port);  // loopback only, by design
    return ep;
}

// ---------------------------------------------------------------------------------------------
// Class mode

struct ClassStats {
    std::vector<double> latencies_ms;
    int joined = 0, join_failed = 0, ws_failed = 0, acks = 0, errors = 0, ended = 0, sent = 0;
    std::vector<std::string> error_codes;
};

class Phone;

struct ClassBench {
    ClassBench(net::io_context& io, Options o) : ioc(io), opt(std::move(o)) {}
    net::io_context& ioc;
    Options opt;
    ClassStats stats;
    std::mt19937 rng{12345};
    std::vector<std::shared_ptr<Phone>> phones;
    int next_join = 0;
    int joins_in_flight = 0;
    int finished = 0;
    Clock::time_point first_answer_sent{};
    Clock::time_point last_ack{};
    void StartJoins();
    void Finished() {
        if (++finished == opt.participants) ioc.stop();
    }
};

class Phone : public std::enable_shared_from_this<Phone> {
public:
    Phone(ClassBench& bench, int index)
        : bench_(bench), index_(index), http_(bench.ioc), ws_(bench.ioc), timer_(bench.ioc) {}

    void Join() {
        http_.expires_after(std::chrono::seconds(30));
        http_.async_connect(Loopback(bench_.opt.port), [self = shared_from_this()](beast::error_code ec) {
            if (ec) return self->JoinFailed();
            self->req_ = {http::verb::post, "/api/join", 11};
            self->req_.set(http::field::host, "127.0.0.1");
            self->req_.set(http::field::content_type, "application/json");
            self->req_.body() =
                json{{"pin", self->bench_.opt.pin}, {"name", "Peserta " + std::to_string(self->index_)}}
                    .dump();
            self->req_.prepare_payload();
            http::async_write(self->http_, self->req_, [self](beast::error_code ec, size_t) {
                if (ec) return self->JoinFailed();
                http::async_read(self->http_, self->buffer_, self->res_,
                                 [self](beast::error_code ec, size_t) {
                                     if (ec || self->res_.result_int() != 201) return self->JoinFailed();
                                     const auto j = json::parse(self->res_.body(), nullptr, false);
                                     if (!j.is_object() || !j.contains("token")) return self->JoinFailed();
                                     self->token_ = j["token"];
                                     beast::error_code ignored;
                                     self->http_.socket().shutdown(tcp::socket::shutdown_both, ignored);
                                     self->http_.close();
                                     self->bench_.stats.joined++;
                                     self->JoinDone();
                                     self->Connect();
                                 });
            });
        });
    }

private:
    void JoinFailed() {
        bench_.stats.join_failed++;
        JoinDone();
        bench_.Finished();
    }
    void JoinDone() {
        bench_.joins_in_flight--;
        bench_.StartJoins();
    }

    void Connect() {
        beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(30));
        beast::get_lowest_layer(ws_).async_connect(
            Loopback(bench_.opt.port), [self = shared_from_this()](beast::error_code ec) {
                if (ec) return self->WsFailed();
                beast::get_lowest_layer(self->ws_).socket().set_option(tcp::no_delay(true));
                beast::get_lowest_layer(self->ws_).expires_never();
                self->ws_.async_handshake("127.0.0.1", "/ws", [self](beast::error_code ec) {
                    if (ec) return self->WsFailed();
                    self->Send(json{{"type", "hello"}, {"token", self->token_}}.dump());
                    self->Read();
                });
            });
    }

    void WsFailed() {
        if (done_) return;
        done_ = true;
        bench_.stats.ws_failed++;
        bench_.Finished();
    }

    void Read() {
        ws_.async_read(in_, [self = shared_from_this()](beast::error_code ec, size_t) {
            if (ec) return self->WsFailed();
            const auto j = json::parse(beast::buffers_to_string(self->in_.data()), nullptr, false);
            self->in_.consume(self->in_.size());
            self->OnMessage(j);
            if (!self->done_) self->Read();
        });
    }

    void OnMessage(const json& j) {
        const std::string type = j.value("type", "");
        if (type == "view") {
            const std::string phase = j.value("phase", "");
            if (phase == "question" && j.contains("question")) {
                const int q = j["question"]["index"];
                const auto you = j.value("you", json::object());
                if (q > answered_ && !you.value("answered", false)) {
                    answered_ = q;
                    const int n = static_cast<int>(j["question"]["choices"].size());
                    const std::string kind = j["question"]["kind"];
                    std::uniform_int_distribution<int> delay(0, std::max(0, bench_.opt.window_ms));
                    std::uniform_int_distribution<int> pick(0, std::max(0, n - 1));
                    const int choice = pick(bench_.rng);
                    timer_.expires_after(std::chrono::milliseconds(delay(bench_.rng)));
                    timer_.async_wait([self = shared_from_this(), q, choice](beast::error_code ec) {
                        if (ec) return;
                        self->sent_at_ = Clock::now();
                        if (self->bench_.first_answer_sent == Clock::time_point{})
                            self->bench_.first_answer_sent = self->sent_at_;
                        self->pending_ = q;
                        self->bench_.stats.sent++;
                        self->Send(json{{"type", "answer"}, {"question", q}, {"choices", {choice}}}.dump());
                    });
                }
            } else if (phase == "ended") {
                done_ = true;
                bench_.stats.ended++;
                beast::error_code ignored;
                beast::get_lowest_layer(ws_).socket().close(ignored);
                bench_.Finished();
            }
        } else if (type == "ack") {
            if (j.value("question", -1) == pending_) {
                const auto now = Clock::now();
                bench_.stats.latencies_ms.push_back(
                    std::chrono::duration<double, std::milli>(now - sent_at_).count());
                bench_.stats.acks++;
                bench_.last_ack = now;
                pending_ = -1;
            }
        } else if (type == "error") {
            bench_.stats.errors++;
            if (bench_.stats.error_codes.size() < 5) bench_.stats.error_codes.push_back(j.value("code", "?"));
        }
    }

    void Send(std::string text) {
        out_.push_back(std::move(text));
        if (out_.size() == 1) Write();
    }
    void Write() {
        ws_.text(true);
        ws_.async_write(net::buffer(out_.front()), [self = shared_from_this()](beast::error_code ec, size_t) {
            if (ec) return self->WsFailed();
            self->out_.pop_front();
            if (!self->out_.empty()) self->Write();
        });
    }

    ClassBench& bench_;
    int index_;
    beast::tcp_stream http_;
    http::request<http::string_body> req_;
    http::response<http::string_body> res_;
    beast::flat_buffer buffer_;
    std::string token_;
    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer in_;
    std::deque<std::string> out_;
    net::steady_timer timer_;
    int answered_ = -1;
    int pending_ = -1;
    bool done_ = false;
    Clock::time_point sent_at_{};
};

void ClassBench::StartJoins() {
    while (joins_in_flight < opt.join_concurrency && next_join < opt.participants) {
        ++joins_in_flight;
        phones[static_cast<size_t>(next_join++)]->Join();
    }
}

int RunClass(const Options& opt) {
    net::io_context ioc(1);
    ClassBench bench(ioc, opt);
    for (int i = 0; i < opt.participants; ++i) bench.phones.push_back(std::make_shared<Phone>(bench, i));
    net::steady_timer deadline(ioc);
    deadline.expires_after(std::chrono::seconds(opt.timeout_s));
    bool timed_out = false;
    deadline.async_wait([&](beast::error_code ec) {
        if (!ec) {
            timed_out = true;
            ioc.stop();
        }
    });
    const double cpu0 = CpuSeconds(opt.server_pid);
    const double self0 = CpuSeconds(getpid());
    const auto t0 = Clock::now();
    // Sample the server's CPU time while it runs (it exits shortly after the session ends).
    double cpu_last = cpu0;
    auto t_last = t0;
    net::steady_timer sampler(ioc);
    std::function<void()> sample = [&] {
        sampler.expires_after(std::chrono::milliseconds(200));
        sampler.async_wait([&](beast::error_code ec) {
            if (ec) return;
            const double c = CpuSeconds(opt.server_pid);
            if (c > 0) {
                cpu_last = c;
                t_last = Clock::now();
            }
            sample();
        });
    };
    if (opt.server_pid > 0) sample();
    bench.StartJoins();
    ioc.run();
    const auto t1 = Clock::now();
    const double wall = std::chrono::duration<double>(t1 - t0).count();
    if (const double c = CpuSeconds(opt.server_pid); c > 0) {
        cpu_last = c;
        t_last = t1;
    }
    const double server_cpu = cpu_last - cpu0;
    const double server_wall = std::chrono::duration<double>(t_last - t0).count();
    const double self_cpu = CpuSeconds(getpid()) - self0;
    auto& s = bench.stats;
    std::printf(
        "joined %d\njoin_failed %d\nws_failed %d\nsent %d\nacks %d\nerrors %d\nended %d\ntimed_out %d\n",
        s.joined, s.join_failed, s.ws_failed, s.sent, s.acks, s.errors, s.ended, timed_out ? 1 : 0);
    for (const auto& code : s.error_codes) std::printf("error_code %s\n", code.c_str());
    std::printf("lost %d\n", s.sent - s.acks);
    std::printf("p50_ms %.2f\np99_ms %.2f\nmax_ms %.2f\n", Percentile(s.latencies_ms, 50),
                Percentile(s.latencies_ms, 99), Percentile(s.latencies_ms, 100));
    std::printf("wall_s %.2f\nserver_cpu_percent %.1f\nclient_cpu_percent %.1f\n", wall,
                server_wall > 0 ? 100.0 * server_cpu / server_wall : 0.0,
                wall > 0 ? 100.0 * self_cpu / wall : 0.0);
    if (bench.last_ack > bench.first_answer_sent && bench.first_answer_sent != Clock::time_point{}) {
        const double answering =
            std::chrono::duration<double>(bench.last_ack - bench.first_answer_sent).count();
        std::printf("answers_per_s_during_run %.1f\n", answering > 0 ? s.acks / answering : 0.0);
    }
    return (s.sent - s.acks == 0 && !timed_out && s.join_failed == 0 && s.ws_failed == 0) ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// Echo reference: the same number of WebSocket clients against a bare Beast echo server, same
// answer pattern (one small JSON message per round at a random moment in the window).

class EchoSession : public std::enable_shared_from_this<EchoSession> {
public:
    explicit EchoSession(tcp::socket s) : ws_(std::move(s)) {}
    void Run() {
        ws_.async_accept([self = shared_from_this()](beast::error_code ec) {
            if (!ec) self->Read();
        });
    }

private:
    void Read() {
        ws_.async_read(buf_, [self = shared_from_this()](beast::error_code ec, size_t) {
            if (ec) return;
            self->ws_.text(true);
            self->ws_.async_write(self->buf_.data(), [self](beast::error_code ec, size_t) {
                if (ec) return;
                self->buf_.consume(self->buf_.size());
                self->Read();
            });
        });
    }
    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer buf_;
};

int RunEcho(const Options& opt) {
    net::io_context server_ioc(1);
    tcp::acceptor acceptor(server_ioc, tcp::endpoint(net::ip::make_address_v4("127.0.0.1"), 0));
    acceptor.listen(net::socket_base::max_listen_connections);
    const uint16_t port = acceptor.local_endpoint().port();
    std::function<void()> accept = [&] {
        acceptor.async_accept([&](beast::error_code ec, tcp::socket s) {
            if (ec) return;
            s.set_option(tcp::no_delay(true));
            std::make_shared<EchoSession>(std::move(s))->Run();
            accept();
        });
    };
    accept();
    std::thread server([&] { server_ioc.run(); });

    net::io_context ioc(1);
    std::mt19937 rng(777);
    std::vector<double> latencies;
    struct Client {
        websocket::stream<beast::tcp_stream> ws;
        beast::flat_buffer buf;
        Clock::time_point sent;
        net::steady_timer timer;
        explicit Client(net::io_context& io) : ws(io), timer(io) {}
    };
    std::vector<std::unique_ptr<Client>> clients;
    int connected = 0, replies = 0, sent = 0;
    for (int i = 0; i < opt.participants; ++i) {
        clients.push_back(std::make_unique<Client>(ioc));
        auto* c = clients.back().get();
        beast::get_lowest_layer(c->ws).async_connect(Loopback(port), [&, c](beast::error_code ec) {
            if (ec) return;
            beast::get_lowest_layer(c->ws).socket().set_option(tcp::no_delay(true));
            c->ws.async_handshake("127.0.0.1", "/", [&, c](beast::error_code ec) {
                if (!ec) ++connected;
            });
        });
    }
    const auto t_end = Clock::now() + std::chrono::seconds(opt.timeout_s);
    while (connected < opt.participants && Clock::now() < t_end) ioc.run_for(std::chrono::milliseconds(50));
    const std::string message = R"({"type":"answer","question":0,"choices":[1]})";
    for (int round = 0; round < opt.rounds; ++round) {
        for (auto& up : clients) {
            auto* c = up.get();
            std::uniform_int_distribution<int> delay(0, std::max(0, opt.window_ms));
            c->timer.expires_after(std::chrono::milliseconds(delay(rng)));
            c->timer.async_wait([&, c](beast::error_code ec) {
                if (ec) return;
                c->sent = Clock::now();
                ++sent;
                c->ws.text(true);
                c->ws.async_write(net::buffer(message), [&, c](beast::error_code ec, size_t) {
                    if (ec) return;
                    c->ws.async_read(c->buf, [&, c](beast::error_code ec, size_t) {
                        if (ec) return;
                        c->buf.consume(c->buf.size());
                        latencies.push_back(
                            std::chrono::duration<double, std::milli>(Clock::now() - c->sent).count());
                        ++replies;
                    });
                });
            });
        }
        const int want = (round + 1) * static_cast<int>(clients.size());
        ioc.restart();
        while (replies < want && Clock::now() < t_end) ioc.run_for(std::chrono::milliseconds(20));
    }
    std::printf("echo_clients %d\necho_sent %d\necho_replies %d\necho_p50_ms %.3f\necho_p99_ms %.3f\n",
                connected, sent, replies, Percentile(latencies, 50), Percentile(latencies, 99));
    clients.clear();
    server_ioc.stop();
    server.join();
    return replies == sent ? 0 : 1;
}

// fsync reference: append a response-sized record and fsync, as one commit must at least do.
int RunFsync(const Options& opt) {
    const std::string path = opt.dir + "/bench_class_fsync.tmp";
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    if (fd < 0) {
        std::perror("open");
        return 1;
    }
    std::vector<double> lat;
    const std::string record(4096, 'x');
    for (int i = 0; i < opt.count; ++i) {
        const auto t0 = Clock::now();
        if (::write(fd, record.data(), record.size()) < 0 || ::fsync(fd) != 0) {
            std::perror("write/fsync");
            break;
        }
        lat.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    ::close(fd);
    ::unlink(path.c_str());
    std::printf("fsync_p50_ms %.3f\nfsync_p99_ms %.3f\n", Percentile(lat, 50), Percentile(lat, 99));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_class_load class|echo|fsync [options]\n");
        return 2;
    }
    opt.mode = argv[1];
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--port")
            opt.port = static_cast<uint16_t>(std::stoi(v));
        else if (k == "--pin")
            opt.pin = v;
        else if (k == "--participants")
            opt.participants = std::clamp(std::stoi(v), 1, 20000);
        else if (k == "--window-ms")
            opt.window_ms = std::clamp(std::stoi(v), 0, 600000);
        else if (k == "--rounds")
            opt.rounds = std::clamp(std::stoi(v), 1, 1000);
        else if (k == "--timeout")
            opt.timeout_s = std::clamp(std::stoi(v), 1, 3600);
        else if (k == "--server-pid")
            opt.server_pid = std::stol(v);
        else if (k == "--dir")
            opt.dir = v;
        else if (k == "--count")
            opt.count = std::clamp(std::stoi(v), 1, 100000);
        else {
            std::fprintf(stderr, "bench_class_load: unknown option %s\n", k.c_str());
            return 2;
        }
    }
    RaiseFileLimit();
    if (opt.mode == "class") return RunClass(opt);
    if (opt.mode == "echo") return RunEcho(opt);
    if (opt.mode == "fsync") return RunFsync(opt);
    std::fprintf(stderr, "bench_class_load: unknown mode %s\n", opt.mode.c_str());
    return 2;
}
