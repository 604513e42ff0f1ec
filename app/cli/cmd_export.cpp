// `sinau export --db FILE --format csv|xlsx|xapi|bundle --out FILE [filters] [--what completions|responses]
//  [--bom] [--sep ';'] [--agency-url URL] [--base-iri IRI] [--content DIR]` (exports/export.hpp).
// `bundle` writes a *.sinau file (bundles/bundle.hpp) to merge on another PC with `sinau import`.
// Prints what the file contains (rows, learners, filter, time); the file appears complete or not at all.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "bundles/bundle.hpp"
#include "cli/command.hpp"
#include "content/course_info.hpp"
#include "exports/export.hpp"
#include "store/database.hpp"
#include "util/time.hpp"

namespace sinau::cli {
namespace {

int Run(int argc, char** argv) {
    CLI::App app{"Ekspor rekaman peserta ke CSV, XLSX, xAPI atau bundel Sinau", "sinau export"};
    std::string db_path, format = "csv", out, what = "completions", sep = ",", content_dir,
                         date_field = "activity", status = "semua";
    exports::ExportOptions o;
    app.add_option("--db", db_path, "berkas basis data")->required();
    app.add_option("--format", format, "csv | xlsx | xapi | bundle (berkas .sinau untuk digabung di PC lain)")
        ->check(CLI::IsMember({"csv", "xlsx", "xapi", "bundle"}));
    app.add_option("--out", out, "berkas hasil")->required();
    app.add_option("--what", what, "CSV: completions (peserta x modul) | responses (satu baris per jawaban)")
        ->check(CLI::IsMember({"completions", "responses"}));
    app.add_option("--instansi", o.filter.instansi, "hanya instansi ini");
    app.add_option("--search", o.filter.search, "nama atau NIP memuat teks ini");
    app.add_option("--since", o.filter.since, "sejak tanggal YYYY-MM-DD (termasuk)");
    app.add_option("--until", o.filter.until, "sampai tanggal YYYY-MM-DD (termasuk)");
    app.add_option("--date-field", date_field,
                   "penyelesaian: tanggal yang dibandingkan: activity | completion")
        ->check(CLI::IsMember({"activity", "completion"}));
    app.add_option("--status", status, "semua | belum | sedang | selesai")
        ->check(CLI::IsMember({"semua", "belum", "sedang", "selesai"}));
    app.add_flag("--bom", o.csv.bom, "CSV: tulis BOM UTF-8 (Excel)");
    app.add_option("--sep", sep, "CSV: pemisah kolom, ',' atau ';' (Excel berbahasa Indonesia)")
        ->check(CLI::IsMember({",", ";", "\t"}));
    app.add_option("--agency-url", o.agency_url, "xAPI: homePage akun aktor (situs instansi)");
    app.add_option("--base-iri", o.base_iri, "xAPI: awalan IRI untuk id aktivitas");
    app.add_option("--content", content_dir,
                   "folder kursus (urutan dan judul modul); bawaan: content/ instalasi");
    bool no_sidecar = false;
    app.add_flag("--no-meta", no_sidecar, "CSV/xAPI: jangan tulis berkas keterangan <out>.meta.json");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    for (const auto* d : {&o.filter.since, &o.filter.until})
        if (!d->empty() && !util::ParseIsoDate(*d)) {
            std::fprintf(stderr, "sinau export: tanggal \"%s\" tidak sah; gunakan YYYY-MM-DD.\n", d->c_str());
            return 2;
        }
    o.filter.date_field =
        date_field == "completion" ? store::DateField::Completion : store::DateField::LastActivity;
    o.filter.status = status == "belum"     ? store::CourseStatus::Belum
                      : status == "sedang"  ? store::CourseStatus::Sedang
                      : status == "selesai" ? store::CourseStatus::Selesai
                                            : store::CourseStatus::Any;
    if (format == "bundle") {
        auto opened = store::Database::Open(db_path);
        if (!opened) {
            std::fprintf(stderr, "sinau export: %s\n", opened.error().message.c_str());
            return 1;
        }
        auto report = bundles::WriteBundle(**opened, o.filter, out);
        if (!report) {
            std::fprintf(stderr, "sinau export: %s\n", report.error().message.c_str());
            return 1;
        }
        std::printf("%s\n", report->Describe().c_str());
        return 0;
    }
    o.format = format == "csv"    ? exports::ExportFormat::Csv
               : format == "xlsx" ? exports::ExportFormat::Xlsx
                                  : exports::ExportFormat::Xapi;
    o.what = what == "responses" ? exports::ExportWhat::Responses : exports::ExportWhat::Completions;
    o.csv.separator = sep[0];
    o.sidecar = !no_sidecar;
    const auto course = content::LoadCourseInfo(content_dir.empty() ? content::DefaultContentDir()
                                                                    : std::filesystem::path(content_dir));
    if (course.loaded) {
        o.modules = course.modules;
        o.course_title = course.title;
    }
    auto opened = store::Database::Open(db_path);
    if (!opened) {
        std::fprintf(stderr, "sinau export: %s\n", opened.error().message.c_str());
        return 1;
    }
    auto report = exports::Export(**opened, o, out);
    if (!report) {
        std::fprintf(stderr, "sinau export: %s\n", report.error().message.c_str());
        return 1;
    }
    std::printf("%s\n", report->Describe().c_str());
    return 0;
}

const CommandRegistration kRegistration{
    {"export", "ekspor rekaman ke CSV, XLSX, xAPI atau bundel .sinau (tanpa jendela)", Run}};

}  // namespace
}  // namespace sinau::cli
