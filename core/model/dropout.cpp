// Dropout masks (see dropout.h): 24 random bits per entry compared with p · 2^24, so the masks are
// the same on every machine and standard library.
#include "core/model/dropout.h"

#include <cmath>
#include <string>

namespace alab::core {

Dropout::Dropout(float p, uint64_t seed) : m_rng(seed), m_p(p) {
    if (!std::isfinite(p) || p < 0 || p >= 1)
        throw InvalidArgument("dropout must be in [0, 1), got " + std::to_string(p));
    m_dropBelow = uint64_t(std::llround(double(p) * 16777216.0));
}

Matrix Dropout::mask(Eigen::Index rows, Eigen::Index cols) {
    const float keep = 1.0f / (1.0f - m_p);
    Matrix m(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = (m_rng.next() >> 40) < m_dropBelow ? 0.0f : keep;
    return m;
}

Matrix Dropout::apply(Matrix x, Matrix* slot) {
    if (m_p == 0) return x;
    Matrix m = mask(x.rows(), x.cols());
    x.array() *= m.array();
    if (slot) *slot = std::move(m);
    return x;
}

Matrix applyDropout(Matrix x, Dropout* dropout, Matrix* slot) {
    return dropout ? dropout->apply(std::move(x), slot) : x;
}

}  // namespace alab::core
