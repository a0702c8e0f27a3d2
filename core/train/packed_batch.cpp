// Packing a batch and its forward pass (see packed_batch.h). The layer wiring follows core/layers.cpp
// step for step (post-norm and pre-norm), with packedAttention in place of multiHeadAttention.
#include "core/train/packed_batch.h"

#include "core/attention.h"
#include "core/layers.h"
#include "core/model/affine_batch.h"
#include "core/parallel.h"
#include "core/positional_encoding.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace alab::core {
namespace {

void checkIds(const ModelConfig& c, const std::vector<int>& ids, int vocab, size_t example, const char* side) {
    const std::string where = "example " + std::to_string(example + 1) + " of the batch: ";
    if (ids.empty()) throw InvalidArgument(where + "the " + side + " is empty");
    if (ids.size() > size_t(c.max_len))
        throw InvalidArgument(where + "the " + side + " has " + std::to_string(ids.size()) +
                              " tokens, more than max_len " + std::to_string(c.max_len));
    for (size_t i = 0; i < ids.size(); ++i)
        if (ids[i] < 0 || ids[i] >= vocab)
            throw InvalidArgument(where + "token id " + std::to_string(ids[i]) + " at " + side + " position " +
                                  std::to_string(i + 1) + " is outside the vocabulary of " + std::to_string(vocab));
}

// Embeddings (times √d_model when enabled) plus positions that restart at 0 in every example.
Matrix packedEmbed(const ModelConfig& c, const Weights& w, const std::vector<int>& ids, const Matrix& table,
                   const std::vector<Segment>& segs) {
    const int d = c.d_model;
    const float scale = c.scale_embedding ? std::sqrt(float(d)) : 1.0f;
    Eigen::Index longest = 0;
    for (const Segment& s : segs) longest = std::max(longest, s.rows);
    const Matrix sinusoid = c.positional_encoding == PositionalEncoding::Sinusoidal
                                ? sinusoidalEncoding(int(longest), d) : Matrix();
    Matrix x(Eigen::Index(ids.size()), d);  // [R, d_model]
    for (const Segment& s : segs) {
        for (Eigen::Index p = 0; p < s.rows; ++p) {
            const Eigen::Index r = s.begin + p;
            x.row(r) = table.row(ids[size_t(r)]) * scale;
            if (c.positional_encoding == PositionalEncoding::Sinusoidal) x.row(r) += sinusoid.row(p);
            else if (c.positional_encoding == PositionalEncoding::Learned) x.row(r) += w.pos_embed.row(p);
        }
    }
    return x;
}

Matrix packedEncoderLayer(const Matrix& x, const EncoderLayerWeights& w, const ModelConfig& c, const PackedRows& p,
                          EncoderLayerTrace& t) {
    const float eps = c.layer_norm_eps;
    t.captured = true;
    Matrix h;
    if (!c.norm_first) {  // x = norm1(x + sa(x)); x = norm2(x + ff(x))
        t.residual1 = x + packedAttention(x, x, w.self_attn, c.heads, p.src, p.src, p.srcMask, t.self_attn);
        t.norm1 = layerNorm(t.residual1, w.norm1, eps, &t.norm1_stats);
        t.residual2 = t.norm1 + feedForward(t.norm1, w.linear1, w.linear2, c.activation, &t.ffn);
        h = layerNorm(t.residual2, w.norm2, eps, &t.norm2_stats);
    } else {  // x = x + sa(norm1(x)); x = x + ff(norm2(x))
        t.norm1 = layerNorm(x, w.norm1, eps, &t.norm1_stats);
        t.add_norm1 =
            x + packedAttention(t.norm1, t.norm1, w.self_attn, c.heads, p.src, p.src, p.srcMask, t.self_attn);
        t.norm2 = layerNorm(t.add_norm1, w.norm2, eps, &t.norm2_stats);
        h = t.add_norm1 + feedForward(t.norm2, w.linear1, w.linear2, c.activation, &t.ffn);
    }
    t.output = h;
    return h;
}

Matrix packedDecoderLayer(const Matrix& x, const Matrix& memory, const DecoderLayerWeights& w, const ModelConfig& c,
                          const PackedRows& p, DecoderLayerTrace& t, KeyValues& memoryKv) {
    const float eps = c.layer_norm_eps;
    t.captured = true;
    Matrix h;
    if (!c.norm_first) {
        t.residual1 = x + packedAttention(x, x, w.self_attn, c.heads, p.tgt, p.tgt, p.selfMask, t.self_attn);
        t.norm1 = layerNorm(t.residual1, w.norm1, eps, &t.norm1_stats);
        t.residual2 = t.norm1 + packedAttention(t.norm1, memory, w.cross_attn, c.heads, p.tgt, p.src, p.crossMask,
                                                t.cross_attn, &memoryKv);
        t.norm2 = layerNorm(t.residual2, w.norm2, eps, &t.norm2_stats);
        t.residual3 = t.norm2 + feedForward(t.norm2, w.linear1, w.linear2, c.activation, &t.ffn);
        h = layerNorm(t.residual3, w.norm3, eps, &t.norm3_stats);
    } else {
        t.norm1 = layerNorm(x, w.norm1, eps, &t.norm1_stats);
        t.add_norm1 =
            x + packedAttention(t.norm1, t.norm1, w.self_attn, c.heads, p.tgt, p.tgt, p.selfMask, t.self_attn);
        t.norm2 = layerNorm(t.add_norm1, w.norm2, eps, &t.norm2_stats);
        t.add_norm2 = t.add_norm1 + packedAttention(t.norm2, memory, w.cross_attn, c.heads, p.tgt, p.src,
                                                    p.crossMask, t.cross_attn, &memoryKv);
        t.norm3 = layerNorm(t.add_norm2, w.norm3, eps, &t.norm3_stats);
        h = t.add_norm2 + feedForward(t.norm3, w.linear1, w.linear2, c.activation, &t.ffn);
    }
    t.output = h;
    return h;
}

}  // namespace

PackedBatch packExamples(const ModelConfig& c, const std::vector<TrainingPair>& examples, size_t begin, size_t end) {
    if (c.decoder_layers == 0) throw InvalidArgument("this model has no decoder, so it cannot be trained on pairs");
    PackedBatch b;
    for (size_t i = begin; i < std::min(end, examples.size()); ++i) {
        const TrainingPair& e = examples[i];
        checkIds(c, e.src, c.src_vocab, i, "source");
        checkIds(c, e.tgt, c.tgt_vocab, i, "target");
        if (e.labels.size() != e.tgt.size())
            throw InvalidArgument("example " + std::to_string(i + 1) + " of the batch: there are " +
                                  std::to_string(e.labels.size()) + " labels for " + std::to_string(e.tgt.size()) +
                                  " target positions; give one label per position");
        for (size_t j = 0; j < e.labels.size(); ++j)
            if ((e.labels[j] < 0 || e.labels[j] >= c.tgt_vocab) && e.labels[j] != c.pad_id)
                throw InvalidArgument("example " + std::to_string(i + 1) + " of the batch: label " +
                                      std::to_string(e.labels[j]) + " at position " + std::to_string(j + 1) +
                                      " is outside the target vocabulary of " + std::to_string(c.tgt_vocab));
        const int S = int(e.src.size()), T = int(e.tgt.size());
        b.rows.src.push_back({Eigen::Index(b.src_ids.size()), S});
        b.rows.tgt.push_back({Eigen::Index(b.tgt_ids.size()), T});
        b.rows.srcMask.push_back(paddingMask(S, e.src, c.pad_id));
        b.rows.selfMask.push_back(causalMask(T).cwiseProduct(paddingMask(T, e.tgt, c.pad_id)));
        b.rows.crossMask.push_back(paddingMask(T, e.src, c.pad_id));
        b.src_ids.insert(b.src_ids.end(), e.src.begin(), e.src.end());
        b.tgt_ids.insert(b.tgt_ids.end(), e.tgt.begin(), e.tgt.end());
        b.labels.insert(b.labels.end(), e.labels.begin(), e.labels.end());
    }
    return b;
}

Matrix packedAttention(const Matrix& xq, const Matrix& xkv, const MhaWeights& w, int heads,
                       const std::vector<Segment>& qs, const std::vector<Segment>& ks,
                       const std::vector<Matrix>& masks, AttentionTrace& t, KeyValues* kv) {
    const Eigen::Index d_k = w.wq.rows() / heads;
    for (HeadStack* s : {&t.q, &t.k, &t.v}) s->assign(1, Matrix());  // [R_q | R_k, h*d_k]
    if (kv) {
        affineBatch({{&xq, &w.wq, &w.bq, &t.q[0]}});
        t.k[0] = std::move(kv->k), t.v[0] = std::move(kv->v);
    } else {
        affineBatch({{&xq, &w.wq, &w.bq, &t.q[0]}, {&xkv, &w.wk, &w.bk, &t.k[0]}, {&xkv, &w.wv, &w.bv, &t.v[0]}});
    }
    t.weights.assign(qs.size() * size_t(heads), Matrix());
    Matrix concat(xq.rows(), heads * d_k);
    // Each (example, head) writes only its own weights slot and block of concat.
    parallelFor(int(t.weights.size()), [&](int i) {
        const size_t s = size_t(i / heads);
        const Eigen::Index c0 = Eigen::Index(i % heads) * d_k;
        const Segment q = qs[s], k = ks[s];
        concat.block(q.begin, c0, q.rows, d_k) = scaledDotProductAttention(
            t.q[0].block(q.begin, c0, q.rows, d_k), t.k[0].block(k.begin, c0, k.rows, d_k),
            t.v[0].block(k.begin, c0, k.rows, d_k), masks[s], nullptr, nullptr, &t.weights[size_t(i)]);
    });
    t.concat = std::move(concat);
    return affine(t.concat, w.out.weight, w.out.bias);  // [R_q, d_model]
}

Trace packedForward(const ModelConfig& c, const Weights& w, const PackedBatch& b) {
    Trace t;
    t.src_ids = b.src_ids;
    t.tgt_ids = b.tgt_ids;
    Matrix x = packedEmbed(c, w, b.src_ids, w.src_embed, b.rows.src);
    t.encoder_input = x;
    t.encoder.resize(size_t(c.encoder_layers));
    for (int l = 0; l < c.encoder_layers; ++l)
        x = packedEncoderLayer(x, w.encoder[size_t(l)], c, b.rows, t.encoder[size_t(l)]);
    if (c.final_norm && c.encoder_layers > 0) x = layerNorm(x, w.encoder_norm, c.layer_norm_eps, &t.encoder_norm_stats);
    t.encoder_output = std::move(x);
    Matrix y = packedEmbed(c, w, b.tgt_ids, w.tgt_embed, b.rows.tgt);
    t.decoder_input = y;
    t.decoder.resize(size_t(c.decoder_layers));
    std::vector<const MhaWeights*> cross;  // every layer's cross-attention keys and values in one job
    for (int l = 0; l < c.decoder_layers; ++l) cross.push_back(&w.decoder[size_t(l)].cross_attn);
    std::vector<KeyValues> memoryKv = projectKeyValues(t.encoder_output, cross);
    for (int l = 0; l < c.decoder_layers; ++l)
        y = packedDecoderLayer(y, t.encoder_output, w.decoder[size_t(l)], c, b.rows, t.decoder[size_t(l)],
                               memoryKv[size_t(l)]);
    if (c.final_norm) y = layerNorm(y, w.decoder_norm, c.layer_norm_eps, &t.decoder_norm_stats);
    t.decoder_output = std::move(y);
    t.logits = affine(t.decoder_output, w.generator.weight, w.generator.bias);  // [R_tgt, tgt_vocab]
    return t;
}

}  // namespace alab::core
