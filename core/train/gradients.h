// Gradients of one backward pass, named like everything else. Parameter gradients live in a
// Weights value (same layout, same shapes), so the one name table of core/weights.cpp names each
// of them with PyTorch's state_dict name; activation gradients live in a Trace value, so visitTrace
// names each with its forward tensor's name. Names: output.loss, grad.<trace name>, grad.param.<name>.
#pragma once

#include "core/config.h"
#include "core/trace.h"
#include "core/weights.h"

namespace alab::core {

/// dL/d(everything) for one (source, target, labels) example.
struct Gradients {
    float loss = 0;     // the scalar loss; named output.loss, shape []
    Trace activations;  // dL/d(trace tensor) in the same field; masks, probs and LayerNorm stats stay empty
    Weights params;     // dL/d(parameter) in the same slot as the parameter
};

/// Weights of config's shapes with every entry 0 (pos_embed only for learned positions).
Weights zeroWeightsLike(const ModelConfig& config);

/// Yields output.loss [], then grad.<name> for every recorded activation gradient (forward order),
/// then grad.param.<state_dict name> for every parameter (PyTorch's names and shapes).
void visitGradients(const ModelConfig& config, const Gradients& grads, const TensorVisitor& visit);

}  // namespace alab::core
