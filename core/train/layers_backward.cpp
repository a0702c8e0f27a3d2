// LayerNorm, FFN and layer backward (see layers_backward.h). The layer functions read the forward
// in reverse: post-norm  r = x + sublayer(x), y = norm(r);  pre-norm  n = norm(x), y = x + sublayer(n).
#include "core/train/layers_backward.h"

#include "core/model/row_blocks.h"
#include "core/train/attention_backward.h"

#include <cmath>

namespace alab::core {
namespace {

void keep(Matrix* slot, const Matrix& value) {
    if (slot) *slot = value;
}

// dL/du = dL/dh · activation'(u) at the pre-activation u: ReLU's step, or exact GELU's Φ(u) + u·φ(u);
// by row blocks on the pool's threads (core/model/row_blocks.h).
Matrix activationBackward(const Matrix& dh, const Matrix& u, Activation act) {
    Matrix du(u.rows(), u.cols());
    forRowBlocks(u.rows(), u.cols(), [&](Eigen::Index begin, Eigen::Index n) {
        const auto ub = u.middleRows(begin, n);
        if (act == Activation::Relu) {
            du.middleRows(begin, n) = dh.middleRows(begin, n).cwiseProduct((ub.array() > 0.0f).cast<float>().matrix());
            return;
        }
        du.middleRows(begin, n) = dh.middleRows(begin, n).cwiseProduct(ub.unaryExpr([](float v) {
            const float cdf = 0.5f * (1.0f + std::erf(v * float(M_SQRT1_2)));
            const float pdf = std::exp(-0.5f * v * v) * float(0.5 * M_2_SQRTPI * M_SQRT1_2);  // 1/sqrt(2π)
            return cdf + v * pdf;
        }));
    });
    return du;
}

// One attention's backward: per example of a packed batch when segments are given (qs, ks), else
// the one-example form that can record activation gradients into g.
void attentionBackward(const Matrix& dout, const Matrix& xq, const Matrix& xkv, const MhaWeights& w,
                       const AttentionTrace& t, Matrix& dxq, Matrix& dxkv, MhaWeights& grads, AttentionTrace* g,
                       const std::vector<Segment>* qs, const std::vector<Segment>* ks) {
    if (qs) packedAttentionBackward(dout, xq, xkv, w, t, *qs, *ks, dxq, dxkv, grads);
    else multiHeadAttentionBackward(dout, xq, xkv, w, t, dxq, dxkv, grads, g);
}

// The self-attention backward of a layer: dL/dx of attention(x, x) is the sum of both input paths.
Matrix selfAttentionBackward(const Matrix& dout, const Matrix& x, const MhaWeights& w, const AttentionTrace& t,
                             MhaWeights& grads, AttentionTrace* g, const std::vector<Segment>* segs) {
    Matrix dxq, dxkv;
    attentionBackward(dout, x, x, w, t, dxq, dxkv, grads, g, segs, segs);
    dxq += dxkv;
    return dxq;
}

// dL/d(sublayer output) through its dropout, passed on as const Matrix&: dy itself when no mask was
// drawn (the usual case; dropoutBackward would copy it), else dy ∘ mask, alive for the full expression.
class Dropped {
public:
    Dropped(const Matrix& dy, const Matrix& mask) : m_dy(dy) {
        if (mask.size() > 0) m_masked = dy.cwiseProduct(mask);
    }
    operator const Matrix&() const { return m_masked.size() > 0 ? m_masked : m_dy; }

private:
    const Matrix& m_dy;
    Matrix m_masked;
};

}  // namespace

Matrix dropoutBackward(const Matrix& dy, const Matrix& mask) {
    return mask.size() == 0 ? dy : dy.cwiseProduct(mask);
}

// Rows are independent but for γ's and β's gradients, column sums over every row: those are taken
// over the whole matrices, as one serial expression.
Matrix layerNormBackward(const Matrix& dy, const Matrix& x, const LayerNormStats& s, const LayerNormWeights& w,
                         LayerNormWeights& grads) {
    Matrix xhat(x.rows(), x.cols()), dx(x.rows(), x.cols());
    forRowBlocks(x.rows(), x.cols(), [&](Eigen::Index b, Eigen::Index n) {
        const auto mean = s.mean.col(0).segment(b, n);
        const auto rstd = s.rstd.col(0).segment(b, n);
        xhat.middleRows(b, n) = ((x.middleRows(b, n).colwise() - mean).array().colwise() * rstd.array()).matrix();
        const auto xh = xhat.middleRows(b, n);
        const Matrix dnorm = (dy.middleRows(b, n).array().rowwise() * w.gamma.array()).matrix();  // dL/dxhat
        const Eigen::VectorXf meanD = dnorm.rowwise().mean();
        const Eigen::VectorXf meanDX = dnorm.cwiseProduct(xh).rowwise().mean();
        Matrix d = dnorm - (xh.array().colwise() * meanDX.array()).matrix();
        d.colwise() -= meanD;
        dx.middleRows(b, n) = (d.array().colwise() * rstd.array()).matrix();
    });
    grads.beta += dy.colwise().sum();
    grads.gamma += dy.cwiseProduct(xhat).colwise().sum();
    return dx;
}

Matrix feedForwardBackward(const Matrix& dout, const Matrix& x, const FfnTrace& t, const Linear& linear1,
                           const Linear& linear2, Activation act, Linear& grad1, Linear& grad2, FfnTrace* g) {
    const Matrix dhidden = affineBackward(dout, t.hidden, linear2.weight, grad2.weight, grad2.bias);
    const Matrix dpre = activationBackward(dhidden, t.pre_activation, act);
    if (g) {
        g->output = dout;
        g->hidden = dhidden;
        g->pre_activation = dpre;
    }
    return affineBackward(dpre, x, linear1.weight, grad1.weight, grad1.bias);
}

Matrix encoderLayerBackward(const Matrix& dout, const Matrix& x, const EncoderLayerWeights& w, const ModelConfig& c,
                            const EncoderLayerTrace& t, EncoderLayerWeights& gw, EncoderLayerTrace* g,
                            const PackedRows* packed) {
    const std::vector<Segment>* segs = packed ? &packed->src : nullptr;
    if (g) g->captured = true;
    keep(g ? &g->output : nullptr, dout);
    keep(g ? &g->add_norm2 : nullptr, dout);
    FfnTrace* gf = g ? &g->ffn : nullptr;
    if (!c.norm_first) {
        keep(g ? &g->norm2 : nullptr, dout);
        const Matrix dr2 = layerNormBackward(dout, t.residual2, t.norm2_stats, w.norm2, gw.norm2);
        keep(g ? &g->residual2 : nullptr, dr2);
        const Matrix dh1 = dr2 + feedForwardBackward(Dropped(dr2, t.dropout2), t.norm1, t.ffn, w.linear1,
                                                     w.linear2, c.activation, gw.linear1, gw.linear2, gf);
        keep(g ? &g->norm1 : nullptr, dh1);
        keep(g ? &g->add_norm1 : nullptr, dh1);
        const Matrix dr1 = layerNormBackward(dh1, t.residual1, t.norm1_stats, w.norm1, gw.norm1);
        keep(g ? &g->residual1 : nullptr, dr1);
        return dr1 + selfAttentionBackward(Dropped(dr1, t.dropout1), x, w.self_attn, t.self_attn, gw.self_attn,
                                           g ? &g->self_attn : nullptr, segs);
    }
    const Matrix dn2 = feedForwardBackward(Dropped(dout, t.dropout2), t.norm2, t.ffn, w.linear1, w.linear2,
                                           c.activation, gw.linear1, gw.linear2, gf);
    keep(g ? &g->norm2 : nullptr, dn2);
    const Matrix da1 = dout + layerNormBackward(dn2, t.add_norm1, t.norm2_stats, w.norm2, gw.norm2);
    keep(g ? &g->add_norm1 : nullptr, da1);
    const Matrix dn1 = selfAttentionBackward(Dropped(da1, t.dropout1), t.norm1, w.self_attn, t.self_attn,
                                             gw.self_attn, g ? &g->self_attn : nullptr, segs);
    keep(g ? &g->norm1 : nullptr, dn1);
    return da1 + layerNormBackward(dn1, x, t.norm1_stats, w.norm1, gw.norm1);
}

Matrix decoderLayerBackward(const Matrix& dout, const Matrix& x, const Matrix& memory, const DecoderLayerWeights& w,
                            const ModelConfig& c, const DecoderLayerTrace& t, Matrix& dMemory,
                            DecoderLayerWeights& gw, DecoderLayerTrace* g,
                            const PackedRows* packed) {
    const std::vector<Segment>* segs = packed ? &packed->tgt : nullptr;
    const std::vector<Segment>* srcSegs = packed ? &packed->src : nullptr;
    if (g) g->captured = true;
    keep(g ? &g->output : nullptr, dout);
    keep(g ? &g->add_norm3 : nullptr, dout);
    FfnTrace* gf = g ? &g->ffn : nullptr;
    AttentionTrace* gs = g ? &g->self_attn : nullptr;
    AttentionTrace* gc = g ? &g->cross_attn : nullptr;
    Matrix dq, dkv;
    if (!c.norm_first) {
        keep(g ? &g->norm3 : nullptr, dout);
        const Matrix dr3 = layerNormBackward(dout, t.residual3, t.norm3_stats, w.norm3, gw.norm3);
        keep(g ? &g->residual3 : nullptr, dr3);
        const Matrix dh2 = dr3 + feedForwardBackward(Dropped(dr3, t.dropout3), t.norm2, t.ffn, w.linear1,
                                                     w.linear2, c.activation, gw.linear1, gw.linear2, gf);
        keep(g ? &g->norm2 : nullptr, dh2);
        keep(g ? &g->add_norm2 : nullptr, dh2);
        const Matrix dr2 = layerNormBackward(dh2, t.residual2, t.norm2_stats, w.norm2, gw.norm2);
        keep(g ? &g->residual2 : nullptr, dr2);
        attentionBackward(Dropped(dr2, t.dropout2), t.norm1, memory, w.cross_attn, t.cross_attn, dq, dkv,
                          gw.cross_attn, gc, segs, srcSegs);
        dMemory += dkv;
        const Matrix dh1 = dr2 + dq;
        keep(g ? &g->norm1 : nullptr, dh1);
        keep(g ? &g->add_norm1 : nullptr, dh1);
        const Matrix dr1 = layerNormBackward(dh1, t.residual1, t.norm1_stats, w.norm1, gw.norm1);
        keep(g ? &g->residual1 : nullptr, dr1);
        return dr1 + selfAttentionBackward(Dropped(dr1, t.dropout1), x, w.self_attn, t.self_attn, gw.self_attn,
                                           gs, segs);
    }
    const Matrix dn3 = feedForwardBackward(Dropped(dout, t.dropout3), t.norm3, t.ffn, w.linear1, w.linear2,
                                           c.activation, gw.linear1, gw.linear2, gf);
    keep(g ? &g->norm3 : nullptr, dn3);
    const Matrix da2 = dout + layerNormBackward(dn3, t.add_norm2, t.norm3_stats, w.norm3, gw.norm3);
    keep(g ? &g->add_norm2 : nullptr, da2);
    attentionBackward(Dropped(da2, t.dropout2), t.norm2, memory, w.cross_attn, t.cross_attn, dq, dkv,
                      gw.cross_attn, gc, segs, srcSegs);
    dMemory += dkv;
    keep(g ? &g->norm2 : nullptr, dq);
    const Matrix da1 = da2 + layerNormBackward(dq, t.add_norm1, t.norm2_stats, w.norm2, gw.norm2);
    keep(g ? &g->add_norm1 : nullptr, da1);
    const Matrix dn1 = selfAttentionBackward(Dropped(da1, t.dropout1), t.norm1, w.self_attn, t.self_attn,
                                             gw.self_attn, gs, segs);
    keep(g ? &g->norm1 : nullptr, dn1);
    return da1 + layerNormBackward(dn1, x, t.norm1_stats, w.norm1, gw.norm1);
}

}  // namespace alab::core
