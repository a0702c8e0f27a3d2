// Comparing two runs tensor by tensor: the largest absolute and relative difference of each tensor both
// runs hold, the list sorted by relative difference, and the first tensor in execution order that
// differs by more than a tolerance (a shape mismatch or a different NaN/−inf pattern always does).
#pragma once

#include "core/debug/execution_order.h"
#include "core/debug/trace_run.h"

#include <string>
#include <vector>

namespace alab::core {

struct TensorDiff {
    std::string name;
    double maxAbs = 0;       ///< max |a − b| over entries finite in both
    double relative = 0;     ///< maxAbs / max(max |b|, 1e-12); infinite for a shape or non-finite mismatch
    std::string problem;     ///< "shape [2,3] vs [3,2]", "NaN/infinity at different places", or ""
};

struct RunComparison {
    std::vector<TensorDiff> diffs;           ///< tensors in both runs, in execution order
    std::vector<std::string> onlyA, onlyB;   ///< names only one run holds
    int firstDivergence = -1;                ///< index into diffs of the first beyond tolerance, or −1
    /// Indices into diffs, largest relative difference first.
    std::vector<int> byRelative() const;
};

/// Compares run a with reference b; a tensor diverges when relative > tol or it has a problem.
RunComparison compareRuns(const TraceRun& a, const TraceRun& b, double tol);

}  // namespace alab::core
