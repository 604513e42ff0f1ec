// `sinau verify FILE.pdf|CODE [--db FILE | --key FILE.pub]`: is a certificate genuine? Reads the full code
// from a PDF's metadata, or takes a full ("SINAU1:...") or short ("XXXX-XXXX-XXXX-XXXX") code. Prints
// SAH / TIDAK SAH and the signed facts. Exit 0 valid, 1 invalid, 2 usage error.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "certificates/certificate.hpp"
#include "cli/command.hpp"
#include "content/course_info.hpp"
#include "store/database.hpp"

namespace sinau::cli {
namespace {

std::string ReadAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int Run(int argc, char** argv) {
    CLI::App app{"Periksa keaslian sertifikat Sinau", "sinau verify"};
    std::string what, db_path, key_path, content_dir;
    app.add_option("CERT", what, "berkas PDF sertifikat, kode lengkap (SINAU1:...) atau kode pendek")
        ->required();
    auto* db_opt = app.add_option("--db", db_path, "basis data penerbit (kode pendek perlu ini)");
    auto* key_opt = app.add_option("--key", key_path, "kunci publik penerbit (.pub)");
    db_opt->excludes(key_opt);
    app.add_option("--content", content_dir, "folder kursus (judul kursus, untuk kode pendek)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (db_path.empty() && key_path.empty()) {
        std::fprintf(stderr, "sinau verify: sebutkan --key FILE.pub atau --db FILE penerbit.\n");
        return 2;
    }
    std::string code = what;
    std::error_code ec;
    if (std::filesystem::is_regular_file(what, ec)) {
        const auto found = certificates::FindFullCode(ReadAll(what));
        if (!found) {
            std::printf("TIDAK SAH: %s tidak memuat kode sertifikat Sinau.\n", what.c_str());
            return 1;
        }
        code = *found;
    }
    certificates::Verification v;
    if (!key_path.empty()) {
        auto key = certificates::ParsePublicKeyFile(ReadAll(key_path));
        if (!key) {
            std::fprintf(stderr, "sinau verify: %s: %s\n", key_path.c_str(), key.error().message.c_str());
            return 2;
        }
        if (code.find(':') == std::string::npos) {
            std::fprintf(stderr,
                         "sinau verify: kode pendek hanya dapat diperiksa dengan --db basis data penerbit; "
                         "dengan --key gunakan PDF atau kode lengkap (SINAU1:..., isi QR).\n");
            return 2;
        }
        v = certificates::VerifyFullCode(code, *key);
    } else {
        auto opened = store::Database::Open(db_path);
        if (!opened) {
            std::fprintf(stderr, "sinau verify: %s\n", opened.error().message.c_str());
            return 2;
        }
        try {
            store::Database& db = **opened;
            const auto course = content::LoadCourseInfo(
                content_dir.empty() ? content::DefaultContentDir() : std::filesystem::path(content_dir));
            v = certificates::VerifyWithDatabase(code, db, course.title, certificates::CertificateIssuer(db));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "sinau verify: kesalahan basis data: %s\n", e.what());
            return 2;
        }
    }
    std::printf("%s\n", v.message.c_str());
    if (v.facts) {
        const auto& f = *v.facts;
        std::printf("%s\n", v.valid ? "Data yang ditandatangani:"
                                    : "Data yang TERTULIS dalam kode (tidak terbukti):");
        std::printf(
            "  Nama         : %s\n  NIP          : %s\n  Instansi     : %s\n  Kursus       : %s (%s)\n"
            "  Tanggal lulus: %s\n  Nilai akhir  : %s\n  Penerbit     : %s\n",
            f.name.c_str(), f.nip.c_str(), f.instansi.c_str(), f.course_title.c_str(), f.course_id.c_str(),
            f.completed_on.c_str(), certificates::FormatScore(f.final_score).c_str(), f.issuer.c_str());
    }
    return v.valid ? 0 : 1;
}

const CommandRegistration kRegistration{{"verify", "periksa keaslian sertifikat (PDF atau kode)", Run}};

}  // namespace
}  // namespace sinau::cli
