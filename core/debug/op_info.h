// What the debugger shows beside one op of the forward pass: its formula, written as the lessons write
// them (QKᵀ / √d_k, softmax(…), LayerNorm(x + Sublayer(x))), and the recorded tensors it reads, found
// from the tensor's name alone (core/trace_names), for post-norm and pre-norm layers.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace alab::core {

struct OpInfo {
    std::string formula;              ///< "A = softmax(QKᵀ / √d_k)", or "" for a name no rule knows
    std::vector<std::string> inputs;  ///< names of the op's inputs that `has` confirmed, in formula order
};

/// The formula and inputs of the op that produced tensor `name`. `has` says whether the run holds a
/// tensor of that name (inputs it does not hold are left out).
OpInfo opInfo(const std::string& name, bool normFirst, const std::function<bool(const std::string&)>& has);

}  // namespace alab::core
