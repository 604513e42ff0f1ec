#pragma once
// A scratch folder for one test, removed afterwards; helpers to write files into it.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace sinau::test {

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("sinau-content-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    void Write(const std::string& relative, const std::string& text) const {
        const auto p = path_ / relative;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
    }

    // Copies a fixture folder (tests/fixtures/content/NAME) into the scratch folder.
    void CopyFixture(const std::string& name) const {
        std::filesystem::copy(std::filesystem::path(SINAU_FIXTURES) / "content" / name, path_,
                              std::filesystem::copy_options::recursive);
    }

private:
    std::filesystem::path path_;
};

}  // namespace sinau::test
