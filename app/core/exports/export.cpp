#include "exports/export.hpp"

#include <nlohmann/json.hpp>

#include "store/dashboard.hpp"
#include "util/atomic_file.hpp"

namespace sinau::exports {
namespace detail {

std::vector<std::string> ModuleIds(store::Database& db, const ExportOptions& o) {
    std::vector<std::string> ids;
    for (const auto& m : o.modules) ids.push_back(m.id);
    if (ids.empty()) ids = store::ListModules(db);
    return ids;
}

Status WriteSidecar(const ExportReport& r) {
    nlohmann::json j = {{"app", "sinau"},
                        {"file", r.file.filename().string()},
                        {"format", r.format},
                        {"contents", r.contents},
                        {"filter", r.filter},
                        {"rows", r.rows},
                        {"completion_rows", r.completion_rows},
                        {"response_rows", r.response_rows},
                        {"learners", r.learners},
                        {"exported_at", r.exported_at},
                        {"seconds", r.seconds}};
    auto file = util::AtomicFile::Create(r.sidecar);
    if (!file) return file.error();
    (*file)->Write(j.dump(2));
    (*file)->Put('\n');
    return (*file)->Commit();
}

}  // namespace detail

std::string ExportReport::Describe() const {
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.2f", seconds);
    std::string s = "Ekspor " + format + " (" + contents + ") ke " + file.string() + ": " +
                    std::to_string(rows) + " baris";
    if (format == "xapi") s = "Ekspor xAPI ke " + file.string() + ": " + std::to_string(rows) + " pernyataan";
    s += ", " + std::to_string(learners) + " peserta; filter: " + filter + "; waktu ekspor " + exported_at +
         " (" + secs + " detik).";
    if (!sidecar.empty()) s += " Keterangan isi: " + sidecar.string() + ".";
    return s;
}

Expected<ExportReport> Export(store::Database& db, const ExportOptions& options,
                              const std::filesystem::path& out) {
    try {
        switch (options.format) {
            case ExportFormat::Csv:
                return detail::ExportCsv(db, options, out);
            case ExportFormat::Xlsx:
                return detail::ExportXlsx(db, options, out);
            case ExportFormat::Xapi:
                return detail::ExportXapi(db, options, out);
        }
        return Error{"Format ekspor tidak dikenal."};
    } catch (const std::exception& e) {
        return Error{std::string("Ekspor gagal: ") + e.what() + ". Berkas tujuan tidak diubah."};
    }
}

}  // namespace sinau::exports
