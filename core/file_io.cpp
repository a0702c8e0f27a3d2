// Whole-file reads, atomic writes and staged output folders (std::filesystem, no Qt).
#include "core/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>

namespace alab::core {
namespace fs = std::filesystem;
namespace {

std::string uniqueSuffix() {
    static std::random_device device;  // only names temporaries; never touches weights
    return std::to_string(::getpid()) + "-" + std::to_string(device());
}

}  // namespace

std::string readFile(const std::string& path, std::string& out) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return "cannot read " + path + ": it is a directory";
    std::ifstream in(path, std::ios::binary);
    if (!in) return "cannot read " + path + ": " + std::strerror(errno);
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return "cannot read " + path + ": read error";
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

StagingDirectory::StagingDirectory(std::string finalPath) : m_final(std::move(finalPath)) {
    while (m_final.size() > 1 && m_final.back() == '/') m_final.pop_back();
    std::error_code ec;
    if (fs::exists(m_final, ec) && !fs::is_directory(m_final, ec)) {
        m_error = "cannot write " + m_final + ": it exists and is not a folder";
        return;
    }
    m_staging = m_final + ".tmp-" + uniqueSuffix();
    if (!fs::create_directories(m_staging, ec)) {
        m_error = "cannot create " + m_final + ": " + (ec ? ec.message() : "unknown error");
        m_staging.clear();
    }
}

StagingDirectory::~StagingDirectory() {
    if (!m_committed && !m_staging.empty()) {
        std::error_code ec;
        fs::remove_all(m_staging, ec);
    }
}

std::string StagingDirectory::path(const std::string& fileName) const { return m_staging + "/" + fileName; }

std::string StagingDirectory::commit() {
    if (!m_error.empty()) return m_error;
    std::error_code ec;
    const std::string old = m_final + ".old-" + uniqueSuffix();
    const bool replacing = fs::exists(m_final, ec);
    if (replacing) {
        fs::rename(m_final, old, ec);
        if (ec) return "cannot replace " + m_final + ": " + ec.message();
    }
    fs::rename(m_staging, m_final, ec);
    if (ec) {
        const std::string reason = ec.message();      // before the restore below reuses ec
        if (replacing) fs::rename(old, m_final, ec);  // put the previous folder back
        return "cannot create " + m_final + ": " + reason;
    }
    m_committed = true;
    if (replacing) fs::remove_all(old, ec);
    return {};
}

}  // namespace alab::core
