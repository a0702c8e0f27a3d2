// Signal-time cleanup of staging folders (see signal_cleanup.h). The handler touches only the
// fixed table below and calls open, getdents64, unlinkat, rmdir, write, signal and raise.
#include "core/tensor/signal_cleanup.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace alab::core {
namespace {

constexpr int kSlots = 16;
constexpr size_t kPathMax = 4096;

enum SlotState : int { kFree = 0, kFilling = -1 };  // otherwise a StagingPhase

struct Slot {
    std::atomic<int> state{kFree};
    char staging[kPathMax];
    char finalPath[kPathMax];
    int createdParents = 0;
};

Slot g_slots[kSlots];
std::atomic<bool> g_installed{false};
std::atomic<bool> g_deferred{false};
std::atomic<int> g_pending{0};  // the deferred stop signal, 0 = none

struct Dirent64 {  // the kernel's linux_dirent64
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[1];
};

void say(const char* text) {
    const ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
    (void)ignored;
}

// One pass over the folder: unlinks every entry but "." ".." and the marker; false on open failure.
bool unlinkEntries(int fd) {
    alignas(8) char buf[4096];
    long n = 0;
    while ((n = ::syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
        for (long off = 0; off < n;) {
            const auto* d = reinterpret_cast<const Dirent64*>(buf + off);
            off += d->d_reclen;
            const char* name = d->d_name;
            if (!std::strcmp(name, ".") || !std::strcmp(name, "..") || !std::strcmp(name, kOwnerMarker)) continue;
            if (::unlinkat(fd, name, 0) != 0 && errno == EISDIR) ::unlinkat(fd, name, AT_REMOVEDIR);
        }
    }
    return n == 0;
}

void removeCreatedParents(const Slot& s) {
    char path[kPathMax];
    std::memcpy(path, s.finalPath, kPathMax);
    for (int i = 0; i < s.createdParents; ++i) {
        char* slash = std::strrchr(path, '/');
        if (!slash || slash == path) return;
        *slash = '\0';
        if (::rmdir(path) != 0) return;  // not empty (someone else's files) or gone: stop there
    }
}

void onSignal(int sig) {
    const int savedErrno = errno;
    int none = 0;
    if (g_deferred.load() && g_pending.compare_exchange_strong(none, sig)) {
        say("\nattention-lab: stopping after this step and saving a checkpoint (press Ctrl-C again to stop at once)\n");
        errno = savedErrno;
        return;
    }
    for (Slot& s : g_slots) {
        const int phase = s.state.load();
        if (phase <= 0) continue;
        removeFlatFolder(s.staging);
        removeCreatedParents(s);
        say("attention-lab: ");
        say(sig == SIGINT ? "interrupted" : "stopped");
        if (phase == int(StagingPhase::Writing)) {
            say(" while writing ");
            say(s.finalPath);
            say("; the unfinished output was removed\n");
        } else {
            say(" after writing ");
            say(s.finalPath);
            say("; its previous version was removed\n");
        }
    }
    errno = savedErrno;
    std::signal(sig, SIG_DFL);  // die of the same signal, so a calling shell sees it
    std::raise(sig);
}

}  // namespace

bool removeFlatFolder(const char* path) {
    for (int attempt = 0; attempt < 8; ++attempt) {  // a writer on another thread may add a file meanwhile
        const int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) return errno == ENOENT;
        unlinkEntries(fd);
        ::unlinkat(fd, kOwnerMarker, 0);
        ::close(fd);
        if (::rmdir(path) == 0 || errno == ENOENT) return true;
    }
    return false;
}

void installCleanupOnSignals() {
    if (g_installed.exchange(true)) return;
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&action.sa_mask, sig);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction previous {};
        if (::sigaction(sig, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;  // nohup
        ::sigaction(sig, &action, nullptr);
    }
    std::signal(SIGXFSZ, SIG_IGN);
}

void deferStopSignals(bool on) {
    g_deferred.store(on);
    if (!on) g_pending.store(0);
}

int stopSignalPending() { return g_pending.load(); }

int registerStaging(const std::string& staging, const std::string& finalPath, int createdParents) {
    if (staging.size() >= kPathMax || finalPath.size() >= kPathMax) return -1;
    for (int i = 0; i < kSlots; ++i) {
        int expected = kFree;
        if (!g_slots[i].state.compare_exchange_strong(expected, kFilling)) continue;
        std::memcpy(g_slots[i].staging, staging.c_str(), staging.size() + 1);
        std::memcpy(g_slots[i].finalPath, finalPath.c_str(), finalPath.size() + 1);
        g_slots[i].createdParents = createdParents;
        g_slots[i].state.store(int(StagingPhase::Writing));
        return i;
    }
    return -1;
}

void setStagingPhase(int slot, StagingPhase phase) {
    if (slot >= 0 && slot < kSlots) g_slots[slot].state.store(int(phase));
}

void unregisterStaging(int slot) {
    if (slot >= 0 && slot < kSlots) g_slots[slot].state.store(kFree);
}

}  // namespace alab::core
