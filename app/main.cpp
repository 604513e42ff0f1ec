// sinau: no argument opens the window; `sinau NAME ...` runs a headless subcommand (app/cli).
#include <cstdio>
#include <cstring>

#include "cli/command.hpp"
#include "ui/run_app.hpp"

namespace {
void PrintHelp() {
    std::printf(
        "Sinau %s - kursus Partisipasi dan Netralitas ASN dalam Pemilu\n\n"
        "Pemakaian:\n"
        "  sinau [opsi]               buka aplikasi\n"
        "  sinau PERINTAH [opsi]      jalankan perintah tanpa jendela\n\n"
        "Opsi aplikasi:\n"
        "  --db PATH                  berkas basis data (bawaan: $XDG_DATA_HOME/sinau/sinau.db)\n"
        "  --content DIR              folder kursus (bawaan: content/ milik instalasi)\n"
        "  --screenshot FILE.png      gambar satu layar ke PNG lalu keluar\n"
        "  --screen NAME              layar untuk --screenshot (home, settings, module, ...)\n"
        "  --size WxH                 ukuran jendela (bawaan 1366x768)\n"
        "  --module ID [--page N]     buka langsung halaman N (mulai 1) dari modul ID\n"
        "  --present                  mode presentasi (layar penuh, huruf besar; F5 / Esc)\n"
        "  --lang id|en               bahasa antarmuka untuk sekali jalan (tidak disimpan)\n"
        "  --theme light|dark|high-contrast\n"
        "  --scale 100|125|150|175    ukuran tampilan untuk sekali jalan (tidak disimpan)\n"
        "  --dump-text FILE           tulis teks yang digambar di frame terakhir (untuk pengujian)\n"
        "  --help, --version\n\n"
        "Perintah:\n",
        SINAU_VERSION);
    for (const auto& c : sinau::cli::AllCommands())
        std::printf("  %-26.*s %.*s\n", int(c.name.size()), c.name.data(), int(c.summary.size()),
                    c.summary.data());
    std::printf("\n`sinau PERINTAH --help` menjelaskan opsi tiap perintah.\n");
}
}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        PrintHelp();
        return 0;
    }
    if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("sinau %s\n", SINAU_VERSION);
        return 0;
    }
    if (argc > 1 && argv[1][0] != '-') {
        const auto* command = sinau::cli::FindCommand(argv[1]);
        if (!command) {
            std::fprintf(stderr, "sinau: perintah tidak dikenal: %s (lihat `sinau --help`)\n", argv[1]);
            return 2;
        }
        return command->run(argc - 1, argv + 1);
    }
    return sinau::ui::RunApp(argc, argv);
}
