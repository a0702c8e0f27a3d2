// Sinusoidal positional encoding and its relative-position rotation.
#include "core/positional_encoding.h"

#include <cmath>
#include <vector>

namespace alab::core {
namespace {

double frequency(int pairIndex, int d_model) {
    return std::pow(10000.0, -2.0 * pairIndex / double(d_model));
}

}  // namespace

Matrix sinusoidalEncoding(int positions, int d_model) {
    std::vector<double> freq(size_t(d_model + 1) / 2);
    for (size_t i = 0; i < freq.size(); ++i) freq[i] = frequency(int(i), d_model);
    Matrix pe(positions, d_model);
    for (int pos = 0; pos < positions; ++pos) {
        for (int j = 0; j < d_model; ++j) {
            const double angle = pos * freq[size_t(j / 2)];
            pe(pos, j) = float(j % 2 == 0 ? std::sin(angle) : std::cos(angle));
        }
    }
    return pe;
}

Matrix sinusoidalShift(int k, int d_model) {
    // (sin(a+b), cos(a+b)) = (sin a, cos a) · [[cos b, -sin b], [sin b, cos b]]
    Matrix m = Matrix::Zero(d_model, d_model);
    for (int j = 0; j + 1 < d_model; j += 2) {
        const double b = k * frequency(j / 2, d_model);
        m(j, j) = float(std::cos(b));
        m(j, j + 1) = float(-std::sin(b));
        m(j + 1, j) = float(std::sin(b));
        m(j + 1, j + 1) = float(std::cos(b));
    }
    if (d_model % 2 == 1) m(d_model - 1, d_model - 1) = 1.0f;  // a lone sin column: not a rotation
    return m;
}

}  // namespace alab::core
