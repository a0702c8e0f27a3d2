// What a heatmap shows, independent of any widget: one 2-D slice of a named trace tensor with the
// token labels of its rows and columns, and the attention kinds (encoder self, decoder self, cross)
// that the selectors and the all-heads grid offer. Built from a TraceSession snapshot.
// Legend: rows = queries / positions, cols = keys / features; h heads.
#pragma once

#include "core/trace.h"
#include "ui/common/color_maps.h"

#include <QString>
#include <QStringList>

namespace alab::ui {

struct Snapshot;

enum class AttentionKind { EncoderSelf, DecoderSelf, Cross };

struct HeatmapData {
    QString name;                      // trace name, e.g. "encoder.0.self_attn.weights"
    int head = -1;                     // the head shown of a [h, r, c] tensor; -1 for a 2-D tensor
    core::Matrix values;               // [rows, cols]
    QStringList rowLabels, colLabels;  // [rows], [cols]
    QStringList rowPredictions;        // [rows] decoder query rows: the token each row predicts; else empty
    QString rowTitle, colTitle;        // "query", "key", "position", "dimension"
    bool isAttention = false;          // scores / scaled / weights: show "query → key: value"
    bool hasNegative = false;          // signed values: the diverging map fits
    bool isWeights = false;            // attention weights: the fixed colour range of weightRange()
    bool hasMasked = false;            // −∞ entries or masked weights: drawn hatched, with a legend line
    core::Matrix masked;               // [rows, cols] 1 where the mask hides the key (weights); else empty
    bool isMasked(int row, int col) const;  // a −∞ score or a weight the mask forced to 0
    bool isEmpty() const { return values.size() == 0; }
    QString rowLabel(int row) const;   // "<bos> → 我" for a decoder query row, else its token
    QStringList rowDisplayLabels() const;
    QString title() const;             // "layer 1 · head 4 — encoder.0.self_attn.weights[3]"
};

/// All kinds, in menu order; the ones present in a trace.
QList<AttentionKind> allAttentionKinds();
QList<AttentionKind> availableKinds(const core::Trace& trace);
QString kindLabel(AttentionKind kind);        // translated, for selectors
QString kindKey(AttentionKind kind);          // "encoder-self" | "decoder-self" | "cross"
bool kindFromKey(const QString& key, AttentionKind* kind);
int layerCount(const core::Trace& trace, AttentionKind kind);
int headCount(const core::Trace& trace, AttentionKind kind);

/// The recorded attention of one layer, or nullptr when it was not captured.
const core::AttentionTrace* attentionTrace(const core::Trace& trace, AttentionKind kind, int layer);

/// "encoder.0.self_attn.weights" for (EncoderSelf, 0, "weights").
QString attentionTensorName(AttentionKind kind, int layer, const QString& part = QStringLiteral("weights"));
/// The kind and layer of an attention tensor name; false for other tensors.
bool parseAttentionName(const QString& name, AttentionKind* kind, int* layer, QString* part);

/// The layer number in a dotted tensor name ("encoder.2.norm1" -> 2, 0-based), or -1.
int layerOfName(const QString& name);
/// The colour range a heatmap of `data` uses: fixed for weights, fitted otherwise (see colorRange).
void heatmapColorRange(const HeatmapData& data, ColorMapKind kind, double* lo, double* hi);

/// Row / column labels for a tensor of the snapshot (tokens, or indices for feature axes).
void axisLabels(const Snapshot& snapshot, const QString& name, int rows, int cols, QStringList* rowLabels,
                QStringList* colLabels);

/// Head `head` of tensor `name` (ignored for 2-D tensors). Returns "" or a message that names the
/// tensor and, for unknown names, the nearest valid ones.
QString heatmapFor(const Snapshot& snapshot, const QString& name, int head, HeatmapData* out);
/// The same from tensor `name` already taken out of the snapshot's trace (core::findTensor converts
/// a whole tensor: callers that show several heads of one, or also need its shape, convert it once).
QString heatmapFromTensor(const Snapshot& snapshot, const QString& name, const core::Tensor& t, int head,
                          HeatmapData* out);

/// Colour map for data when the user left the choice on "automatic".
ColorMapKind defaultColorMap(const HeatmapData& data);

}  // namespace alab::ui
