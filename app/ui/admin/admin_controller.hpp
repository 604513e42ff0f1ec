#pragma once
// The UI side of the trainer/administrator area: turns admin intents into core calls
// (store/dashboard.hpp, reports/item_analysis.hpp, exports/, certificates/, bundles/) on background
// threads and keeps what the screens show. Screens only read it (const) and push intents.
//
// Why threads: at 100,000 learners one dashboard query takes tens to hundreds of ms and an export
// seconds; the frame must never wait. Each worker opens its OWN connection to the database file (WAL lets
// them read beside the main thread's writes); a job captures copies of its inputs and posts its result to
// the app's EventQueue, which runs it on the main thread at the next frame start.
//
// Staleness: every dashboard query carries the generation of the filter it was made for; results of an
// older generation are dropped (the user typed on), and a queued job whose generation is already stale
// does not run at all.
//
// Threads: main thread only, except the jobs it posts. Never throws: SQLite/IO errors become the
// `error` strings the screens show.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/course_info.hpp"
#include "content/model.hpp"
#include "reports/essay_review.hpp"
#include "reports/item_analysis.hpp"
#include "store/dashboard.hpp"
#include "store/merge.hpp"
#include "ui/admin/admin_intent.hpp"
#include "ui/admin/worker.hpp"
#include "ui/event_queue.hpp"

namespace sinau::ui::admin {

inline constexpr int64_t kPageRows = 50;  // learner-table rows per page (keyset paging, store/dashboard.hpp)

struct DashboardData {
    int generation = 0;  // bumped by every SetDashboardQuery
    store::LearnerFilter filter;
    store::LearnerSort sort;
    bool loading = false;  // the count/summary/charts of `generation` have not arrived yet
    bool loaded = false;   // at least one result arrived
    int64_t total = 0;
    // The page shown. Keyset paging: page i + 1 starts after the last row of page i, so `page_ends` keeps the
    // last row of every page before the current one (the way back); no OFFSET, so page 2,000 costs what
    // page 1 costs.
    std::vector<store::LearnerRow> rows;
    int64_t page = 0;   // 0-based
    bool more = false;  // a next page exists
    bool page_loading = false;
    int page_request = 0;  // bumped by every page query; older answers are dropped
    std::vector<store::LearnerRow> page_ends;
    std::vector<store::InstansiSummary> instansi;
    std::vector<store::ModuleCompletion> modules;
    store::Histogram histogram;
    std::vector<std::string> instansi_choices;  // for the filter combo
    std::string pin_resets;                     // meta 'admin.pin_resets' (JSON array), "" when none
    double query_ms = 0;                        // count + summary + charts, on the worker
    double page_ms = 0;                         // the last page query, on the worker
    std::string error;
};

struct ItemAnalysisData {
    int generation = 0;  // bumped by every request
    int results = 0;     // bumped whenever a result arrives (screens re-sort then)
    reports::ItemAnalysisOptions options;
    bool loading = false;
    bool loaded = false;
    std::vector<reports::ItemStats> stats;
    double query_ms = 0;
    std::string error;
    // RunItemOverview: flagged questions per module id (absent = not computed yet).
    bool overview_loading = false;
    bool overview_loaded = false;
    std::map<std::string, int> flagged_by_module;
};

// A long job's line on the screen ("Mengekspor ...", the report, or the refusal).
struct JobStatus {
    bool running = false;
    bool ok = false;
    std::string text;
    double started = 0;  // ImGui time when it began (for "n detik")
    // Exports: rows written so far of `total` (0 = not known yet), posted by the worker a few times a second.
    int64_t done = 0, total = 0;
};

// "Esai belum dinilai": the queue a trainer works through (reports/essay_review.hpp).
struct EssayData {
    bool loading = false;
    bool loaded = false;
    int results = 0;  // bumped whenever a list arrives (the screen re-picks its selection then)
    std::vector<reports::UngradedEssay> list;  // oldest first, at most 500
    int64_t total = 0;                         // all ungraded essays
    std::string error;
};

class AdminController {
public:
    // `db_path` is the app's database file ("" = none: every request reports that); `course` must outlive
    // this object. `synchronous`: run jobs on the calling thread (screenshots, tests).
    AdminController(std::string db_path, const content::Course& course, EventQueue& events,
                    bool synchronous = false);
    ~AdminController();

    void Apply(const Action& action);  // after ImGui::Render()

    const DashboardData& dashboard() const { return dashboard_; }
    const ItemAnalysisData& items() const { return items_; }
    const JobStatus& export_status() const { return export_; }
    const JobStatus& certificate_status() const { return certificate_; }
    const JobStatus& merge_status() const { return merge_; }
    const EssayData& essays() const { return essays_; }
    const JobStatus& essay_grade_status() const { return essay_grade_; }
    const content::CourseInfo& course_info() const { return info_; }
    const content::Course& course() const { return course_; }
    const std::string& db_path() const { return db_path_; }

private:
    void QueryDashboard(bool summary = true);
    void QueryPage(int64_t page);
    void QueryItems(const reports::ItemAnalysisOptions& options);
    void QueryOverview(const reports::ItemAnalysisOptions& options);
    void RunExport(const struct StartExport& request);
    void RunCertificate(const SaveCertificate& request);
    void RunCertificates(const SaveCertificates& request);
    void RunMerge(const MergeFiles& request);
    void QueryEssays();
    void RunEssayGrade(const GiveEssayGrade& request);

    std::string db_path_;
    const content::Course& course_;
    EventQueue& events_;
    content::CourseInfo info_;
    DashboardData dashboard_;
    ItemAnalysisData items_;
    JobStatus export_, certificate_, merge_;
    std::shared_ptr<std::atomic<bool>> export_cancel_;
    EssayData essays_;
    JobStatus essay_grade_;
    // Read by worker jobs to skip queries the user has already replaced.
    std::shared_ptr<std::atomic<int>> latest_generation_ = std::make_shared<std::atomic<int>>(0);
    // Last: destroyed first, so no job outlives the members above.
    Worker query_worker_;
    Worker job_worker_;
};

}  // namespace sinau::ui::admin
