// Tensor names (see trace_names.h): built by concatenation and read back by splitting on dots, no
// regular expressions.
#include "core/trace_names.h"

#include <cstdlib>

namespace alab::core {

std::string attentionKindKey(AttentionKind kind) {
    switch (kind) {
    case AttentionKind::EncoderSelf: return "encoder-self";
    case AttentionKind::DecoderSelf: return "decoder-self";
    case AttentionKind::Cross: return "cross";
    }
    return {};
}

std::optional<AttentionKind> attentionKindFromKey(const std::string& key) {
    for (AttentionKind k : {AttentionKind::EncoderSelf, AttentionKind::DecoderSelf, AttentionKind::Cross})
        if (attentionKindKey(k) == key) return k;
    return std::nullopt;
}

std::string attentionPrefix(AttentionKind kind, int layer) {
    return layerTensorName(kind != AttentionKind::EncoderSelf, layer, kind == AttentionKind::Cross ? "cross_attn" : "self_attn");
}

std::string attentionTensorName(AttentionKind kind, int layer, const std::string& leaf) {
    return attentionPrefix(kind, layer) + "." + leaf;
}

std::string layerTensorName(bool decoder, int layer, const std::string& leaf) {
    return std::string(decoder ? "decoder." : "encoder.") + std::to_string(layer) + "." + leaf;
}

std::optional<AttentionName> parseAttentionName(const std::string& name) {
    const size_t a = name.find('.'), b = a == std::string::npos ? a : name.find('.', a + 1),
                 c = b == std::string::npos ? b : name.find('.', b + 1);
    if (c == std::string::npos) return std::nullopt;
    const std::string stack = name.substr(0, a), number = name.substr(a + 1, b - a - 1), block = name.substr(b + 1, c - b - 1),
                      leaf = name.substr(c + 1);
    if (number.empty() || number.size() > 6 || number.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    if (leaf.empty() || leaf.find('.') != std::string::npos) return std::nullopt;
    const int layer = std::atoi(number.c_str());
    if (stack == "encoder" && block == "self_attn") return AttentionName{AttentionKind::EncoderSelf, layer, leaf};
    if (stack == "decoder" && block == "self_attn") return AttentionName{AttentionKind::DecoderSelf, layer, leaf};
    if (stack == "decoder" && block == "cross_attn") return AttentionName{AttentionKind::Cross, layer, leaf};
    return std::nullopt;
}

bool isAttentionMap(const std::string& leaf) { return leaf == "scores" || leaf == "scaled" || leaf == "weights"; }

std::string inProjWeightName(AttentionKind kind, int layer) {
    const std::string stack = kind == AttentionKind::EncoderSelf ? "encoder" : "decoder";
    const std::string block = kind == AttentionKind::Cross ? "multihead_attn" : "self_attn";
    return stack + ".layers." + std::to_string(layer) + "." + block + ".in_proj_weight";
}

const AttentionTrace* findAttention(const Trace& trace, AttentionKind kind, int layer) {
    if (layer < 0) return nullptr;
    if (kind == AttentionKind::EncoderSelf) {
        if (layer >= int(trace.encoder.size()) || !trace.encoder[size_t(layer)].captured) return nullptr;
        return &trace.encoder[size_t(layer)].self_attn;
    }
    if (layer >= int(trace.decoder.size()) || !trace.decoder[size_t(layer)].captured) return nullptr;
    const DecoderLayerTrace& d = trace.decoder[size_t(layer)];
    return kind == AttentionKind::Cross ? &d.cross_attn : &d.self_attn;
}

int attentionLayerCount(const Trace& trace, AttentionKind kind) {
    const int layers = int(kind == AttentionKind::EncoderSelf ? trace.encoder.size() : trace.decoder.size());
    for (int l = 0; l < layers; ++l) {
        const AttentionTrace* a = findAttention(trace, kind, l);
        if (!a || a->q.empty()) return 0;  // q: lean traces keep no weights
    }
    return layers;
}

int attentionHeadCount(const Trace& trace, AttentionKind kind) {
    if (attentionLayerCount(trace, kind) == 0) return 0;
    return int(findAttention(trace, kind, 0)->q.size());
}


bool globMatch(const std::string& glob, const std::string& name) {
    size_t g = 0, n = 0, starG = std::string::npos, starN = 0;
    while (n < name.size()) {
        if (g < glob.size() && (glob[g] == '?' || glob[g] == name[n])) {
            ++g, ++n;
        } else if (g < glob.size() && glob[g] == '*') {
            starG = g++, starN = n;
        } else if (starG != std::string::npos) {
            g = starG + 1, n = ++starN;  // let the last * take one more character
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob[g] == '*') ++g;
    return g == glob.size();
}

}  // namespace alab::core
