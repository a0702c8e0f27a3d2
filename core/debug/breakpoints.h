// Breakpoints of the step-through debugger: a tensor-name pattern plus a condition over the tensor's
// values (NaN/Inf, |x| above a threshold, softmax rows not summing to 1, fully masked rows, a collapsed
// attention head, a value an intervention changed), and "run to the next breakpoint" over an execution
// order. Each hit comes with a
// reason a person can read; rows and heads in reasons count from 1.
#pragma once

#include "core/trace_names.h"  // globMatch

#include "core/debug/execution_order.h"
#include "core/tensor.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace alab::core {

/// What a breakpoint tests in the tensors its pattern matches.
enum class BreakCondition {
    Always,          ///< stop at every matching tensor
    NanOrInf,        ///< any NaN or ±inf (except −inf in ".scaled", where it marks a masked entry)
    AbsAbove,        ///< some finite |x| > threshold
    RowSumNotOne,    ///< a softmax output (".weights", "output.probs") row whose sum is off 1 by > threshold
    FullyMaskedRow,  ///< a ".mask" row of zeros, or a ".weights" row of zeros (a query that may attend to nothing)
    LowEntropy,      ///< an attention head whose mean row entropy (nats) of ".weights" is below threshold
    Intervened,      ///< some value differs from the run before the intervention by more than threshold
};

struct Breakpoint {
    std::string pattern = "*";  ///< glob over dotted names: '*' any run of characters, '?' one character
    BreakCondition condition = BreakCondition::Always;
    double threshold = 0;       ///< AbsAbove: the bound; RowSumNotOne: the tolerance; LowEntropy: nats;
                                ///< Intervened: the |change| that counts (0: any change)
    bool enabled = true;
};

/// Why `bp` stops at this tensor ("row 2 of head 1 sums to 0.5 (off 1 by 0.5 > 1e-05)"), or nothing.
/// `baseline` is the same tensor in the run before an intervention (Intervened never stops without it).
std::optional<std::string> checkBreakpoint(const Breakpoint& bp, const std::string& name, const Tensor& tensor,
                                           const Tensor* baseline = nullptr);

/// Where a run stopped.
struct BreakHit {
    int op = -1;            ///< index into ExecutionOrder::ops
    std::string tensor;
    int breakpoint = -1;    ///< index into the breakpoint list
    std::string reason;     ///< "encoder.1.ffn.hidden: 3 NaN (first at [1,4])"
};

/// Returns the tensor of that name, or nullptr when the run does not hold it.
using TensorLookup = std::function<const Tensor*(const std::string& name)>;

/// Checks ops from+1, from+2, … (from = −1 starts at the first op) against every enabled breakpoint, in
/// list order, and returns the first hit; nothing when the run ends without one. `baseline` looks tensors
/// up in the run before an intervention, for the Intervened condition.
std::optional<BreakHit> runToNextBreakpoint(const ExecutionOrder& order, const TensorLookup& lookup,
                                            const std::vector<Breakpoint>& breakpoints, int from,
                                            const TensorLookup& baseline = {});

/// "nan-inf", "abs-above", "row-sum", "masked-row", "low-entropy", "intervened", "always", and back.
std::string breakConditionKey(BreakCondition c);
std::optional<BreakCondition> breakConditionFromKey(const std::string& key);

}  // namespace alab::core
