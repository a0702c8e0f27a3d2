// Comparing two runs tensor by tensor: the largest absolute and relative difference of each tensor both
// runs hold, the list sorted by relative difference, and the first tensor in execution order that
// differs by more than a tolerance (a shape mismatch or a different NaN/−inf pattern always does).
// The tolerance has a relative part and an absolute floor: a tensor diverges when
// max |a − b| > max(atol, tol · max |b|), so a tensor that is zero up to float rounding (a LayerNorm's
// mean, ~1e-8) is not judged by a relative error of its noise.
#pragma once

#include "core/debug/execution_order.h"
#include "core/debug/trace_run.h"

#include <string>
#include <vector>

namespace alab::core {

struct TensorDiff {
    std::string name;
    double maxAbs = 0;       ///< max |a − b| over entries finite in both
    double scale = 0;        ///< max |b| over entries finite in both
    /// maxAbs / max(scale, atol / tol) (the floor; 1e-12 at least); infinite for a shape or non-finite
    /// mismatch. With atol 0 this is the plain relative difference.
    double relative = 0;
    bool diverges = false;   ///< a problem, or maxAbs > max(atol, tol · scale)
    std::string problem;     ///< "shape [2,3] vs [3,2]", "NaN/infinity at different places", or ""
};

struct RunComparison {
    std::vector<TensorDiff> diffs;           ///< tensors in both runs, in execution order
    std::vector<std::string> onlyA, onlyB;   ///< names only one run holds
    int firstDivergence = -1;                ///< index into diffs of the first beyond tolerance, or −1
    /// Indices into diffs, largest relative difference first.
    std::vector<int> byRelative() const;
};

/// The absolute floor the command line and the debugger use unless told otherwise: float32 rounding
/// of values near 1 is ~1e-7, so differences below 1e-6 are noise whatever the tensor's scale.
inline constexpr double kDefaultAbsoluteTolerance = 1e-6;

/// Compares run a with reference b; a tensor diverges when it has a problem or when
/// max |a − b| > max(atol, tol · max |b|) (atol 0: relative > tol, the rule before the floor).
RunComparison compareRuns(const TraceRun& a, const TraceRun& b, double tol, double atol = 0);

}  // namespace alab::core
