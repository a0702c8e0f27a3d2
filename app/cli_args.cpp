// CliArgs (see cli_args.h).
#include "app/cli_args.h"

#include "core/parallel.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace alab::app {

CliArgs::CliArgs(const std::vector<std::string>& args, const std::set<std::string>& valued,
                 const std::set<std::string>& flags) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (valued.count(a)) {
            // "--out --src x": the next word is an option of ours, so --out's value is missing
            if (i + 1 >= args.size() || valued.count(args[i + 1]) || flags.count(args[i + 1])) {
                m_error = a + " needs a value";
                return;
            }
            m_values[a] = args[++i];
        } else if (a == kThreadsOption) {  // shared by every command
            long long n = 0;
            if (i + 1 >= args.size() || !parseInteger(args[i + 1], n) || n < 1 || n > 1024) {
                m_error = kThreadsOption + " needs a whole number of threads from 1 to 1024" +
                          (i + 1 < args.size() ? ", got \"" + args[i + 1] + "\"" : "");
                return;
            }
            m_values[a] = args[++i];
            core::setThreadCount(int(n));
        } else if (flags.count(a)) {
            m_values[a] = "1";
        } else {
            m_error = (a.size() > 1 && a[0] == '-' ? "unknown option " + a : "unexpected argument \"" + a + "\"") +
                      " (see attention-lab --help)";
            return;
        }
    }
}

std::string CliArgs::value(const std::string& name, const std::string& fallback) const {
    auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

bool hasDisplay() {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    const char* platform = std::getenv("QT_QPA_PLATFORM");
    return (x && *x) || (w && *w) || (platform && *platform);
}

bool parseInteger(const std::string& text, long long& out) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty();
}

bool parseNumber(const std::string& text, double& out) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty() && std::isfinite(out);
}

int fail(const std::string& message, int code) {
    std::fprintf(stderr, "attention-lab: %s\n", message.c_str());
    return code;
}

}  // namespace alab::app
