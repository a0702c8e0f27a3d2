// Decoding a target from a source: greedy (the argmax at each step) and beam search with K
// hypotheses. Scores are sums of natural-log probabilities of the generated tokens (<eos> included).
// Beam search keeps K − (finished) hypotheses alive, ranks by the raw sum (no length normalisation
// unless asked), stops at <eos> or the length limit, and records the beam tree for the lessons.
#pragma once

#include "core/model.h"

#include <functional>
#include <vector>

namespace alab::core {

/// How to decode.
struct DecodeOptions {
    int beam = 1;                  ///< K; 1 is greedy
    int maxLen = 64;               ///< generated tokens at most (<eos> counts); capped by max_len − 1
    bool lengthNormalize = false;  ///< rank finished hypotheses by score / length instead of score
    bool keepTraces = false;       ///< keep the model's trace at each generated position of the best
};

/// One decoded sequence.
struct Hypothesis {
    std::vector<int> tokens;  // generated ids, without <bos>; ends with <eos> when finished
    double score = 0;         // sum of log-probabilities of `tokens`
    bool finished = false;    // ended with <eos> (false: stopped at the length limit)
};

/// A node of the beam tree: one hypothesis kept after one step.
struct BeamNode {
    int parent = -1;     // index into the previous step's nodes; -1 for the root (<bos>)
    int token = -1;      // the id appended at this step (<bos> for the root)
    double logProb = 0;  // log-probability of `token` given the parent's prefix
    double score = 0;    // the sum along the path
    bool finished = false;
};

/// What decoding found.
struct DecodeResult {
    std::vector<Hypothesis> hypotheses;     // best first; one for greedy, up to K for beam search
    std::vector<std::vector<BeamNode>> tree;  // tree[0] = {root}; tree[s] = the nodes kept at step s
    std::vector<Trace> traces;              // with keepTraces: traces[t] = forward(src, <bos> + best[0..t−1])
};

/// Log-probabilities of the next token after a prefix (which starts with <bos>).
using NextLogProbs = std::function<std::vector<double>(const std::vector<int>& prefix)>;

/// Beam search over any next-token distribution (K = 1 is greedy); maxLen is taken as given.
DecodeResult beamSearch(const NextLogProbs& next, int bos, int eos, const DecodeOptions& options);

/// Beam search (or greedy when options.beam == 1) with the model; throws InvalidArgument on bad ids.
DecodeResult decode(const Model& model, const std::vector<int>& src, int bos, int eos, const DecodeOptions& options);

/// log-softmax of one row of logits, in double.
std::vector<double> logSoftmax(const Eigen::Ref<const RowVector>& logits);

}  // namespace alab::core
