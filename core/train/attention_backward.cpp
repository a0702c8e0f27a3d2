// Attention backward (see attention_backward.h). Heads are column blocks of Q, K, V, as in the
// forward; each head's backward is the forward read from the output back to q, k and v.
#include "core/train/attention_backward.h"

#include <cmath>

namespace alab::core {

Matrix affineBackward(const Matrix& dy, const Matrix& x, const Matrix& weight, Matrix& dWeight, RowVector& dBias) {
    dWeight.noalias() += dy.transpose() * x;  // [out, in]
    dBias += dy.colwise().sum();
    Matrix dx(dy.rows(), weight.cols());
    dx.noalias() = dy * weight;  // [rows, in]
    return dx;
}

Matrix softmaxRowsBackward(const Matrix& dy, const Matrix& y) {
    const Eigen::VectorXf dot = dy.cwiseProduct(y).rowwise().sum();  // [rows]
    return (y.array() * (dy.colwise() - dot).array()).matrix();
}

namespace {

// One head: given dcontext [Tq, d_k], writes dq [Tq, d_k], dk and dv [Tk, d_k]; records when g is given.
void headBackward(const Eigen::Ref<const Matrix>& dcontext, const AttentionTrace& t, size_t h,
                  Eigen::Ref<Matrix> dq, Eigen::Ref<Matrix> dk, Eigen::Ref<Matrix> dv, AttentionTrace* g) {
    const Matrix& weights = t.weights[h];  // [Tq, Tk]
    Matrix dweights(weights.rows(), weights.cols());
    dweights.noalias() = dcontext * t.v[h].transpose();
    dv.noalias() = weights.transpose() * dcontext;
    Matrix dscaled = softmaxRowsBackward(dweights, weights);  // 0 where masked
    Matrix dscores = dscaled * (1.0f / std::sqrt(float(t.q[h].cols())));
    dq.noalias() = dscores * t.k[h];
    dk.noalias() = dscores.transpose() * t.q[h];
    if (g) {
        g->context[h] = dcontext;
        g->weights[h] = std::move(dweights);
        g->scaled[h] = std::move(dscaled);
        g->scores[h] = std::move(dscores);
        g->q[h] = dq;
        g->k[h] = dk;
        g->v[h] = dv;
    }
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
        headBackward(dconcat.middleCols(c0, d_k), t, h, dQ.middleCols(c0, d_k), dK.middleCols(c0, d_k),
                     dV.middleCols(c0, d_k), g);
    }
    dxq = affineBackward(dQ, xq, w.wq, grads.wq, grads.bq);
    dxkv = affineBackward(dK, xkv, w.wk, grads.wk, grads.bk);
    dxkv += affineBackward(dV, xkv, w.wv, grads.wv, grads.bv);
}

}  // namespace alab::core
