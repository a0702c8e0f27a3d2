// Seeded initialisation and the PyTorch-named view of Weights.
#include "core/weights.h"

#include "core/parallel.h"
#include "core/rng.h"

#include <bit>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <tuple>
#include <type_traits>

namespace alab::core {
namespace {

Matrix uniformMatrix(Rng& rng, int rows, int cols, float bound) {
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(bound);
    return m;
}

float xavier(int fanIn, int fanOut) { return std::sqrt(6.0f / float(fanIn + fanOut)); }

Linear initLinear(Rng& rng, int out, int in) {
    return {uniformMatrix(rng, out, in, xavier(in, out)), RowVector::Zero(out)};
}

LayerNormWeights initNorm(int d) { return {RowVector::Ones(d), RowVector::Zero(d)}; }

MhaWeights initMha(Rng& rng, const ModelConfig& c) {
    const int p = c.projDim();
    const float bound = xavier(c.d_model, 3 * p);  // PyTorch treats in_proj_weight as one [3p, d] matrix
    MhaWeights w;
    w.wq = uniformMatrix(rng, p, c.d_model, bound);
    w.wk = uniformMatrix(rng, p, c.d_model, bound);
    w.wv = uniformMatrix(rng, p, c.d_model, bound);
    w.bq = w.bk = w.bv = RowVector::Zero(p);
    w.out = initLinear(rng, c.d_model, p);
    return w;
}

// One table of (name, tensor slot) pairs drives every direction of the mapping: W is Weights when
// the slots are filled (fromNamedTensors) and const Weights when they are read. PyTorch stacks
// q;k;v into in_proj_weight / in_proj_bias: those slots point at the whole MhaWeights instead.
template <class W>
struct Slot {
    template <class T> using Ref = std::conditional_t<std::is_const_v<W>, const T, T>;
    std::string name;
    Ref<Matrix>* matrix = nullptr;
    Ref<RowVector>* vector = nullptr;
    std::vector<int64_t> shape;
    Ref<MhaWeights>* inProj = nullptr;  // set for in_proj_weight (matrix) and in_proj_bias (vector)
};

template <class W>
void addMha(std::vector<Slot<W>>& slots, const std::string& prefix, typename Slot<W>::template Ref<MhaWeights>& w,
            const ModelConfig& c) {
    const int64_t p = c.projDim(), d = c.d_model;
    slots.push_back({prefix + ".in_proj_weight", &w.wq, nullptr, {3 * p, d}, &w});
    slots.push_back({prefix + ".in_proj_bias", nullptr, &w.bq, {3 * p}, &w});
    slots.push_back({prefix + ".out_proj.weight", &w.out.weight, nullptr, {d, p}});
    slots.push_back({prefix + ".out_proj.bias", nullptr, &w.out.bias, {d}});
}

template <class W>
void addLinear(std::vector<Slot<W>>& slots, const std::string& prefix, typename Slot<W>::template Ref<Linear>& w,
               int64_t out, int64_t in) {
    slots.push_back({prefix + ".weight", &w.weight, nullptr, {out, in}});
    slots.push_back({prefix + ".bias", nullptr, &w.bias, {out}});
}

template <class W>
void addNorm(std::vector<Slot<W>>& slots, const std::string& prefix,
             typename Slot<W>::template Ref<LayerNormWeights>& w, int64_t d) {
    slots.push_back({prefix + ".weight", nullptr, &w.gamma, {d}});
    slots.push_back({prefix + ".bias", nullptr, &w.beta, {d}});
}

// w must already hold at least config's number of encoder and decoder layers.
template <class W>
std::vector<Slot<W>> slotsFor(const ModelConfig& c, W& w) {
    assert(w.encoder.size() >= size_t(c.encoder_layers) && w.decoder.size() >= size_t(c.decoder_layers));
    const int64_t d = c.d_model, f = c.d_ff;
    std::vector<Slot<W>> s;
    s.push_back({"src_embed.weight", &w.src_embed, nullptr, {c.src_vocab, d}});
    s.push_back({"tgt_embed.weight", &w.tgt_embed, nullptr, {c.tgt_vocab, d}});
    if (c.positional_encoding == PositionalEncoding::Learned)
        s.push_back({"pos_embed.weight", &w.pos_embed, nullptr, {c.max_len, d}});
    for (int l = 0; l < c.encoder_layers; ++l) {
        const std::string p = "encoder.layers." + std::to_string(l);
        auto& e = w.encoder[size_t(l)];
        addMha(s, p + ".self_attn", e.self_attn, c);
        addLinear(s, p + ".linear1", e.linear1, f, d);
        addLinear(s, p + ".linear2", e.linear2, d, f);
        addNorm(s, p + ".norm1", e.norm1, d);
        addNorm(s, p + ".norm2", e.norm2, d);
    }
    if (c.final_norm && c.encoder_layers > 0) addNorm(s, "encoder.norm", w.encoder_norm, d);
    for (int l = 0; l < c.decoder_layers; ++l) {
        const std::string p = "decoder.layers." + std::to_string(l);
        auto& e = w.decoder[size_t(l)];
        addMha(s, p + ".self_attn", e.self_attn, c);
        addMha(s, p + ".multihead_attn", e.cross_attn, c);
        addLinear(s, p + ".linear1", e.linear1, f, d);
        addLinear(s, p + ".linear2", e.linear2, d, f);
        addNorm(s, p + ".norm1", e.norm1, d);
        addNorm(s, p + ".norm2", e.norm2, d);
        addNorm(s, p + ".norm3", e.norm3, d);
    }
    if (c.final_norm && c.decoder_layers > 0) addNorm(s, "decoder.norm", w.decoder_norm, d);
    if (c.decoder_layers > 0) addLinear(s, "generator", w.generator, c.tgt_vocab, d);
    return s;
}

// The shape a slot of existing weights has. In_proj thirds that disagree in width have no stacked
// shape: they report [-1, width of q], which never matches the expected shape.
std::vector<int64_t> shapeOf(const Slot<const Weights>& s) {
    if (s.inProj && s.matrix) {
        const MhaWeights& m = *s.inProj;
        const bool sameWidth = m.wk.cols() == m.wq.cols() && m.wv.cols() == m.wq.cols();
        return {sameWidth ? m.wq.rows() + m.wk.rows() + m.wv.rows() : -1, m.wq.cols()};
    }
    if (s.inProj) return {s.inProj->bq.size() + s.inProj->bk.size() + s.inProj->bv.size()};
    if (s.matrix) return {s.matrix->rows(), s.matrix->cols()};
    return {s.vector->size()};
}

// Whether no float of a block is NaN or ±∞ (every exponent bit set), tested on the bits: a loop the
// compiler vectorises and that runs at memory speed (Eigen's allFinite() compared x − x with itself
// element by element, 4 % of a base-model training step).
template <class M>
bool allFinite(const M& m) {
    const float* p = m.data();
    uint32_t special = 0;
    for (Eigen::Index i = 0; i < m.size(); ++i)
        special |= uint32_t((std::bit_cast<uint32_t>(p[i]) & 0x7f800000u) == 0x7f800000u);
    return special == 0;
}

bool allFinite(const Slot<const Weights>& s) {
    if (s.inProj && s.matrix) return allFinite(s.inProj->wq) && allFinite(s.inProj->wk) && allFinite(s.inProj->wv);
    if (s.inProj) return allFinite(s.inProj->bq) && allFinite(s.inProj->bk) && allFinite(s.inProj->bv);
    return s.matrix ? allFinite(*s.matrix) : allFinite(*s.vector);
}

void checkShape(const std::string& name, const std::vector<int64_t>& shape, const std::vector<int64_t>& expected) {
    if (shape != expected)
        throw InvalidArgument("tensor " + name + " has shape " + shapeString(shape) + ", expected " +
                              shapeString(expected));
}

void checkLayerCounts(const ModelConfig& c, const Weights& w) {
    for (const auto& [stack, have, want] : {std::tuple{"encoder", w.encoder.size(), c.encoder_layers},
                                            std::tuple{"decoder", w.decoder.size(), c.decoder_layers}})
        if (have < size_t(want))
            throw InvalidArgument(std::string("the weights have ") + std::to_string(have) + " " + stack +
                                  " layers, the config " + std::to_string(want));
}

}  // namespace

Weights initWeights(const ModelConfig& c, uint64_t seed) {
    c.validate();
    Rng rng(seed);
    Weights w;
    // U(-sqrt3, sqrt3) has variance 1, like nn.Embedding's N(0, 1). When the embedding is multiplied
    // by sqrt(d_model), start it at variance 1/d_model (as the paper's code does), so the scaled
    // vectors have unit variance and the first layer's softmax is not saturated.
    const float unit = std::sqrt(3.0f);
    const float embed = c.scale_embedding ? unit / std::sqrt(float(c.d_model)) : unit;
    w.src_embed = uniformMatrix(rng, c.src_vocab, c.d_model, embed);
    w.tgt_embed = uniformMatrix(rng, c.tgt_vocab, c.d_model, embed);
    if (c.positional_encoding == PositionalEncoding::Learned)
        w.pos_embed = uniformMatrix(rng, c.max_len, c.d_model, 0.02f * unit);
    for (int l = 0; l < c.encoder_layers; ++l) {
        EncoderLayerWeights e;
        e.self_attn = initMha(rng, c);
        e.linear1 = initLinear(rng, c.d_ff, c.d_model);
        e.linear2 = initLinear(rng, c.d_model, c.d_ff);
        e.norm1 = e.norm2 = initNorm(c.d_model);
        w.encoder.push_back(std::move(e));
    }
    w.encoder_norm = initNorm(c.d_model);
    for (int l = 0; l < c.decoder_layers; ++l) {
        DecoderLayerWeights e;
        e.self_attn = initMha(rng, c);
        e.cross_attn = initMha(rng, c);
        e.linear1 = initLinear(rng, c.d_ff, c.d_model);
        e.linear2 = initLinear(rng, c.d_model, c.d_ff);
        e.norm1 = e.norm2 = e.norm3 = initNorm(c.d_model);
        w.decoder.push_back(std::move(e));
    }
    w.decoder_norm = initNorm(c.d_model);
    if (c.decoder_layers > 0) w.generator = initLinear(rng, c.tgt_vocab, c.d_model);
    return w;
}

void checkWeights(const ModelConfig& c, const Weights& w) {
    checkLayerCounts(c, w);
    const std::vector<Slot<const Weights>> slots = slotsFor(c, w);
    for (const Slot<const Weights>& s : slots) checkShape(s.name, shapeOf(s), s.shape);
    std::vector<char> finite(slots.size());  // every value is read once a training step: on the pool's threads
    parallelFor(int(slots.size()), [&](int i) { finite[size_t(i)] = allFinite(slots[size_t(i)]); });
    for (size_t i = 0; i < slots.size(); ++i)
        if (!finite[i]) throw InvalidArgument("tensor " + slots[i].name + " contains NaN or infinity");
}

NamedTensors toNamedTensors(const ModelConfig& c, const Weights& w) {
    checkLayerCounts(c, w);
    NamedTensors out;
    for (const Slot<const Weights>& s : slotsFor(c, w)) {
        checkShape(s.name, shapeOf(s), s.shape);  // before stacking the thirds of in_proj
        if (s.inProj && s.matrix) {
            const MhaWeights& m = *s.inProj;
            Matrix stacked(s.shape[0], s.shape[1]);
            stacked << m.wq, m.wk, m.wv;
            out[s.name] = Tensor::fromMatrix(stacked);
        } else if (s.inProj) {
            const MhaWeights& m = *s.inProj;
            RowVector stacked(s.shape[0]);
            stacked << m.bq, m.bk, m.bv;
            out[s.name] = Tensor::fromRow(stacked);
        } else if (s.matrix) {
            out[s.name] = Tensor::fromMatrix(*s.matrix);
        } else {
            out[s.name] = Tensor::fromRow(*s.vector);
        }
    }
    return out;
}

Weights fromNamedTensors(const ModelConfig& c, const NamedTensors& tensors) {
    c.validate();
    Weights w;
    w.encoder.resize(size_t(c.encoder_layers));
    w.decoder.resize(size_t(c.decoder_layers));
    for (const Slot<Weights>& s : slotsFor(c, w)) {
        auto it = tensors.find(s.name);
        if (it == tensors.end()) throw InvalidArgument("tensor " + s.name + " is missing from the weights");
        const Tensor& t = it->second;
        checkShape(s.name, t.shape, s.shape);
        for (float v : t.data)
            if (!std::isfinite(v)) throw InvalidArgument("tensor " + s.name + " contains NaN or infinity");
        const int64_t p = c.projDim();
        if (s.inProj && s.matrix) {
            MhaWeights& m = *s.inProj;
            Matrix stacked = t.toMatrix();
            m.wq = stacked.topRows(p);
            m.wk = stacked.middleRows(p, p);
            m.wv = stacked.bottomRows(p);
        } else if (s.inProj) {
            MhaWeights& m = *s.inProj;
            Matrix stacked = t.toMatrix();
            m.bq = stacked.leftCols(p);
            m.bk = stacked.middleCols(p, p);
            m.bv = stacked.rightCols(p);
        } else if (s.matrix) {
            *s.matrix = t.toMatrix();
        } else {
            *s.vector = t.toMatrix().row(0);
        }
    }
    return w;
}

}  // namespace alab::core
