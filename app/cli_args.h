// What the sub-commands share: a small option reader ("--name value" pairs and flags; unknown
// options and missing values are reported as one line of text), the one-line error, hasDisplay.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace alab::app {

/// The option every command takes: how many threads the engine computes on.
inline const std::string kThreadsOption = "--threads";

class CliArgs {
public:
    /// `valued` options take a value; `flags` take none. args excludes the program and sub-command.
    /// Anything else is an error ("unknown option --x"), as is a valued option followed by nothing or
    /// by another known option ("--out needs a value"). Every command also takes --threads N (1–1024,
    /// kThreadsOption): it is checked here and sets the core's thread count (core/parallel.h).
    CliArgs(const std::vector<std::string>& args, const std::set<std::string>& valued,
            const std::set<std::string>& flags);

    const std::string& error() const { return m_error; }
    bool has(const std::string& name) const { return m_values.count(name) > 0; }
    std::string value(const std::string& name, const std::string& fallback = {}) const;

private:
    std::map<std::string, std::string> m_values;
    std::string m_error;
};

/// DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM is set: a window (or Qt's chosen platform) can open.
bool hasDisplay();

/// Parses the whole of `text` as a decimal integer / number ("3x", "", " 3" and overflow are false).
bool parseInteger(const std::string& text, long long& out);
bool parseNumber(const std::string& text, double& out);

/// Prints "attention-lab: <message>" to stderr and returns the exit code 2 (usage) or 1 (failure).
int fail(const std::string& message, int code = 1);

}  // namespace alab::app
