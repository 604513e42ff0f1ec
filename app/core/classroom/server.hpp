#pragma once
// The class on the LAN: an HTTP + WebSocket server (Boost.Beast on Asio) in front of a Classroom.
// Serves the participant page (assets/web), the REST endpoints, live views over WebSocket and an HTTP
// long-polling fallback. Wire format: app/core/classroom/PROTOCOL.md.
//
// Threads: Start() spawns `io_threads` I/O threads (plus the Classroom's writer thread); nothing here
// runs on the caller's thread after Start returns, so the UI never blocks on the network. Every public
// member is thread-safe. Stop() (or the destructor) closes every socket and joins the threads.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "classroom/classroom.hpp"
#include "classroom/rate_limit.hpp"
#include "util/expected.hpp"

namespace sinau::classroom {

struct ServerConfig {
    std::string bind = "0.0.0.0";  // IPv4 address to listen on; 0.0.0.0 = every interface
    uint16_t port = 0;             // 0 = any free port (see ClassServer::port())
    int io_threads = 2;
    std::filesystem::path web_root;  // folder with index.html, app.css, app.js
    // Limits (PROTOCOL.md "Rate limits"). burst 0 turns a limit off (the loopback load benchmark does
    // that for the per-IP bucket, since its 1,000 simulated phones share 127.0.0.1).
    BucketConfig ip_limit{120, 60};        // every HTTP request and WebSocket message, per IP
    BucketConfig token_limit{20, 5};       // answers, polls and hellos, per participant token
    BucketConfig wrong_pin_limit{5, 0.1};  // failed PINs per IP: 5, then one per 10 s
    size_t max_connections = 5000;         // sockets open at once; more are closed on accept
    int64_t poll_timeout_ms = 25000;       // long-poll: answer with the same view after this long
    int64_t tick_ms = 100;                 // deadline and autopilot resolution
};

class ClassServer {
public:
    // Loads the page, binds, listens and starts the I/O threads. Error (Bahasa Indonesia) when the page
    // files are missing or the address/port cannot be bound.
    static Expected<std::unique_ptr<ClassServer>> Start(ServerConfig config,
                                                        std::shared_ptr<Classroom> classroom);
    ~ClassServer();
    ClassServer(const ClassServer&) = delete;
    ClassServer& operator=(const ClassServer&) = delete;

    void Stop();  // idempotent
    uint16_t port() const;
    const std::string& bind() const;
    Classroom& classroom();

    struct Stats {
        uint64_t requests = 0;     // HTTP requests parsed
        uint64_t ws_messages = 0;  // WebSocket messages received
        uint64_t rejected = 0;     // answered with a 4xx/5xx status or a WebSocket error
        size_t open_connections = 0;
    };
    Stats stats() const;

    struct Impl;

private:
    ClassServer() = default;
    std::unique_ptr<Impl> impl_;
};

// Starts the server for a new or resumed class and records its port in the session (used by the app
// and `sinau class serve`). With config.port 0 a resumed session first tries the port its phones were
// given before the crash (their tokens are stored per origin), then any free port.
Expected<std::unique_ptr<ClassServer>> ServeClassroom(ServerConfig config,
                                                      std::shared_ptr<Classroom> classroom);

}  // namespace sinau::classroom
