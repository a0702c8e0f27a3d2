// The "why this token" attribution laid out as the debugger shows it: one row per attention (a number
// per head) and one per FFN, in execution order, and for direct attribution three more rows — the
// target embedding, the positional encoding and the biases — so that every number of the table adds up
// to the logit difference. Encoder rows appear only for ablation: direct terms follow the decoder's
// residual stream, which the encoder never writes to. Also the likeliest tokens of a row, to ask about.
// Legend: h heads, t the target position.
#pragma once

#include "core/debug/attribution.h"
#include "core/trace_names.h"

#include <string>
#include <vector>

namespace alab::core {

enum class AttributionMethod { Direct, Ablation };

/// What a row of the table stands for.
enum class AttributionRowKind { Attention, Ffn, Embedding, Positional, Biases };

struct AttributionRow {
    AttributionRowKind kind = AttributionRowKind::Attention;
    AttentionKind attention = AttentionKind::DecoderSelf;  ///< for Attention rows
    bool decoder = true;                                   ///< for Ffn rows: a decoder layer's FFN
    int layer = -1;                                        ///< 0-based; −1 for embedding, positional, biases
    std::vector<double> heads;                             ///< [h] for Attention rows, empty otherwise
    double whole = 0;                                      ///< the value of an FFN or remainder row; Attention: 0
    /// The op a click opens: "<attention>.weights" (the head's map), "<layer>.ffn.hidden",
    /// "input.tgt_embedding", "input.tgt_positional_encoding"; "" for the biases.
    std::string tensor;
};

struct AttributionTable {
    AttributionMethod method = AttributionMethod::Direct;
    int heads = 0;
    std::vector<AttributionRow> rows;  ///< in execution order; remainder rows last
    double sum = 0;                    ///< every number of the table added (exact, before any rounding)
    double value = 0;                  ///< logit(A) − logit(B) (or logit(A)) read from the trace's logits
    double largest = 0;                ///< max |number| in the table (the colour scale's half-width)
};

/// Lays out `a` for `method`. Throws InvalidArgument when ablation is asked for but `a` has none.
AttributionTable attributionTable(const LogitAttribution& a, AttributionMethod method);

/// The `k` tokens with the largest logits at target row `position`, largest first (smaller id on a tie).
/// Throws InvalidArgument for a position outside the trace's logits.
std::vector<int> likeliestTokens(const Trace& trace, int position, int k);

/// True when `trace` keeps what attributeLogit reads (a decoder pass with every decoder layer captured).
bool canAttribute(const Trace& trace);

}  // namespace alab::core
