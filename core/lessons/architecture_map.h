// The architecture map: the paper's Figure 1 as data, built from a model's config. Each block of the
// encoder and decoder columns (bottom to top) says what it is, the numbers the config gives it
// (d_model, heads × d_k, d_ff, N) and which lesson of the registry teaches it; the UI draws the
// blocks and opens that lesson on a click. Post-norm gives "Add & Norm" after each sublayer, pre-norm
// a "Norm" before it and an "Add" after. A model without a decoder still lists the decoder's blocks,
// marked not in the model, so the map shows the whole course. Texts: context "ArchitectureMap".
#pragma once

#include "core/config.h"
#include "core/lessons/scene.h"

#include <string>
#include <vector>

namespace alab::core {

/// The two towers of Figure 1.
enum class MapColumn { Encoder, Decoder };

/// What a block is (the UI picks its colour by kind, as the paper's figure does).
enum class MapBlockKind {
    Inputs, Embedding, PositionalEncoding, SelfAttention, MaskedSelfAttention, CrossAttention,
    AddNorm, Norm, Add, FeedForward, FinalNorm, Linear, Softmax, Probabilities
};

/// One box of the figure.
struct MapBlock {
    std::string id;          ///< stable, e.g. "encoder.self_attn", "decoder.add_norm2", "decoder.linear"
    MapBlockKind kind = MapBlockKind::Inputs;
    MapColumn column = MapColumn::Encoder;
    bool inStack = false;    ///< inside the column's N× box (one layer, repeated)
    bool inModel = true;     ///< false: a decoder block shown for a model that has none
    LessonText title;        ///< English source, context "ArchitectureMap"
    LessonText detail;       ///< the config's numbers for it (empty source: none)
    std::string lessonId;    ///< the registry lesson this block opens
    int residualFrom = -1;   ///< an Add block: index of the first block of the sublayer it skips
    bool headsTab = false;   ///< the encoder's self-attention: a tab "h heads" opens the multi-head lesson
};

/// Figure 1 for one config. Blocks are in drawing order: the encoder column bottom to top, then the
/// decoder column bottom to top (its last three: Linear, Softmax, output probabilities).
struct ArchitectureMap {
    std::vector<MapBlock> blocks;
    int encoderLayers = 0;    ///< N of the encoder's box
    int decoderLayers = 0;    ///< N of the decoder's box (0: no decoder)
    bool hasDecoder = false;
    bool preNorm = false;
    LessonText summary;       ///< one line: d_model, heads × d_k, d_ff, layers, norm placement
    LessonText heads;         ///< the label of the heads tab on the attention blocks ("%1 heads")
    std::string headsLessonId = "multi-head";  ///< the lesson the heads tab opens

    /// Index of the block with that id, or −1.
    int indexOf(const std::string& id) const;
    /// The blocks a lesson is about (its highlight on the map).
    std::vector<int> blocksOfLesson(const std::string& lessonId) const;
};

/// Figure 1 for `config` (validated by the caller: a Model's config always is).
ArchitectureMap buildArchitectureMap(const ModelConfig& config);

}  // namespace alab::core
