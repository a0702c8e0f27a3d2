// Interventions: zero or scale an attention head, set one cell of any tensor, or patch a tensor (or one
// head) from another run (activation patching); the forward pass then reruns with the change applied
// where that tensor is computed, so everything downstream follows. Written as text for the command
// line and sessions, e.g. "encoder.1.self_attn.head=3:zero", "decoder.0.ffn.hidden[2,5]:set=0",
// "decoder.0.cross_attn.weights:scale=0.5", "encoder.output:patch-from=runs/b". Numbers inside a spec
// count from 0, as tensor names do. The report says what changed, down to the output probabilities.
#pragma once

#include "core/debug/compare.h"
#include "core/model.h"

#include <string>
#include <vector>

namespace alab::core {

enum class InterventionAction { Zero, Scale, Set, Patch };

struct Intervention {
    std::string tensor;           ///< dotted name; for a head, the attention's context ("….self_attn.context")
    int head = -1;                ///< a head (0-based) of that attention, or −1 for the whole tensor
    std::vector<int64_t> cell;    ///< Set on a whole tensor: the cell (0-based, as numpy indexes it)
    InterventionAction action = InterventionAction::Zero;
    double value = 0;             ///< Scale: the factor; Set: the new value
    std::string patchDir;         ///< Patch: the trace folder the values come from
    Tensor patch;                 ///< Patch: the values, filled by prepareInterventions
    std::string spec;             ///< the text it was parsed from
};

/// Parses one spec "TARGET:ACTION" with TARGET a tensor name, a name with a cell ("name[1,2]", for set)
/// or "<attention>.head=H", and ACTION zero | scale=X | set=X | patch-from=DIR. Returns "" or one line
/// naming the problem ("intervention \"x\": …").
std::string parseIntervention(const std::string& spec, Intervention& out);

/// The spec text of an intervention, the inverse of parseIntervention: "encoder.1.self_attn.head=3:zero",
/// "decoder.0.ffn.hidden[2,5]:set=0.25", "x:scale=0.5", "encoder.output:patch-from=runs/b". Numbers are
/// written so that they parse back to the same double.
std::string interventionSpec(const Intervention& iv);

/// Checks each intervention against the model and inputs (the tensor exists and can be changed, the
/// head and the cell are in range) and reads each patch from its folder (same shape). Returns "" or one
/// line naming the spec and the problem.
std::string prepareInterventions(const Model& model, const std::vector<int>& src, const std::vector<int>& tgt,
                                 std::vector<Intervention>& list);

/// The forward pass with every (prepared) intervention applied, in list order, where its tensor is made.
Trace runWithInterventions(const Model& model, const std::vector<int>& src, const std::vector<int>& tgt,
                           const std::vector<Intervention>& list);

/// How one target position's output distribution moved.
struct ProbabilityShift {
    int position = 0;               ///< 0-based row of output.probs
    int topBefore = 0, topAfter = 0;  ///< argmax token ids
    double pTopBefore = 0;          ///< p(topBefore) in the baseline
    double pTopBeforeAfter = 0;     ///< p(topBefore) after the intervention
    double pTopAfter = 0;           ///< p(topAfter) after the intervention
    double maxAbsDelta = 0;         ///< max over tokens of |Δp|
};

struct InterventionReport {
    RunComparison changes;                ///< intervened run against the baseline, tolerance 0
    int changedTensors = 0;               ///< tensors with any difference
    std::vector<ProbabilityShift> shifts; ///< one per target position (empty for an encoder-only pass)
};

/// What the intervention changed: every tensor's difference and each position's top token and probability.
InterventionReport reportIntervention(const Trace& baseline, const Trace& intervened);

}  // namespace alab::core
