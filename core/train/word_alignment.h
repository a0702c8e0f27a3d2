// Cross-attention alignment counted per content word rather than per character (evaluate.h counts
// characters): a Chinese word of several characters (妻子 for "wife", 下个月 for "next month") is
// one word, and its attention is the mean of the rows that emit its characters, averaged over the
// heads of the last decoder layer, as word alignments are read from sub-word attention.
#pragma once

#include "core/trace.h"
#include "core/train/task.h"

#include <vector>

namespace alab::core {

/// A content word of a target: tokens [firstToken, lastToken] sharing one link to the source.
struct LinkedWord {
    int firstToken = 0, lastToken = 0;
    TokenLink link;
};

/// The content words of `e`: maximal runs of consecutive target tokens with the same content link.
std::vector<LinkedWord> contentWords(const Example& e);

/// For trace = forward(src, <bos> + tgt): adds 1 to `total` for each content word of `e`, and 1 to
/// `hits` when the head- and character-averaged cross-attention of the last decoder layer peaks
/// inside the word's source span. Throws InvalidArgument when the trace lacks that layer or rows.
void countWordAlignment(const Trace& trace, const Example& e, int& hits, int& total);

}  // namespace alab::core
