#include "ui/admin/admin_controller.hpp"

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <exception>
#include <filesystem>
#include <unordered_set>

#include "records/certificate.hpp"
#include "records/certificate_pdf.hpp"
#include "records/export.hpp"
#include "records/kv.hpp"
#include "store/database.hpp"

namespace sinau::ui::admin {
namespace {

namespace fs = std::filesystem;
using Ms = std::chrono::duration<double, std::milli>;

// A worker's own connection. Read-only for queries; exports also only read. busy_timeout so a reader
// never fails because the main thread is committing an answer at that moment.
std::unique_ptr<SQLite::Database> OpenReader(const std::string& path) {
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY);
    db->setBusyTimeout(5000);
    return db;
}

std::string NoDatabase() { return "Tidak ada basis data yang terbuka; jalankan Sinau dengan --db BERKAS."; }

}  // namespace

const records::LearnerRow* DashboardData::Row(int64_t index) const {
    const auto it = blocks.find(index / kRowBlock);
    if (it == blocks.end()) return nullptr;
    const auto offset = size_t(index % kRowBlock);
    return offset < it->second.size() ? &it->second[offset] : nullptr;
}

AdminController::AdminController(std::string db_path, const content::Course& course, EventQueue& events,
                                 bool synchronous)
    : db_path_(std::move(db_path)),
      course_(course),
      events_(events),
      info_(records::CourseInfoFrom(course)),
      query_worker_(synchronous),
      job_worker_(synchronous) {
    items_.options.module_id = info_.modules.empty() ? std::string() : info_.modules.front().id;
}

AdminController::~AdminController() {
    if (export_cancel_) *export_cancel_ = true;
}

void AdminController::Apply(const Action& action) {
    if (const auto* q = std::get_if<SetDashboardQuery>(&action)) {
        dashboard_.filter = q->filter;
        dashboard_.sort = q->sort;
        QueryDashboard();
    } else if (const auto* b = std::get_if<LoadRowBlock>(&action)) {
        QueryBlock(b->block);
    } else if (const auto* r = std::get_if<RunItemAnalysis>(&action)) {
        QueryItems(r->options);
    } else if (const auto* o = std::get_if<RunItemOverview>(&action)) {
        QueryOverview(o->options);
    } else if (const auto* e = std::get_if<struct StartExport>(&action)) {
        RunExport(*e);
    } else if (std::holds_alternative<CancelExport>(action)) {
        if (export_cancel_) *export_cancel_ = true;
    } else if (const auto* c = std::get_if<SaveCertificate>(&action)) {
        RunCertificate(*c);
    } else if (const auto* cs = std::get_if<SaveCertificates>(&action)) {
        RunCertificates(*cs);
    } else if (const auto* m = std::get_if<MergeFiles>(&action)) {
        RunMerge(*m);
    } else if (std::holds_alternative<RefreshAll>(action)) {
        QueryDashboard();
        if (items_.loaded) QueryItems(items_.options);
        if (items_.overview_loaded) QueryOverview(items_.options);
    }
}

// ---- dashboard -------------------------------------------------------------------------------------

namespace {
struct DashboardResult {
    int64_t total = 0;
    std::vector<records::LearnerRow> first_block;
    std::vector<records::InstansiSummary> instansi;
    std::vector<records::ModuleCompletion> modules;
    records::Histogram histogram;
    std::vector<std::string> instansi_choices;
    std::string pin_resets;
    double ms = 0;
    std::string error;
};
}  // namespace

void AdminController::QueryDashboard() {
    const int generation = ++dashboard_.generation;
    *latest_generation_ = generation;
    dashboard_.loading = true;
    dashboard_.blocks.clear();
    dashboard_.requested.clear();
    dashboard_.requested.insert(0);
    if (db_path_.empty()) {
        dashboard_.loading = false;
        dashboard_.error = NoDatabase();
        return;
    }
    std::vector<std::string> module_ids;
    for (const auto& m : info_.modules) module_ids.push_back(m.id);
    query_worker_.Post([this, generation, latest = latest_generation_, path = db_path_, filter = dashboard_.filter,
                        sort = dashboard_.sort, module_ids, &events = events_] {
        if (*latest != generation) return;  // replaced before it started
        DashboardResult r;
        const auto t0 = std::chrono::steady_clock::now();
        try {
            auto db = OpenReader(path);
            auto page = records::QueryLearners(*db, filter, sort, 0, kRowBlock);
            r.total = page.total;
            r.first_block = std::move(page.rows);
            r.instansi = records::SummariseByInstansi(*db, filter);
            r.modules = records::CompletionPerModule(*db, filter, module_ids);
            r.histogram = records::ScoreHistogram(*db, filter, {}, 10);
            r.instansi_choices = records::ListInstansi(*db);
            r.pin_resets = records::ReadMeta(*db, "admin.pin_resets").value_or("");
        } catch (const std::exception& e) {
            r.error = e.what();
        }
        r.ms = Ms(std::chrono::steady_clock::now() - t0).count();
        events.Push([this, generation, r = std::move(r)]() mutable {
            if (generation != dashboard_.generation) return;  // the user changed the filter meanwhile
            auto& d = dashboard_;
            d.loading = false;
            d.loaded = true;
            d.error = std::move(r.error);
            d.total = r.total;
            d.blocks[0] = std::move(r.first_block);
            d.requested.erase(0);
            d.instansi = std::move(r.instansi);
            d.modules = std::move(r.modules);
            d.histogram = std::move(r.histogram);
            d.instansi_choices = std::move(r.instansi_choices);
            d.pin_resets = std::move(r.pin_resets);
            d.query_ms = r.ms;
        });
    });
}

void AdminController::QueryBlock(int64_t block) {
    if (db_path_.empty() || block < 0 || dashboard_.blocks.count(block) || dashboard_.requested.count(block)) return;
    dashboard_.requested.insert(block);
    const int generation = dashboard_.generation;
    query_worker_.Post([this, generation, block, latest = latest_generation_, path = db_path_,
                        filter = dashboard_.filter, sort = dashboard_.sort, &events = events_] {
        if (*latest != generation) return;
        std::vector<records::LearnerRow> rows;
        std::string error;
        try {
            auto db = OpenReader(path);
            rows = records::QueryLearners(*db, filter, sort, block * kRowBlock, kRowBlock).rows;
        } catch (const std::exception& e) {
            error = e.what();
        }
        events.Push([this, generation, block, rows = std::move(rows), error = std::move(error)]() mutable {
            if (generation != dashboard_.generation) return;
            dashboard_.requested.erase(block);
            if (!error.empty()) {
                dashboard_.error = std::move(error);
                return;
            }
            dashboard_.blocks[block] = std::move(rows);
            // Keep memory bounded when someone scrolls through 100,000 rows: drop blocks far away.
            while (dashboard_.blocks.size() > 64) {
                auto far = dashboard_.blocks.begin();
                if (std::abs(far->first - block) < std::abs(std::prev(dashboard_.blocks.end())->first - block))
                    far = std::prev(dashboard_.blocks.end());
                dashboard_.blocks.erase(far);
            }
        });
    });
}

// ---- item analysis ---------------------------------------------------------------------------------

void AdminController::QueryItems(const records::ItemAnalysisOptions& options) {
    const int generation = ++items_.generation;
    items_.options = options;
    items_.loading = true;
    if (db_path_.empty() || options.module_id.empty()) {
        items_.loading = false;
        items_.error = db_path_.empty() ? NoDatabase() : "Pilih modul.";
        return;
    }
    query_worker_.Post([this, generation, options, path = db_path_, &events = events_] {
        std::vector<records::ItemStats> stats;
        std::string error;
        const auto t0 = std::chrono::steady_clock::now();
        try {
            auto db = OpenReader(path);
            stats = records::AnalyseItems(*db, options);
        } catch (const std::exception& e) {
            error = e.what();
        }
        const double ms = Ms(std::chrono::steady_clock::now() - t0).count();
        events.Push([this, generation, ms, stats = std::move(stats), error = std::move(error)]() mutable {
            if (generation != items_.generation) return;
            items_.loading = false;
            items_.loaded = true;
            ++items_.results;
            items_.stats = std::move(stats);
            items_.error = std::move(error);
            items_.query_ms = ms;
        });
    });
}

bool IsFlagged(const records::ItemStats& s) {
    return s.too_easy || s.too_hard || s.negative_discrimination || s.low_efficiency;
}

void AdminController::QueryOverview(const records::ItemAnalysisOptions& options) {
    if (db_path_.empty() || items_.overview_loading) return;
    items_.overview_loading = true;
    std::vector<std::string> modules;
    for (const auto& m : info_.modules) modules.push_back(m.id);
    query_worker_.Post([this, options, modules, path = db_path_, &events = events_] {
        std::map<std::string, int> flagged;
        try {
            auto db = OpenReader(path);
            for (const auto& id : modules) {
                auto o = options;
                o.module_id = id;
                int n = 0;
                for (const auto& s : records::AnalyseItems(*db, o)) n += IsFlagged(s) ? 1 : 0;
                flagged[id] = n;
            }
        } catch (const std::exception&) {
            // The per-module query reports the error when the trainer opens that module.
        }
        events.Push([this, flagged = std::move(flagged)]() mutable {
            items_.overview_loading = false;
            items_.overview_loaded = true;
            items_.flagged_by_module = std::move(flagged);
        });
    });
}

// ---- exports, certificates, merge --------------------------------------------------------------------

namespace {
// Where a job may write: refuse an empty path or a folder that does not exist, before the worker runs.
std::string CheckOutputFile(const std::string& path) {
    if (path.empty()) return "Isi lokasi berkas tujuan.";
    std::error_code ec;
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec)) return "Folder tidak ada: " + parent.string();
    if (fs::is_directory(path, ec)) return "Lokasi itu sebuah folder; tulis nama berkasnya: " + path;
    return {};
}
}  // namespace

void AdminController::RunExport(const struct StartExport& request) {
    if (export_.running) return;
    if (db_path_.empty()) {
        export_ = {false, false, NoDatabase(), 0};
        return;
    }
    if (auto problem = CheckOutputFile(request.path); !problem.empty()) {
        export_ = {false, false, problem, 0};
        return;
    }
    export_ = {true, false, "", 0};
    export_cancel_ = std::make_shared<std::atomic<bool>>(false);
    records::ExportOptions options = request.options;
    options.modules = info_.modules;
    options.course_title = info_.title;
    job_worker_.Post([this, options, cancel = export_cancel_, path = db_path_, out = request.path, &events = events_]() mutable {
        options.cancel = cancel.get();
        std::string text;
        bool ok = false;
        try {
            auto db = OpenReader(path);
            auto report = records::Export(*db, options, out);
            ok = bool(report);
            text = report ? report->Describe() : report.error().message;
        } catch (const std::exception& e) {
            text = e.what();
        }
        if (!ok && *cancel) text = "Ekspor dibatalkan; tidak ada berkas yang ditulis.";
        events.Push([this, ok, text = std::move(text)]() mutable { export_ = {false, ok, std::move(text), 0}; });
    });
}

void AdminController::RunCertificate(const SaveCertificate& request) {
    if (certificate_.running) return;
    if (db_path_.empty()) {
        certificate_ = {false, false, NoDatabase(), 0};
        return;
    }
    if (auto problem = CheckOutputFile(request.path); !problem.empty()) {
        certificate_ = {false, false, problem, 0};
        return;
    }
    certificate_ = {true, false, "", 0};
    job_worker_.Post([this, nip = request.nip, out = request.path, title = info_.title, path = db_path_, &events = events_] {
        std::string text;
        bool ok = false;
        try {
            // Read-write: the installation's signing key is created on the first certificate.
            SQLite::Database db(path, SQLite::OPEN_READWRITE);
            db.setBusyTimeout(5000);
            const auto facts = records::FactsForLearner(db, nip, title, records::CertificateIssuer(db));
            if (!facts) {
                text = "Peserta dengan NIP " + nip + " belum menyelesaikan kursus; sertifikat tidak dibuat.";
            } else {
                const auto cert = records::SignCertificate(*facts, records::SigningKey::LoadOrCreate(db));
                const auto status = records::WriteCertificatePdf(cert, out);
                ok = bool(status);
                text = ok ? "Sertifikat " + facts->name + " tersimpan: " + out + "  (kode " + cert.short_code + ")"
                          : status.error().message;
            }
        } catch (const std::exception& e) {
            text = e.what();
        }
        events.Push([this, ok, text = std::move(text)]() mutable { certificate_ = {false, ok, std::move(text), 0}; });
    });
}

void AdminController::RunCertificates(const SaveCertificates& request) {
    if (certificate_.running) return;
    if (db_path_.empty()) {
        certificate_ = {false, false, NoDatabase(), 0};
        return;
    }
    std::error_code ec;
    if (request.folder.empty() || !fs::is_directory(request.folder, ec)) {
        certificate_ = {false, false, "Folder tujuan tidak ada: " + request.folder, 0};
        return;
    }
    certificate_ = {true, false, "", 0};
    job_worker_.Post([this, filter = request.filter, folder = request.folder, title = info_.title, path = db_path_,
                      &events = events_]() mutable {
        std::string text;
        bool ok = false;
        try {
            SQLite::Database db(path, SQLite::OPEN_READWRITE);
            db.setBusyTimeout(5000);
            // The filter's completed learners, by NIP (the dashboard query selects them; core signs them).
            filter.status = records::CourseStatus::Selesai;
            const auto page = records::QueryLearners(db, filter, {}, 0, std::numeric_limits<int64_t>::max() / 2);
            std::unordered_set<std::string> nips;
            for (const auto& row : page.rows) nips.insert(row.nip);
            const auto key = records::SigningKey::LoadOrCreate(db);
            int written = 0, failed = 0;
            std::string first_error;
            for (const auto& facts : records::AllCompletedFacts(db, title, records::CertificateIssuer(db))) {
                if (!nips.count(facts.nip)) continue;
                const fs::path out = fs::path(folder) / records::CertificateFileName(facts);
                if (auto s = records::WriteCertificatePdf(records::SignCertificate(facts, key), out)) {
                    ++written;
                } else {
                    ++failed;
                    if (first_error.empty()) first_error = s.error().message;
                }
            }
            ok = failed == 0;
            text = std::to_string(written) + " sertifikat tersimpan di " + folder + ".";
            if (written == 0 && failed == 0) text = "Tidak ada peserta yang sudah selesai pada saringan ini.";
            if (failed) text += " " + std::to_string(failed) + " gagal: " + first_error;
        } catch (const std::exception& e) {
            text = e.what();
        }
        events.Push([this, ok, text = std::move(text)]() mutable { certificate_ = {false, ok, std::move(text), 0}; });
    });
}

void AdminController::RunMerge(const MergeFiles& request) {
    if (merge_.running) return;
    if (db_path_.empty()) {
        merge_ = {false, false, NoDatabase(), 0};
        return;
    }
    if (request.paths.empty()) {
        merge_ = {false, false, "Tulis lokasi satu atau beberapa berkas .db (satu per baris).", 0};
        return;
    }
    merge_ = {true, false, "", 0};
    job_worker_.Post([this, paths = request.paths, target = db_path_, &events = events_] {
        std::string text;
        bool ok = false;
        std::vector<fs::path> sources(paths.begin(), paths.end());
        // Check every file first: one bad file refuses the whole merge before anything is written.
        for (const auto& s : sources)
            if (auto status = records::CheckMergeSource(s); !status) {
                text = status.error().message;
                break;
            }
        if (text.empty()) {
            auto db = store::Database::Open(target);
            if (!db) {
                text = db.error().message;
            } else if (auto report = records::MergeDatabases((*db)->sql(), sources)) {
                ok = true;
                text = report->Describe();
            } else {
                text = report.error().message;
            }
        }
        events.Push([this, ok, text = std::move(text)]() mutable {
            merge_ = {false, ok, std::move(text), 0};
            if (ok) Apply(RefreshAll{});
        });
    });
}

}  // namespace sinau::ui::admin
