#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace sinau::util {

Expected<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::filesystem::path& dest) {
    std::unique_ptr<AtomicFile> f(new AtomicFile());
    f->dest_ = dest;
    std::string templ = dest.string() + ".tmp-XXXXXX";
    const int fd = ::mkstemp(templ.data());
    if (fd < 0)
        return Error{"Tidak dapat membuat berkas di folder " + dest.parent_path().string() + " (" +
                     std::strerror(errno) + ")."};
    ::fchmod(fd, 0644);  // mkstemp makes 0600; an export is an ordinary document
    f->fd_ = fd;
    f->temp_ = templ;
    f->buffer_.reset(new char[kBufferSize]);
    return f;
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !temp_.empty()) {
        std::error_code ec;
        std::filesystem::remove(temp_, ec);
    }
}

void AtomicFile::Flush() {
    const char* p = buffer_.get();
    size_t left = used_;
    while (left > 0 && !failed_) {
        const ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            failed_ = true;
            errno_ = errno;
            break;
        }
        p += n;
        left -= size_t(n);
    }
    written_ += used_;
    used_ = 0;
}

void AtomicFile::Spill(std::string_view bytes) {
    while (!bytes.empty()) {
        if (used_ == kBufferSize) Flush();
        const size_t n = std::min(bytes.size(), kBufferSize - used_);
        std::memcpy(buffer_.get() + used_, bytes.data(), n);
        used_ += n;
        bytes.remove_prefix(n);
    }
}

Status AtomicFile::Finish(bool written_by_name) {
    if (!written_by_name) Flush();
    if (failed_)
        return Error{"Gagal menulis " + dest_.string() + " (" + std::strerror(errno_) +
                     "); berkas tujuan tidak diubah."};
    if (written_by_name) {
        // The library wrote and closed the file by name: reopen our descriptor on the new content.
        ::close(fd_);
        fd_ = ::open(temp_.c_str(), O_RDONLY);
        if (fd_ < 0)
            return Error{"Berkas sementara " + temp_.string() + " hilang; berkas tujuan tidak diubah."};
    }
    if (::fsync(fd_) != 0)
        return Error{"Gagal menyimpan " + dest_.string() + " ke disk (" + std::strerror(errno) + ")."};
    ::close(fd_);
    fd_ = -1;
    if (::rename(temp_.c_str(), dest_.c_str()) != 0)
        return Error{"Gagal mengganti nama berkas sementara menjadi " + dest_.string() + " (" +
                     std::strerror(errno) + ")."};
    committed_ = true;
    // Make the rename itself durable.
    const auto dir = dest_.parent_path().empty() ? std::filesystem::path(".") : dest_.parent_path();
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return Success();
}

Status AtomicFile::Commit() {
    return Finish(false);
}
Status AtomicFile::CommitWrittenByName() {
    return Finish(true);
}

}  // namespace sinau::util
