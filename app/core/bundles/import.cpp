#include "bundles/import.hpp"

namespace sinau::bundles {
namespace fs = std::filesystem;
using detail::ReplaceAll;

Expected<PreparedImport> PrepareImport(const std::vector<fs::path>& files) {
    PreparedImport prepared;
    prepared.files = files;
    prepared.bundles.reserve(files.size());
    for (const auto& f : files) {
        if (!LooksLikeBundle(f)) {
            if (auto ok = store::CheckMergeSource(f); !ok) return ok.error();
            prepared.dbs.push_back(f);
            continue;
        }
        auto b = OpenBundle(f);
        if (!b) return b.error();
        prepared.dbs.push_back(b->db_path());
        prepared.names.emplace_back(b->db_path().string(), f.string() + " (records.db)");
        prepared.bundles.push_back(std::move(*b));
    }
    return prepared;
}

Expected<store::MergeReport> ImportPrepared(store::Database& target, const PreparedImport& prepared) {
    auto report = store::MergeDatabases(target, prepared.dbs);
    if (!report) {
        std::string msg = report.error().message;
        for (const auto& [from, to] : prepared.names) ReplaceAll(msg, from, to);
        return Error{msg};
    }
    report->sources = prepared.files;
    return report;
}

Expected<store::MergeReport> ImportFiles(store::Database& target, const std::vector<fs::path>& files) {
    auto prepared = PrepareImport(files);
    if (!prepared) return prepared.error();
    return ImportPrepared(target, *prepared);
}

Status CheckImportSource(const fs::path& file) {
    if (auto prepared = PrepareImport({file}); !prepared) return prepared.error();
    return Success();
}

}  // namespace sinau::bundles
