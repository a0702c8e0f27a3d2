// Whole-file reads, atomic writes and staged output folders (std::filesystem and POSIX, no Qt).
#include "core/file_io.h"

#include "core/tensor/output_folder.h"
#include "core/tensor/signal_cleanup.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace alab::core {
namespace {

std::string uniqueSuffix() {
    static std::random_device device;  // only names temporaries; never touches weights
    return std::to_string(::getpid()) + "-" + std::to_string(device());
}

std::string notRegular(mode_t mode) {
    if (S_ISDIR(mode)) return "it is a directory";
    if (S_ISFIFO(mode)) return "it is a named pipe (FIFO), not a regular file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is a device, not a regular file";
    if (S_ISSOCK(mode)) return "it is a socket, not a regular file";
    return "it is not a regular file";
}

// Reads everything from `fd` into `out`, starting with `expected` bytes; returns 0 or errno.
int readAll(int fd, size_t expected, std::string& out) {
    out.assign(expected, '\0');
    size_t done = 0;
    for (;;) {
        if (done == out.size()) out.resize(out.size() + 65536);  // the file grew, or its size was 0
        const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        if (n == 0) break;
        done += size_t(n);
    }
    out.resize(done);
    return 0;
}

// Makes "<final>.tmp-<pid>-<n>" with a fresh n; returns "" and sets `reason` on failure.
std::string makeStagingFolder(const std::string& finalPath, std::string& reason) {
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 1000; ++attempt) {
        std::string p = finalPath + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
        if (::mkdir(p.c_str(), 0777) == 0) return p;
        if (errno != EEXIST) break;
    }
    reason = std::strerror(errno);
    return {};
}

// Blocks the cleanup signals on this thread for a scope: no handler runs between two renames.
class HoldSignals {
public:
    HoldSignals() {
        sigset_t set;
        sigemptyset(&set);
        for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, sig);
        pthread_sigmask(SIG_BLOCK, &set, &m_previous);
    }
    ~HoldSignals() { pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }

private:
    sigset_t m_previous;
};

}  // namespace

std::string readFile(const std::string& path, std::string& out) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return "cannot read " + path + ": " + std::strerror(errno);
    if (!S_ISREG(st.st_mode)) return "cannot read " + path + ": " + notRegular(st.st_mode);
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);  // a FIFO swapped in must not block
    if (fd < 0) return "cannot read " + path + ": " + std::strerror(errno);
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return "cannot read " + path + ": " + notRegular(st.st_mode);
    }
    const int err = readAll(fd, size_t(st.st_size), out);
    ::close(fd);
    if (err != 0) return "cannot read " + path + ": " + std::strerror(err);
    return {};
}

std::string writeFileAtomic(const std::string& path, const std::string& bytes) {
    const std::string tmp = path + ".tmp-" + uniqueSuffix();
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return "cannot write " + path + ": " + std::strerror(errno);
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    const int writeErrno = errno;
    const bool flushed = std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
    const bool closed = std::fclose(f) == 0;
    if (!written || !flushed || !closed) {
        std::remove(tmp.c_str());
        return "cannot write " + path + ": " + std::strerror(written ? errno : writeErrno);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(tmp.c_str());
        return "cannot write " + path + ": " + reason;
    }
    return {};
}

std::string writeFileAtomicWith(const std::string& path, const std::function<std::string(int fd)>& write) {
    const std::string tmp = path + ".tmp-" + uniqueSuffix();
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) return "cannot write " + path + ": " + std::strerror(errno);
    std::string reason = write(fd);
    if (reason.empty() && ::fsync(fd) != 0) reason = std::strerror(errno);
    if (::close(fd) != 0 && reason.empty()) reason = std::strerror(errno);
    if (reason.empty() && std::rename(tmp.c_str(), path.c_str()) != 0) reason = std::strerror(errno);
    if (reason.empty()) return {};
    std::remove(tmp.c_str());
    return "cannot write " + path + ": " + reason;
}

StagingDirectory::StagingDirectory(std::string finalPath) : m_final(std::move(finalPath)) {
    while (m_final.size() > 1 && m_final.back() == '/') m_final.pop_back();
    if (!(m_error = checkReplaceableFolder(m_final)).empty()) return;
    sweepStaleSiblings(m_final);  // leftovers of a run that was killed (SIGKILL cannot be caught)
    if (std::string reason = createParents(m_final, m_createdParents); !reason.empty()) {
        m_error = "cannot create " + m_final + ": " + reason;
        return;
    }
    std::string reason;
    {
        HoldSignals hold;  // a signal between mkdir and the registration would leave the folder behind
        m_staging = makeStagingFolder(m_final, reason);
        if (!m_staging.empty()) m_slot = registerStaging(m_staging, m_final, int(m_createdParents.size()));
    }
    if (m_staging.empty()) {
        m_error = "cannot create " + m_final + ": " + reason;
        removeCreatedFolders(m_createdParents);
        return;
    }
    if (!(reason = writeOwnerMarker(m_staging)).empty()) m_error = "cannot write " + m_final + ": " + reason;
}

StagingDirectory::~StagingDirectory() {
    if (!m_committed && !m_staging.empty()) {
        removeOwnedTree(m_staging);
        removeCreatedFolders(m_createdParents);
    }
    unregisterStaging(m_slot);
}

std::string StagingDirectory::path(const std::string& fileName) const {
    return m_staging.empty() ? std::string() : m_staging + "/" + fileName;  // "" cannot be opened: no stray write
}

std::string StagingDirectory::userMessage(std::string message) const {
    if (m_staging.empty()) return message;
    for (size_t at = message.find(m_staging); at != std::string::npos; at = message.find(m_staging, at + m_final.size()))
        message.replace(at, m_staging.size(), m_final);
    return message;
}

std::string StagingDirectory::commit() {
    if (!m_error.empty()) return m_error;
    if (std::string err = checkReplaceableFolder(m_final); !err.empty()) return err;  // it may have changed meanwhile
    struct stat st {};
    if (::lstat(m_final.c_str(), &st) == 0) return replacePrevious();
    if (::rename(m_staging.c_str(), m_final.c_str()) != 0) return "cannot create " + m_final + ": " + std::strerror(errno);
    m_committed = true;
    unregisterStaging(m_slot);
    m_slot = -1;
    return {};
}

// finalPath exists and is ours (or empty): swap the two folders in one step where the file system
// can (renameat2 RENAME_EXCHANGE), else with two renames; then remove the previous version.
std::string StagingDirectory::replacePrevious() {
    std::string previous = m_staging;  // after the exchange the staging name holds the previous folder
    if (::renameat2(AT_FDCWD, m_staging.c_str(), AT_FDCWD, m_final.c_str(), RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS) return "cannot replace " + m_final + ": " + std::strerror(errno);
        HoldSignals hold;
        previous = m_final + ".old-" + uniqueSuffix();
        if (::rename(m_final.c_str(), previous.c_str()) != 0) return "cannot replace " + m_final + ": " + std::strerror(errno);
        if (::rename(m_staging.c_str(), m_final.c_str()) != 0) {
            const std::string reason = std::strerror(errno);
            ::rename(previous.c_str(), m_final.c_str());  // put the previous folder back
            return "cannot replace " + m_final + ": " + reason;
        }
        unregisterStaging(m_slot);
        m_slot = registerStaging(previous, m_final, 0);
    }
    m_committed = true;
    setStagingPhase(m_slot, StagingPhase::RemovingPrevious);
    const std::string reason = removeOwnedTree(previous);
    unregisterStaging(m_slot);
    m_slot = -1;
    if (!reason.empty())
        return "wrote " + m_final + ", but its previous version could not be removed (" + reason + "); it is left in " +
               previous;
    return {};
}

}  // namespace alab::core
