// Held-out evaluation for the trainer and the shipped-model tests: greedy-decode each source and
// score exact match and corpus BLEU against the targets; and, from a teacher-forced trace, whether
// the last decoder layer's cross-attention (averaged over heads) peaks on the source word each
// content token translates.
#pragma once

#include "core/model.h"
#include "core/tokenizer.h"
#include "core/train/task.h"

#include <vector>

namespace alab::core {

/// Scores over a list of examples.
struct Evaluation {
    int examples = 0;
    int exact = 0;           // decoded target equal to the reference, token for token
    double bleu = 0;         // corpus BLEU-4, 0–100
    int alignedContent = 0;  // content tokens whose cross-attention peaks inside their source span
    int contentTokens = 0;   // content tokens with a link
    double exactMatch() const { return examples ? 100.0 * exact / examples : 0.0; }
    double alignment() const { return contentTokens ? 100.0 * alignedContent / contentTokens : 0.0; }
};

/// Greedy decoding (at most maxLen tokens) of every example; alignment is counted for examples with links.
Evaluation evaluate(const Model& model, const Vocabulary& vocab, const std::vector<Example>& examples, int maxLen);

/// For trace = forward(src, <bos> + tgt): row t of the last decoder layer's cross-attention, averaged
/// over heads, is where tgt[t] looks. Adds to `hits` and `total` for each content link of `e`.
void countAlignment(const Trace& trace, const Example& e, int& hits, int& total);

}  // namespace alab::core
