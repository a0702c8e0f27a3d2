// LayerNorm, FFN and the two Transformer layer types.
#include "core/layers.h"

#include "core/attention.h"
#include "core/model/row_blocks.h"

#include <cmath>

namespace alab::core {
namespace {

// out = activation(in), by row blocks on the pool's threads (core/model/row_blocks.h); out may be in.
void activate(const Matrix& in, Matrix& out, Activation act) {
    if (&out != &in) out.resize(in.rows(), in.cols());
    forRowBlocks(in.rows(), in.cols(), [&](Eigen::Index begin, Eigen::Index n) {
        const auto x = in.middleRows(begin, n);
        if (act == Activation::Relu) {
            out.middleRows(begin, n) = x.cwiseMax(0.0f);
        } else {  // exact GELU, x·Φ(x), as PyTorch's default
            out.middleRows(begin, n) =
                x.unaryExpr([](float v) { return 0.5f * v * (1.0f + std::erf(v * float(M_SQRT1_2))); });
        }
    });
}

// Record a LayerNorm output / residual stream into a trace slot when tracing.
void keep(Matrix* slot, const Matrix& value) {
    if (slot) *slot = value;
}

}  // namespace

Matrix layerNorm(const Matrix& x, const LayerNormWeights& w, float eps, LayerNormStats* stats) {
    Matrix y(x.rows(), x.cols());
    if (stats) {
        stats->mean.resize(x.rows(), 1);
        stats->rstd.resize(x.rows(), 1);
    }
    forRowBlocks(x.rows(), x.cols(), [&](Eigen::Index begin, Eigen::Index n) {
        for (Eigen::Index r = begin; r < begin + n; ++r) {  // one pass over y: centre, scale, gamma, beta
            const float mean = x.row(r).mean();
            const float var = (x.row(r).array() - mean).square().mean();
            const float inv = 1.0f / std::sqrt(var + eps);
            y.row(r) = ((x.row(r).array() - mean) * inv * w.gamma.array() + w.beta.array()).matrix();
            if (stats) stats->mean(r, 0) = mean, stats->rstd(r, 0) = inv;
        }
    });
    return y;
}

Matrix feedForward(const Matrix& x, const Linear& linear1, const Linear& linear2, Activation act, FfnTrace* trace) {
    Matrix hidden = affine(x, linear1.weight, linear1.bias);
    if (trace) {  // the pre-activation moves into the trace; the activation writes a new matrix (no copy)
        trace->pre_activation = std::move(hidden);
        activate(trace->pre_activation, hidden, act);
    } else {
        activate(hidden, hidden, act);
    }
    Matrix out = affine(hidden, linear2.weight, linear2.bias);
    if (trace) {
        trace->hidden = std::move(hidden);
        trace->output = out;
    }
    return out;
}

Matrix encoderLayer(const Matrix& x, const EncoderLayerWeights& w, const ModelConfig& c, const Matrix& mask,
                    EncoderLayerTrace* t, Dropout* drop) {
    const float eps = c.layer_norm_eps;
    Matrix* mask1 = t ? &t->dropout1 : nullptr;
    Matrix* mask2 = t ? &t->dropout2 : nullptr;
    Matrix h;
    if (!c.norm_first) {  // x = norm1(x + sa(x)); x = norm2(x + ff(x))
        h = x + applyDropout(multiHeadAttention(x, x, w.self_attn, c.heads, mask, t ? &t->self_attn : nullptr), drop,
                             mask1);
        keep(t ? &t->residual1 : nullptr, h);
        h = layerNorm(h, w.norm1, eps, t ? &t->norm1_stats : nullptr);
        keep(t ? &t->norm1 : nullptr, h);
        keep(t ? &t->add_norm1 : nullptr, h);
        h = h + applyDropout(feedForward(h, w.linear1, w.linear2, c.activation, t ? &t->ffn : nullptr), drop, mask2);
        keep(t ? &t->residual2 : nullptr, h);
        h = layerNorm(h, w.norm2, eps, t ? &t->norm2_stats : nullptr);
        keep(t ? &t->norm2 : nullptr, h);
    } else {  // x = x + sa(norm1(x)); x = x + ff(norm2(x))
        const Matrix n1 = layerNorm(x, w.norm1, eps, t ? &t->norm1_stats : nullptr);
        keep(t ? &t->norm1 : nullptr, n1);
        h = x + applyDropout(multiHeadAttention(n1, n1, w.self_attn, c.heads, mask, t ? &t->self_attn : nullptr), drop,
                             mask1);
        keep(t ? &t->add_norm1 : nullptr, h);
        const Matrix n2 = layerNorm(h, w.norm2, eps, t ? &t->norm2_stats : nullptr);
        keep(t ? &t->norm2 : nullptr, n2);
        h = h + applyDropout(feedForward(n2, w.linear1, w.linear2, c.activation, t ? &t->ffn : nullptr), drop, mask2);
    }
    keep(t ? &t->add_norm2 : nullptr, h);
    keep(t ? &t->output : nullptr, h);
    return h;
}

Matrix decoderLayer(const Matrix& x, const Matrix& memory, const DecoderLayerWeights& w, const ModelConfig& c,
                    const Matrix& selfMask, const Matrix& crossMask, DecoderLayerTrace* t, Dropout* drop,
                    const KeyValues* memoryKv) {
    const float eps = c.layer_norm_eps;
    Matrix* mask1 = t ? &t->dropout1 : nullptr;
    Matrix* mask2 = t ? &t->dropout2 : nullptr;
    Matrix* mask3 = t ? &t->dropout3 : nullptr;
    AttentionTrace* sa = t ? &t->self_attn : nullptr;
    AttentionTrace* ca = t ? &t->cross_attn : nullptr;
    FfnTrace* ff = t ? &t->ffn : nullptr;
    Matrix h;
    if (!c.norm_first) {
        h = x + applyDropout(multiHeadAttention(x, x, w.self_attn, c.heads, selfMask, sa), drop, mask1);
        keep(t ? &t->residual1 : nullptr, h);
        h = layerNorm(h, w.norm1, eps, t ? &t->norm1_stats : nullptr);
        keep(t ? &t->norm1 : nullptr, h);
        keep(t ? &t->add_norm1 : nullptr, h);
        h = h + applyDropout(multiHeadAttention(h, memory, w.cross_attn, c.heads, crossMask, ca, memoryKv), drop, mask2);
        keep(t ? &t->residual2 : nullptr, h);
        h = layerNorm(h, w.norm2, eps, t ? &t->norm2_stats : nullptr);
        keep(t ? &t->norm2 : nullptr, h);
        keep(t ? &t->add_norm2 : nullptr, h);
        h = h + applyDropout(feedForward(h, w.linear1, w.linear2, c.activation, ff), drop, mask3);
        keep(t ? &t->residual3 : nullptr, h);
        h = layerNorm(h, w.norm3, eps, t ? &t->norm3_stats : nullptr);
        keep(t ? &t->norm3 : nullptr, h);
    } else {
        const Matrix n1 = layerNorm(x, w.norm1, eps, t ? &t->norm1_stats : nullptr);
        keep(t ? &t->norm1 : nullptr, n1);
        h = x + applyDropout(multiHeadAttention(n1, n1, w.self_attn, c.heads, selfMask, sa), drop, mask1);
        keep(t ? &t->add_norm1 : nullptr, h);
        const Matrix n2 = layerNorm(h, w.norm2, eps, t ? &t->norm2_stats : nullptr);
        keep(t ? &t->norm2 : nullptr, n2);
        h = h + applyDropout(multiHeadAttention(n2, memory, w.cross_attn, c.heads, crossMask, ca, memoryKv), drop, mask2);
        keep(t ? &t->add_norm2 : nullptr, h);
        const Matrix n3 = layerNorm(h, w.norm3, eps, t ? &t->norm3_stats : nullptr);
        keep(t ? &t->norm3 : nullptr, n3);
        h = h + applyDropout(feedForward(n3, w.linear1, w.linear2, c.activation, ff), drop, mask3);
    }
    keep(t ? &t->add_norm3 : nullptr, h);
    keep(t ? &t->output : nullptr, h);
    return h;
}

}  // namespace alab::core
