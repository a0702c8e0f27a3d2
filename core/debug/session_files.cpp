// The model files of a debugger session (see session.h): what a file is now (size, modification
// time, a 64-bit FNV-1a hash of its bytes) and which files moved or changed since the session was saved.
// A file whose modification time alone changed (copied, touched) but whose bytes are the same is
// not reported.
#include "core/debug/session.h"

#include "core/file_io.h"

#include <cstdio>
#include <filesystem>

#include <sys/stat.h>

namespace alab::core {
namespace {

std::string fnv1a(const std::string& bytes) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    char buf[32];
    std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace

SessionFile describeFile(const std::string& path) {
    namespace fs = std::filesystem;
    SessionFile f;
    if (path.empty()) return f;
    std::error_code ec;
    const fs::path abs = fs::absolute(path, ec);
    f.path = ec ? path : abs.lexically_normal().string();
    std::string bytes;
    if (!readFile(f.path, bytes).empty()) return f;
    f.size = int64_t(bytes.size());
    f.hash = fnv1a(bytes);
    struct stat st {};
    if (::stat(f.path.c_str(), &st) == 0) f.mtime = int64_t(st.st_mtime);
    return f;
}

std::vector<std::string> modelFileChanges(const SessionModel& model) {
    std::vector<std::string> out;
    if (!model.preset.empty()) return out;
    const std::pair<const char*, const SessionFile*> files[] = {
        {"weights", &model.weights}, {"config", &model.config}, {"vocabulary", &model.vocab}};
    for (const auto& [what, saved] : files) {
        if (saved->path.empty()) continue;
        const SessionFile now = describeFile(saved->path);
        if (now.size < 0)
            out.push_back(std::string(what) + " " + saved->path + " is missing (moved or deleted)");
        else if ((saved->size >= 0 && now.size != saved->size) || (!saved->hash.empty() && now.hash != saved->hash))
            out.push_back(std::string(what) + " " + saved->path + " has changed since the session was saved");
    }
    return out;
}

}  // namespace alab::core
