// The hooked forward pass (see hooked_forward.h). It follows core/model.cpp, core/layers.cpp and
// core/attention.cpp step by step, but computes each attention stage for all heads before the next,
// so that a hook sees (and may change) a whole [h, rows, cols] tensor before it is used.
// Legend: Tq query rows, Tk key rows, h heads, d_k per-head width.
#include "core/debug/hooked_forward.h"

#include "core/attention.h"
#include "core/layers.h"
#include "core/positional_encoding.h"
#include "core/trace_names.h"

#include <cmath>
#include <limits>

namespace alab::core {
namespace {

class HookedPass {
public:
    HookedPass(const Model& model, const TensorHooks& hooks)
        : m_c(model.config()), m_w(model.weights()), m_hooks(hooks) {}

    Trace run(const std::vector<int>& src, const std::vector<int>& tgt);

private:
    // Hands `value` to the hook, then records it in `slot`.
    void keep(const std::string& name, Matrix& value, Matrix* slot = nullptr) {
        if (m_hooks.matrix) m_hooks.matrix(name, value);
        if (slot) *slot = value;
    }
    void keep(const std::string& name, HeadStack& value) {
        if (m_hooks.heads) m_hooks.heads(name, value);
    }
    Matrix embed(const std::vector<int>& ids, const Matrix& table, bool target, Trace& t);
    Matrix attention(const std::string& p, const Matrix& xq, const Matrix& xkv, const MhaWeights& w, const Matrix& mask,
                     AttentionTrace& a);
    Matrix feedForward(const std::string& p, const Matrix& x, const Linear& l1, const Linear& l2, FfnTrace& f);
    using Sublayer = std::function<Matrix(const Matrix&)>;
    struct NormSlots {
        Matrix* residual;
        Matrix* norm;
        Matrix* addNorm;
        LayerNormStats* stats;
    };
    Matrix block(const std::string& p, int i, const Matrix& x, const Sublayer& sub, const LayerNormWeights& nw, NormSlots s);
    Matrix encoderLayer(int l, const Matrix& x, const Matrix& mask, EncoderLayerTrace& t);
    Matrix decoderLayer(int l, const Matrix& x, const Matrix& memory, const Matrix& selfMask, const Matrix& crossMask,
                        DecoderLayerTrace& t);

    const ModelConfig& m_c;
    const Weights& m_w;
    const TensorHooks& m_hooks;
};

Matrix HookedPass::embed(const std::vector<int>& ids, const Matrix& table, bool target, Trace& t) {
    const int n = int(ids.size()), d = m_c.d_model;
    Matrix e(n, d), pe;
    const float scale = m_c.scale_embedding ? std::sqrt(float(d)) : 1.0f;
    for (int i = 0; i < n; ++i) e.row(i) = table.row(ids[size_t(i)]) * scale;
    switch (m_c.positional_encoding) {
    case PositionalEncoding::Sinusoidal: pe = sinusoidalEncoding(n, d); break;
    case PositionalEncoding::Learned: pe = m_w.pos_embed.topRows(n); break;
    case PositionalEncoding::None: pe = Matrix::Zero(n, d); break;
    }
    keep(target ? "input.tgt_embedding" : "input.src_embedding", e, target ? &t.tgt_embedding : &t.src_embedding);
    keep(target ? "input.tgt_positional_encoding" : "input.positional_encoding", pe,
         target ? &t.tgt_positional_encoding : &t.src_positional_encoding);
    Matrix x = e + pe;
    keep(target ? "decoder.input" : "encoder.input", x, target ? &t.decoder_input : &t.encoder_input);
    return x;
}

Matrix HookedPass::attention(const std::string& p, const Matrix& xq, const Matrix& xkv, const MhaWeights& w,
                             const Matrix& mask, AttentionTrace& a) {
    const int heads = m_c.heads;
    const Eigen::Index d_k = w.wq.rows() / heads;
    const Matrix q = affine(xq, w.wq, w.bq), k = affine(xkv, w.wk, w.bk), v = affine(xkv, w.wv, w.bv);  // [T, h*d_k]
    for (HeadStack* s : {&a.q, &a.k, &a.v, &a.scores, &a.scaled, &a.weights, &a.context}) s->assign(size_t(heads), Matrix());
    for (int h = 0; h < heads; ++h) {
        a.q[size_t(h)] = q.middleCols(h * d_k, d_k);
        a.k[size_t(h)] = k.middleCols(h * d_k, d_k);
        a.v[size_t(h)] = v.middleCols(h * d_k, d_k);
    }
    keep(p + "q", a.q);
    keep(p + "k", a.k);
    keep(p + "v", a.v);
    a.mask = mask;
    keep(p + "mask", a.mask);
    for (size_t h = 0; h < size_t(heads); ++h) {
        a.scores[h].resize(a.q[h].rows(), a.k[h].rows());
        a.scores[h].noalias() = a.q[h] * a.k[h].transpose();
    }
    keep(p + "scores", a.scores);
    for (size_t h = 0; h < size_t(heads); ++h) {
        a.scaled[h] = a.scores[h] * (1.0f / std::sqrt(float(d_k)));
        a.scaled[h] = (a.mask.array() > 0.5f).select(a.scaled[h], -std::numeric_limits<float>::infinity());
    }
    keep(p + "scaled", a.scaled);
    for (size_t h = 0; h < size_t(heads); ++h) a.weights[h] = softmaxRows(a.scaled[h]);
    keep(p + "weights", a.weights);
    for (size_t h = 0; h < size_t(heads); ++h) {
        a.context[h].resize(a.weights[h].rows(), a.v[h].cols());
        a.context[h].noalias() = a.weights[h] * a.v[h];
    }
    keep(p + "context", a.context);
    Matrix concat(xq.rows(), heads * d_k);
    for (int h = 0; h < heads; ++h) concat.middleCols(h * d_k, d_k) = a.context[size_t(h)];
    keep(p + "concat", concat, &a.concat);
    Matrix out = affine(a.concat, w.out.weight, w.out.bias);  // [Tq, d_model]
    keep(p + "output", out, &a.output);
    return out;
}

Matrix HookedPass::feedForward(const std::string& p, const Matrix& x, const Linear& l1, const Linear& l2, FfnTrace& f) {
    Matrix pre = affine(x, l1.weight, l1.bias);
    keep(p + "ffn.pre_activation", pre, &f.pre_activation);
    Matrix hidden = pre;
    if (m_c.activation == Activation::Relu) hidden = hidden.cwiseMax(0.0f);
    else hidden = hidden.unaryExpr([](float v) { return 0.5f * v * (1.0f + std::erf(v * float(M_SQRT1_2))); });
    keep(p + "ffn.hidden", hidden, &f.hidden);
    Matrix out = affine(hidden, l2.weight, l2.bias);
    keep(p + "ffn.output", out, &f.output);
    return out;
}

// Sub-layer i with its residual connection and LayerNorm i: post-norm x = norm(x + sub(x)),
// pre-norm x = x + sub(norm(x)).
Matrix HookedPass::block(const std::string& p, int i, const Matrix& x, const Sublayer& sub, const LayerNormWeights& nw,
                         NormSlots s) {
    const std::string n = std::to_string(i);
    Matrix h;
    if (!m_c.norm_first) {
        h = x + sub(x);
        keep(p + "residual" + n, h, s.residual);
        h = layerNorm(h, nw, m_c.layer_norm_eps, s.stats);
        keep(p + "norm" + n, h, s.norm);
    } else {
        Matrix normed = layerNorm(x, nw, m_c.layer_norm_eps, s.stats);
        keep(p + "norm" + n, normed, s.norm);
        h = x + sub(normed);
    }
    keep(p + "add_norm" + n, h, s.addNorm);
    return h;
}

Matrix HookedPass::encoderLayer(int l, const Matrix& x, const Matrix& mask, EncoderLayerTrace& t) {
    const EncoderLayerWeights& w = m_w.encoder[size_t(l)];
    const std::string p = layerTensorName(false, l, "");
    const std::string a = attentionPrefix(AttentionKind::EncoderSelf, l) + ".";
    t.captured = true;
    Matrix h = block(p, 1, x, [&](const Matrix& in) { return attention(a, in, in, w.self_attn, mask, t.self_attn); },
                     w.norm1, {&t.residual1, &t.norm1, &t.add_norm1, &t.norm1_stats});
    h = block(p, 2, h, [&](const Matrix& in) { return feedForward(p, in, w.linear1, w.linear2, t.ffn); }, w.norm2,
              {&t.residual2, &t.norm2, &t.add_norm2, &t.norm2_stats});
    keep(p + "output", h, &t.output);
    return h;
}

Matrix HookedPass::decoderLayer(int l, const Matrix& x, const Matrix& memory, const Matrix& selfMask,
                                const Matrix& crossMask, DecoderLayerTrace& t) {
    const DecoderLayerWeights& w = m_w.decoder[size_t(l)];
    const std::string p = layerTensorName(true, l, "");
    const std::string sa = attentionPrefix(AttentionKind::DecoderSelf, l) + ".";
    const std::string ca = attentionPrefix(AttentionKind::Cross, l) + ".";
    t.captured = true;
    Matrix h = block(p, 1, x, [&](const Matrix& in) { return attention(sa, in, in, w.self_attn, selfMask, t.self_attn); },
                     w.norm1, {&t.residual1, &t.norm1, &t.add_norm1, &t.norm1_stats});
    h = block(p, 2, h, [&](const Matrix& in) { return attention(ca, in, memory, w.cross_attn, crossMask, t.cross_attn); },
              w.norm2, {&t.residual2, &t.norm2, &t.add_norm2, &t.norm2_stats});
    h = block(p, 3, h, [&](const Matrix& in) { return feedForward(p, in, w.linear1, w.linear2, t.ffn); }, w.norm3,
              {&t.residual3, &t.norm3, &t.add_norm3, &t.norm3_stats});
    keep(p + "output", h, &t.output);
    return h;
}

Trace HookedPass::run(const std::vector<int>& src, const std::vector<int>& tgt) {
    Trace t;
    t.src_ids = src, t.tgt_ids = tgt;
    const int S = int(src.size()), T = int(tgt.size());
    Matrix x = embed(src, m_w.src_embed, false, t);
    const Matrix srcMask = paddingMask(S, src, m_c.pad_id);
    t.encoder.resize(size_t(m_c.encoder_layers));
    for (int l = 0; l < m_c.encoder_layers; ++l) x = encoderLayer(l, x, srcMask, t.encoder[size_t(l)]);
    if (m_c.final_norm && m_c.encoder_layers > 0) x = layerNorm(x, m_w.encoder_norm, m_c.layer_norm_eps, &t.encoder_norm_stats);
    keep("encoder.output", x, &t.encoder_output);
    if (T == 0) return t;

    Matrix y = embed(tgt, m_w.tgt_embed, true, t);
    const Matrix selfMask = causalMask(T).cwiseProduct(paddingMask(T, tgt, m_c.pad_id));
    const Matrix crossMask = paddingMask(T, src, m_c.pad_id);
    t.decoder.resize(size_t(m_c.decoder_layers));
    for (int l = 0; l < m_c.decoder_layers; ++l)
        y = decoderLayer(l, y, t.encoder_output, selfMask, crossMask, t.decoder[size_t(l)]);
    if (m_c.final_norm) y = layerNorm(y, m_w.decoder_norm, m_c.layer_norm_eps, &t.decoder_norm_stats);
    keep("decoder.output", y, &t.decoder_output);
    Matrix logits = affine(t.decoder_output, m_w.generator.weight, m_w.generator.bias);  // [T, tgt_vocab]
    keep("output.logits", logits, &t.logits);
    Matrix probs = softmaxRows(t.logits);
    keep("output.probs", probs, &t.probs);
    return t;
}

void checkIds(const std::vector<int>& ids, int vocab, int maxLen, const char* which) {
    if (ids.size() > size_t(maxLen))
        throw InvalidArgument(std::string("the ") + which + " has " + std::to_string(ids.size()) + " tokens, more than max_len " +
                              std::to_string(maxLen));
    for (size_t i = 0; i < ids.size(); ++i)
        if (ids[i] < 0 || ids[i] >= vocab)
            throw InvalidArgument("token id " + std::to_string(ids[i]) + " at " + which + " position " + std::to_string(i) +
                                  " is outside the vocabulary of " + std::to_string(vocab));
}

}  // namespace

Trace hookedForward(const Model& model, const std::vector<int>& src, const std::vector<int>& tgt, const TensorHooks& hooks) {
    const ModelConfig& c = model.config();
    if (src.empty()) throw InvalidArgument("the source sentence is empty");
    checkIds(src, c.src_vocab, c.max_len, "source");
    checkIds(tgt, c.tgt_vocab, c.max_len, "target");
    if (!tgt.empty() && c.decoder_layers == 0) throw InvalidArgument("this model has no decoder, so it takes no target tokens");
    return HookedPass(model, hooks).run(src, tgt);
}

}  // namespace alab::core
