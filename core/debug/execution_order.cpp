// Execution order (see execution_order.h). Each name gets a sort key (stage, layer, step within the
// layer, leaf order), read with the parsers of core/trace_names; the tree groups the sorted names.
#include "core/debug/execution_order.h"

#include "core/trace_names.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace alab::core {
namespace {

// Stages of the forward pass, in order; Other collects names no rule knows.
enum Stage { kInputs, kEncoderLayers, kEncoderOut, kDecoderInputs, kDecoderLayers, kDecoderOut, kOutput, kOther };

struct Place {
    int stage = kOther, layer = -1, step = 0, leaf = 0;
    OpGroup group = OpGroup::Other;  // the sub-layer group inside a layer (Tensor: directly in the layer)
    int index = -1;                  // Add & Norm number
};

const std::vector<std::string> kAttentionLeaves = {"q", "k", "v", "scores", "scaled", "mask", "weights", "context", "concat", "output"};

int position(const std::vector<std::string>& list, const std::string& item) {
    const auto it = std::find(list.begin(), list.end(), item);
    return it == list.end() ? int(list.size()) : int(it - list.begin());
}

// "norm2_rstd" → Add & Norm 2; the sub-layer k of a layer is followed by its Add & Norm k. Post-norm:
// residual, stats, norm, add_norm; pre-norm: stats, norm before the sub-layer, add_norm after it.
bool addNormPlace(const std::string& leaf, bool normFirst, Place& p) {
    static const std::vector<std::string> order = {"residual", "norm_mean", "norm_rstd", "norm", "add_norm"};
    for (int k = 1; k <= 3; ++k) {
        const std::string n = std::to_string(k);
        for (size_t i = 0; i < order.size(); ++i) {
            std::string want = order[i];
            want = want.rfind("norm_", 0) == 0 ? "norm" + n + want.substr(4) : want + n;
            if (leaf != want) continue;
            const bool before = normFirst && i >= 1 && i <= 3;  // pre-norm: the norm feeds the sub-layer
            p.step = 2 * k + (before ? -1 : 0);                // sub-layer k is step 2k − 1 (pre-norm: 2k − 1 too)
            p.group = OpGroup::AddNorm, p.index = k, p.leaf = before ? int(i) - 10 : int(i) + 10;
            return true;
        }
    }
    return false;
}

Place placeOf(const std::string& name, bool normFirst) {
    Place p;
    static const std::map<std::string, std::pair<int, int>> fixed = {
        {"input.src_embedding", {kInputs, 0}}, {"input.positional_encoding", {kInputs, 1}}, {"encoder.input", {kInputs, 2}},
        {"encoder.norm_mean", {kEncoderOut, 0}}, {"encoder.norm_rstd", {kEncoderOut, 1}}, {"encoder.output", {kEncoderOut, 2}},
        {"input.tgt_embedding", {kDecoderInputs, 0}}, {"input.tgt_positional_encoding", {kDecoderInputs, 1}},
        {"decoder.input", {kDecoderInputs, 2}}, {"decoder.norm_mean", {kDecoderOut, 0}},
        {"decoder.norm_rstd", {kDecoderOut, 1}}, {"decoder.output", {kDecoderOut, 2}},
        {"output.logits", {kOutput, 0}}, {"output.probs", {kOutput, 1}}};
    if (auto it = fixed.find(name); it != fixed.end()) {
        p.stage = it->second.first, p.leaf = it->second.second;
        return p;
    }
    if (const auto a = parseAttentionName(name)) {
        if (position(kAttentionLeaves, a->leaf) == int(kAttentionLeaves.size())) return p;
        p.stage = a->kind == AttentionKind::EncoderSelf ? kEncoderLayers : kDecoderLayers;
        p.layer = a->layer, p.leaf = position(kAttentionLeaves, a->leaf);
        p.step = a->kind == AttentionKind::Cross ? 3 : 1;
        p.group = a->kind == AttentionKind::Cross ? OpGroup::CrossAttention : OpGroup::SelfAttention;
        return p;
    }
    const bool dec = name.rfind("decoder.", 0) == 0;
    if (!dec && name.rfind("encoder.", 0) != 0) return p;
    const size_t dot = name.find('.', 8);
    if (dot == std::string::npos) return p;
    const std::string number = name.substr(8, dot - 8), leaf = name.substr(dot + 1);
    if (number.empty() || number.size() > 6 || number.find_first_not_of("0123456789") != std::string::npos) return p;
    p.layer = std::stoi(number);
    p.stage = dec ? kDecoderLayers : kEncoderLayers;
    const int ffnStep = dec ? 5 : 3;
    if (leaf == "ffn.pre_activation" || leaf == "ffn.hidden" || leaf == "ffn.output") {
        p.step = ffnStep, p.group = OpGroup::FeedForward;
        p.leaf = leaf == "ffn.pre_activation" ? 0 : leaf == "ffn.hidden" ? 1 : 2;
    } else if (leaf == "output") {
        p.step = 100, p.group = OpGroup::Tensor;
    } else if (!addNormPlace(leaf, normFirst, p)) {
        p = Place{};
    }
    return p;
}

std::string layerLabel(bool decoder, int layer) {
    return std::string(decoder ? "Decoder layer " : "Encoder layer ") + std::to_string(layer + 1);
}

OpNode group(OpGroup g, std::string label, int layer = -1, int index = -1) {
    OpNode n;
    n.group = g, n.label = std::move(label), n.layer = layer, n.index = index;
    return n;
}

// Adds the sorted op `i` under the right groups, opening a new group when the last one differs.
void place(OpNode& root, const std::string& name, const Place& p, int i, bool normFirst) {
    static const std::map<int, std::pair<OpGroup, const char*>> stages = {
        {kInputs, {OpGroup::Inputs, "Inputs"}}, {kEncoderOut, {OpGroup::EncoderOutput, "Encoder output"}},
        {kDecoderInputs, {OpGroup::DecoderInputs, "Decoder inputs"}}, {kDecoderOut, {OpGroup::DecoderOutput, "Decoder output"}},
        {kOutput, {OpGroup::Output, "Output"}}, {kOther, {OpGroup::Other, "Other"}}};
    OpNode* parent = &root;
    auto enter = [&](OpNode wanted) {
        if (parent->children.empty() || parent->children.back().group != wanted.group ||
            parent->children.back().layer != wanted.layer || parent->children.back().index != wanted.index) {
            wanted.firstOp = i;
            parent->children.push_back(std::move(wanted));
        }
        parent = &parent->children.back();
        parent->endOp = i + 1;
    };
    if (p.stage == kEncoderLayers || p.stage == kDecoderLayers) {
        const bool dec = p.stage == kDecoderLayers;
        enter(group(dec ? OpGroup::DecoderLayer : OpGroup::EncoderLayer, layerLabel(dec, p.layer), p.layer));
        if (p.group == OpGroup::SelfAttention) enter(group(p.group, dec ? "Masked self-attention" : "Self-attention", p.layer));
        if (p.group == OpGroup::CrossAttention) enter(group(p.group, "Cross-attention", p.layer));
        if (p.group == OpGroup::FeedForward) enter(group(p.group, "Feed-forward", p.layer));
        const std::string k = std::to_string(p.index);  // pre-norm: LayerNorm k before the sub-layer, its residual add after
        const std::string addNorm = !normFirst ? "Add & Norm " + k : p.leaf < 0 ? "LayerNorm " + k : "Residual add " + k;
        if (p.group == OpGroup::AddNorm) enter(group(p.group, addNorm, p.layer, p.index));
    } else {
        const auto& [g, label] = stages.at(p.stage);
        enter(group(g, label));
    }
    OpNode leaf = group(OpGroup::Tensor, name);
    leaf.tensor = name, leaf.firstOp = i, leaf.endOp = i + 1;
    parent->children.push_back(std::move(leaf));
}

}  // namespace

ExecutionOrder executionOrder(const std::vector<std::string>& names, std::optional<bool> normFirst) {
    ExecutionOrder out;
    std::vector<std::string> unique;
    std::set<std::string> seen;
    for (const std::string& n : names)
        if (seen.insert(n).second) unique.push_back(n);
    out.normFirst = normFirst.value_or(std::none_of(unique.begin(), unique.end(), [](const std::string& n) {
        return n.size() > 10 && n.compare(n.size() - 10, 10, ".residual1") == 0;
    }));
    std::vector<std::pair<Place, size_t>> keyed;
    for (size_t i = 0; i < unique.size(); ++i) keyed.emplace_back(placeOf(unique[i], out.normFirst), i);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        const Place &x = a.first, &y = b.first;
        if (x.stage == kOther || y.stage == kOther) return x.stage < y.stage;
        return std::tie(x.stage, x.layer, x.step, x.leaf) < std::tie(y.stage, y.layer, y.step, y.leaf);
    });
    out.root = group(OpGroup::Other, "Forward pass");
    for (size_t i = 0; i < keyed.size(); ++i) {
        out.ops.push_back(unique[keyed[i].second]);
        place(out.root, out.ops.back(), keyed[i].first, int(i), out.normFirst);
    }
    out.root.endOp = int(out.ops.size());
    return out;
}

int ExecutionOrder::indexOf(const std::string& name) const {
    const auto it = std::find(ops.begin(), ops.end(), name);
    return it == ops.end() ? -1 : int(it - ops.begin());
}

std::vector<const OpNode*> ExecutionOrder::pathTo(int op) const {
    std::vector<const OpNode*> path;
    if (op < 0 || op >= int(ops.size())) return path;
    const OpNode* node = &root;
    while (!node->children.empty()) {
        for (const OpNode& c : node->children)
            if (op >= c.firstOp && op < c.endOp) {
                node = &c;
                break;
            }
        path.push_back(node);
        if (node->group == OpGroup::Tensor) break;
    }
    return path;
}

namespace {
int clampOp(const ExecutionOrder& order, int op) { return std::clamp(op, 0, std::max(0, int(order.ops.size()) - 1)); }
}  // namespace

int stepInto(const ExecutionOrder& order, int op) { return clampOp(order, op + 1); }
int stepBack(const ExecutionOrder& order, int op) { return clampOp(order, op - 1); }

int stepOver(const ExecutionOrder& order, int op) {
    const int next = op + 1;
    for (const OpNode* node : order.pathTo(next))  // outermost first: the widest group that opens at `next`
        if (node->group != OpGroup::Tensor && node->firstOp == next) return clampOp(order, node->endOp);
    return clampOp(order, next);
}

int stepOut(const ExecutionOrder& order, int op) {
    const std::vector<const OpNode*> path = order.pathTo(op);
    if (path.size() < 2) return clampOp(order, op + 1);
    return clampOp(order, path[path.size() - 2]->endOp);
}

}  // namespace alab::core
