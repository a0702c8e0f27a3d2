// Model::forward wires the layers together and fills the Trace.
#include "core/model.h"

#include "core/attention.h"
#include "core/layers.h"
#include "core/model/attention_maps.h"
#include "core/positional_encoding.h"

#include <cmath>

namespace alab::core {

Model::Model(ModelConfig config, Weights weights) : m_config(std::move(config)), m_weights(std::move(weights)) {
    m_config.validate();
    checkWeights(m_config, m_weights);
    m_weights.encoder.resize(size_t(m_config.encoder_layers));  // layers beyond the config are never used
    m_weights.decoder.resize(size_t(m_config.decoder_layers));
}

void Model::checkIds(const std::vector<int>& ids, int vocab, const char* which) const {
    if (ids.size() > size_t(m_config.max_len))
        throw InvalidArgument(std::string("the ") + which + " has " + std::to_string(ids.size()) +
                              " tokens, more than max_len " + std::to_string(m_config.max_len));
    for (size_t i = 0; i < ids.size(); ++i)
        if (ids[i] < 0 || ids[i] >= vocab)
            throw InvalidArgument("token id " + std::to_string(ids[i]) + " at " + which + " position " +
                                  std::to_string(i) + " is outside the vocabulary of " + std::to_string(vocab));
}

Matrix Model::embed(const std::vector<int>& ids, const Matrix& table, Matrix* embedding, Matrix* pe) const {
    const int n = int(ids.size()), d = m_config.d_model;
    Matrix e(n, d);
    const float scale = m_config.scale_embedding ? std::sqrt(float(d)) : 1.0f;
    for (int i = 0; i < n; ++i) e.row(i) = table.row(ids[size_t(i)]) * scale;
    switch (m_config.positional_encoding) {
    case PositionalEncoding::Sinusoidal: *pe = sinusoidalEncoding(n, d); break;
    case PositionalEncoding::Learned: *pe = m_weights.pos_embed.topRows(n); break;
    case PositionalEncoding::None: *pe = Matrix::Zero(n, d); break;
    }
    *embedding = e;
    return e + *pe;
}

Trace Model::forward(const std::vector<int>& src, const std::vector<int>& tgt, const CapturePolicy& capture,
                     Dropout* dropout) const {
    const ModelConfig& c = m_config;
    if (src.empty()) throw InvalidArgument("the source sentence is empty");
    checkIds(src, c.src_vocab, "source");
    checkIds(tgt, c.tgt_vocab, "target");
    if (!tgt.empty() && c.decoder_layers == 0)
        throw InvalidArgument("this model has no decoder, so it takes no target tokens");

    Trace t;
    t.src_ids = src;
    t.tgt_ids = tgt;
    const int S = int(src.size()), T = int(tgt.size());

    // Encoder: every query may attend to every non-padding key.
    Matrix x = applyDropout(embed(src, m_weights.src_embed, &t.src_embedding, &t.src_positional_encoding), dropout,
                            &t.src_dropout);
    t.encoder_input = x;
    // Lean capture: no dense [S, S] mask; every layer records q, k, v into its trace (a scratch one when
    // not captured), and the attention applies the mask rule block by block (core/model/attention_maps.h).
    const bool lean = !capture.keepMaps;
    const Matrix srcMask = lean ? Matrix() : paddingMask(S, src, c.pad_id);
    t.encoder.resize(size_t(c.encoder_layers));
    for (int l = 0; l < c.encoder_layers; ++l) {
        EncoderLayerTrace scratch;
        EncoderLayerTrace* lt = capture.encoder(l) ? &t.encoder[size_t(l)] : lean ? &scratch : nullptr;
        if (lt) lt->captured = capture.encoder(l);
        if (lean) setLeanMaskRule(lt->self_attn, src, c.pad_id, false);
        x = encoderLayer(x, m_weights.encoder[size_t(l)], c, srcMask, lt, dropout);
    }
    if (c.final_norm && c.encoder_layers > 0) x = layerNorm(x, m_weights.encoder_norm, c.layer_norm_eps, &t.encoder_norm_stats);
    t.encoder_output = x;
    if (T == 0) return t;

    // Decoder: causal self-attention (and target padding); cross-attention masks source padding.
    const Matrix& memory = t.encoder_output;
    Matrix y = applyDropout(embed(tgt, m_weights.tgt_embed, &t.tgt_embedding, &t.tgt_positional_encoding), dropout,
                            &t.tgt_dropout);
    t.decoder_input = y;
    const Matrix selfMask = lean ? Matrix() : causalMask(T).cwiseProduct(paddingMask(T, tgt, c.pad_id));
    const Matrix crossMask = lean ? Matrix() : paddingMask(T, src, c.pad_id);
    t.decoder.resize(size_t(c.decoder_layers));
    // Every layer's cross-attention keys and values come from the same memory: one parallel job.
    std::vector<const MhaWeights*> cross;
    for (int l = 0; l < c.decoder_layers; ++l) cross.push_back(&m_weights.decoder[size_t(l)].cross_attn);
    std::vector<KeyValues> memoryKv = projectKeyValues(memory, cross);
    for (int l = 0; l < c.decoder_layers; ++l) {
        DecoderLayerTrace scratch;
        DecoderLayerTrace* lt = capture.decoder(l) ? &t.decoder[size_t(l)] : lean ? &scratch : nullptr;
        if (lt) lt->captured = capture.decoder(l);
        if (lean) {
            setLeanMaskRule(lt->self_attn, tgt, c.pad_id, true);
            setLeanMaskRule(lt->cross_attn, src, c.pad_id, false);
        }
        y = decoderLayer(y, memory, m_weights.decoder[size_t(l)], c, selfMask, crossMask, lt, dropout,
                         &memoryKv[size_t(l)]);
        memoryKv[size_t(l)] = {};  // used: free it
    }
    if (c.final_norm) y = layerNorm(y, m_weights.decoder_norm, c.layer_norm_eps, &t.decoder_norm_stats);
    t.decoder_output = y;

    t.logits = affine(y, m_weights.generator.weight, m_weights.generator.bias);  // [T, tgt_vocab]
    t.probs = softmaxRows(t.logits);
    return t;
}

std::vector<int> Model::greedyDecode(const std::vector<int>& src, int bos, int eos, int maxSteps) const {
    std::vector<int> out{bos};
    for (int step = 0; step < maxSteps && int(out.size()) < m_config.max_len; ++step) {
        const Trace t = forward(src, out, CapturePolicy::none());
        Eigen::Index next = 0;
        t.logits.row(t.logits.rows() - 1).maxCoeff(&next);
        out.push_back(int(next));
        if (int(next) == eos) break;
    }
    return out;
}

}  // namespace alab::core
