// Why this token: one output logit, or the difference of two, at one target position, attributed to
// every attention head and every FFN in two ways. Direct attribution follows each component's output
// along the decoder's residual stream to the logits, with every LayerNorm on that stream (the final
// norm; in post-norm also the norms after each sub-layer) frozen at this run's 1/σ, which makes the
// stream linear: the heads', FFNs', embeddings' and biases' terms then sum to the logit difference.
// Ablation removes one component (a head's context, or an FFN's hidden layer, set to zero), reruns the
// pass and measures the drop; it also reaches the encoder, whose heads act only through cross-attention.
// Legend: L layers, h heads, t the target position, A and B tokens.
#pragma once

#include "core/model.h"

#include <vector>

namespace alab::core {

/// Which logit to explain: logit(A) − logit(B) at target row `position`, or logit(A) alone.
struct LogitQuestion {
    int position = 0;  ///< 0-based row of output.logits
    int token = 0;     ///< A
    int versus = -1;   ///< B, or −1 for logit(A) alone
};

/// One number per head of each attention and per FFN.
struct ComponentGrid {
    Eigen::MatrixXd encoderSelf;     // [encoder_layers, h]
    Eigen::MatrixXd decoderSelf;     // [decoder_layers, h]
    Eigen::MatrixXd cross;           // [decoder_layers, h]
    std::vector<double> encoderFfn;  // [encoder_layers]
    std::vector<double> decoderFfn;  // [decoder_layers]
};

struct LogitAttribution {
    LogitQuestion question;
    double value = 0;        ///< the logit difference (or logit) in the run
    /// Direct terms: context_h · W_O,hᵀ of each head and hidden · W2ᵀ of each FFN. The encoder's rows are
    /// zero: its output reaches the logits only through cross-attention's keys and values.
    ComponentGrid direct;
    double embedding = 0;    ///< the target token embedding's direct term
    double positional = 0;   ///< the target positional encoding's
    double biases = 0;       ///< every b_O, FFN b2 and LayerNorm β on the stream, and the generator's bias
    /// value − the value rerun with the component removed (a head's context zero, an FFN's hidden layer
    /// zero; their biases stay, as in the direct terms). Empty matrices unless asked for.
    ComponentGrid ablation;
};

/// Attributes q's logit in `trace`, a full forward pass of `model` with a target. With `ablate`, reruns
/// the pass once per head and FFN. Throws InvalidArgument for a position or token out of range or a
/// trace without a decoder.
LogitAttribution attributeLogit(const Model& model, const Trace& trace, const LogitQuestion& q, bool ablate = true);

/// logit(A) − logit(B) (or logit(A)) at q.position of a trace.
double logitValue(const Trace& trace, const LogitQuestion& q);

}  // namespace alab::core
