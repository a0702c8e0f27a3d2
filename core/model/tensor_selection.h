// Which tensors of a trace a command asks for: `trace --tensors GLOB[,GLOB…]` with * (any run of
// characters, dots included) and ? (one character), e.g. "encoder.5.self_attn.weights" or
// "decoder.*.cross_attn.weights", and the capture that records just what those names need.
#pragma once

#include "core/trace_names.h"  // globMatch

#include "core/trace.h"

#include <string>
#include <vector>

namespace alab::core {

/// Splits "a,b,c" into globs; "" or a one-line error (an empty item).
std::string parseTensorGlobs(const std::string& text, std::vector<std::string>& globs);

/// True when any of the globs matches `name`.
bool matchesAny(const std::vector<std::string>& globs, const std::string& name);

/// The globs that match none of `names` (to report a typo).
std::vector<std::string> unmatchedGlobs(const std::vector<std::string>& globs, const std::vector<std::string>& names);

/// A capture that records only the encoder and decoder layers holding a matched name (names outside
/// the layers, such as "encoder.output" or "output.logits", are always kept), with maps on demand.
/// `names` are every name a full trace of the model has (they do not depend on the input's length).
CapturePolicy captureForNames(const std::vector<std::string>& globs, const std::vector<std::string>& names);

}  // namespace alab::core
