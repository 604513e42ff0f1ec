#include "ui/admin/output_paths.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace sinau::ui::admin {

std::string DefaultOutputDir(const std::string& db_path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (const char* home = std::getenv("HOME"); home && *home) {
        for (const char* sub : {"Documents", "Dokumen"})
            if (fs::is_directory(fs::path(home) / sub, ec)) return (fs::path(home) / sub).string();
        if (fs::is_directory(home, ec)) return home;
    }
    if (!db_path.empty()) return fs::absolute(fs::path(db_path), ec).parent_path().string();
    return fs::current_path(ec).string();
}

std::string DatedFile(const std::string& dir, const std::string& stem, const std::string& ext) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char day[16];
    std::strftime(day, sizeof day, "%Y%m%d", &tm);
    return (std::filesystem::path(dir) / (stem + "-" + day + "." + ext)).string();
}

}  // namespace sinau::ui::admin
