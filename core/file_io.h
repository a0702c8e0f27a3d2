// File helpers that never exit and never leave half a file: each returns an error string
// ("" on success). Writes go to a temporary sibling first and are renamed into place.
#pragma once

#include <string>

namespace alab::core {

/// Reads the whole file into `out`; on failure returns "cannot read F: reason".
std::string readFile(const std::string& path, std::string& out);

/// Writes `bytes` to a temporary file beside `path`, flushes it, then renames it over `path`.
std::string writeFileAtomic(const std::string& path, const std::string& bytes);

/// A directory that appears at `finalPath` only when commit() succeeds; otherwise it is removed.
class StagingDirectory {
public:
    explicit StagingDirectory(std::string finalPath);
    ~StagingDirectory();  // removes the staging folder if commit() was not reached
    StagingDirectory(const StagingDirectory&) = delete;
    StagingDirectory& operator=(const StagingDirectory&) = delete;

    const std::string& error() const { return m_error; }  ///< set when the folder could not be made
    std::string path(const std::string& fileName) const;   ///< a file inside the staging folder
    std::string commit();  ///< replaces finalPath (if it exists) with the staged folder

private:
    std::string m_final, m_staging, m_error;
    bool m_committed = false;
};

}  // namespace alab::core
