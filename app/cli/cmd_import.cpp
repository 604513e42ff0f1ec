// `sinau import FILE... --db TARGET`: merges other PCs' Sinau databases or export bundles (*.sinau, told
// apart by their first bytes, bundles/import.hpp) into TARGET (store/merge.hpp). All or nothing: a refused
// or failing source leaves TARGET unchanged. Prints counts per table.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "bundles/bundle.hpp"
#include "bundles/import.hpp"
#include "cli/command.hpp"
#include "store/database.hpp"
#include "store/merge.hpp"

namespace sinau::cli {
namespace {

int Run(int argc, char** argv) {
    CLI::App app{"Gabungkan rekaman dari basis data Sinau atau bundel ekspor (.sinau) PC lain",
                 "sinau import"};
    std::vector<std::string> files;
    std::string db_path;
    app.add_option("FILE", files, "basis data Sinau (.db) atau bundel ekspor (.sinau) dari PC lain")
        ->required();
    app.add_option("--db", db_path, "basis data tujuan")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    // Check the sources before Open() of the target, which may create or migrate it.
    std::vector<std::filesystem::path> sources(files.begin(), files.end());
    for (const auto& s : sources) {
        std::error_code ec;
        if (std::filesystem::equivalent(s, db_path, ec)) {
            std::fprintf(stderr, "sinau import: %s adalah basis data tujuan itu sendiri.\n", s.c_str());
            return 1;
        }
    }
    const auto prepared = bundles::PrepareImport(sources);  // every file checked, bundles extracted once
    if (!prepared) {
        std::fprintf(stderr, "sinau import: %s\n", prepared.error().message.c_str());
        return 1;
    }
    auto opened = store::Database::Open(db_path);
    if (!opened) {
        std::fprintf(stderr, "sinau import: %s\n", opened.error().message.c_str());
        return 1;
    }
    auto report = bundles::ImportPrepared(**opened, *prepared);
    if (!report) {
        std::fprintf(stderr, "sinau import: %s\n", report.error().message.c_str());
        return 1;
    }
    std::printf("%s", report->Describe().c_str());
    return 0;
}

const CommandRegistration kRegistration{
    {"import", "gabungkan rekaman dari basis data atau bundel (.sinau) PC lain", Run}};

}  // namespace
}  // namespace sinau::cli
