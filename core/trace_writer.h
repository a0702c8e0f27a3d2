// Writes a trace as a folder: index.json ({"tensors":[{"name","shape","file"}], tokens}) plus one
// float32 .npy per tensor. The folder appears whole or not at all.
#pragma once

#include "core/trace.h"

#include <string>
#include <vector>

namespace alab::core {

/// Returns "" or an error naming the folder; on error nothing is left at `dir`.
std::string writeTraceFolder(const Trace& trace, const std::string& dir, const std::vector<std::string>& srcTokens,
                             const std::vector<std::string>& tgtTokens);

}  // namespace alab::core
