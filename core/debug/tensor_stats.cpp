// Tensor statistics and differences (see tensor_stats.h). Sums in double, as the inspector does.
#include "core/debug/tensor_stats.h"

#include <cmath>
#include <limits>

namespace alab::core {

TensorStats tensorStats(const Tensor& t) {
    TensorStats s;
    s.count = int64_t(t.data.size());
    double sum = 0, sumSq = 0;
    s.min = std::numeric_limits<double>::infinity();
    s.max = -s.min;
    for (float f : t.data) {
        if (std::isnan(f)) {
            ++s.nan;
        } else if (std::isinf(f)) {
            ++(f > 0 ? s.posInf : s.negInf);
        } else {
            ++s.finite;
            sum += f;
            s.min = std::min(s.min, double(f));
            s.max = std::max(s.max, double(f));
        }
    }
    if (s.finite == 0) {
        s.min = s.max = 0;
        return s;
    }
    s.mean = sum / double(s.finite);
    for (float f : t.data)
        if (std::isfinite(f)) sumSq += (f - s.mean) * (f - s.mean);
    s.std = std::sqrt(sumSq / double(s.finite));
    return s;
}

Tensor tensorDifference(const Tensor& a, const Tensor& b) {
    if (a.shape != b.shape)
        throw InvalidArgument("tensorDifference: shape " + shapeString(a.shape) + " vs " + shapeString(b.shape));
    Tensor d;
    d.shape = a.shape;
    d.data.resize(a.data.size());
    for (size_t i = 0; i < a.data.size(); ++i)
        d.data[i] = a.data[i] == b.data[i]                              ? 0.0f  // also the same ±∞ (a masked score)
                    : std::isfinite(a.data[i]) && std::isfinite(b.data[i]) ? a.data[i] - b.data[i]
                                                                           : std::numeric_limits<float>::quiet_NaN();
    return d;
}

}  // namespace alab::core
