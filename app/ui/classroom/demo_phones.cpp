#include "ui/classroom/demo_phones.hpp"

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace sinau::ui::live {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct Reply {
    int status = 0;
    std::string body;
};

// One request on a fresh loopback connection. Never throws: a network error is status 0.
Reply PostLoopback(uint16_t port, const char* target, const std::string& body, const std::string& token) {
    try {
        net::io_context io;
        tcp::socket socket(io);
        socket.connect(tcp::endpoint(net::ip::address_v4::loopback(), port));
        http::request<http::string_body> req{http::verb::post, target, 11};
        req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
        req.set(http::field::content_type, "application/json");
        if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
        req.body() = body;
        req.prepare_payload();
        http::write(socket, req);
        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        http::read(socket, buffer, res);
        beast::error_code ec;
        socket.shutdown(tcp::socket::shutdown_both, ec);
        return {static_cast<int>(res.result_int()), res.body()};
    } catch (const std::exception& e) {
        return {0, e.what()};
    }
}

}  // namespace

std::vector<std::string> DemoPhones::SampleNames(int count) {
    static const char* kNames[] = {"Siti Aminah",     "Budi Santoso",   "Dewi Lestari",  "Agus Prasetyo",
                                   "Rina Wulandari",  "Eko Saputra",    "Nur Hidayah",   "Teguh Wibowo",
                                   "Fitri Handayani", "Joko Susilo",    "Ayu Kartika",   "Hendra Gunawan",
                                   "Lilis Suryani",   "Bambang Irawan", "Wahyu Nugroho", "Sri Rahayu"};
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) {
        std::string n = kNames[i % 16];
        if (i >= 16) n += " " + std::to_string(i / 16 + 1);
        out.push_back(n);
    }
    return out;
}

DemoPhones::DemoPhones(uint16_t port, std::string pin, std::vector<std::string> names)
    : port_(port), pin_(std::move(pin)), names_(std::move(names)), tokens_(names_.size()), thread_([this] {
          Loop();
      }) {}

DemoPhones::~DemoPhones() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void DemoPhones::Answer(int who, int question, std::vector<int> choices) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back({who, question, std::move(choices)});
    }
    cv_.notify_one();
}

void DemoPhones::Loop() {
    for (size_t i = 0; i < names_.size(); ++i) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
        const nlohmann::json body{{"pin", pin_}, {"name", names_[i]}};
        const Reply r = PostLoopback(port_, "/api/join", body.dump(), "");
        const auto j = nlohmann::json::parse(r.body, nullptr, false);
        if (r.status == 201 && j.is_object() && j.contains("token") && j["token"].is_string()) {
            tokens_[i] = j["token"].get<std::string>();
            ++joined_;
        } else {
            ++failures_;
            std::fprintf(stderr, "sinau: demo: %s tidak dapat bergabung (%d %s)\n", names_[i].c_str(),
                         r.status, r.body.c_str());
        }
    }
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (stopping_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        if (job.who < 0 || size_t(job.who) >= tokens_.size() || tokens_[size_t(job.who)].empty()) continue;
        const nlohmann::json body{{"question", job.question}, {"choices", job.choices}};
        const Reply r = PostLoopback(port_, "/api/answer", body.dump(), tokens_[size_t(job.who)]);
        if (r.status == 200)
            ++acked_;
        else
            ++failures_;
    }
}

}  // namespace sinau::ui::live
