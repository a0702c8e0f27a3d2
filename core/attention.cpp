// Attention kernels. Projections are one GEMM each for all heads; heads are column blocks.
#include "core/attention.h"

#include "core/model/affine_batch.h"
#include "core/model/attention_maps.h"
#include "core/parallel.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace alab::core {

// One product, cut into blocks as affineBatch describes (core/model/affine_batch.h).
Matrix affine(const Matrix& x, const Matrix& weight, const RowVector& bias) {
    Matrix y;
    affineBatch({{&x, &weight, &bias, &y}});
    return y;
}

Matrix softmaxRows(const Matrix& x) {
    Matrix out(x.rows(), x.cols());
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        const float max = x.row(r).maxCoeff();
        if (!std::isfinite(max)) {  // every key masked
            out.row(r).setZero();
            continue;
        }
        out.row(r) = (x.row(r).array() - max).exp();  // exp(-inf) is exactly 0
        out.row(r) /= out.row(r).sum();
    }
    return out;
}

Matrix causalMask(int T) {
    Matrix m = Matrix::Zero(T, T);
    for (int i = 0; i < T; ++i) m.row(i).head(i + 1).setOnes();
    return m;
}

Matrix paddingMask(int Tq, const std::vector<int>& keyIds, int pad_id) {
    Matrix m = Matrix::Ones(Tq, Eigen::Index(keyIds.size()));
    if (pad_id < 0) return m;
    for (size_t j = 0; j < keyIds.size(); ++j)
        if (keyIds[j] == pad_id) m.col(Eigen::Index(j)).setZero();
    return m;
}

Matrix scaledDotProductAttention(const Eigen::Ref<const Matrix>& q, const Eigen::Ref<const Matrix>& k,
                                 const Eigen::Ref<const Matrix>& v, const Matrix& mask, Matrix* scores,
                                 Matrix* scaled, Matrix* weights) {
    assert(q.cols() == k.cols() && k.rows() == v.rows());
    Matrix raw(q.rows(), k.rows());
    raw.noalias() = q * k.transpose();
    Matrix s = raw * (1.0f / std::sqrt(float(q.cols())));
    if (mask.size() > 0) {
        assert(mask.rows() == s.rows() && mask.cols() == s.cols());
        s = (mask.array() > 0.5f).select(s, -std::numeric_limits<float>::infinity());
    }
    Matrix w = softmaxRows(s);
    Matrix context(q.rows(), v.cols());
    context.noalias() = w * v;
    if (scores) *scores = std::move(raw);
    if (scaled) *scaled = std::move(s);
    if (weights) *weights = std::move(w);
    return context;
}

std::vector<KeyValues> projectKeyValues(const Matrix& memory, const std::vector<const MhaWeights*>& attentions) {
    std::vector<KeyValues> kv(attentions.size());
    std::vector<AffineTask> tasks;
    for (size_t i = 0; i < attentions.size(); ++i) {
        tasks.push_back({&memory, &attentions[i]->wk, &attentions[i]->bk, &kv[i].k});
        tasks.push_back({&memory, &attentions[i]->wv, &attentions[i]->bv, &kv[i].v});
    }
    affineBatch(tasks);
    return kv;
}

Matrix multiHeadAttention(const Matrix& xq, const Matrix& xkv, const MhaWeights& w, int heads,
                          const Matrix& mask, AttentionTrace* trace, const KeyValues* kv) {
    const Eigen::Index d_k = w.wq.rows() / heads;
    Matrix q, kOwn, vOwn;  // [Tq, h*d_k], [Tk, h*d_k], [Tk, h*d_k]: the projections in one parallel job
    if (kv) affineBatch({{&xq, &w.wq, &w.bq, &q}});
    else affineBatch({{&xq, &w.wq, &w.bq, &q}, {&xkv, &w.wk, &w.bk, &kOwn}, {&xkv, &w.wv, &w.bv, &vOwn}});
    const Matrix& k = kv ? kv->k : kOwn;
    const Matrix& v = kv ? kv->v : vOwn;

    Matrix concat(xq.rows(), heads * d_k);
    const bool lean = trace && trace->mapsOnDemand;  // keep q, k, v, context; maps on demand (attention_maps.h)
    if (trace) {
        for (HeadStack* stack : {&trace->q, &trace->k, &trace->v, &trace->scores, &trace->scaled,
                                 &trace->weights, &trace->context})
            if (!lean || (stack != &trace->scores && stack != &trace->scaled && stack != &trace->weights))
                stack->assign(size_t(heads), Matrix());
    }
    // Heads are independent: they run on the pool's threads when the maps are big enough to pay for
    // it (each head writes only its own trace slots and columns of concat).
    const bool parallelHeads = heads > 1 && double(xq.rows()) * double(xkv.rows()) * double(d_k) >= 65536.0;
    const auto head = [&](int h) {
        const auto qh = q.middleCols(h * d_k, d_k);
        const auto kh = k.middleCols(h * d_k, d_k);
        const auto vh = v.middleCols(h * d_k, d_k);
        if (lean) {
            const size_t i = size_t(h);
            trace->q[i] = qh;
            trace->k[i] = kh;
            trace->v[i] = vh;
            trace->context[i] = attentionByRowBlocks(qh, kh, vh, trace->keyAllowed, trace->causal);
            concat.middleCols(h * d_k, d_k) = trace->context[i];
        } else if (trace) {
            const size_t i = size_t(h);
            trace->q[i] = qh;
            trace->k[i] = kh;
            trace->v[i] = vh;
            trace->context[i] = scaledDotProductAttention(qh, kh, vh, mask, &trace->scores[i],
                                                          &trace->scaled[i], &trace->weights[i]);
            concat.middleCols(h * d_k, d_k) = trace->context[i];
        } else {
            concat.middleCols(h * d_k, d_k) = scaledDotProductAttention(qh, kh, vh, mask);
        }
    };
    if (parallelHeads) parallelFor(heads, head);
    else for (int h = 0; h < heads; ++h) head(h);
    Matrix out = affine(concat, w.out.weight, w.out.bias);  // [Tq, d_model]
    if (trace) {
        if (!lean) trace->mask = mask.size() > 0 ? mask : Matrix::Ones(xq.rows(), xkv.rows());
        trace->concat = std::move(concat);
        trace->output = out;
    }
    return out;
}

}  // namespace alab::core
