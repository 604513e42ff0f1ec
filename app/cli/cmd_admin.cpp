// `sinau admin set-pin|check-pin|reset-pin|status --db FILE`: the trainer/administrator PIN
// (admin/pin.hpp). PINs are read from standard input, one per line (never from the command line, where `ps`
// would show them); on a terminal the input is not echoed.
//
//   set-pin    first PIN; when one exists: the current PIN, then the new one
//   check-pin  exit 0 right, 1 wrong, 3 locked (too many wrong PINs: wait), 4 no PIN set
//   reset-pin  forgotten PIN: for whoever has OS access to the database file. Replaces the PIN with a new
//              one (asked for here), clears the slow-down, logs the time in meta 'admin.pin_resets'.
//   status     whether a PIN is set, the failure counter and the reset log
#include <termios.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <string>

#include "admin/pin.hpp"
#include "cli/command.hpp"
#include "store/database.hpp"

namespace sinau::cli {
namespace {

std::string ReadSecretLine(const char* prompt) {
    const bool tty = ::isatty(STDIN_FILENO);
    termios old{};
    if (tty) {
        std::fprintf(stderr, "%s", prompt);
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fprintf(stderr, "\n");
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

// A new PIN; on a terminal typed twice.
std::optional<std::string> ReadNewPin() {
    std::string pin = ReadSecretLine("PIN baru (6-12 angka): ");
    if (::isatty(STDIN_FILENO) && ReadSecretLine("Ulangi PIN baru: ") != pin) {
        std::fprintf(stderr, "sinau admin: kedua PIN tidak sama; PIN tidak diubah.\n");
        return std::nullopt;
    }
    return pin;
}

int Run(int argc, char** argv) {
    CLI::App app{"PIN pelatih/administrator", "sinau admin"};
    std::string db_path;
    app.require_subcommand(1);
    auto* set = app.add_subcommand("set-pin", "atur PIN (pertama kali), atau ganti PIN (perlu PIN lama)");
    auto* check = app.add_subcommand(
        "check-pin", "periksa PIN dari stdin (keluar 0 benar, 1 salah, 3 terkunci, 4 belum ada)");
    auto* reset = app.add_subcommand(
        "reset-pin",
        "PIN terlupa: ganti dengan PIN baru tanpa PIN lama (untuk yang memegang berkas basis data)");
    auto* status = app.add_subcommand("status", "tampilkan status PIN dan catatan reset");
    for (auto* sub : {set, check, reset, status})
        sub->add_option("--db", db_path, "berkas basis data")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    auto opened = store::Database::Open(db_path);
    if (!opened) {
        std::fprintf(stderr, "sinau admin: %s\n", opened.error().message.c_str());
        return 1;
    }
    store::Database& db = **opened;
    try {
        if (*set) {
            if (!admin::IsPinSet(db)) {
                const auto pin = ReadNewPin();
                if (!pin) return 1;
                if (auto ok = admin::SetInitialPin(db, *pin); !ok) {
                    std::fprintf(stderr, "sinau admin: %s\n", ok.error().message.c_str());
                    return 1;
                }
                std::printf("PIN diatur.\n");
                return 0;
            }
            const std::string current = ReadSecretLine("PIN lama: ");
            const auto pin = ReadNewPin();
            if (!pin) return 1;
            if (auto ok = admin::ChangePin(db, current, *pin); !ok) {
                std::fprintf(stderr, "sinau admin: %s\n", ok.error().message.c_str());
                return ok.error().message.find("Terlalu banyak") != std::string::npos ? 3 : 1;
            }
            std::printf("PIN diganti.\n");
            return 0;
        }
        if (*check) {
            const auto r = admin::CheckPin(db, ReadSecretLine("PIN: "));
            switch (r.outcome) {
                case admin::PinOutcome::Ok:
                    std::printf("PIN benar.\n");
                    return 0;
                case admin::PinOutcome::Wrong:
                    std::printf("PIN salah (%d kali berturut-turut). Coba lagi setelah %lld detik.\n",
                                r.failures, (long long)r.wait.count());
                    return 1;
                case admin::PinOutcome::Locked:
                    std::printf("Terlalu banyak PIN salah. Coba lagi dalam %lld detik.\n",
                                (long long)r.wait.count());
                    return 3;
                case admin::PinOutcome::NotSet:
                    std::printf("Belum ada PIN. Atur dengan `sinau admin set-pin`.\n");
                    return 4;
            }
        }
        if (*reset) {
            const auto pin = ReadNewPin();
            if (!pin) return 1;
            if (auto ok = admin::ResetPin(db, *pin); !ok) {
                std::fprintf(stderr, "sinau admin: %s\n", ok.error().message.c_str());
                return 1;
            }
            std::printf("PIN direset dan diganti dengan PIN baru. Waktu reset dicatat di basis data.\n");
            return 0;
        }
        if (*status) {
            std::printf("PIN: %s\n", admin::IsPinSet(db) ? "sudah diatur" : "belum diatur");
            std::printf("PIN salah berturut-turut: %s\n",
                        db.GetSetting("admin.pin_failures").value_or("0").c_str());
            std::printf("Catatan reset PIN: %s\n", db.GetMeta("admin.pin_resets").value_or("[]").c_str());
            return 0;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sinau admin: kesalahan basis data: %s\n", e.what());
        return 1;
    }
    return 2;
}

const CommandRegistration kRegistration{
    {"admin", "PIN pelatih/administrator: set-pin, check-pin, reset-pin, status", Run}};

}  // namespace
}  // namespace sinau::cli
