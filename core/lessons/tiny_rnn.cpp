// The tiny RNN of the why-attention lesson (see tiny_rnn.h): seeded weights, the forward pass and
// the Jacobians of a late state with respect to an earlier one.
#include "core/lessons/tiny_rnn.h"

#include "core/rng.h"
#include "core/tensor.h"

#include <cmath>
#include <string>

namespace alab::core {
namespace {

Eigen::MatrixXd uniformMatrix(Rng& rng, int rows, int cols, double bound) {
    Eigen::MatrixXd m(rows, cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) m(r, c) = rng.uniform(float(bound));
    return m;
}

}  // namespace

TinyRnn makeTinyRnn(int inputDim, int hidden, uint64_t seed, double recurrentNorm) {
    if (inputDim < 1 || hidden < 1) throw InvalidArgument("tiny RNN: widths must be positive");
    Rng rng(seed);
    TinyRnn rnn;
    rnn.w_h = uniformMatrix(rng, hidden, hidden, 1.0);
    rnn.w_h *= recurrentNorm / spectralNorm(rnn.w_h);
    rnn.w_x = uniformMatrix(rng, hidden, inputDim, 0.5 / std::sqrt(double(inputDim)));
    rnn.b = uniformMatrix(rng, hidden, 1, 0.1);
    return rnn;
}

Eigen::VectorXd tinyRnnStep(const TinyRnn& rnn, const Eigen::VectorXd& h, const Eigen::VectorXd& x) {
    return (rnn.w_h * h + rnn.w_x * x + rnn.b).array().tanh().matrix();
}

TinyRnnTrace runTinyRnn(const TinyRnn& rnn, const Eigen::MatrixXd& xs) {
    if (xs.cols() != rnn.w_x.cols())
        throw InvalidArgument("tiny RNN: word vectors of width " + std::to_string(xs.cols()) + " for W_x [" +
                              std::to_string(rnn.w_x.rows()) + ", " + std::to_string(rnn.w_x.cols()) + "]");
    const Eigen::Index T = xs.rows(), H = rnn.w_h.rows();
    TinyRnnTrace t{Eigen::MatrixXd(T, H), Eigen::MatrixXd(T, H), Eigen::MatrixXd(T, H), Eigen::MatrixXd(T, H)};
    Eigen::VectorXd h = Eigen::VectorXd::Zero(H);
    for (Eigen::Index s = 0; s < T; ++s) {
        const Eigen::VectorXd rec = rnn.w_h * h, in = rnn.w_x * xs.row(s).transpose();
        const Eigen::VectorXd pre = rec + in + rnn.b;
        h = pre.array().tanh().matrix();
        t.recurrent.row(s) = rec.transpose();
        t.input.row(s) = in.transpose();
        t.pre.row(s) = pre.transpose();
        t.h.row(s) = h.transpose();
    }
    return t;
}

Eigen::MatrixXd stepJacobian(const TinyRnn& rnn, const TinyRnnTrace& trace, int s) {
    const Eigen::VectorXd slope = (1.0 - trace.h.row(s).array().square()).transpose();  // tanh′ = 1 − tanh²
    return slope.asDiagonal() * rnn.w_h;
}

Eigen::MatrixXd stateJacobian(const TinyRnn& rnn, const TinyRnnTrace& trace, int n, int t) {
    if (t < 0 || t > n || n >= trace.h.rows()) throw InvalidArgument("tiny RNN: ∂h_n/∂h_t needs 0 ≤ t ≤ n < T");
    Eigen::MatrixXd j = Eigen::MatrixXd::Identity(rnn.w_h.rows(), rnn.w_h.cols());
    for (int s = t + 1; s <= n; ++s) j = stepJacobian(rnn, trace, s) * j;
    return j;
}

double spectralNorm(const Eigen::MatrixXd& m) {
    if (m.size() == 0) return 0;
    return Eigen::JacobiSVD<Eigen::MatrixXd>(m).singularValues()(0);
}

}  // namespace alab::core
