#include "records/export.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "records/atomic_file.hpp"
#include "records/dashboard.hpp"

namespace sinau::records {
namespace detail {

std::vector<ModuleInfo> ResolveModules(SQLite::Database& db, const ExportOptions& o) {
    if (!o.modules.empty()) return o.modules;
    std::vector<ModuleInfo> out;
    for (auto& id : ListModules(db)) out.push_back({id, ""});
    return out;
}

QuerySpec CompletionsQuery(SQLite::Database& db, const ExportOptions& o) {
    QuerySpec q;
    auto parts = BuildLearnerQuery(o.filter);
    const auto modules = ResolveModules(db, o);
    // The course's modules as a VALUES table, so a learner with no row for a module still gets a line
    // ("belum"), and lines follow the course order.
    std::string mods = ",\nmods(module_id, ord) AS (VALUES ";
    if (modules.empty()) mods += "('', 0)";
    for (size_t i = 0; i < modules.size(); ++i) mods += (i ? ", (?, " : "(?, ") + std::to_string(i) + ")";
    mods += ")";
    q.sql = parts.with.sql + mods +
            "\nSELECT nip, name, instansi, jabatan, mods.module_id, coalesce(mr.status, 'belum'), mr.score, "
            "coalesce(mr.attempts, 0), mr.passed_at, course_status, final_score, completed_at, last_activity "
            "FROM learner_summary CROSS JOIN mods "
            "LEFT JOIN module_results mr ON mr.learner_id = learner_summary.id AND mr.module_id = "
            "mods.module_id" +
            parts.where.sql + " ORDER BY name COLLATE NOCASE, nip, mods.ord";
    q.params = parts.with.params;
    for (const auto& m : modules) q.params.push_back(m.id);
    q.params.insert(q.params.end(), parts.where.params.begin(), parts.where.params.end());
    q.header = {"nip",
                "nama",
                "instansi",
                "jabatan",
                "modul",
                "status_modul",
                "nilai_modul",
                "percobaan",
                "lulus_modul_pada",
                "status_kursus",
                "nilai_akhir",
                "kursus_selesai_pada",
                "aktivitas_terakhir"};
    return q;
}

QuerySpec ResponsesQuery(const ExportOptions& o) {
    QuerySpec q;
    LearnerFilter learners = o.filter;
    learners.since.clear();
    learners.until.clear();
    // Without a learner filter, CROSS JOIN makes SQLite read `responses` in rowid order (the order answers
    // were recorded) and look each attempt up, instead of walking attempts and jumping to each one's
    // responses through the (attempt_id, question_id) index: at a million rows the jumps touch the big
    // table's pages in random order and cost ~15 % more. With a learner filter the planner picks (the
    // filter may select a handful of attempts).
    const std::string select =
        "SELECT r.id, l.nip, coalesce(l.name, p.name), l.instansi, a.module_id, a.kind, a.mode, a.id, "
        "r.question_id, r.answer, r.fraction, r.answered_at, r.duration_ms "
        "FROM responses r " +
        std::string(learners.empty() ? "CROSS JOIN" : "JOIN") +
        " attempts a ON a.id = r.attempt_id "
        "LEFT JOIN learners l ON l.id = a.learner_id "
        "LEFT JOIN class_participants p ON p.id = a.participant_id";
    std::vector<std::string> conds;
    if (!learners.empty()) {
        // Only learners (class participants without NIP have no instansi to filter on).
        auto parts = BuildLearnerQuery(learners);
        q.sql = parts.with.sql + "\n";
        q.params = parts.with.params;
        conds.push_back("a.learner_id IN (SELECT id FROM learner_summary" + parts.where.sql + ")");
        q.params.insert(q.params.end(), parts.where.params.begin(), parts.where.params.end());
    }
    if (!o.filter.since.empty()) {
        conds.push_back("r.answered_at >= ?");
        q.params.push_back(o.filter.since);
    }
    if (!o.filter.until.empty()) {
        conds.push_back("r.answered_at < ?");
        q.params.push_back(o.filter.until + "U");
    }
    q.sql += select;
    for (size_t i = 0; i < conds.size(); ++i) q.sql += (i ? " AND " : " WHERE ") + conds[i];
    q.header = {"id_jawaban",   "nip",     "nama",    "instansi",     "modul",        "jenis",    "mode",
                "id_percobaan", "id_soal", "jawaban", "nilai_fraksi", "dijawab_pada", "durasi_ms"};
    return q;
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
    auto file = AtomicFile::Create(r.sidecar);
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

Expected<ExportReport> Export(SQLite::Database& db, const ExportOptions& options,
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
    } catch (const SQLite::Exception& e) {
        return Error{std::string("Ekspor gagal karena kesalahan basis data: ") + e.what() +
                     ". Berkas tujuan tidak diubah."};
    } catch (const std::exception& e) {
        return Error{std::string("Ekspor gagal: ") + e.what() + ". Berkas tujuan tidak diubah."};
    }
}

}  // namespace sinau::records
