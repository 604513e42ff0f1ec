// `sinau learners import ROSTER.csv|.xlsx --db FILE` and `sinau learners list --db FILE`: the trainer's
// roster tools, the same core calls as the learners screen (learners/roster_import.hpp, learner_store.hpp).
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/command.hpp"
#include "learners/learner_store.hpp"
#include "learners/roster_import.hpp"
#include "store/database.hpp"

namespace sinau::cli {
namespace {

int Run(int argc, char** argv) {
    CLI::App app{"Kelola daftar peserta", "sinau learners"};
    app.require_subcommand(1);
    std::string db_path = store::DefaultDatabasePath().string();
    std::string roster;
    auto* import = app.add_subcommand("import", "impor daftar peserta dari CSV atau XLSX");
    import->add_option("ROSTER", roster, "berkas .csv (UTF-8, pemisah , atau ;) atau .xlsx")->required();
    import->add_option("--db", db_path, "berkas basis data");
    auto* list = app.add_subcommand("list", "tampilkan peserta (yang tidak dihapus)");
    list->add_option("--db", db_path, "berkas basis data");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    auto db = store::Database::Open(db_path);
    if (!db) {
        std::fprintf(stderr, "sinau learners: %s\n", db.error().message.c_str());
        return 2;
    }
    try {
        if (*import) {
            auto report = learners::ImportRoster(**db, roster);
            if (!report) {
                std::fprintf(stderr, "sinau learners import: %s\n", report.error().message.c_str());
                return 2;
            }
            std::printf("%s", report->Format().c_str());
            return report->rejected == 0 ? 0 : 1;  // 1: imported, but some rows need the trainer's attention
        }
        const auto all = learners::LearnerStore(**db).List();
        std::printf("%-18s  %-40s  %-50s  %s\n", "NIP", "Nama lengkap", "Instansi/OPD", "Jabatan");
        for (const auto& l : all)
            std::printf("%-18s  %-40s  %-50s  %s\n", l.profile.nip.c_str(), l.profile.name.c_str(),
                        l.profile.instansi.c_str(), l.profile.jabatan.c_str());
        std::printf("%zu peserta\n", all.size());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sinau learners: kesalahan basis data: %s\n", e.what());
        return 2;
    }
}

const CommandRegistration kRegistration{{"learners", "daftar peserta: impor CSV/XLSX, tampilkan", Run}};

}  // namespace
}  // namespace sinau::cli
