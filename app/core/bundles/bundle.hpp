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
// and merged by the ordinary merge path (store/merge.hpp), which refuses a foreign or damaged database.
// The snapshot itself is the store's (store/snapshot.hpp); this file only packs and unpacks the zip.
//
// Threads: any; each call uses its own connections and files. Never throws.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/learner_filter.hpp"
#include "util/expected.hpp"

namespace sinau::bundles {

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
Expected<BundleReport> WriteBundle(store::Database& db, const store::LearnerFilter& filter,
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

namespace detail {
// Replaces every `from` in `s` (a temporary path in a message becomes the name the user knows).
void ReplaceAll(std::string& s, const std::string& from, const std::string& to);
}  // namespace detail

// Whether a file starts like a zip (and so is treated as a bundle), by its first bytes, not its name.
bool LooksLikeBundle(const std::filesystem::path& path);

}  // namespace sinau::bundles
