// `sinau certificate --db FILE (--nip NIP | --all) --out PATH [--content DIR] [--course-title T]`:
// signed PDF certificates (certificates/certificate.hpp, certificate_pdf.hpp). With --nip, PATH is the PDF;
// with --all, PATH is a folder that receives sertifikat-<NIP>.pdf for every learner who completed.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "certificates/certificate.hpp"
#include "certificates/certificate_pdf.hpp"
#include "cli/command.hpp"
#include "content/course_info.hpp"
#include "store/database.hpp"

namespace sinau::cli {
namespace {

int Run(int argc, char** argv) {
    CLI::App app{"Buat sertifikat PDF bertanda tangan untuk peserta yang menyelesaikan kursus",
                 "sinau certificate"};
    std::string db_path, nip, out, content_dir, course_title;
    bool all = false;
    app.add_option("--db", db_path, "berkas basis data")->required();
    auto* nip_opt = app.add_option("--nip", nip, "NIP peserta");
    auto* all_opt =
        app.add_flag("--all", all, "semua peserta yang sudah menyelesaikan kursus (--out = folder)");
    nip_opt->excludes(all_opt);
    app.add_option("--out", out, "berkas PDF (--nip) atau folder (--all)")->required();
    app.add_option("--content", content_dir, "folder kursus (judul kursus); bawaan: content/ instalasi");
    app.add_option("--course-title", course_title,
                   "judul kursus pada sertifikat (menggantikan judul dari content)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (nip.empty() && !all) {
        std::fprintf(stderr, "sinau certificate: pilih --nip NIP atau --all.\n");
        return 2;
    }
    if (course_title.empty())
        course_title = content::LoadCourseInfo(content_dir.empty() ? content::DefaultContentDir()
                                                                   : std::filesystem::path(content_dir))
                           .title;
    auto opened = store::Database::Open(db_path);
    if (!opened) {
        std::fprintf(stderr, "sinau certificate: %s\n", opened.error().message.c_str());
        return 1;
    }
    try {
        store::Database& db = **opened;
        const std::string issuer = certificates::CertificateIssuer(db);
        std::vector<certificates::CertificateFacts> facts;
        if (all) {
            facts = certificates::AllCompletedFacts(db, course_title, issuer);
            std::error_code ec;
            std::filesystem::create_directories(out, ec);
            if (!std::filesystem::is_directory(out)) {
                std::fprintf(stderr, "sinau certificate: folder %s tidak dapat dibuat.\n", out.c_str());
                return 1;
            }
        } else {
            auto one = certificates::FactsForLearner(db, nip, course_title, issuer);
            if (!one) {
                std::fprintf(
                    stderr,
                    "sinau certificate: peserta dengan NIP %s belum menyelesaikan kursus (atau tidak ada).\n",
                    nip.c_str());
                return 1;
            }
            facts.push_back(*one);
        }
        const auto key = certificates::SigningKey::LoadOrCreate(db);
        for (const auto& f : facts) {
            const auto cert = certificates::IssueCertificate(db, f, key);
            const std::filesystem::path path =
                all ? std::filesystem::path(out) / certificates::CertificateFileName(f)
                    : std::filesystem::path(out);
            if (auto ok = certificates::WriteCertificatePdf(cert, path); !ok) {
                std::fprintf(stderr, "sinau certificate: %s\n", ok.error().message.c_str());
                return 1;
            }
            std::printf("%s (NIP %s): %s  kode %s\n", f.name.c_str(), f.nip.c_str(), path.c_str(),
                        cert.short_code.c_str());
        }
        std::printf("%zu sertifikat dibuat; kunci penanda tangan %s.\n", facts.size(),
                    certificates::KeyFingerprint(key.public_key()).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sinau certificate: kesalahan basis data: %s\n", e.what());
        return 1;
    }
    return 0;
}

const CommandRegistration kRegistration{
    {"certificate", "buat sertifikat PDF bertanda tangan (per NIP atau semua)", Run}};

}  // namespace
}  // namespace sinau::cli
