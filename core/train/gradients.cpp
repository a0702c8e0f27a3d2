// Zero gradients and the gradient visitor (see gradients.h).
#include "core/train/gradients.h"

#include "core/parallel.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace alab::core {
namespace {

// Shapes are set here (allocated, not yet written); every block is listed and zeroed afterwards.
using Blocks = std::vector<std::pair<float*, Eigen::Index>>;

void zero(Blocks& z, Matrix& m, Eigen::Index rows, Eigen::Index cols) {
    m.resize(rows, cols);
    z.emplace_back(m.data(), m.size());
}
void zero(Blocks& z, RowVector& v, Eigen::Index n) {
    v.resize(n);
    z.emplace_back(v.data(), v.size());
}
void zero(Blocks& z, Linear& l, int out, int in) { zero(z, l.weight, out, in), zero(z, l.bias, out); }
void zero(Blocks& z, LayerNormWeights& n, int d) { zero(z, n.gamma, d), zero(z, n.beta, d); }

void zero(Blocks& z, MhaWeights& w, const ModelConfig& c) {
    const int p = c.projDim();
    for (Matrix* m : {&w.wq, &w.wk, &w.wv}) zero(z, *m, p, c.d_model);
    for (RowVector* b : {&w.bq, &w.bk, &w.bv}) zero(z, *b, p);
    zero(z, w.out, c.d_model, p);
}

// Runs of at most 2^18 floats (1 MiB), zeroed on the pool's threads: a base model's 176 MB of
// gradients are written once a training step, and one thread alone leaves the other core idle.
void zeroBlocks(const Blocks& blocks) {
    constexpr Eigen::Index run = Eigen::Index(1) << 18;
    std::vector<std::pair<float*, Eigen::Index>> runs;
    for (const auto& [data, size] : blocks)
        for (Eigen::Index b = 0; b < size; b += run) runs.emplace_back(data + b, std::min(run, size - b));
    parallelFor(int(runs.size()), [&](int i) {
        std::fill_n(runs[size_t(i)].first, runs[size_t(i)].second, 0.0f);
    });
}

}  // namespace

Weights zeroWeightsLike(const ModelConfig& c) {
    Weights w;
    Blocks z;
    zero(z, w.src_embed, c.src_vocab, c.d_model);
    zero(z, w.tgt_embed, c.tgt_vocab, c.d_model);
    if (c.positional_encoding == PositionalEncoding::Learned) zero(z, w.pos_embed, c.max_len, c.d_model);
    w.encoder.resize(size_t(c.encoder_layers));
    for (EncoderLayerWeights& e : w.encoder) {
        zero(z, e.self_attn, c);
        zero(z, e.linear1, c.d_ff, c.d_model);
        zero(z, e.linear2, c.d_model, c.d_ff);
        zero(z, e.norm1, c.d_model), zero(z, e.norm2, c.d_model);
    }
    zero(z, w.encoder_norm, c.d_model);
    w.decoder.resize(size_t(c.decoder_layers));
    for (DecoderLayerWeights& d : w.decoder) {
        zero(z, d.self_attn, c), zero(z, d.cross_attn, c);
        zero(z, d.linear1, c.d_ff, c.d_model);
        zero(z, d.linear2, c.d_model, c.d_ff);
        zero(z, d.norm1, c.d_model), zero(z, d.norm2, c.d_model), zero(z, d.norm3, c.d_model);
    }
    zero(z, w.decoder_norm, c.d_model);
    zero(z, w.generator, c.tgt_vocab, c.d_model);
    zeroBlocks(z);
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
