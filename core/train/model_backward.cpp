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

// Gradient of the stack input, given the gradient of the embeddings + positions sum.
void inputBackward(const ModelConfig& c, const Matrix& dInput, const std::vector<int>& ids, Matrix& dTable,
                   Weights& g, Matrix* dEmbedding, Matrix* dPositions) {
    *dEmbedding = dInput;
    *dPositions = dInput;
    embeddingBackward(dInput, ids, c.scale_embedding ? std::sqrt(float(c.d_model)) : 1.0f, dTable);
    if (c.positional_encoding == PositionalEncoding::Learned) g.pos_embed.topRows(dInput.rows()) += dInput;
}

// Decoder stack, final norm first; returns dL/d(decoder input) and adds into dMemory.
Matrix decoderBackward(const Model& model, const Trace& t, Matrix dy, Matrix& dMemory, Gradients& g) {
    const ModelConfig& c = model.config();
    const Weights& w = model.weights();
    const int L = c.decoder_layers;
    const Matrix& last = L > 0 ? t.decoder[size_t(L - 1)].output : t.decoder_input;
    if (c.final_norm) dy = layerNormBackward(dy, last, t.decoder_norm_stats, w.decoder_norm, g.params.decoder_norm);
    g.activations.decoder.resize(size_t(L));
    for (int l = L - 1; l >= 0; --l) {
        const Matrix& x = l > 0 ? t.decoder[size_t(l - 1)].output : t.decoder_input;
        dy = decoderLayerBackward(dy, x, t.encoder_output, w.decoder[size_t(l)], c, t.decoder[size_t(l)], dMemory,
                                  g.params.decoder[size_t(l)], &g.activations.decoder[size_t(l)]);
    }
    return dy;
}

Matrix encoderBackward(const Model& model, const Trace& t, Matrix dx, Gradients& g) {
    const ModelConfig& c = model.config();
    const Weights& w = model.weights();
    const int L = c.encoder_layers;
    if (c.final_norm && L > 0)
        dx = layerNormBackward(dx, t.encoder[size_t(L - 1)].output, t.encoder_norm_stats, w.encoder_norm,
                               g.params.encoder_norm);
    g.activations.encoder.resize(size_t(L));
    for (int l = L - 1; l >= 0; --l) {
        const Matrix& x = l > 0 ? t.encoder[size_t(l - 1)].output : t.encoder_input;
        dx = encoderLayerBackward(dx, x, w.encoder[size_t(l)], c, t.encoder[size_t(l)], g.params.encoder[size_t(l)],
                                  &g.activations.encoder[size_t(l)]);
    }
    return dx;
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
    Trace& a = g.activations;
    a.logits = crossEntropyLossBackward(t.logits, labels, c.pad_id, labelSmoothing);  // [T, tgt_vocab]
    const Linear& gen = model.weights().generator;
    a.decoder_output = affineBackward(a.logits, t.decoder_output, gen.weight, g.params.generator.weight,
                                      g.params.generator.bias);
    Matrix dMemory = Matrix::Zero(t.encoder_output.rows(), t.encoder_output.cols());
    a.decoder_input = decoderBackward(model, t, a.decoder_output, dMemory, g);
    inputBackward(c, dropoutBackward(a.decoder_input, t.tgt_dropout), t.tgt_ids, g.params.tgt_embed, g.params,
                  &a.tgt_embedding, &a.tgt_positional_encoding);
    a.encoder_output = dMemory;
    a.encoder_input = encoderBackward(model, t, dMemory, g);
    inputBackward(c, dropoutBackward(a.encoder_input, t.src_dropout), t.src_ids, g.params.src_embed, g.params,
                  &a.src_embedding, &a.src_positional_encoding);
    return g;
}

}  // namespace alab::core
