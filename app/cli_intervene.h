// attention-lab trace --intervene SPEC (repeatable): reads the specs off the command line, reruns the
// forward pass with them (core/debug/intervention.h) and prints what changed, down to the output
// probabilities; the trace written is the intervened one.
#pragma once

#include "app/model_inputs.h"

#include <string>
#include <vector>

namespace alab::app {

/// Removes every "--intervene SPEC" pair from args into `specs`; returns "" or "--intervene needs a value".
std::string takeInterventions(std::vector<std::string>& args, std::vector<std::string>& specs);

/// Replaces `trace` (the baseline of `in`) by the run with the interventions and prints the report.
/// Returns "" or one line naming the bad spec.
std::string applyInterventions(const std::vector<std::string>& specs, const ModelInputs& in, core::Trace& trace);

}  // namespace alab::app
