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

namespace {

// Where the row blocks of a [Tq, Tk] map start: multiples of B, a last single row folded into the block
// before it (a one-row product is a matrix–vector product, whose sums run in another order).
std::vector<Eigen::Index> blockStarts(Eigen::Index Tq, Eigen::Index Tk) {
    const Eigen::Index B = blockRows(Tk);
    std::vector<Eigen::Index> starts;
    for (Eigen::Index r0 = 0; r0 < Tq;) {
        starts.push_back(r0);
        Eigen::Index n = std::min(B, Tq - r0);
        if (Tq - r0 - n == 1) ++n;
        r0 += n;
    }
    starts.push_back(Tq);
    return starts;
}

// Sets the entries the mask rule hides to −∞, as select(mask > 0.5, s, −∞) over maskRows() does
// (the same bits) without building the dense [rows, Tk] mask.
void applyMaskRule(Matrix& s, const std::vector<unsigned char>& keyAllowed, bool causal, Eigen::Index r0) {
    constexpr float kHidden = -std::numeric_limits<float>::infinity();
    const Eigen::Index Tk = s.cols();
    std::vector<Eigen::Index> hidden;
    for (Eigen::Index j = 0; j < Tk; ++j)
        if (!keyAllowed[size_t(j)]) hidden.push_back(j);
    for (Eigen::Index i = 0; i < s.rows(); ++i) {
        for (Eigen::Index j : hidden) s(i, j) = kHidden;
        if (causal && r0 + i + 1 < Tk) s.row(i).tail(Tk - (r0 + i + 1)).setConstant(kHidden);
    }
}

// One block of rows r0 .. r0+n−1: raw scores, scaled and masked scores, weights ([n, Tk] each).
void attentionBlock(const Eigen::Ref<const Matrix>& q, const Eigen::Ref<const Matrix>& k,
                    const std::vector<unsigned char>& keyAllowed, bool causal, Eigen::Index r0, Eigen::Index n,
                    Matrix& raw, Matrix& s, Matrix& w) {
    raw.resize(n, k.rows());
    raw.noalias() = q.middleRows(r0, n) * k.transpose();
    s = raw * (1.0f / std::sqrt(float(q.cols())));
    applyMaskRule(s, keyAllowed, causal, r0);
    w = softmaxRows(s);
}

}  // namespace

// The expressions are scaledDotProductAttention's (core/attention.cpp), applied to a block of rows. A
// block never has a single row unless Tq is 1: Eigen computes a one-row product as a matrix–vector
// product, whose sums run in another order.
Matrix attentionByRowBlocks(const Eigen::Ref<const Matrix>& q, const Eigen::Ref<const Matrix>& k,
                            const Eigen::Ref<const Matrix>& v, const std::vector<unsigned char>& keyAllowed,
                            bool causal, bool withContext, const RowBlockSink& sink) {
    const Eigen::Index Tq = q.rows();
    Matrix context(withContext ? Tq : 0, v.cols());
    const std::vector<Eigen::Index> starts = blockStarts(Tq, k.rows());
    Matrix raw, s, w;
    for (size_t b = 0; b + 1 < starts.size(); ++b) {
        const Eigen::Index r0 = starts[b], n = starts[b + 1] - r0;
        attentionBlock(q, k, keyAllowed, causal, r0, n, raw, s, w);
        if (withContext) {
            Matrix c(n, v.cols());
            c.noalias() = w * v;
            context.middleRows(r0, n) = c;
        }
        if (sink) sink(r0, raw, s, w);
    }
    return context;
}

void forEachMapBlock(const AttentionTrace& a, int head, const RowBlockSink& sink) {
    const size_t h = size_t(head);
    const std::vector<Eigen::Index> starts = blockStarts(queryRows(a), keyRows(a));
    parallelFor(int(starts.size()) - 1, [&](int b) {
        Matrix raw, s, w;
        const Eigen::Index r0 = starts[size_t(b)], n = starts[size_t(b) + 1] - r0;
        attentionBlock(a.q[h], a.k[h], a.keyAllowed, a.causal, r0, n, raw, s, w);
        sink(r0, raw, s, w);
    });
}

namespace {

// Recomputes one head's `leaf` map into out [Tq, Tk] (row-major, contiguous); blocks on the pool's threads.
void recomputeInto(const AttentionTrace& a, int head, const std::string& leaf, float* out) {
    const Eigen::Index Tk = keyRows(a);
    forEachMapBlock(a, head, [&](Eigen::Index r0, const Matrix& scores, const Matrix& scaled, const Matrix& weights) {
        const Matrix& part = leaf == "scores" ? scores : leaf == "scaled" ? scaled : weights;
        std::memcpy(out + r0 * Tk, part.data(), sizeof(float) * size_t(part.size()));
    });
}

}  // namespace

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
