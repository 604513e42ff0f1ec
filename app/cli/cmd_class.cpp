// `sinau class serve`: runs a live class without the window. Prints the join URL and PIN, then either
// takes the trainer's keys on stdin (n/r/p/l/s/e) or, with --auto, runs every question by itself and
// ends after the last. Prints the summary at the end. Same core as the trainer's screen (classroom/).
#include <poll.h>
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>

#include "classroom/classroom.hpp"
#include "classroom/lan.hpp"
#include "classroom/server.hpp"
#include "classroom/unfinished.hpp"
#include "cli/command.hpp"
#include "content/course_loader.hpp"

namespace sinau::cli {
namespace {

using namespace sinau::classroom;

std::atomic<bool> g_interrupted{false};
void OnSignal(int) {
    g_interrupted = true;
}

// A class of a thousand phones needs a thousand sockets: lift the soft limit to the hard one.
void RaiseFileLimit() {
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        setrlimit(RLIMIT_NOFILE, &lim);
    }
}

const content::Module* PickModule(const content::Course& course, const std::string& wanted) {
    if (!wanted.empty() && wanted.find_first_not_of("0123456789") == std::string::npos) {
        const size_t n = std::stoul(wanted);
        if (n >= 1 && n <= course.modules.size()) return &course.modules[n - 1];
    }
    if (const auto* m = course.FindModule(wanted)) return m;
    for (const auto& m : course.modules)
        if (m.id.rfind(wanted + "-", 0) == 0) return &m;  // "02" -> "02-netralitas-asn"
    return nullptr;
}

void PrintEvent(const ClassEvent& e, const Classroom& room, bool verbose) {
    switch (e.kind) {
        case ClassEvent::Kind::Joined:
            if (verbose) std::printf("Bergabung: %s\n", e.name.c_str());
            break;
        case ClassEvent::Kind::Rejoined:
            break;
        case ClassEvent::Kind::AnswerStored:
            if (verbose) std::printf("Jawaban tersimpan: %s (soal %d)\n", e.name.c_str(), e.question + 1);
            break;
        case ClassEvent::Kind::StorageFailed:
            std::printf("GAGAL MENYIMPAN: %s\n", e.message.c_str());
            break;
        case ClassEvent::Kind::PhaseChanged: {
            const auto v = room.View(0);
            if (e.phase == Phase::Question)
                std::printf("Soal %d/%d dibuka (%d peserta)\n", e.question + 1, v.total, v.participants);
            else if (e.phase == Phase::Reveal)
                std::printf("Soal %d ditutup: %d menjawab, %d benar\n", e.question + 1, v.result.answered,
                            v.result.correct);
            else if (e.phase == Phase::Paused)
                std::printf("Dijeda\n");
            else if (e.phase == Phase::Ended)
                std::printf("Sesi selesai\n");
            break;
        }
    }
}

// Trainer keys on stdin: n = next, r = reveal, p = pause, l = lanjut (resume), s = skip, e = end.
void HandleKey(char key, Classroom& room) {
    Refusal r = Refusal::None;
    switch (key) {
        case 'n':
            r = room.Next();
            break;
        case 'r':
            r = room.Reveal();
            break;
        case 'p':
            r = room.Pause();
            break;
        case 'l':
            r = room.Resume();
            break;
        case 's':
            r = room.Skip();
            break;
        case 'e':
            r = room.End();
            break;
        default:
            return;
    }
    if (r != Refusal::None) std::printf("%s\n", std::string(RefusalMessage(r)).c_str());
}

int Serve(const std::string& db, const std::string& content_dir, const std::string& module_arg,
          const std::vector<std::string>& question_ids, int max_questions, ServerConfig config,
          SessionSettings settings, AutoPilot autopilot, const std::string& resume, bool verbose,
          int64_t linger_ms) {
    RaiseFileLimit();
    const content::Course course = content::LoadCourse(content_dir);
    std::shared_ptr<Classroom> room;
    if (!resume.empty()) {
        auto resumed = Classroom::Resume(db, resume, course, autopilot);
        if (!resumed) {
            std::fprintf(stderr, "sinau class: %s\n", resumed.error().message.c_str());
            return 1;
        }
        room = std::move(resumed.value());
    } else {
        const auto* module = PickModule(course, module_arg);
        if (!module) {
            std::fprintf(stderr,
                         "sinau class: modul '%s' tidak ada di %s (pakai nomor 1..%zu atau id modul).\n",
                         module_arg.c_str(), content_dir.c_str(), course.modules.size());
            return 2;
        }
        if (!module->ok()) {
            std::fprintf(stderr, "sinau class: modul %s rusak:\n", module->id.c_str());
            for (const auto& d : module->errors) std::fprintf(stderr, "  %s\n", d.Format().c_str());
            return 1;
        }
        auto plan = PlanFromModule(course, *module, question_ids);
        if (!plan) {
            std::fprintf(stderr, "sinau class: %s\n", plan.error().message.c_str());
            return 1;
        }
        plan->settings = settings;
        if (max_questions > 0 && plan->questions.size() > size_t(max_questions))
            plan->questions.resize(size_t(max_questions));
        auto created = Classroom::Create(db, std::move(plan.value()), autopilot);
        if (!created) {
            std::fprintf(stderr, "sinau class: %s\n", created.error().message.c_str());
            return 1;
        }
        room = std::move(created.value());
    }
    auto server = ServeClassroom(config, room);
    if (!server) {
        std::fprintf(stderr, "sinau class: %s\n", server.error().message.c_str());
        return 1;
    }
    const auto lan = LanAddresses();
    const uint16_t port = (*server)->port();
    std::printf("Sesi kelas: %s (%d soal)\n", room->plan().title.c_str(), int(room->plan().questions.size()));
    std::printf("Sesi: %s\n", room->session_id().c_str());
    std::printf("PIN: %s\n", room->pin().c_str());
    std::printf("URL: %s\n", JoinUrl(PreferredAddress(config.bind, lan), port).c_str());
    if (config.bind == "0.0.0.0")
        for (const auto& a : lan)
            std::printf("Alamat LAN: %s %s\n", a.interface.c_str(), JoinUrl(a.address, port).c_str());
    std::printf("Port: %u\n", unsigned(port));
    if (!autopilot.enabled)
        std::printf(
            "Tombol: n=soal berikut, r=tampilkan jawaban, p=jeda, l=lanjut, s=lewati, e=akhiri (+Enter)\n");
    std::fflush(stdout);

    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);
    bool stdin_open = !autopilot.enabled;
    auto ended_at = std::chrono::steady_clock::time_point::max();
    for (;;) {
        for (const auto& e : room->DrainEvents()) PrintEvent(e, *room, verbose);
        std::fflush(stdout);
        if (g_interrupted && !room->ended()) {
            std::printf("Dihentikan: sesi diakhiri.\n");
            room->End();
            linger_ms = std::min<int64_t>(linger_ms, 500);
        }
        if (room->ended() && ended_at == std::chrono::steady_clock::time_point::max())
            ended_at = std::chrono::steady_clock::now();
        // Keep serving a moment after the end so every phone receives the podium.
        if (std::chrono::steady_clock::now() - ended_at >= std::chrono::milliseconds(linger_ms)) break;
        if (stdin_open) {
            pollfd p{STDIN_FILENO, POLLIN, 0};
            if (::poll(&p, 1, 100) > 0) {
                char buf[64];
                const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
                if (n <= 0) stdin_open = false;
                for (ssize_t i = 0; i < n; ++i) HandleKey(buf[i], *room);
            }
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    const auto stats = (*server)->stats();
    (*server)->Stop();
    room->Flush();
    for (const auto& e : room->DrainEvents()) PrintEvent(e, *room, verbose);
    std::printf("%s", room->SummaryText().c_str());
    const auto rs = room->writer_stats();
    std::printf(
        "Tersimpan: %llu penulisan dalam %llu transaksi (terbesar %zu, terlama %.1f ms, %llu > 20 ms), "
        "gagal %llu; %llu permintaan HTTP, %llu pesan WebSocket, %llu ditolak\n",
        (unsigned long long)rs.works, (unsigned long long)rs.batches, rs.largest_batch, rs.slowest_commit_ms,
        (unsigned long long)rs.slow_commits, (unsigned long long)rs.failures,
        (unsigned long long)stats.requests, (unsigned long long)stats.ws_messages,
        (unsigned long long)stats.rejected);
    return rs.failures == 0 ? 0 : 1;
}

// `sinau class unfinished`: sessions left without an end (the app crashed), the same list the window offers.
int ListUnfinished(const std::string& db) {
    auto found = FindUnfinishedSessions(db);
    if (!found) {
        std::fprintf(stderr, "sinau class: %s\n", found.error().message.c_str());
        return 1;
    }
    if (found->empty()) std::printf("Tidak ada sesi kelas yang belum selesai.\n");
    for (const auto& u : *found) {
        std::string reached = !u.resumable ? "status rusak"
                              : u.current < 0
                                  ? "ruang tunggu"
                                  : "soal " + std::to_string(u.current + 1) + "/" + std::to_string(u.total);
        std::printf("%s\t%s\t%s\t%d peserta\t%s\t%s\n", u.id.c_str(), u.started_at.c_str(),
                    u.module_id.c_str(), u.participants, reached.c_str(), u.title.c_str());
    }
    return 0;
}

int RunClass(int argc, char** argv) {
    CLI::App app{"Kuis kelas langsung lewat jaringan lokal (tanpa jendela)", "sinau class"};
    app.require_subcommand(1);
    auto* serve = app.add_subcommand("serve", "jalankan satu sesi kelas dan cetak URL serta PIN");
    std::string db, content_dir = SINAU_SOURCE_DIR "/content", module_arg, resume, questions;
    std::string web = SINAU_SOURCE_DIR "/assets/web";
    ServerConfig config;
    SessionSettings settings;
    AutoPilot autopilot;
    int port = 0;
    double question_seconds = 20, lobby_seconds = 15, reveal_seconds = 4, linger_seconds = 2;
    double ip_limit = config.ip_limit.per_second;
    bool verbose = false;
    int max_questions = 0;
    serve->add_option("--db", db, "berkas basis data")->required();
    serve->add_option("--module", module_arg, "modul: nomor (1..6) atau id (02-netralitas-asn)");
    serve->add_option("--content", content_dir, "folder kursus");
    serve->add_option("--port", port, "port TCP (0 = pilih port bebas)")->check(CLI::Range(0, 65535));
    serve->add_option("--bind", config.bind, "alamat IPv4 yang didengarkan (bawaan 0.0.0.0 = semua)");
    serve->add_option("--question-seconds", question_seconds, "waktu per soal (detik)")
        ->check(CLI::Range(1.0, 3600.0));
    serve->add_flag("--speed-bonus", settings.speed_bonus,
                    "poin tambahan untuk jawaban cepat (bawaan: hanya ketepatan)");
    serve->add_option("--questions", questions,
                      "id soal pilihan pelatih, dipisah koma (bawaan: semua soal yang bisa)");
    serve->add_option("--max-questions", max_questions, "pakai hanya sekian soal pertama (0 = semua)");
    serve->add_flag("--auto", autopilot.enabled, "jalankan soal otomatis dan akhiri setelah soal terakhir");
    serve->add_option("--expect", autopilot.expect, "--auto: mulai begitu sekian peserta bergabung");
    serve->add_option("--lobby-seconds", lobby_seconds, "--auto: lama menunggu peserta sebelum soal pertama");
    serve->add_option("--reveal-seconds", reveal_seconds, "--auto: lama menampilkan jawaban benar");
    serve->add_option("--linger-seconds", linger_seconds, "tetap melayani sekian detik setelah sesi selesai");
    serve->add_option("--ip-limit", ip_limit,
                      "permintaan per detik per alamat IP (0 = tanpa batas, untuk uji beban)");
    serve->add_option("--web", web, "folder halaman peserta (index.html, app.css, app.js)");
    serve->add_option("--resume", resume, "lanjutkan sesi (id) setelah aplikasi tertutup");
    serve->add_flag("--verbose", verbose, "cetak setiap peserta dan jawaban");
    auto* unfinished =
        app.add_subcommand("unfinished", "daftar sesi kelas yang belum diakhiri (aplikasi tertutup)");
    unfinished->add_option("--db", db, "berkas basis data")->required();
    auto* end = app.add_subcommand("end", "akhiri sesi yang belum selesai; jawaban tetap tersimpan");
    std::string end_id;
    end->add_option("--db", db, "berkas basis data")->required();
    end->add_option("--content", content_dir, "folder kursus");
    end->add_option("session", end_id, "id sesi (lihat `sinau class unfinished`)")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    if (unfinished->parsed()) return ListUnfinished(db);
    if (end->parsed()) {
        const auto status = EndUnfinishedSession(db, end_id, content::LoadCourse(content_dir));
        if (!status) {
            std::fprintf(stderr, "sinau class: %s\n", status.error().message.c_str());
            return 1;
        }
        std::printf("Sesi %s diakhiri; jawabannya tetap tersimpan.\n", end_id.c_str());
        return 0;
    }
    if (module_arg.empty() && resume.empty()) {
        std::fprintf(stderr, "sinau class serve: --module wajib (atau --resume SESI)\n");
        return 2;
    }
    std::vector<std::string> ids;
    for (size_t start = 0; start < questions.size();) {
        const size_t comma = questions.find(',', start);
        const std::string id =
            questions.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!id.empty()) ids.push_back(id);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    config.port = static_cast<uint16_t>(port);
    config.web_root = web;
    if (ip_limit <= 0) {
        config.ip_limit = {0, 0};
    } else {
        config.ip_limit = {ip_limit * 2, ip_limit};
    }
    settings.question_ms = static_cast<int64_t>(question_seconds * 1000);
    autopilot.lobby_ms = static_cast<int64_t>(lobby_seconds * 1000);
    autopilot.reveal_ms = static_cast<int64_t>(reveal_seconds * 1000);
    return Serve(db, content_dir, module_arg, ids, max_questions, config, settings, autopilot, resume,
                 verbose, static_cast<int64_t>(linger_seconds * 1000));
}

const CommandRegistration kRegistration({"class",
                                         "kuis kelas langsung di jaringan lokal (serve, unfinished, end)",
                                         RunClass});

}  // namespace
}  // namespace sinau::cli
