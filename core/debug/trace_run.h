// One run as the debugger holds it: every tensor by name, from a forward pass in memory or from a
// trace folder on disk (index.json + one .npy per tensor, as `attention-lab trace` and
// scripts/torch_trace.py write it). Reading a folder returns one line naming the problem, never throws.
#pragma once

#include "core/trace.h"
#include "core/weights.h"

#include <string>
#include <vector>

namespace alab::core {

struct TraceRun {
    NamedTensors tensors;                      ///< name → tensor
    std::vector<std::string> names;            ///< in the order the trace or index.json lists them
    std::vector<std::string> srcTokens, tgtTokens;

    /// The tensor of that name, or nullptr.
    const Tensor* find(const std::string& name) const;
};

/// Copies every tensor of a trace (visitTrace's names and order).
TraceRun runFromTrace(const Trace& trace);

/// Reads DIR/index.json and its .npy files. Returns "" or e.g. "runs/a: no index.json (is it a trace
/// folder?)", "runs/a/index.json: …", "runs/a/x.npy: shape [2,3] in the file, [3,2] in index.json".
std::string readTraceFolder(const std::string& dir, TraceRun& out);

}  // namespace alab::core
