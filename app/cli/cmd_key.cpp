// `sinau key export --db FILE --out FILE.pub`: this installation's certificate PUBLIC key, for whoever
// checks certificates elsewhere (`sinau verify CODE --key FILE.pub`). The secret key never leaves the
// database. Creates the key pair on first use.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "certificates/certificate.hpp"
#include "cli/command.hpp"
#include "store/database.hpp"
#include "util/atomic_file.hpp"

namespace sinau::cli {
namespace {

int Run(int argc, char** argv) {
    CLI::App app{"Kunci penanda tangan sertifikat", "sinau key"};
    app.require_subcommand(1);
    auto* exp = app.add_subcommand("export",
                                   "tulis kunci publik ke berkas .pub (kunci rahasia tidak pernah diekspor)");
    std::string db_path, out;
    exp->add_option("--db", db_path, "berkas basis data")->required();
    exp->add_option("--out", out, "berkas kunci publik, mis. bpsdm.pub")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    auto opened = store::Database::Open(db_path);
    if (!opened) {
        std::fprintf(stderr, "sinau key: %s\n", opened.error().message.c_str());
        return 1;
    }
    try {
        const auto key = certificates::SigningKey::LoadOrCreate(**opened);
        auto file = util::AtomicFile::Create(out);
        if (!file) {
            std::fprintf(stderr, "sinau key: %s\n", file.error().message.c_str());
            return 1;
        }
        (*file)->Write(certificates::PublicKeyFile(key.public_key()));
        if (auto ok = (*file)->Commit(); !ok) {
            std::fprintf(stderr, "sinau key: %s\n", ok.error().message.c_str());
            return 1;
        }
        std::printf("Kunci publik ditulis ke %s (sidik jari %s).\n", out.c_str(),
                    certificates::KeyFingerprint(key.public_key()).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sinau key: kesalahan basis data: %s\n", e.what());
        return 1;
    }
    return 0;
}

const CommandRegistration kRegistration{{"key", "ekspor kunci publik penanda tangan sertifikat", Run}};

}  // namespace
}  // namespace sinau::cli
