// The decoder input a view shows for a trained translation model: <bos> followed by the model's own
// greedy translation of the source (without its <eos>), so the cross-attention maps of the trace
// show where each word it wrote was read from.
#pragma once

#include "core/model.h"
#include "core/tokenizer.h"

#include <vector>

namespace alab::core {

/// <bos> + greedy decoding of `src` (at most maxLen generated tokens, capped by the model's max_len).
/// Throws InvalidArgument on ids the model cannot read.
std::vector<int> greedyDecoderInput(const Model& model, const Vocabulary& vocab, const std::vector<int>& src, int maxLen = 40);

}  // namespace alab::core
