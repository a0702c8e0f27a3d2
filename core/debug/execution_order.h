// The forward pass as a debugger walks it: a trace's tensor names put in execution order and grouped
// into a tree (inputs → encoder layer → self-attention → Add & Norm → feed-forward → … → decoder →
// logits → probs). Built from the names alone (core/trace_names), so it serves our traces, trace
// folders read from disk and reference traces from PyTorch alike. Layers count from 0 in `layer`;
// labels for people count from 1.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace alab::core {

/// What a node of the execution tree stands for (a window maps it to a translated label).
enum class OpGroup { Tensor, Inputs, EncoderLayer, DecoderInputs, DecoderLayer, SelfAttention, CrossAttention,
                     AddNorm, FeedForward, EncoderOutput, DecoderOutput, Output, Other };

/// One node: a group of ops, or (group == Tensor) one recorded tensor.
struct OpNode {
    OpGroup group = OpGroup::Tensor;
    int layer = -1;          ///< 0-based layer of a layer / sub-layer group, else −1
    int index = -1;          ///< which Add & Norm of its layer (1, 2 or 3), else −1
    std::string label;       ///< English label ("Encoder layer 2", "Add & Norm 1", or the tensor's name)
    std::string tensor;      ///< the tensor's dotted name (Tensor nodes only)
    int firstOp = 0;         ///< the ops under this node are order[firstOp, endOp)
    int endOp = 0;
    std::vector<OpNode> children;
};

/// The tensors in forward order and the tree over them.
struct ExecutionOrder {
    std::vector<std::string> ops;  ///< tensor names in execution order (the tree's leaves, depth-first)
    OpNode root;                   ///< group Other, label "Forward pass", covering every op
    bool normFirst = false;        ///< the order assumed for each layer (pre-norm or post-norm)

    /// The index of a tensor in ops, or −1.
    int indexOf(const std::string& name) const;
    /// The path of nodes from the root's child down to the leaf of op i (empty when out of range).
    std::vector<const OpNode*> pathTo(int op) const;
};

/// Orders `names` (any order, duplicates ignored) as the forward pass computes them. normFirst says
/// whether each layer normalises before its sub-layers; when not given it is inferred: post-norm traces
/// hold "….residual1", pre-norm ones do not. Names no rule knows (grad.*, output.loss) come last, in
/// their given order, under an "Other" group.
ExecutionOrder executionOrder(const std::vector<std::string>& names, std::optional<bool> normFirst = std::nullopt);

/// Debugger moves over the tree, from op i: the next op (step into); the next op, or when op i + 1 opens
/// groups the first op after the outermost of them, so a whole layer or sub-layer runs (step over); the
/// first op after op i's innermost group (step out); the previous op (step back). Each is clamped to
/// [0, ops.size() − 1].
int stepInto(const ExecutionOrder& order, int op);
int stepOver(const ExecutionOrder& order, int op);
int stepOut(const ExecutionOrder& order, int op);
int stepBack(const ExecutionOrder& order, int op);

}  // namespace alab::core
