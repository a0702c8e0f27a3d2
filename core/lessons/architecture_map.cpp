// buildArchitectureMap (see architecture_map.h): walks Figure 1 bottom to top, one column at a time,
// and places the norms where the config puts them.
#include "core/lessons/architecture_map.h"

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace alab::core {
namespace {

constexpr const char* kPrefix[] = {"encoder", "decoder"};

class MapWriter {
public:
    MapWriter(const ModelConfig& c, ArchitectureMap& map) : m_c(c), m_map(map) {}

    int add(MapColumn column, const std::string& name, MapBlockKind kind, const char* title, const std::string& lesson,
            LessonText detail = {}) {
        MapBlock b;
        b.id = std::string(kPrefix[int(column)]) + "." + name;
        b.kind = kind;
        b.column = column;
        b.inStack = m_inStack;
        b.inModel = m_inModel;
        b.title = {title, {}};
        b.detail = m_inModel ? std::move(detail) : LessonText{};
        b.lessonId = lesson;
        m_map.blocks.push_back(std::move(b));
        return int(m_map.blocks.size()) - 1;
    }

    // One sublayer with its residual: post-norm "sublayer, Add & Norm", pre-norm "Norm, sublayer, Add".
    int sublayer(MapColumn column, const std::string& name, MapBlockKind kind, const char* title,
                 const std::string& lesson, LessonText detail, int n) {
        const std::string k = std::to_string(n);
        int first = -1, block = -1;
        if (m_c.norm_first) {
            first = add(column, "norm" + k, MapBlockKind::Norm, QT_TRANSLATE_NOOP("ArchitectureMap", "Norm"),
                        "encoder-layer", {QT_TRANSLATE_NOOP("ArchitectureMap", "LayerNorm before the sublayer"), {}});
            block = add(column, name, kind, title, lesson, std::move(detail));
            const int a = add(column, "add" + k, MapBlockKind::Add, QT_TRANSLATE_NOOP("ArchitectureMap", "Add"),
                              "encoder-layer", {QT_TRANSLATE_NOOP("ArchitectureMap", "x + sublayer(norm(x))"), {}});
            m_map.blocks[size_t(a)].residualFrom = first;
        } else {
            first = block = add(column, name, kind, title, lesson, std::move(detail));
            const int a = add(column, "add_norm" + k, MapBlockKind::AddNorm, QT_TRANSLATE_NOOP("ArchitectureMap", "Add & Norm"),
                              "encoder-layer", {QT_TRANSLATE_NOOP("ArchitectureMap", "norm(x + sublayer(x))"), {}});
            m_map.blocks[size_t(a)].residualFrom = first;
        }
        return block;
    }

    LessonText heads() const {
        return {m_c.heads == 1 ? QT_TRANSLATE_NOOP("ArchitectureMap", "%1 head × d_k %2") : QT_TRANSLATE_NOOP("ArchitectureMap", "%1 heads × d_k %2"),
                {std::to_string(m_c.heads), std::to_string(m_c.headDim())}};
    }

    void bottom(MapColumn column, int vocab) {
        const bool enc = column == MapColumn::Encoder;
        add(column, "inputs", MapBlockKind::Inputs,
            enc ? QT_TRANSLATE_NOOP("ArchitectureMap", "Inputs") : QT_TRANSLATE_NOOP("ArchitectureMap", "Outputs (shifted right)"),
            enc ? "why-attention" : "decoder",
            enc ? LessonText{QT_TRANSLATE_NOOP("ArchitectureMap", "every word at once"), {}}
                : LessonText{QT_TRANSLATE_NOOP("ArchitectureMap", "<bos> and the words so far"), {}});
        const std::string d = std::to_string(m_c.d_model);
        add(column, "embedding", MapBlockKind::Embedding,
            enc ? QT_TRANSLATE_NOOP("ArchitectureMap", "Input Embedding") : QT_TRANSLATE_NOOP("ArchitectureMap", "Output Embedding"),
            "positional-encoding",
            m_c.scale_embedding ? LessonText{QT_TRANSLATE_NOOP("ArchitectureMap", "%1 words → d_model %2, × √%2"), {std::to_string(vocab), d}}
                                : LessonText{QT_TRANSLATE_NOOP("ArchitectureMap", "%1 words → d_model %2"), {std::to_string(vocab), d}});
        const char* pe = m_c.positional_encoding == PositionalEncoding::Sinusoidal ? QT_TRANSLATE_NOOP("ArchitectureMap", "sin / cos, added")
                         : m_c.positional_encoding == PositionalEncoding::Learned  ? QT_TRANSLATE_NOOP("ArchitectureMap", "a learned table, added")
                                                                                   : QT_TRANSLATE_NOOP("ArchitectureMap", "none in this model");
        add(column, "positional_encoding", MapBlockKind::PositionalEncoding,
            QT_TRANSLATE_NOOP("ArchitectureMap", "Positional Encoding"), "positional-encoding", {pe, {}});
    }

    void feedForward(MapColumn column, int n) {
        const std::string d = std::to_string(m_c.d_model);
        sublayer(column, "ffn", MapBlockKind::FeedForward, QT_TRANSLATE_NOOP("ArchitectureMap", "Feed Forward"), "encoder-layer",
                 {m_c.activation == Activation::Relu ? QT_TRANSLATE_NOOP("ArchitectureMap", "%1 → d_ff %2 → %1, ReLU")
                                                     : QT_TRANSLATE_NOOP("ArchitectureMap", "%1 → d_ff %2 → %1, GELU"),
                  {d, std::to_string(m_c.d_ff)}},
                 n);
    }

    void finalNorm(MapColumn column) {
        if (!m_c.final_norm) return;
        add(column, "final_norm", MapBlockKind::FinalNorm, QT_TRANSLATE_NOOP("ArchitectureMap", "Norm"), "encoder-layer",
            {QT_TRANSLATE_NOOP("ArchitectureMap", "after the last layer"), {}});
    }

    void encoder() {
        m_inModel = true;
        bottom(MapColumn::Encoder, m_c.src_vocab);
        m_inStack = true;
        m_inModel = m_c.encoder_layers > 0;
        const int attn = sublayer(MapColumn::Encoder, "self_attn", MapBlockKind::SelfAttention,
                                  QT_TRANSLATE_NOOP("ArchitectureMap", "Multi-Head Attention"), "thinking-machines", heads(), 1);
        m_map.blocks[size_t(attn)].headsTab = m_inModel;
        feedForward(MapColumn::Encoder, 2);
        m_inStack = false;
        if (m_c.encoder_layers > 0) finalNorm(MapColumn::Encoder);
    }

    void decoder() {
        m_inModel = m_c.decoder_layers > 0;
        bottom(MapColumn::Decoder, m_c.tgt_vocab);
        m_inStack = true;
        sublayer(MapColumn::Decoder, "self_attn", MapBlockKind::MaskedSelfAttention,
                 QT_TRANSLATE_NOOP("ArchitectureMap", "Masked Multi-Head Attention"), "decoder",
                 {QT_TRANSLATE_NOOP("ArchitectureMap", "no peeking at later words"), {}}, 1);
        sublayer(MapColumn::Decoder, "cross_attn", MapBlockKind::CrossAttention,
                 QT_TRANSLATE_NOOP("ArchitectureMap", "Multi-Head Attention"), "decoder",
                 {QT_TRANSLATE_NOOP("ArchitectureMap", "Q from here, K and V from the encoder"), {}}, 2);
        feedForward(MapColumn::Decoder, 3);
        m_inStack = false;
        finalNorm(MapColumn::Decoder);
        add(MapColumn::Decoder, "linear", MapBlockKind::Linear, QT_TRANSLATE_NOOP("ArchitectureMap", "Linear"), "output",
            {QT_TRANSLATE_NOOP("ArchitectureMap", "d_model %1 → %2 words"), {std::to_string(m_c.d_model), std::to_string(m_c.tgt_vocab)}});
        add(MapColumn::Decoder, "softmax", MapBlockKind::Softmax, QT_TRANSLATE_NOOP("ArchitectureMap", "Softmax"), "output");
        add(MapColumn::Decoder, "probabilities", MapBlockKind::Probabilities,
            QT_TRANSLATE_NOOP("ArchitectureMap", "Output Probabilities"), "output",
            {QT_TRANSLATE_NOOP("ArchitectureMap", "the next word"), {}});
    }

private:
    const ModelConfig& m_c;
    ArchitectureMap& m_map;
    bool m_inStack = false;
    bool m_inModel = true;
};

}  // namespace

int ArchitectureMap::indexOf(const std::string& id) const {
    for (size_t i = 0; i < blocks.size(); ++i)
        if (blocks[i].id == id) return int(i);
    return -1;
}

std::vector<int> ArchitectureMap::blocksOfLesson(const std::string& lessonId) const {
    std::vector<int> out;
    for (size_t i = 0; i < blocks.size(); ++i)
        if (blocks[i].lessonId == lessonId) out.push_back(int(i));
    return out;
}

ArchitectureMap buildArchitectureMap(const ModelConfig& c) {
    ArchitectureMap map;
    map.encoderLayers = c.encoder_layers;
    map.decoderLayers = c.decoder_layers;
    map.hasDecoder = c.decoder_layers > 0;
    map.preNorm = c.norm_first;
    MapWriter writer(c, map);
    writer.encoder();
    writer.decoder();
    map.summary = {c.norm_first ? QT_TRANSLATE_NOOP("ArchitectureMap", "d_model %1 · h = %2 heads × d_k %3 · d_ff %4 · pre-norm")
                                : QT_TRANSLATE_NOOP("ArchitectureMap", "d_model %1 · h = %2 heads × d_k %3 · d_ff %4 · post-norm (as the paper)"),
                   {std::to_string(c.d_model), std::to_string(c.heads), std::to_string(c.headDim()), std::to_string(c.d_ff)}};
    map.heads = {c.heads == 1 ? QT_TRANSLATE_NOOP("ArchitectureMap", "%1 head") : QT_TRANSLATE_NOOP("ArchitectureMap", "%1 heads"),
                 {std::to_string(c.heads)}};
    return map;
}

}  // namespace alab::core
