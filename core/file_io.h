// File helpers that never exit and never leave half a file: each returns an error string
// ("" on success). Reads accept only regular files (a FIFO, a device or a folder is refused before it
// is opened, so nothing hangs or reads forever). Writes go to a temporary sibling first and are
// renamed into place; output folders replace only a folder attention-lab wrote (core/tensor/output_folder.h).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace alab::core {

/// Reads the whole regular file into `out`; on failure returns "cannot read F: reason".
std::string readFile(const std::string& path, std::string& out);

/// Writes `bytes` to a temporary file beside `path`, flushes it, then renames it over `path`.
std::string writeFileAtomic(const std::string& path, const std::string& bytes);

/// As writeFileAtomic, for content too large to hold: `write(fd)` fills the open temporary file (pwrite
/// at any offset, from any thread) and returns "" or why it failed; then the file is flushed and renamed.
std::string writeFileAtomicWith(const std::string& path, const std::function<std::string(int fd)>& write);

/// A directory that appears at `finalPath` only when commit() succeeds; otherwise it is removed,
/// together with any parent folders it created. It is staged as "<finalPath>.tmp-<pid>-<n>" with the
/// marker file inside, registered for removal on SIGINT / SIGTERM / SIGHUP (installCleanupOnSignals),
/// and stale staging folders of dead processes beside finalPath are swept first. An existing
/// finalPath is replaced only when it is empty or marked as ours; anything else is an error.
class StagingDirectory {
public:
    explicit StagingDirectory(std::string finalPath);
    ~StagingDirectory();  // removes the staging folder if commit() was not reached
    StagingDirectory(const StagingDirectory&) = delete;
    StagingDirectory& operator=(const StagingDirectory&) = delete;

    const std::string& error() const { return m_error; }  ///< set when the folder may not or cannot be made
    std::string path(const std::string& fileName) const;   ///< a file inside the staging folder ("" after an error)
    /// `message` with the staging folder's path replaced by finalPath, so errors name the user's path.
    std::string userMessage(std::string message) const;
    /// Swaps the staged folder in at finalPath and removes the previous one. An error when the swap
    /// fails (finalPath unchanged) or when the previous folder could not be removed (new one in place).
    std::string commit();

private:
    std::string replacePrevious();

    std::string m_final, m_staging, m_error;
    std::vector<std::string> m_createdParents;  // ancestors of m_final this writer made, outermost first
    int m_slot = -1;                            // signal-cleanup registration
    bool m_committed = false;
};

}  // namespace alab::core
