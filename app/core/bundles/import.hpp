#pragma once
// Importing other PCs' records: `sinau import FILE... --db TARGET` and the dashboard's "Gabungkan".
// Files are Sinau databases or export bundles (bundle.hpp), told apart by their first bytes; the merge
// itself is the store's (store/merge.hpp: NIP matching, later updated_at wins, one transaction).
//
// Threads: any; each call uses its own connections and files, and the caller's target. Never throws.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "bundles/bundle.hpp"
#include "store/database.hpp"
#include "store/merge.hpp"
#include "util/expected.hpp"

namespace sinau::bundles {

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
Expected<store::MergeReport> ImportPrepared(store::Database& target, const PreparedImport& prepared);
// Both steps at once, and the check of a single file.
Expected<store::MergeReport> ImportFiles(store::Database& target,
                                         const std::vector<std::filesystem::path>& files);
Status CheckImportSource(const std::filesystem::path& file);

}  // namespace sinau::bundles
