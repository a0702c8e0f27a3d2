// Output folder rules (see output_folder.h). std::filesystem plus lstat/kill for what it lacks.
#include "core/tensor/output_folder.h"

#include "core/tensor/signal_cleanup.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace alab::core {
namespace fs = std::filesystem;
namespace {

// "<pid>-<digits>" after the prefix, or -1.
long stalePid(const std::string& name, const std::string& prefix) {
    if (name.compare(0, prefix.size(), prefix) != 0) return -1;
    const std::string rest = name.substr(prefix.size());
    const size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || dash + 1 == rest.size() || dash > 9) return -1;
    if (rest.find_first_not_of("0123456789-") != std::string::npos || rest.find('-', dash + 1) != std::string::npos)
        return -1;
    return std::stol(rest.substr(0, dash));
}

bool processIsGone(long pid) { return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH; }

}  // namespace

bool isOwnedFolder(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
    return ::lstat((path + "/" + kOwnerMarker).c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string checkReplaceableFolder(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) return {};
        return "cannot write " + path + ": " + std::strerror(errno);
    }
    if (S_ISLNK(st.st_mode)) return "cannot write " + path + ": it is a symbolic link; give the folder itself";
    if (!S_ISDIR(st.st_mode)) return "cannot write " + path + ": it exists and is not a folder";
    std::error_code ec;
    if (fs::is_empty(path, ec) || isOwnedFolder(path)) return {};
    if (ec) return "cannot write " + path + ": " + ec.message();
    return "cannot write " + path + ": the folder is not empty and was not written by attention-lab; "
           "choose a new or empty folder";
}

std::string removeOwnedTree(const std::string& path) {
    std::error_code ec;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename() != kOwnerMarker) {
            fs::remove_all(it->path(), ec);
            if (ec) return ec.message();
        }
    if (ec) return ec.message();
    fs::remove(fs::path(path) / kOwnerMarker, ec);
    if (!ec) fs::remove(path, ec);
    return ec ? ec.message() : std::string();
}

int sweepStaleSiblings(const std::string& finalPath) {
    const fs::path p(finalPath);
    const fs::path parent = p.has_parent_path() ? p.parent_path() : fs::path(".");
    const std::string name = p.filename().string();
    int swept = 0;
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string entry = it->path().filename().string();
        long pid = stalePid(entry, name + ".tmp-");
        if (pid < 0) pid = stalePid(entry, name + ".old-");
        if (pid < 0 || !processIsGone(pid)) continue;
        std::error_code ignored;
        const bool ours = isOwnedFolder(it->path().string()) ||
                          (it->is_directory(ignored) && !it->is_symlink(ignored) && fs::is_empty(it->path(), ignored));
        if (ours && removeOwnedTree(it->path().string()).empty()) ++swept;
    }
    return swept;
}

std::string createParents(const std::string& path, std::vector<std::string>& created) {
    std::vector<fs::path> missing;
    std::error_code ec;
    for (fs::path p = fs::path(path).parent_path(); !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0777) == 0) {
            created.push_back(it->string());
        } else if (errno != EEXIST) {  // EEXIST: another process made it meanwhile; not ours to remove
            const std::string reason = std::strerror(errno);
            removeCreatedFolders(created);
            return reason;
        }
    }
    return {};
}

void removeCreatedFolders(std::vector<std::string>& created) {
    while (!created.empty()) {
        if (::rmdir(created.back().c_str()) != 0) break;  // not empty any more: someone else uses it
        created.pop_back();
    }
    created.clear();
}

std::string writeOwnerMarker(const std::string& folder) {
    const std::string path = folder + "/" + kOwnerMarker;
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return std::strerror(errno);
    const char text[] = "This folder was written by attention-lab, which may replace it on the next run.\n";
    const bool ok = std::fwrite(text, 1, sizeof text - 1, f) == sizeof text - 1;
    const int writeErrno = errno;
    if (std::fclose(f) != 0 || !ok) return std::strerror(ok ? errno : writeErrno);
    return {};
}

}  // namespace alab::core
