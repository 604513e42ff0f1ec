#include "content/course_info.hpp"

#include "content/course_loader.hpp"

namespace sinau::content {

CourseInfo CourseInfoFrom(const content::Course& course) {
    CourseInfo info;
    info.id = course.id;
    info.title = course.title;
    for (const auto& m : course.modules) info.modules.push_back({m.id, m.title});
    info.loaded = !course.id.empty();
    return info;
}

CourseInfo LoadCourseInfo(const std::filesystem::path& content_dir) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(content_dir / "course.toml", ec)) return {};
    return CourseInfoFrom(LoadCourse(content_dir, {.lint = false}));
}

std::filesystem::path DefaultContentDir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "sinau" / "content";
        if (fs::is_regular_file(installed / "course.toml", ec)) return installed;
    }
    return fs::path(SINAU_SOURCE_DIR) / "content";
}

}  // namespace sinau::content
