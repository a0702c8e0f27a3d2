// Writes a trace as a folder: index.json ({"tensors":[{"name","shape","file"}], tokens}) plus one
// float32 .npy per tensor. The folder appears whole or not at all. More tensors (e.g. the loss and
// gradients of core/train/gradients.h) can be written into the same folder and index.
#pragma once

#include "core/trace.h"

#include <string>
#include <vector>

namespace alab::core {

/// Yields more (name, tensor) pairs to a visitor, after the trace's own.
using TensorSource = std::function<void(const TensorVisitor&)>;

/// Returns "" or an error naming the folder; on error nothing is left at `dir`. With `wanted`, only
/// the names it accepts are written (a lean trace's maps are computed for those only).
std::string writeTraceFolder(const Trace& trace, const std::string& dir, const std::vector<std::string>& srcTokens,
                             const std::vector<std::string>& tgtTokens, const TensorSource& extra = {},
                             const NameFilter& wanted = {});

}  // namespace alab::core
