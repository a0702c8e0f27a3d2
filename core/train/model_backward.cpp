// Model backward (see model_backward.h): generator, final norms, decoder and encoder stacks in
// reverse, then embeddings and learned positions (one pos_embed table shared by source and target).
#include "core/train/model_backward.h"

#include "core/train/attention_backward.h"
#include "core/train/layers_backward.h"
#include "core/train/loss.h"

#include <cmath>

namespace alab::core {
namespace {

void checkTrace(const ModelConfig& c, const Trace& t) {
    if (t.tgt_ids.empty() || t.logits.size() == 0)
        throw InvalidArgument("the backward pass needs a target sequence (the loss is on the decoder's logits)");
    bool complete = int(t.encoder.size()) == c.encoder_layers && int(t.decoder.size()) == c.decoder_layers;
    for (const EncoderLayerTrace& e : t.encoder) complete = complete && e.captured;
    for (const DecoderLayerTrace& d : t.decoder) complete = complete && d.captured;
    if (!complete) throw InvalidArgument("the backward pass needs a trace with every layer captured");
}

// Where one backward pass writes: parameter gradients (added into), activation gradients when acts is
// given, and the examples' rows when the trace is a packed batch's.
struct Sink {
    Weights& params;
    Trace* acts;
    const PackedRows* packed;
};

// Gradient of the stack input, given the gradient of the embeddings + positions sum; positions restart
// at 0 in every example of a packed batch.
void inputBackward(const ModelConfig& c, const Matrix& dInput, const std::vector<int>& ids, Matrix& dTable,
                   const std::vector<Segment>* segs, Sink& g, Matrix* dEmbedding, Matrix* dPositions) {
    if (g.acts) *dEmbedding = dInput, *dPositions = dInput;
    embeddingBackward(dInput, ids, c.scale_embedding ? std::sqrt(float(c.d_model)) : 1.0f, dTable);
    if (c.positional_encoding != PositionalEncoding::Learned) return;
    if (!segs) g.params.pos_embed.topRows(dInput.rows()) += dInput;
    else for (const Segment& s : *segs) g.params.pos_embed.topRows(s.rows) += dInput.middleRows(s.begin, s.rows);
}

// Decoder stack, final norm first; returns dL/d(decoder input) and adds into dMemory.
Matrix decoderBackward(const ModelConfig& c, const Weights& w, const Trace& t, Matrix dy, Matrix& dMemory, Sink& g) {
    const int L = c.decoder_layers;
    const Matrix& last = L > 0 ? t.decoder[size_t(L - 1)].output : t.decoder_input;
    if (c.final_norm) dy = layerNormBackward(dy, last, t.decoder_norm_stats, w.decoder_norm, g.params.decoder_norm);
    if (g.acts) g.acts->decoder.resize(size_t(L));
    for (int l = L - 1; l >= 0; --l) {
        const Matrix& x = l > 0 ? t.decoder[size_t(l - 1)].output : t.decoder_input;
        dy = decoderLayerBackward(dy, x, t.encoder_output, w.decoder[size_t(l)], c, t.decoder[size_t(l)], dMemory,
                                  g.params.decoder[size_t(l)], g.acts ? &g.acts->decoder[size_t(l)] : nullptr,
                                  g.packed);
    }
    return dy;
}

Matrix encoderBackward(const ModelConfig& c, const Weights& w, const Trace& t, Matrix dx, Sink& g) {
    const int L = c.encoder_layers;
    if (c.final_norm && L > 0)
        dx = layerNormBackward(dx, t.encoder[size_t(L - 1)].output, t.encoder_norm_stats, w.encoder_norm,
                               g.params.encoder_norm);
    if (g.acts) g.acts->encoder.resize(size_t(L));
    for (int l = L - 1; l >= 0; --l) {
        const Matrix& x = l > 0 ? t.encoder[size_t(l - 1)].output : t.encoder_input;
        dx = encoderLayerBackward(dx, x, w.encoder[size_t(l)], c, t.encoder[size_t(l)], g.params.encoder[size_t(l)],
                                  g.acts ? &g.acts->encoder[size_t(l)] : nullptr, g.packed);
    }
    return dx;
}

// From dL/dlogits back to the embeddings, adding every parameter gradient into g.params.
void backwardFromLogits(const ModelConfig& c, const Weights& w, const Trace& t, Matrix dLogits, Sink& g) {
    Trace scratch;
    Trace& a = g.acts ? *g.acts : scratch;  // activation gradients, or temporaries that die here
    a.logits = std::move(dLogits);  // [T, tgt_vocab]
    a.decoder_output = affineBackward(a.logits, t.decoder_output, w.generator.weight, g.params.generator.weight,
                                      g.params.generator.bias);
    Matrix dMemory = Matrix::Zero(t.encoder_output.rows(), t.encoder_output.cols());
    a.decoder_input = decoderBackward(c, w, t, a.decoder_output, dMemory, g);
    inputBackward(c, dropoutBackward(a.decoder_input, t.tgt_dropout), t.tgt_ids, g.params.tgt_embed, g.packed ? &g.packed->tgt : nullptr, g,
                  &a.tgt_embedding, &a.tgt_positional_encoding);
    a.encoder_output = dMemory;
    a.encoder_input = encoderBackward(c, w, t, std::move(dMemory), g);
    inputBackward(c, dropoutBackward(a.encoder_input, t.src_dropout), t.src_ids, g.params.src_embed, g.packed ? &g.packed->src : nullptr, g,
                  &a.src_embedding, &a.src_positional_encoding);
}

}  // namespace

void embeddingBackward(const Matrix& dEmbedding, const std::vector<int>& ids, float scale, Matrix& dTable) {
    for (size_t i = 0; i < ids.size(); ++i) dTable.row(ids[i]) += scale * dEmbedding.row(Eigen::Index(i));
}

Gradients backward(const Model& model, const Trace& t, const std::vector<int>& labels, float labelSmoothing) {
    const ModelConfig& c = model.config();
    checkTrace(c, t);
    Gradients g;
    g.loss = crossEntropyLoss(t.logits, labels, c.pad_id, labelSmoothing);
    g.params = zeroWeightsLike(c);
    Sink sink{g.params, &g.activations, nullptr};
    backwardFromLogits(c, model.weights(), t, crossEntropyLossBackward(t.logits, labels, c.pad_id, labelSmoothing),
                       sink);
    return g;
}

float packedBackward(const ModelConfig& c, const Weights& w, const Trace& t, const PackedBatch& batch,
                     float labelSmoothing, float scale, Weights& into) {
    checkTrace(c, t);
    const float loss = crossEntropyLoss(t.logits, batch.labels, c.pad_id, labelSmoothing);
    Matrix dLogits = crossEntropyLossBackward(t.logits, batch.labels, c.pad_id, labelSmoothing);
    dLogits *= scale;
    Sink sink{into, nullptr, &batch.rows};
    backwardFromLogits(c, w, t, std::move(dLogits), sink);
    return loss;
}

}  // namespace alab::core
