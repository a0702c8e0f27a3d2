// topTokenShifts (see output_shift.h): a partial sort of the row by max(before, after).
#include "core/debug/output_shift.h"

#include <algorithm>

namespace alab::core {

std::vector<TokenShift> topTokenShifts(const Tensor& probsBefore, const Tensor& probsAfter, int position, int k) {
    if (probsBefore.rank() != 2 || probsBefore.shape != probsAfter.shape)
        throw InvalidArgument("output probabilities must be two [T, V] tensors of one shape, got " +
                              shapeString(probsBefore.shape) + " and " + shapeString(probsAfter.shape));
    const int64_t rows = probsBefore.shape[0], vocab = probsBefore.shape[1];
    if (position < 0 || position >= rows)
        throw InvalidArgument("position " + std::to_string(position) + " is outside the " + std::to_string(rows) +
                              " target positions of shape " + shapeString(probsBefore.shape));
    std::vector<TokenShift> all(static_cast<size_t>(vocab));
    const size_t base = size_t(position) * size_t(vocab);
    for (int64_t j = 0; j < vocab; ++j)
        all[size_t(j)] = {int(j), probsBefore.data[base + size_t(j)], probsAfter.data[base + size_t(j)]};
    const auto larger = [](const TokenShift& s) {  // NaN ranks last, so the order stays strict
        const double m = std::max(s.before, s.after);
        return m == m ? m : -1.0;
    };
    const size_t keep = std::min(all.size(), size_t(std::max(k, 0)));
    std::partial_sort(all.begin(), all.begin() + std::ptrdiff_t(keep), all.end(), [&](const TokenShift& a, const TokenShift& b) {
        return larger(a) != larger(b) ? larger(a) > larger(b) : a.token < b.token;
    });
    all.resize(keep);
    return all;
}

}  // namespace alab::core
