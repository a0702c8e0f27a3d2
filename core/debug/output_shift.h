// How an intervention moved the output distribution at one target position: the tokens most probable
// in either run with their probability before and after, for the debugger's "before → after" table.
// Works on the runs' output.probs tensors ([T, tgt_vocab], one row per target position), so it serves a
// run computed in memory and one read from a trace folder alike.
#pragma once

#include "core/tensor.h"

#include <vector>

namespace alab::core {

/// One output token at one position, in the run before and after an intervention.
struct TokenShift {
    int token = 0;        ///< token id (column of output.probs)
    double before = 0;    ///< its probability in the baseline run
    double after = 0;     ///< its probability in the intervened run
};

/// The `k` tokens with the largest probability in either run at row `position` (0-based) of two
/// output.probs tensors, ordered by max(before, after), largest first (ties: smaller id first). Throws
/// InvalidArgument naming both shapes when they differ or are not [T, V], or when the position is not a row.
std::vector<TokenShift> topTokenShifts(const Tensor& probsBefore, const Tensor& probsAfter, int position, int k);

}  // namespace alab::core
