#pragma once
// Where the trainer area suggests saving exports and certificates: ~/Documents (or ~/Dokumen) when it
// exists, else the home folder, else the database's folder. Only a suggestion in an editable field.
#include <string>

namespace sinau::ui::admin {

std::string DefaultOutputDir(const std::string& db_path);
// "<dir>/<stem>-YYYYMMDD.<ext>" for today (local date).
std::string DatedFile(const std::string& dir, const std::string& stem, const std::string& ext);

}  // namespace sinau::ui::admin
