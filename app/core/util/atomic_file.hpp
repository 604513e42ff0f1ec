#pragma once
// A file that appears complete or not at all: bytes go to a temporary file in the destination's folder
// (same file system, so rename() is atomic); Commit() flushes, fsyncs, renames over the destination and
// fsyncs the folder. Destroying an uncommitted AtomicFile deletes the temporary file, so an export that
// fails half-way never leaves a half file behind (the old destination, if any, stays as it was).
//
// Writes are buffered (1 MiB) and go straight to the file descriptor: exports of millions of rows spend
// their time formatting, not in stdio. Not thread-safe; one writer per object.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "util/expected.hpp"

namespace sinau::util {

class AtomicFile {
public:
    // Creates "<dest>.tmp-XXXXXX" next to dest. Error (Bahasa Indonesia) when the folder is missing or
    // not writable.
    static Expected<std::unique_ptr<AtomicFile>> Create(const std::filesystem::path& dest);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Appends to the buffer; a failed write is remembered and reported by Commit().
    void Write(std::string_view bytes) {
        if (bytes.size() > kBufferSize - used_)
            Spill(bytes);
        else {
            std::memcpy(buffer_.get() + used_, bytes.data(), bytes.size());
            used_ += bytes.size();
        }
    }
    void Put(char c) {
        if (used_ == kBufferSize) Flush();
        buffer_[used_++] = c;
    }
    // Direct access for hot loops: Reserve(n) guarantees n free bytes at Cursor(); then Advance(k <= n).
    char* Reserve(size_t n) {
        if (kBufferSize - used_ < n) Flush();
        return buffer_.get() + used_;
    }
    void Advance(size_t n) { used_ += n; }
    static constexpr size_t kBufferSize = size_t(1) << 20;

    // The temporary path, for libraries that write a file by name themselves (libxlsxwriter).
    const std::filesystem::path& temp_path() const { return temp_; }
    const std::filesystem::path& dest_path() const { return dest_; }

    // Flush, fsync, rename over dest, fsync the folder. After an error the temporary file is removed.
    Status Commit();
    // Commit a temporary file that another library wrote by name (nothing was written through Write()).
    Status CommitWrittenByName();

    uint64_t bytes_written() const { return written_ + used_; }

private:
    AtomicFile() = default;
    void Flush();
    void Spill(std::string_view bytes);
    Status Finish(bool reopen);

    std::filesystem::path dest_, temp_;
    int fd_ = -1;
    bool failed_ = false;
    int errno_ = 0;
    bool committed_ = false;
    std::unique_ptr<char[]> buffer_;
    size_t used_ = 0;
    uint64_t written_ = 0;
};

}  // namespace sinau::util
