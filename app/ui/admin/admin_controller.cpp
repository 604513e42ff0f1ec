#include "ui/admin/admin_controller.hpp"

#include <chrono>
#include <exception>
#include <filesystem>
#include <unordered_set>

#include "bundles/bundle.hpp"
#include "bundles/import.hpp"
#include "certificates/certificate.hpp"
#include "certificates/certificate_pdf.hpp"
#include "exports/export.hpp"
#include "store/database.hpp"
#include "ui/admin/admin_format.hpp"

namespace sinau::ui::admin {
namespace {

namespace fs = std::filesystem;
using Ms = std::chrono::duration<double, std::milli>;

// A worker's own connection. Read-only for queries; exports also only read (store::Database::OpenReadOnly:
// busy_timeout, so a reader never fails because the main thread is committing an answer at that moment,
// and a memory-mapped file). Throws the store's refusal as an exception: the jobs catch it into `error`.
std::unique_ptr<store::Database> OpenReader(const std::string& path) {
    auto db = store::Database::OpenReadOnly(path);
    if (!db) throw std::runtime_error(db.error().message);
    return std::move(*db);
}

// A worker's own read-write connection (the certificate signing key is created on first use).
std::unique_ptr<store::Database> OpenWriter(const std::string& path) {
    auto db = store::Database::Open(path);
    if (!db) throw std::runtime_error(db.error().message);
    return std::move(*db);
}

std::string NoDatabase() {
    return "Tidak ada basis data yang terbuka; jalankan Sinau dengan --db BERKAS.";
}

}  // namespace

AdminController::AdminController(std::string db_path, const content::Course& course, EventQueue& events,
                                 bool synchronous)
    : db_path_(std::move(db_path)),
      course_(course),
      events_(events),
      info_(content::CourseInfoFrom(course)),
      query_worker_(synchronous),
      job_worker_(synchronous) {
    items_.options.module_id = info_.modules.empty() ? std::string() : info_.modules.front().id;
}

AdminController::~AdminController() {
    if (export_cancel_) *export_cancel_ = true;
}

void AdminController::Apply(const Action& action) {
    if (const auto* q = std::get_if<SetDashboardQuery>(&action)) {
        // A new sort re-runs only the page: the count, summary and charts do not depend on the order.
        const bool same_filter = dashboard_.loaded && store::SameFilter(q->filter, dashboard_.filter);
        dashboard_.filter = q->filter;
        dashboard_.sort = q->sort;
        QueryDashboard(!same_filter);
    } else if (const auto* t = std::get_if<TurnDashboardPage>(&action)) {
        auto& d = dashboard_;
        if (t->to == TurnDashboardPage::To::First)
            QueryPage(0);
        else if (t->to == TurnDashboardPage::To::Previous && d.page > 0)
            QueryPage(d.page - 1);
        else if (t->to == TurnDashboardPage::To::Next && d.more && !d.page_loading)
            QueryPage(d.page + 1);
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
    } else if (std::holds_alternative<LoadEssays>(action)) {
        QueryEssays();
    } else if (const auto* g = std::get_if<GiveEssayGrade>(&action)) {
        RunEssayGrade(*g);
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
    std::vector<store::LearnerRow> first_block;
    std::vector<store::InstansiSummary> instansi;
    std::vector<store::ModuleCompletion> modules;
    store::Histogram histogram;
    std::vector<std::string> instansi_choices;
    std::string pin_resets;
    double ms = 0;
    std::string error;
};
}  // namespace

void AdminController::QueryDashboard(bool summary) {
    dashboard_.page_ends.clear();
    QueryPage(0);
    if (!summary) return;
    const int generation = ++dashboard_.generation;
    *latest_generation_ = generation;
    dashboard_.loading = true;
    if (db_path_.empty()) {
        dashboard_.loading = false;
        dashboard_.error = NoDatabase();
        return;
    }
    std::vector<std::string> module_ids;
    for (const auto& m : info_.modules) module_ids.push_back(m.id);
    query_worker_.Post([this, generation, latest = latest_generation_, path = db_path_,
                        filter = dashboard_.filter, module_ids, &events = events_] {
        if (*latest != generation) return;  // replaced before it started
        store::DashboardSummary summary;
        std::vector<std::string> instansi_choices;
        std::string pin_resets, error;
        const auto t0 = std::chrono::steady_clock::now();
        try {
            auto db = OpenReader(path);
            summary = store::SummariseDashboard(*db, filter, module_ids, 10);
            instansi_choices = store::ListInstansi(*db);
            pin_resets = db->GetMeta("admin.pin_resets").value_or("");
        } catch (const std::exception& e) {
            error = e.what();
        }
        const double ms = Ms(std::chrono::steady_clock::now() - t0).count();
        events.Push([this, generation, summary = std::move(summary),
                     instansi_choices = std::move(instansi_choices), pin_resets = std::move(pin_resets),
                     error = std::move(error), ms]() mutable {
            if (generation != dashboard_.generation) return;  // the user changed the filter meanwhile
            auto& d = dashboard_;
            d.loading = false;
            d.loaded = true;
            if (!error.empty()) d.error = std::move(error);
            d.total = summary.learners;
            d.instansi = std::move(summary.instansi);
            d.modules = std::move(summary.modules);
            d.histogram = std::move(summary.histogram);
            d.instansi_choices = std::move(instansi_choices);
            d.pin_resets = std::move(pin_resets);
            d.query_ms = ms;
        });
    });
}

void AdminController::QueryPage(int64_t page) {
    auto& d = dashboard_;
    if (page < 0 || page > int64_t(d.page_ends.size())) return;  // only pages reached by paging have a start
    const int request = ++d.page_request;
    d.page_loading = true;
    d.error.clear();
    if (db_path_.empty()) {
        d.page_loading = false;
        d.error = NoDatabase();
        return;
    }
    std::optional<store::LearnerRow> after;
    if (page > 0) after = d.page_ends[size_t(page - 1)];
    query_worker_.Post([this, request, page, after = std::move(after), path = db_path_, filter = d.filter,
                        sort = d.sort, &events = events_] {
        store::KeysetPage rows;
        std::string error;
        const auto t0 = std::chrono::steady_clock::now();
        try {
            auto db = OpenReader(path);
            rows = store::QueryLearnerPage(*db, filter, sort, after ? &*after : nullptr, kPageRows);
        } catch (const std::exception& e) {
            error = e.what();
        }
        const double ms = Ms(std::chrono::steady_clock::now() - t0).count();
        events.Push([this, request, page, rows = std::move(rows), error = std::move(error), ms]() mutable {
            auto& d = dashboard_;
            if (request != d.page_request) return;  // a newer page, sort or filter was asked for
            d.page_loading = false;
            if (!error.empty()) {
                d.error = std::move(error);
                return;
            }
            d.page_ends.resize(size_t(page));
            if (!rows.rows.empty()) d.page_ends.push_back(rows.rows.back());
            d.page = page;
            d.more = rows.more;
            d.rows = std::move(rows.rows);
            d.page_ms = ms;
        });
    });
}

// ---- item analysis ---------------------------------------------------------------------------------

void AdminController::QueryItems(const reports::ItemAnalysisOptions& options) {
    const int generation = ++items_.generation;
    items_.options = options;
    items_.loading = true;
    if (db_path_.empty() || options.module_id.empty()) {
        items_.loading = false;
        items_.error = db_path_.empty() ? NoDatabase() : "Pilih modul.";
        return;
    }
    query_worker_.Post([this, generation, options, path = db_path_, &events = events_] {
        std::vector<reports::ItemStats> stats;
        std::string error;
        const auto t0 = std::chrono::steady_clock::now();
        try {
            auto db = OpenReader(path);
            stats = reports::AnalyseItems(*db, options);
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

void AdminController::QueryOverview(const reports::ItemAnalysisOptions& options) {
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
                for (const auto& s : reports::AnalyseItems(*db, o)) n += reports::IsFlagged(s) ? 1 : 0;
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
    exports::ExportOptions options = request.options;
    options.modules = info_.modules;
    options.course_title = info_.title;
    job_worker_.Post([this, options, cancel = export_cancel_, path = db_path_, out = request.path,
                      &events = events_]() mutable {
        options.cancel = cancel.get();
        // Progress reaches the screen through the event queue, at most ~10 times a second (a frame each);
        // a late progress event after the result is ignored because export_.running is false by then.
        auto last = std::chrono::steady_clock::time_point{};
        options.progress = [this, &events, &last, cancel](const exports::ExportProgress& p) {
            const auto now = std::chrono::steady_clock::now();
            if (p.done < p.total && now - last < std::chrono::milliseconds(100)) return !*cancel;
            last = now;
            events.Push([this, p]() {
                if (!export_.running) return;
                export_.done = p.done;
                export_.total = p.total;
            });
            return !*cancel;
        };
        std::string text;
        bool ok = false;
        try {
            auto db = OpenReader(path);
            auto report = exports::Export(*db, options, out);
            ok = bool(report);
            text = report ? report->Describe() : report.error().message;
        } catch (const std::exception& e) {
            text = e.what();
        }
        if (!ok && *cancel) text = "Ekspor dibatalkan; tidak ada berkas yang ditulis.";
        events.Push([this, ok, text = std::move(text)]() mutable {
            export_ = {false, ok, std::move(text), 0};
        });
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
    job_worker_.Post([this, nip = request.nip, out = request.path, title = info_.title, path = db_path_,
                      &events = events_] {
        std::string text;
        bool ok = false;
        try {
            // Read-write: the installation's signing key is created on the first certificate.
            auto opened = OpenWriter(path);
            store::Database& db = *opened;
            const auto facts =
                certificates::FactsForLearner(db, nip, title, certificates::CertificateIssuer(db));
            if (!facts) {
                text = "Peserta dengan NIP " + nip + " belum menyelesaikan kursus; sertifikat tidak dibuat.";
            } else {
                const auto cert =
                    certificates::IssueCertificate(db, *facts, certificates::SigningKey::LoadOrCreate(db));
                const auto status = certificates::WriteCertificatePdf(cert, out);
                ok = bool(status);
                text = ok ? "Sertifikat " + facts->name + " tersimpan: " + out + "  (kode " +
                                cert.short_code + ")"
                          : status.error().message;
            }
        } catch (const std::exception& e) {
            text = e.what();
        }
        events.Push([this, ok, text = std::move(text)]() mutable {
            certificate_ = {false, ok, std::move(text), 0};
        });
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
    job_worker_.Post([this, filter = request.filter, folder = request.folder, title = info_.title,
                      path = db_path_, &events = events_]() mutable {
        std::string text;
        bool ok = false;
        try {
            auto opened = OpenWriter(path);
            store::Database& db = *opened;
            // The filter's completed learners, by NIP (the dashboard query selects them; core signs them).
            filter.status = store::CourseStatus::Selesai;
            const auto page =
                store::QueryLearners(db, filter, {}, 0, std::numeric_limits<int64_t>::max() / 2);
            std::unordered_set<std::string> nips;
            for (const auto& row : page.rows) nips.insert(row.nip);
            const auto key = certificates::SigningKey::LoadOrCreate(db);
            int written = 0, failed = 0;
            std::string first_error;
            for (const auto& facts :
                 certificates::AllCompletedFacts(db, title, certificates::CertificateIssuer(db))) {
                if (!nips.count(facts.nip)) continue;
                const fs::path out = fs::path(folder) / certificates::CertificateFileName(facts);
                if (auto s = certificates::WriteCertificatePdf(certificates::IssueCertificate(db, facts, key),
                                                               out)) {
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
        events.Push([this, ok, text = std::move(text)]() mutable {
            certificate_ = {false, ok, std::move(text), 0};
        });
    });
}

void AdminController::RunMerge(const MergeFiles& request) {
    if (merge_.running) return;
    if (db_path_.empty()) {
        merge_ = {false, false, NoDatabase(), 0};
        return;
    }
    if (request.paths.empty()) {
        merge_ = {false, false, "Tulis lokasi satu atau beberapa berkas .db atau .sinau (satu per baris).",
                  0};
        return;
    }
    merge_ = {true, false, "", 0};
    job_worker_.Post([this, paths = request.paths, target = db_path_, &events = events_] {
        std::string text;
        bool ok = false;
        std::vector<fs::path> sources(paths.begin(), paths.end());
        // Check every file first: one bad file refuses the whole merge before anything is written.
        // Databases and export bundles (*.sinau) alike: told apart by their first bytes.
        const auto prepared = bundles::PrepareImport(sources);
        if (!prepared) {
            text = prepared.error().message;
        } else {
            auto db = store::Database::Open(target);
            if (!db) {
                text = db.error().message;
            } else if (auto report = bundles::ImportPrepared(**db, *prepared)) {
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

// ---- essays waiting for a grade ---------------------------------------------------------------------

void AdminController::QueryEssays() {
    if (essays_.loading) return;
    if (db_path_.empty()) {
        essays_.error = NoDatabase();
        essays_.loaded = true;
        return;
    }
    essays_.loading = true;
    query_worker_.Post([this, path = db_path_, &course = course_, &events = events_] {
        std::vector<reports::UngradedEssay> list;
        int64_t total = 0;
        std::string error;
        try {
            auto db = OpenReader(path);
            list = reports::ListUngradedEssays(*db, course, 500, &total);
        } catch (const std::exception& e) {
            error = std::string("Daftar esai tidak dapat dibaca: ") + e.what();
        }
        events.Push([this, list = std::move(list), total, error = std::move(error)]() mutable {
            essays_.loading = false;
            essays_.loaded = true;
            ++essays_.results;
            essays_.list = std::move(list);
            essays_.total = total;
            essays_.error = std::move(error);
        });
    });
}

void AdminController::RunEssayGrade(const GiveEssayGrade& request) {
    if (essay_grade_.running) return;
    if (db_path_.empty()) {
        essay_grade_ = {false, false, NoDatabase(), 0};
        return;
    }
    essay_grade_ = {true, false, "", 0};
    job_worker_.Post([this, request, path = db_path_, &course = course_, &events = events_] {
        std::string text;
        bool ok = false;
        auto db = store::Database::Open(path);
        if (!db) {
            text = db.error().message;
        } else if (auto graded = reports::GradeEssayAnswer(**db, course, request.response_id, request.percent,
                                                           request.comment)) {
            ok = true;
            text = "Nilai " + Decimal(request.percent, 0) +
                   "% tersimpan; nilai dan status kelulusan peserta diperbarui.";
        } else {
            text = graded.error().message;
        }
        events.Push([this, ok, text = std::move(text)]() mutable {
            essay_grade_ = {false, ok, std::move(text), 0};
            if (ok) {
                QueryEssays();
                Apply(RefreshAll{});  // scores and pass states on the dashboard changed
            }
        });
    });
}

}  // namespace sinau::ui::admin
