#pragma once
// What the record keeping needs from the course: its id, title and modules in course order (exports list
// modules in this order; certificates print the title). The UI passes its loaded Course; the CLI reads the
// content folder. Never throws.
#include <filesystem>
#include <string>
#include <vector>

#include "content/model.hpp"

namespace sinau::content {

struct ModuleInfo {
    std::string id;
    std::string title;  // "" when unknown (CLI without content): the id is shown instead
};

struct CourseInfo {
    std::string id;
    std::string title;
    std::vector<ModuleInfo> modules;
    bool loaded = false;  // false: the folder had no readable course.toml
};

CourseInfo CourseInfoFrom(const content::Course& course);
// Loads course.toml and the module folders (syntax only, no lint).
CourseInfo LoadCourseInfo(const std::filesystem::path& content_dir);
// The installation's content folder: <prefix>/share/sinau/content beside bin/, else the source tree's.
std::filesystem::path DefaultContentDir();

}  // namespace sinau::content
