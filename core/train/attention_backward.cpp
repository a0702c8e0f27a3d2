// Attention backward (see attention_backward.h). Heads are column blocks of Q, K, V, as in the
// forward; each head's backward is the forward read from the output back to q, k and v.
#include "core/train/attention_backward.h"

#include "core/parallel.h"
#include "core/train/affine_backward_batch.h"

#include <algorithm>
#include <cmath>

namespace alab::core {

// One product, cut into blocks as affineBackwardBatch describes (affine_backward_batch.h).
Matrix affineBackward(const Matrix& dy, const Matrix& x, const Matrix& weight, Matrix& dWeight, RowVector& dBias) {
    Matrix dx;
    affineBackwardBatch({{&dy, &x, &weight, &dWeight, &dBias, &dx}});
    return dx;
}

Matrix softmaxRowsBackward(const Matrix& dy, const Matrix& y) {
    const Eigen::VectorXf dot = dy.cwiseProduct(y).rowwise().sum();  // [rows]
    return (y.array() * (dy.colwise() - dot).array()).matrix();
}

namespace {

// One head from its forward values: given dcontext [Tq, d_k], writes dq [Tq, d_k], dk and dv [Tk, d_k];
// dweights, dscaled and dscores [Tq, Tk] are kept when the pointers are given.
void headBackward(const Eigen::Ref<const Matrix>& dcontext, const Matrix& weights, const Eigen::Ref<const Matrix>& q,
                  const Eigen::Ref<const Matrix>& k, const Eigen::Ref<const Matrix>& v, Eigen::Ref<Matrix> dq,
                  Eigen::Ref<Matrix> dk, Eigen::Ref<Matrix> dv, Matrix* dweightsOut = nullptr,
                  Matrix* dscaledOut = nullptr, Matrix* dscoresOut = nullptr) {
    Matrix dweights(weights.rows(), weights.cols());  // [Tq, Tk]
    dweights.noalias() = dcontext * v.transpose();
    dv.noalias() = weights.transpose() * dcontext;
    Matrix dscaled = softmaxRowsBackward(dweights, weights);  // 0 where masked
    Matrix dscores = dscaled * (1.0f / std::sqrt(float(q.cols())));
    dq.noalias() = dscores * k;
    dk.noalias() = dscores.transpose() * q;
    if (dweightsOut) *dweightsOut = std::move(dweights);
    if (dscaledOut) *dscaledOut = std::move(dscaled);
    if (dscoresOut) *dscoresOut = std::move(dscores);
}

// The Q, K and V projections' backward in one parallel job; dxkv = dK·W_K + dV·W_V in that order.
void projectionsBackward(const Matrix& dQ, const Matrix& dK, const Matrix& dV, const Matrix& xq, const Matrix& xkv,
                         const MhaWeights& w, Matrix& dxq, Matrix& dxkv, MhaWeights& grads) {
    Matrix dxv;
    affineBackwardBatch({{&dQ, &xq, &w.wq, &grads.wq, &grads.bq, &dxq},
                         {&dK, &xkv, &w.wk, &grads.wk, &grads.bk, &dxkv},
                         {&dV, &xkv, &w.wv, &grads.wv, &grads.bv, &dxv}});
    dxkv += dxv;
}

}  // namespace

void multiHeadAttentionBackward(const Matrix& dout, const Matrix& xq, const Matrix& xkv, const MhaWeights& w,
                                const AttentionTrace& t, Matrix& dxq, Matrix& dxkv, MhaWeights& grads,
                                AttentionTrace* g) {
    const size_t heads = t.q.size();
    const Eigen::Index d_k = t.q[0].cols();
    const Matrix dconcat = affineBackward(dout, t.concat, w.out.weight, grads.out.weight, grads.out.bias);
    Matrix dQ(xq.rows(), w.wq.rows()), dK(xkv.rows(), w.wk.rows()), dV(xkv.rows(), w.wv.rows());
    if (g) {
        for (HeadStack* stack : {&g->q, &g->k, &g->v, &g->scores, &g->scaled, &g->weights, &g->context})
            stack->assign(heads, Matrix());
        g->output = dout;
        g->concat = dconcat;
    }
    for (size_t h = 0; h < heads; ++h) {
        const Eigen::Index c0 = Eigen::Index(h) * d_k;
        headBackward(dconcat.middleCols(c0, d_k), t.weights[h], t.q[h], t.k[h], t.v[h], dQ.middleCols(c0, d_k),
                     dK.middleCols(c0, d_k), dV.middleCols(c0, d_k), g ? &g->weights[h] : nullptr,
                     g ? &g->scaled[h] : nullptr, g ? &g->scores[h] : nullptr);
        if (g) {
            g->context[h] = dconcat.middleCols(c0, d_k);
            g->q[h] = dQ.middleCols(c0, d_k);
            g->k[h] = dK.middleCols(c0, d_k);
            g->v[h] = dV.middleCols(c0, d_k);
        }
    }
    projectionsBackward(dQ, dK, dV, xq, xkv, w, dxq, dxkv, grads);
}

void packedAttentionBackward(const Matrix& dout, const Matrix& xq, const Matrix& xkv, const MhaWeights& w,
                             const AttentionTrace& t, const std::vector<Segment>& qs, const std::vector<Segment>& ks,
                             Matrix& dxq, Matrix& dxkv, MhaWeights& grads) {
    const Eigen::Index heads = Eigen::Index(t.weights.size() / qs.size());
    const Eigen::Index d_k = t.q[0].cols() / heads;
    const Matrix dconcat = affineBackward(dout, t.concat, w.out.weight, grads.out.weight, grads.out.bias);
    Matrix dQ(xq.rows(), w.wq.rows()), dK(xkv.rows(), w.wk.rows()), dV(xkv.rows(), w.wv.rows());
    // Each (example, head) writes only its own blocks of dQ, dK and dV.
    parallelFor(int(t.weights.size()), [&](int i) {
        const size_t s = size_t(i) / size_t(heads);
        const Eigen::Index c0 = (Eigen::Index(i) % heads) * d_k;
        const Segment q = qs[s], k = ks[s];
        headBackward(dconcat.block(q.begin, c0, q.rows, d_k), t.weights[size_t(i)],
                     t.q[0].block(q.begin, c0, q.rows, d_k), t.k[0].block(k.begin, c0, k.rows, d_k),
                     t.v[0].block(k.begin, c0, k.rows, d_k), dQ.block(q.begin, c0, q.rows, d_k),
                     dK.block(k.begin, c0, k.rows, d_k), dV.block(k.begin, c0, k.rows, d_k));
    });
    projectionsBackward(dQ, dK, dV, xq, xkv, w, dxq, dxkv, grads);
}

}  // namespace alab::core
