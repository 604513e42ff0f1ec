#pragma once
// A fresh folder under the system temp dir, removed with everything in it when the test ends.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace sinau::test {

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("sinau-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

    // Writes a file below the folder, creating its parent folders (content tests lay out whole courses).
    void Write(const std::string& relative, const std::string& text) const {
        const auto p = path_ / relative;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
    }

    // Copies a fixture folder (tests/fixtures/content/NAME) into the folder.
    void CopyFixture(const std::string& name) const {
        std::filesystem::copy(std::filesystem::path(SINAU_FIXTURES) / "content" / name, path_,
                              std::filesystem::copy_options::recursive);
    }

private:
    std::filesystem::path path_;
};

inline std::string ReadBytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void WriteBytes(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

}  // namespace sinau::test
