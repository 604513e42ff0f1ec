#pragma once
// Export bundles: one file ("*.sinau") an administrator carries from a PC to merge its records elsewhere
// (`sinau export --format bundle`, `sinau import X.sinau --db TARGET`, the dashboard's import).
//
// A bundle is a zip holding exactly two entries:
//   records.db     a consistent snapshot of the source database (VACUUM INTO), reduced to the learners a
//                  filter selects (and their rows) when one is given. The settings table is emptied: the
//                  PIN hash and the certificate key never leave the PC. meta (app, installation_id) stays,
//                  so the merge can tell a Sinau database from a foreign one.
//   manifest.json  {"format":"sinau-bundle","version":1,"installation_id":..,"created_at":..,"filter":..,
//                   "learners":n,"attempts":n,"responses":n,"sha256":"<hex of records.db>"}
//
// OpenBundle() trusts nothing in the file: it refuses a non-zip, a truncated or damaged zip, missing or
// unknown entries, an entry larger than a sane bound (zip bomb), a manifest that is not ours, and a
// records.db whose SHA-256 differs from the manifest's (tampered). The extracted database is then checked
// and merged by the ordinary merge path (merge.hpp), which refuses a foreign or damaged database.
//
// Threads: any; each call uses its own connections and files. Never throws.
#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "records/learner_filter.hpp"
#include "records/merge.hpp"
#include "util/expected.hpp"

namespace sinau::records {

inline constexpr const char* kBundleFormat = "sinau-bundle";
inline constexpr int kBundleVersion = 1;
inline constexpr const char* kBundleExtension = ".sinau";
// Bounds for entries read from outside (zip bomb guard). A course's records for 100,000 learners are a few
// hundred MiB; 2 GiB is far beyond any real PC and still fits the temp folder of an office laptop.
inline constexpr uint64_t kMaxBundleDbBytes = uint64_t(2) << 30;
inline constexpr uint64_t kMaxManifestBytes = 64 << 10;

struct BundleManifest {
    std::string installation_id;
    std::string created_at;  // ISO 8601 UTC
    std::string filter;      // DescribeFilter() of the export
    int64_t learners = 0, attempts = 0, responses = 0;
    std::string sha256;  // lowercase hex of records.db
};

struct BundleReport {
    std::filesystem::path file;
    BundleManifest manifest;
    uint64_t bytes = 0;            // size of the bundle file
    std::string Describe() const;  // one paragraph in Bahasa Indonesia for the CLI / a toast
};

// Writes the bundle atomically (temporary file beside `out`, renamed when complete): on error `out` is
// untouched and no temporary file stays. `db` is the source; only committed data is snapshotted.
Expected<BundleReport> WriteBundle(SQLite::Database& db, const LearnerFilter& filter,
                                   const std::filesystem::path& out);

// The database of a bundle, extracted to a private temporary file that is deleted when this is destroyed.
class OpenedBundle {
public:
    OpenedBundle(std::filesystem::path db, BundleManifest manifest)
        : db_(std::move(db)), manifest_(std::move(manifest)) {}
    ~OpenedBundle();
    OpenedBundle(OpenedBundle&& o) noexcept : db_(std::move(o.db_)), manifest_(std::move(o.manifest_)) {
        o.db_.clear();
    }
    OpenedBundle(const OpenedBundle&) = delete;
    OpenedBundle& operator=(const OpenedBundle&) = delete;
    OpenedBundle& operator=(OpenedBundle&&) = delete;
    const std::filesystem::path& db_path() const { return db_; }
    const BundleManifest& manifest() const { return manifest_; }

private:
    std::filesystem::path db_;
    BundleManifest manifest_;
};

// Checks and extracts a bundle. Error (Bahasa Indonesia, naming `path`) for anything listed above.
Expected<OpenedBundle> OpenBundle(const std::filesystem::path& path);

// Whether a file starts like a zip (and so is treated as a bundle), by its first bytes, not its name.
bool LooksLikeBundle(const std::filesystem::path& path);

// The import used by the CLI and the dashboard: each file is a Sinau database or a bundle (decided by its
// first bytes). PrepareImport checks every file and extracts each bundle once, before the target is even
// opened (opening may create or migrate it); ImportPrepared then merges all of them in ONE transaction
// (MergeDatabases), so any error leaves the target unchanged. The extracted temporary files go with the
// PreparedImport. The report names the files as given.
struct PreparedImport {
    std::vector<std::filesystem::path> files;  // as the user gave them
    std::vector<std::filesystem::path> dbs;    // what to merge: a database as given, or a bundle's records.db
    std::vector<OpenedBundle> bundles;         // owns the extracted records.db files
    std::vector<std::pair<std::string, std::string>>
        names;  // extracted path -> "FILE (records.db)" for messages
};
Expected<PreparedImport> PrepareImport(const std::vector<std::filesystem::path>& files);
Expected<MergeReport> ImportPrepared(SQLite::Database& target, const PreparedImport& prepared);
// Both steps at once, and the check of a single file.
Expected<MergeReport> ImportFiles(SQLite::Database& target, const std::vector<std::filesystem::path>& files);
Status CheckImportSource(const std::filesystem::path& file);

}  // namespace sinau::records
