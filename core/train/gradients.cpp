// Zero gradients and the gradient visitor (see gradients.h).
#include "core/train/gradients.h"

namespace alab::core {
namespace {

void zero(Matrix& m, Eigen::Index rows, Eigen::Index cols) { m = Matrix::Zero(rows, cols); }
void zero(RowVector& v, Eigen::Index n) { v = RowVector::Zero(n); }
void zero(Linear& l, int out, int in) { zero(l.weight, out, in), zero(l.bias, out); }
void zero(LayerNormWeights& n, int d) { zero(n.gamma, d), zero(n.beta, d); }

void zero(MhaWeights& w, const ModelConfig& c) {
    const int p = c.projDim();
    for (Matrix* m : {&w.wq, &w.wk, &w.wv}) zero(*m, p, c.d_model);
    for (RowVector* b : {&w.bq, &w.bk, &w.bv}) zero(*b, p);
    zero(w.out, c.d_model, p);
}

}  // namespace

Weights zeroWeightsLike(const ModelConfig& c) {
    Weights w;
    zero(w.src_embed, c.src_vocab, c.d_model);
    zero(w.tgt_embed, c.tgt_vocab, c.d_model);
    if (c.positional_encoding == PositionalEncoding::Learned) zero(w.pos_embed, c.max_len, c.d_model);
    w.encoder.resize(size_t(c.encoder_layers));
    for (EncoderLayerWeights& e : w.encoder) {
        zero(e.self_attn, c);
        zero(e.linear1, c.d_ff, c.d_model);
        zero(e.linear2, c.d_model, c.d_ff);
        zero(e.norm1, c.d_model), zero(e.norm2, c.d_model);
    }
    zero(w.encoder_norm, c.d_model);
    w.decoder.resize(size_t(c.decoder_layers));
    for (DecoderLayerWeights& d : w.decoder) {
        zero(d.self_attn, c), zero(d.cross_attn, c);
        zero(d.linear1, c.d_ff, c.d_model);
        zero(d.linear2, c.d_model, c.d_ff);
        zero(d.norm1, c.d_model), zero(d.norm2, c.d_model), zero(d.norm3, c.d_model);
    }
    zero(w.decoder_norm, c.d_model);
    zero(w.generator, c.tgt_vocab, c.d_model);
    return w;
}

void visitGradients(const ModelConfig& config, const Gradients& grads, const TensorVisitor& visit) {
    Tensor loss;  // rank 0
    loss.data = {grads.loss};
    visit("output.loss", loss);
    visitTrace(grads.activations, [&](const std::string& name, const Tensor& t) { visit("grad." + name, t); });
    for (const auto& [name, t] : toNamedTensors(config, grads.params)) visit("grad.param." + name, t);
}

}  // namespace alab::core
