// Attention maps on demand (see attention_maps.h).
#include "core/model/attention_maps.h"

#include "core/attention.h"
#include "core/parallel.h"
#include "core/tensor_export.h"
#include "core/trace_names.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace alab::core {
namespace {

// About 4 MB of floats per [rows, Tk] block, in whole multiples of 96 rows. Eigen's matrix product
// takes rows in panels of 12, 24 or 48 (by SIMD width) and ends with narrower kernels whose sums run in
// another order; blocks that start on a multiple of 96 cut no panel, so every row meets the same kernel
// as in one whole product (tests/core/model/tst_attention_maps checks it bit for bit).
Eigen::Index blockRows(Eigen::Index Tk) {
    constexpr Eigen::Index kPanel = 96;
    return std::max<Eigen::Index>(1, (Eigen::Index(1) << 20) / std::max<Eigen::Index>(Tk, 1) / kPanel) * kPanel;
}

Eigen::Index queryRows(const AttentionTrace& a) { return a.q.empty() ? 0 : a.q[0].rows(); }
Eigen::Index keyRows(const AttentionTrace& a) { return a.k.empty() ? 0 : a.k[0].rows(); }

const HeadStack* recordedStack(const AttentionTrace& a, const std::string& leaf) {
    if (leaf == "scores") return &a.scores;
    if (leaf == "scaled") return &a.scaled;
    if (leaf == "weights") return &a.weights;
    return nullptr;
}

// Recomputes one head's `leaf` map into out [Tq, Tk] (row-major, contiguous).
void recomputeInto(const AttentionTrace& a, int head, const std::string& leaf, float* out) {
    const size_t h = size_t(head);
    const Eigen::Index Tk = keyRows(a);
    attentionByRowBlocks(a.q[h], a.k[h], a.v[h], a.keyAllowed, a.causal, false,
                         [&](Eigen::Index r0, const Matrix& scores, const Matrix& scaled, const Matrix& weights) {
                             const Matrix& part = leaf == "scores" ? scores : leaf == "scaled" ? scaled : weights;
                             std::memcpy(out + r0 * Tk, part.data(), sizeof(float) * size_t(part.size()));
                         });
}

}  // namespace

void setLeanMaskRule(AttentionTrace& a, const std::vector<int>& keyIds, int pad_id, bool causal) {
    a.mapsOnDemand = true;
    a.causal = causal;
    a.keyAllowed.assign(keyIds.size(), 1);
    if (pad_id < 0) return;
    for (size_t j = 0; j < keyIds.size(); ++j)
        if (keyIds[j] == pad_id) a.keyAllowed[j] = 0;
}

Matrix maskRows(const std::vector<unsigned char>& keyAllowed, bool causal, Eigen::Index r0, Eigen::Index rows) {
    const Eigen::Index Tk = Eigen::Index(keyAllowed.size());
    Matrix m(rows, Tk);
    for (Eigen::Index i = 0; i < rows; ++i)
        for (Eigen::Index j = 0; j < Tk; ++j)
            m(i, j) = keyAllowed[size_t(j)] && (!causal || j <= r0 + i) ? 1.0f : 0.0f;
    return m;
}

// The expressions are scaledDotProductAttention's (core/attention.cpp), applied to a block of rows. A
// block never has a single row unless Tq is 1: Eigen computes a one-row product as a matrix–vector
// product, whose sums run in another order.
Matrix attentionByRowBlocks(const Eigen::Ref<const Matrix>& q, const Eigen::Ref<const Matrix>& k,
                            const Eigen::Ref<const Matrix>& v, const std::vector<unsigned char>& keyAllowed,
                            bool causal, bool withContext, const RowBlockSink& sink) {
    const Eigen::Index Tq = q.rows(), Tk = k.rows(), B = blockRows(Tk);
    Matrix context(withContext ? Tq : 0, v.cols());
    const float scale = 1.0f / std::sqrt(float(q.cols()));
    for (Eigen::Index r0 = 0; r0 < Tq;) {
        Eigen::Index n = std::min(B, Tq - r0);
        if (Tq - r0 - n == 1) ++n;  // fold a last single row into this block
        Matrix raw(n, Tk);
        raw.noalias() = q.middleRows(r0, n) * k.transpose();
        Matrix s = raw * scale;
        s = (maskRows(keyAllowed, causal, r0, n).array() > 0.5f).select(s, -std::numeric_limits<float>::infinity());
        const Matrix w = softmaxRows(s);
        if (withContext) {
            Matrix c(n, v.cols());
            c.noalias() = w * v;
            context.middleRows(r0, n) = c;
        }
        if (sink) sink(r0, raw, s, w);
        r0 += n;
    }
    return context;
}

Matrix attentionMap(const AttentionTrace& a, int head, const std::string& leaf) {
    if (leaf == "mask") return a.mapsOnDemand ? maskRows(a.keyAllowed, a.causal, 0, queryRows(a)) : a.mask;
    const HeadStack* recorded = recordedStack(a, leaf);
    if (!recorded || head < 0 || size_t(head) >= a.q.size()) return {};
    if (!a.mapsOnDemand) return size_t(head) < recorded->size() ? (*recorded)[size_t(head)] : Matrix();
    Matrix out(queryRows(a), keyRows(a));
    recomputeInto(a, head, leaf, out.data());
    return out;
}

std::vector<int64_t> attentionMapShape(const AttentionTrace& a, const std::string& leaf) {
    if (leaf == "mask") return {int64_t(queryRows(a)), int64_t(keyRows(a))};
    return {int64_t(a.q.size()), int64_t(queryRows(a)), int64_t(keyRows(a))};
}

Tensor attentionMapTensor(const AttentionTrace& a, const std::string& leaf) {
    if (leaf == "mask") return Tensor::fromMatrix(attentionMap(a, 0, leaf));
    if (!a.mapsOnDemand) return Tensor::fromHeads(*recordedStack(a, leaf));
    Tensor t;
    t.shape = attentionMapShape(a, leaf);
    t.data.resize(size_t(t.size()));
    const size_t perHead = size_t(t.shape[1] * t.shape[2]);
    parallelFor(int(a.q.size()), [&](int h) { recomputeInto(a, h, leaf, t.data.data() + size_t(h) * perHead); });
    return t;
}

std::optional<Matrix> findTensorHead(const Trace& trace, const std::string& name, int head) {
    if (const std::optional<AttentionName> parsed = parseAttentionName(name); parsed && isAttentionMap(parsed->leaf)) {
        const AttentionTrace* a = findAttention(trace, parsed->kind, parsed->layer);
        if (!a || a->q.empty() || head < 0 || size_t(head) >= a->q.size()) return std::nullopt;
        if (!a->mapsOnDemand && recordedStack(*a, parsed->leaf)->empty()) return std::nullopt;
        return attentionMap(*a, head, parsed->leaf);
    }
    const std::optional<Tensor> t = findTensor(trace, name);
    if (!t || t->rank() < 1 || t->rank() > 3) return std::nullopt;
    if (t->rank() == 3 && (head < 0 || head >= t->shape[0])) return std::nullopt;
    return tensorSlice(*t, t->rank() == 3 ? head : -1);
}

AttentionTrace withHeadMaps(const AttentionTrace& a, int head) {
    AttentionTrace out = a;
    if (!a.mapsOnDemand || head < 0 || size_t(head) >= a.q.size()) return out;
    for (HeadStack* stack : {&out.scores, &out.scaled, &out.weights}) stack->assign(a.q.size(), Matrix());
    out.scores[size_t(head)] = attentionMap(a, head, "scores");
    out.scaled[size_t(head)] = attentionMap(a, head, "scaled");
    out.weights[size_t(head)] = attentionMap(a, head, "weights");
    out.mask = attentionMap(a, 0, "mask");
    out.mapsOnDemand = false;
    return out;
}

Matrix maxPool(const Matrix& m, Eigen::Index maxSide) {
    if (m.rows() <= maxSide && m.cols() <= maxSide) return m;
    const Eigen::Index br = (m.rows() + maxSide - 1) / maxSide, bc = (m.cols() + maxSide - 1) / maxSide;
    const Eigen::Index rows = (m.rows() + br - 1) / br, cols = (m.cols() + bc - 1) / bc;
    Matrix out(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c)
            out(r, c) = m.block(r * br, c * bc, std::min(br, m.rows() - r * br), std::min(bc, m.cols() - c * bc)).maxCoeff();
    return out;
}

bool hidesAnyKey(const AttentionTrace& a) {
    if (!a.mapsOnDemand) return a.mask.size() > 0 && a.mask.minCoeff() == 0;
    if (a.causal && queryRows(a) > 1) return true;
    return std::find(a.keyAllowed.begin(), a.keyAllowed.end(), 0) != a.keyAllowed.end();
}

bool hasMapsOnDemand(const Trace& trace) {
    for (const EncoderLayerTrace& e : trace.encoder)
        if (e.captured && e.self_attn.mapsOnDemand) return true;
    for (const DecoderLayerTrace& d : trace.decoder)
        if (d.captured && (d.self_attn.mapsOnDemand || d.cross_attn.mapsOnDemand)) return true;
    return false;
}

namespace {

void recordMaps(AttentionTrace& a) {
    if (!a.mapsOnDemand) return;
    const size_t heads = a.q.size();
    for (HeadStack* s : {&a.scores, &a.scaled, &a.weights}) s->assign(heads, Matrix());
    parallelFor(int(heads), [&](int h) {
        for (HeadStack* s : {&a.scores, &a.scaled, &a.weights}) (*s)[size_t(h)].resize(queryRows(a), keyRows(a));
        attentionByRowBlocks(a.q[size_t(h)], a.k[size_t(h)], a.v[size_t(h)], a.keyAllowed, a.causal, false,
                             [&](Eigen::Index r0, const Matrix& scores, const Matrix& scaled, const Matrix& weights) {
                                 a.scores[size_t(h)].middleRows(r0, scores.rows()) = scores;
                                 a.scaled[size_t(h)].middleRows(r0, scaled.rows()) = scaled;
                                 a.weights[size_t(h)].middleRows(r0, weights.rows()) = weights;
                             });
    });
    a.mask = maskRows(a.keyAllowed, a.causal, 0, queryRows(a));
    a.mapsOnDemand = false;
    a.keyAllowed.clear();
    a.causal = false;
}

}  // namespace

Trace withRecordedMaps(const Trace& trace) {
    Trace t = trace;
    for (EncoderLayerTrace& e : t.encoder) recordMaps(e.self_attn);
    for (DecoderLayerTrace& d : t.decoder) {
        recordMaps(d.self_attn);
        recordMaps(d.cross_attn);
    }
    return t;
}

}  // namespace alab::core
