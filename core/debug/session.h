// A debugger session as saved in an .alab file (JSON): the model (a preset, or file paths with each
// file's size, modification time and hash), the input token ids and texts, breakpoints, watches, the
// second run (a trace folder or a second sentence), the open tab and the current op. Reading checks
// everything before it returns, so a bad file changes nothing and yields one line naming the problem;
// saving goes through writeFileAtomic. modelFileChanges says which model files moved or changed.
#pragma once

#include "core/debug/breakpoints.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace alab::core {

/// One model file as it was when the session was saved.
struct SessionFile {
    std::string path;       ///< absolute path, or "" when the model has no such file
    int64_t size = -1;      ///< bytes; −1 unknown
    int64_t mtime = 0;      ///< seconds since the epoch
    std::string hash;       ///< "fnv1a64:0123456789abcdef", or ""
};

struct SessionModel {
    std::string preset;                      ///< a preset or shipped model name, or "" for files
    SessionFile weights, config, vocab;      ///< used when preset is empty
    uint64_t seed = 2017;
};

/// The run compared against the current one.
struct SessionSecondRun {
    std::string kind;                 ///< "" (none), "folder", "sentence" or "intervened" (the interventions applied)
    std::string folder;               ///< kind "folder": a trace folder
    std::vector<int> srcIds, tgtIds;  ///< kind "sentence": the same model on these ids
    std::string srcText, tgtText;     ///< kind "sentence": what the user typed
    double tolerance = 1e-4;
};

struct DebugSession {
    SessionModel model;
    std::vector<int> srcIds, tgtIds;  ///< the input as token ids (restored exactly)
    std::string srcText, tgtText;     ///< the same as text, for people
    std::vector<Breakpoint> breakpoints;
    std::vector<std::string> watches;  ///< tensor names
    std::vector<std::string> interventions;  ///< specs as parseIntervention reads them, in the order applied
    SessionSecondRun second;
    std::string tab;                   ///< the open tab's object name
    std::string currentOp;             ///< the debugger's current tensor, or ""
    std::string rightPanel;            ///< "breakpoints", "watches", "compare" or "interventions"
    /// Filled by reading: one line per entry left out ("intervention 2: intervention \"x\": expected …").
    std::vector<std::string> warnings;
};

/// The session as JSON text (format "attention-lab-session", version 1).
std::string sessionToJson(const DebugSession& session);
/// Parses `text`; on any error returns one line ("session: breakpoint 2: unknown condition \"x\"") and
/// leaves `out` untouched. An intervention that is not a valid spec is not an error: it is left out and
/// named in out.warnings.
std::string sessionFromJson(const std::string& text, DebugSession& out);

/// Writes the session to `path` atomically; returns "" or the error.
std::string saveSession(const std::string& path, const DebugSession& session);
/// Reads and parses `path`; the error names the file. `out` is untouched on error.
std::string loadSession(const std::string& path, DebugSession& out);

/// Size, modification time and hash of a file as it is now (path made absolute; size −1 if missing).
SessionFile describeFile(const std::string& path);
/// One line for each model file that is missing or whose size or hash differs from the session's:
/// "weights /a/m.safetensors is missing (moved or deleted)", "… has changed since the session was saved".
std::vector<std::string> modelFileChanges(const SessionModel& model);

}  // namespace alab::core
