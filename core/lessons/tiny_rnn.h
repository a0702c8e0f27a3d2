// A tiny Elman RNN for the why-attention lesson: h_t = tanh(W_h·h_{t−1} + W_x·x_t + b), seeded, in
// double precision. It reads a sentence one word vector at a time and says how a late state depends
// on an early one: ∂h_n/∂h_t is the product of the step Jacobians diag(1 − h_s²)·W_h, s = t+1 … n.
// Legend: T words, D word-vector width, H hidden width; vectors are columns, as the formula writes them.
#pragma once

#include <Eigen/Dense>

#include <cstdint>

namespace alab::core {

/// The RNN's weights.
struct TinyRnn {
    Eigen::MatrixXd w_h;  // [H, H]
    Eigen::MatrixXd w_x;  // [H, D]
    Eigen::VectorXd b;    // [H]
};

/// What one pass over a sentence computed.
struct TinyRnnTrace {
    Eigen::MatrixXd recurrent;  // [T, H] row t: W_h·h_{t−1} (h_0 = 0)
    Eigen::MatrixXd input;      // [T, H] row t: W_x·x_t
    Eigen::MatrixXd pre;        // [T, H] row t: recurrent + input + b
    Eigen::MatrixXd h;          // [T, H] row t: tanh(pre), the state after word t
};

/// Seeded weights: W_h scaled to spectral norm `recurrentNorm` (below 1, so memories fade), W_x
/// uniform in ±0.5/√D (small enough that tanh is not saturated at once), b uniform in ±0.1. The same seed gives the same RNN on every machine.
TinyRnn makeTinyRnn(int inputDim, int hidden, uint64_t seed, double recurrentNorm = 0.9);

/// Runs the RNN over the rows of `xs` ([T, D]) from h_0 = 0. Throws InvalidArgument on a width mismatch.
TinyRnnTrace runTinyRnn(const TinyRnn& rnn, const Eigen::MatrixXd& xs);

/// One more step from state `h` ([H]) on input `x` ([D]): tanh(W_h·h + W_x·x + b).
Eigen::VectorXd tinyRnnStep(const TinyRnn& rnn, const Eigen::VectorXd& h, const Eigen::VectorXd& x);

/// ∂h_s/∂h_{s−1} = diag(1 − h_s²)·W_h for step s (0-based row of the trace, s ≥ 1): [H, H].
Eigen::MatrixXd stepJacobian(const TinyRnn& rnn, const TinyRnnTrace& trace, int s);

/// ∂h_n/∂h_t = J_n ⋯ J_{t+1} (0-based rows, t ≤ n; the identity when t = n): [H, H].
Eigen::MatrixXd stateJacobian(const TinyRnn& rnn, const TinyRnnTrace& trace, int n, int t);

/// The largest singular value: how much a change of the input can grow, at most, through `m`.
double spectralNorm(const Eigen::MatrixXd& m);

}  // namespace alab::core
