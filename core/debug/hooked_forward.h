// A forward pass that hands every named tensor to a hook right after computing it and before anything
// downstream reads it, so the debugger can change any intermediate (a head, one cell, a whole tensor
// from another run) and let the rest of the pass follow. Without hooks it computes what Model::forward
// computes, op for op, and keeps every layer. Names are visitTrace's (core/trace_names); the LayerNorm
// statistics are recorded but never hooked (they are read off the tensor being normalised).
#pragma once

#include "core/model.h"

#include <functional>
#include <string>
#include <vector>

namespace alab::core {

/// Called with each tensor's dotted name and its value, which the hook may change in place.
struct TensorHooks {
    std::function<void(const std::string& name, Matrix& value)> matrix;     ///< [rows, cols] tensors
    std::function<void(const std::string& name, HeadStack& value)> heads;   ///< [h, rows, cols] tensors
};

/// One forward pass of `model` with hooks (either may be empty). Checks ids and lengths as
/// Model::forward does (InvalidArgument). The trace holds the values after the hooks changed them.
Trace hookedForward(const Model& model, const std::vector<int>& src, const std::vector<int>& tgt,
                    const TensorHooks& hooks);

}  // namespace alab::core
