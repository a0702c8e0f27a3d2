// Op formulas and inputs (see op_info.h). A layer is a stream of sub-layers k = 1, 2 (, 3): the encoder
// has self-attention and the FFN, the decoder self-attention, cross-attention and the FFN. Post-norm:
// sub-layer k reads stream k − 1 and LayerNorm k normalises stream + sub-layer; pre-norm: LayerNorm k
// feeds sub-layer k and the residual add is stream + sub-layer. Legend: X the layer's input, M the
// encoder's output (memory), d_k the width of one head.
#include "core/debug/op_info.h"

#include "core/trace_names.h"

namespace alab::core {
namespace {

using Has = std::function<bool(const std::string&)>;

struct Layer {
    bool decoder = false;
    int layer = 0;
    bool normFirst = false;
    std::string name(const std::string& leaf) const { return layerTensorName(decoder, layer, leaf); }
    int sublayers() const { return decoder ? 3 : 2; }
    std::string input() const {
        if (layer == 0) return decoder ? "decoder.input" : "encoder.input";
        return layerTensorName(decoder, layer - 1, "output");
    }
    // The residual stream before sub-layer k (1-based).
    std::string stream(int k) const { return k == 1 ? input() : name("add_norm" + std::to_string(k - 1)); }
    std::string sublayerOutput(int k) const {
        if (k == sublayers()) return name("ffn.output");
        return name(k == 1 ? "self_attn.output" : "cross_attn.output");
    }
    // What sub-layer k reads.
    std::string sublayerInput(int k) const { return normFirst ? name("norm" + std::to_string(k)) : stream(k); }
};

OpInfo make(std::string formula, std::vector<std::string> inputs, const Has& has) {
    OpInfo info{std::move(formula), {}};
    for (std::string& n : inputs)
        if (has(n)) info.inputs.push_back(std::move(n));
    return info;
}

OpInfo attentionOp(const AttentionName& a, bool normFirst, const Has& has) {
    const Layer layer{a.kind != AttentionKind::EncoderSelf, a.layer, normFirst};
    const int k = a.kind == AttentionKind::Cross ? 2 : 1;
    const std::string x = layer.sublayerInput(k);
    const std::string memory = a.kind == AttentionKind::Cross ? std::string("encoder.output") : x;
    const std::string sym = a.kind == AttentionKind::Cross ? "M" : "X";
    auto part = [&](const std::string& leaf) { return attentionTensorName(a.kind, a.layer, leaf); };
    const std::string& l = a.leaf;
    if (l == "q") return make("Q = X·W_Q (one block of d_k columns per head)", {x}, has);
    if (l == "k") return make("K = " + sym + "·W_K", {memory}, has);
    if (l == "v") return make("V = " + sym + "·W_V", {memory}, has);
    if (l == "scores") return make("S = QKᵀ", {part("q"), part("k")}, has);
    if (l == "scaled") return make("S / √d_k   (−∞ where the mask is 0)", {part("scores")}, has);
    if (l == "mask") return make(a.kind == AttentionKind::DecoderSelf ? "mask_ij = 1 if j ≤ i (causal), else 0"
                                                                      : "mask_ij = 1 unless key j is padding",
                                 {}, has);
    if (l == "weights") return make("A = softmax(QKᵀ / √d_k), row by row", {part("scaled"), part("mask")}, has);
    if (l == "context") return make("Z = A·V", {part("weights"), part("v")}, has);
    if (l == "concat") return make("Concat(Z_1, …, Z_h)", {part("context")}, has);
    if (l == "output") return make("MultiHead = Concat(Z_1, …, Z_h)·W_O", {part("concat")}, has);
    return {};
}

OpInfo addNormOp(const Layer& L, const std::string& leaf, const Has& has) {
    for (int k = 1; k <= L.sublayers(); ++k) {
        const std::string n = std::to_string(k), sum = L.name("residual" + n);
        const std::string normIn = L.normFirst ? L.stream(k) : sum;
        const std::vector<std::string> normInputs = has(normIn) ? std::vector<std::string>{normIn}
                                                                : std::vector<std::string>{L.stream(k), L.sublayerOutput(k)};
        if (leaf == "residual" + n) return make("x + Sublayer(x)", {L.stream(k), L.sublayerOutput(k)}, has);
        if (leaf == "norm" + n + "_mean") return make("μ = mean of each row", normInputs, has);
        if (leaf == "norm" + n + "_rstd") return make("1/σ = 1 / √(var + ε), each row", normInputs, has);
        if (leaf == "norm" + n)
            return make(L.normFirst ? "LayerNorm(x) = γ·(x − μ)/σ + β" : "LayerNorm(x + Sublayer(x)) = γ·(· − μ)/σ + β",
                        normInputs, has);
        if (leaf == "add_norm" + n)
            return L.normFirst ? make("x + Sublayer(LayerNorm(x))", {L.stream(k), L.sublayerOutput(k)}, has)
                               : make("LayerNorm(x + Sublayer(x))", {L.name("norm" + n)}, has);
    }
    return {};
}

OpInfo layerOp(const std::string& name, bool normFirst, const Has& has) {
    const bool dec = name.rfind("decoder.", 0) == 0;
    if (!dec && name.rfind("encoder.", 0) != 0) return {};
    const size_t dot = name.find('.', 8);
    if (dot == std::string::npos) return {};
    const std::string number = name.substr(8, dot - 8), leaf = name.substr(dot + 1);
    if (number.empty() || number.size() > 6 || number.find_first_not_of("0123456789") != std::string::npos) return {};
    const Layer L{dec, std::stoi(number), normFirst};
    const int ffn = L.sublayers();
    if (leaf == "ffn.pre_activation") return make("x·W_1 + b_1", {L.sublayerInput(ffn)}, has);
    if (leaf == "ffn.hidden")
        return has(L.name("ffn.pre_activation")) ? make("h = act(x·W_1 + b_1)   (act: ReLU or GELU)", {L.name("ffn.pre_activation")}, has)
                                                 : make("h = act(x·W_1 + b_1)   (act: ReLU or GELU)", {L.sublayerInput(ffn)}, has);
    if (leaf == "ffn.output") return make("FFN(x) = h·W_2 + b_2", {L.name("ffn.hidden")}, has);
    if (leaf == "output") return make("the layer's output", {L.name("add_norm" + std::to_string(ffn))}, has);
    return addNormOp(L, leaf, has);
}

std::string lastLayerOutput(const std::string& side, const Has& has) {
    std::string last;
    for (int l = 0; l < 100000 && has(side + "." + std::to_string(l) + ".output"); ++l) last = side + "." + std::to_string(l) + ".output";
    return last.empty() ? side + ".input" : last;
}

OpInfo stageOp(const std::string& name, const Has& has) {
    const std::string pe = "PE(pos, 2i) = sin(pos / 10000^(2i/d_model)),  PE(pos, 2i+1) = cos(…)";
    if (name == "input.src_embedding" || name == "input.tgt_embedding") return make("E[token] · √d_model", {}, has);
    if (name == "input.positional_encoding" || name == "input.tgt_positional_encoding") return make(pe, {}, has);
    if (name == "encoder.input") return make("x = E[token]·√d_model + PE", {"input.src_embedding", "input.positional_encoding"}, has);
    if (name == "decoder.input")
        return make("y = E[token]·√d_model + PE", {"input.tgt_embedding", "input.tgt_positional_encoding"}, has);
    for (const std::string side : {"encoder", "decoder"}) {
        const std::string last = lastLayerOutput(side, has);
        if (name == side + ".norm_mean") return make("μ = mean of each row", {last}, has);
        if (name == side + ".norm_rstd") return make("1/σ = 1 / √(var + ε), each row", {last}, has);
        if (name == side + ".output")
            return has(side + ".norm_rstd") ? make("LayerNorm(x) = γ·(x − μ)/σ + β", {last}, has)
                                            : make("the last layer's output", {last}, has);
    }
    if (name == "output.logits") return make("logits = y·W_out + b", {"decoder.output"}, has);
    if (name == "output.probs") return make("P = softmax(logits), row by row", {"output.logits"}, has);
    return {};
}

}  // namespace

OpInfo opInfo(const std::string& name, bool normFirst, const Has& has) {
    if (const auto a = parseAttentionName(name)) return attentionOp(*a, normFirst, has);
    OpInfo info = stageOp(name, has);
    if (!info.formula.empty()) return info;
    return layerOp(name, normFirst, has);
}

}  // namespace alab::core
