// Summary numbers of one tensor as the debugger shows them beside an op and in the watches: min, max,
// mean and standard deviation over the finite entries, and how many entries are NaN, +∞ or −∞
// (a masked score is −∞ on purpose, so the two infinities are counted apart).
#pragma once

#include "core/tensor.h"

#include <cstdint>

namespace alab::core {

struct TensorStats {
    double min = 0, max = 0, mean = 0, std = 0;  ///< over finite entries; std is the population std
    int64_t count = 0;                           ///< all entries
    int64_t finite = 0;                          ///< finite entries
    int64_t nan = 0, posInf = 0, negInf = 0;
};

/// The statistics of every entry of `t` (zeros when it has no finite entry).
TensorStats tensorStats(const Tensor& t);

/// a − b entry by entry, in a's shape: 0 where both are equal (also the same ±∞), NaN where only one
/// is finite or either is NaN. Throws InvalidArgument naming
/// both shapes when they differ.
Tensor tensorDifference(const Tensor& a, const Tensor& b);

}  // namespace alab::core
