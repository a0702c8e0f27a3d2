// The decoder input a view shows for a trained translation model: <bos> followed by the model's own
// greedy translation of the source (without its <eos>), so the cross-attention maps of the trace
// show where each word it wrote was read from; and what each decoder row predicts.
#pragma once

#include "core/model.h"
#include "core/tokenizer.h"

#include <vector>

namespace alab::core {

/// <bos> + greedy decoding of `src` (at most maxLen generated tokens, capped by the model's max_len).
/// Throws InvalidArgument on ids the model cannot read.
std::vector<int> greedyDecoderInput(const Model& model, const Vocabulary& vocab, const std::vector<int>& src, int maxLen = 40);

/// What each decoder position predicts: the most probable token of each row of trace.logits, [T]
/// (empty without a decoder). Row t reads the input up to t and predicts the token after it, so the
/// heatmaps label decoder query rows with it.
std::vector<int> predictedTokens(const Trace& trace);

}  // namespace alab::core
