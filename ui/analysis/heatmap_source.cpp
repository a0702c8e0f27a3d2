// Heatmap data from a trace snapshot (see heatmap_source.h).
#include "ui/analysis/heatmap_source.h"

#include "core/model/attention_maps.h"
#include "core/tensor_export.h"
#include "core/train/decoder_input.h"
#include "core/trace_names.h"
#include "ui/analysis/heatmap_image.h"
#include "ui/common/display_text.h"
#include "ui/common/trace_session.h"

#include <QCoreApplication>

namespace alab::ui {
namespace {

QStringList labelsFor(const Snapshot& s, core::AxisLabels axis, int count) {
    const QStringList& tokens = axis == core::AxisLabels::Source ? s.srcTokens : s.tgtTokens;
    QStringList out;
    out.reserve(count);
    const bool useTokens = axis != core::AxisLabels::Index && tokens.size() == count;
    for (int i = 0; i < count; ++i) out << (useTokens ? tokens[i] : QString::number(displayIndex(i)));
    return out;
}

// A decoder row reads the input up to its own token and predicts the next: label it with both
// ("<bos> → 我"), so a cross-attention row lines up with the word it writes.
void addPredictions(const Snapshot& s, HeatmapData* d) {
    if (!s.trace || s.trace->logits.rows() != d->values.rows()) return;
    for (int id : core::predictedTokens(*s.trace))
        d->rowPredictions << (s.vocab.size() > id ? QString::fromStdString(s.vocab.token(id)) : QStringLiteral("#%1").arg(id));
    d->rowTitle = QCoreApplication::translate("AttentionKinds", "query: decoder input → the word it predicts");
}

}  // namespace

QString HeatmapData::title() const {
    if (head < 0) return name;
    // People count from 1; the data name keeps its 0-based index, written as an array index.
    const QString data = QStringLiteral("%1[%2]").arg(name).arg(head);
    const int layer = layerOfName(name);
    if (layer < 0) return QCoreApplication::translate("AttentionKinds", "head %1 — %2").arg(displayIndex(head)).arg(data);
    return QCoreApplication::translate("AttentionKinds", "layer %1 · head %2 — %3")
        .arg(displayIndex(layer))
        .arg(displayIndex(head))
        .arg(data);
}

QString HeatmapData::rowLabel(int row) const {
    if (row < 0 || row >= rowPredictions.size()) return rowLabels.value(row);
    return QCoreApplication::translate("AttentionKinds", "%1 → %2").arg(rowLabels.value(row), rowPredictions[row]);
}

QStringList HeatmapData::rowDisplayLabels() const {
    QStringList out;
    for (int r = 0; r < rowLabels.size(); ++r) out << rowLabel(r);
    return out;
}

bool HeatmapData::isMasked(int row, int col) const {
    if (!std::isfinite(values(row, col))) return true;
    return masked.size() > 0 && masked(row, col) != 0;
}

int layerOfName(const QString& name) {
    const QStringList parts = name.split(QLatin1Char('.'));
    if (parts.size() < 2 || (parts[0] != QLatin1String("encoder") && parts[0] != QLatin1String("decoder"))) return -1;
    bool ok = false;
    const int layer = parts[1].toInt(&ok);
    return ok ? layer : -1;
}

void heatmapColorRange(const HeatmapData& data, ColorMapKind kind, double* lo, double* hi) {
    if (data.isWeights) weightRange(kind, lo, hi);
    else colorRange(data.values, kind, lo, hi);
}

QList<AttentionKind> allAttentionKinds() {
    return {AttentionKind::EncoderSelf, AttentionKind::DecoderSelf, AttentionKind::Cross};
}

QList<AttentionKind> availableKinds(const core::Trace& trace) {
    QList<AttentionKind> out;
    for (AttentionKind k : allAttentionKinds())
        if (layerCount(trace, k) > 0) out << k;
    return out;
}

QString kindLabel(AttentionKind kind) {
    switch (kind) {
    case AttentionKind::EncoderSelf: return QCoreApplication::translate("AttentionKinds", "Encoder self-attention");
    case AttentionKind::DecoderSelf: return QCoreApplication::translate("AttentionKinds", "Decoder self-attention (causal)");
    case AttentionKind::Cross: return QCoreApplication::translate("AttentionKinds", "Cross-attention (decoder → encoder)");
    }
    return {};
}

QString kindKey(AttentionKind kind) {
    switch (kind) {
    case AttentionKind::EncoderSelf: return QStringLiteral("encoder-self");
    case AttentionKind::DecoderSelf: return QStringLiteral("decoder-self");
    case AttentionKind::Cross: return QStringLiteral("cross");
    }
    return {};
}

bool kindFromKey(const QString& key, AttentionKind* kind) {
    for (AttentionKind k : allAttentionKinds())
        if (kindKey(k) == key) return *kind = k, true;
    return false;
}

// The kinds are the same three, in the same order, as core's; names are made and read in core/trace_names.
namespace {

core::AttentionKind toCore(AttentionKind kind) {
    switch (kind) {
    case AttentionKind::EncoderSelf: return core::AttentionKind::EncoderSelf;
    case AttentionKind::DecoderSelf: return core::AttentionKind::DecoderSelf;
    case AttentionKind::Cross: return core::AttentionKind::Cross;
    }
    return core::AttentionKind::EncoderSelf;
}

AttentionKind fromCore(core::AttentionKind kind) {
    switch (kind) {
    case core::AttentionKind::EncoderSelf: return AttentionKind::EncoderSelf;
    case core::AttentionKind::DecoderSelf: return AttentionKind::DecoderSelf;
    case core::AttentionKind::Cross: return AttentionKind::Cross;
    }
    return AttentionKind::EncoderSelf;
}

}  // namespace

int layerCount(const core::Trace& trace, AttentionKind kind) { return core::attentionLayerCount(trace, toCore(kind)); }

int headCount(const core::Trace& trace, AttentionKind kind) { return core::attentionHeadCount(trace, toCore(kind)); }

const core::AttentionTrace* attentionTrace(const core::Trace& trace, AttentionKind kind, int layer) {
    return core::findAttention(trace, toCore(kind), layer);
}

QString attentionTensorName(AttentionKind kind, int layer, const QString& part) {
    return QString::fromStdString(core::attentionTensorName(toCore(kind), layer, part.toStdString()));
}

bool parseAttentionName(const QString& name, AttentionKind* kind, int* layer, QString* part) {
    const std::optional<core::AttentionName> parsed = core::parseAttentionName(name.toStdString());
    if (!parsed) return false;
    *kind = fromCore(parsed->kind);
    *layer = parsed->layer;
    *part = QString::fromStdString(parsed->leaf);
    return true;
}

void axisLabels(const Snapshot& snapshot, const QString& name, int rows, int cols, QStringList* rowLabels,
                QStringList* colLabels) {
    const core::TensorAxes axes = core::tensorAxes(name.toStdString());
    *rowLabels = labelsFor(snapshot, axes.rows, rows);
    *colLabels = labelsFor(snapshot, axes.cols, cols);
}

namespace {

QString headError(const QString& name, const std::vector<int64_t>& shape, int head) {
    if (shape.size() == 3 && (head < 0 || head >= shape[0]))
        return QCoreApplication::translate("AttentionKinds",
                                           "%1 has %2 heads (shape %3); head %4 (counting from 0) does not exist, they run from 0 to %5")
            .arg(name)
            .arg(shape[0])
            .arg(QString::fromStdString(core::shapeString(shape)))
            .arg(head)
            .arg(shape[0] - 1);
    if (shape.size() > 3 || shape.empty())
        return QCoreApplication::translate("AttentionKinds", "%1 has shape %2 and cannot be shown as a heatmap")
            .arg(name, QString::fromStdString(core::shapeString(shape)));
    return {};
}

// The slice's labels, titles and masked cells around `values` (one head, or the 2-D tensor).
void describe(const Snapshot& snapshot, const QString& name, int head, core::Matrix values, HeatmapData* out) {
    HeatmapData d;
    d.name = name;
    d.head = head;
    d.values = std::move(values);
    axisLabels(snapshot, name, int(d.values.rows()), int(d.values.cols()), &d.rowLabels, &d.colLabels);
    const core::TensorAxes axes = core::tensorAxes(name.toStdString());
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));  // "….scores", "….scaled", "….weights"
    d.isAttention = dot >= 0 && core::isAttentionMap(name.mid(dot + 1).toStdString());
    const QString row = QCoreApplication::translate("AttentionKinds", "row");
    const QString query = QCoreApplication::translate("AttentionKinds", "query");
    const QString position = QCoreApplication::translate("AttentionKinds", "position");
    const QString key = QCoreApplication::translate("AttentionKinds", "key");
    const QString dimension = QCoreApplication::translate("AttentionKinds", "dimension");
    const QString token = QCoreApplication::translate("AttentionKinds", "token");
    d.rowTitle = axes.rows == core::AxisLabels::Index ? row : d.isAttention ? query : position;
    if (d.isAttention && axes.rows == core::AxisLabels::Target) addPredictions(snapshot, &d);
    d.colTitle = d.isAttention ? key : axes.cols == core::AxisLabels::Index ? dimension : token;
    d.isWeights = name.endsWith(QLatin1String(".weights"));
    const std::optional<core::AttentionName> parsed = core::parseAttentionName(name.toStdString());
    const core::AttentionTrace* a = parsed && snapshot.trace ? core::findAttention(*snapshot.trace, parsed->kind, parsed->layer) : nullptr;
    if (d.isWeights && a && core::hidesAnyKey(*a)) {  // weights the mask forced to exactly 0 are drawn like −∞ scores
        const QString maskName = name.chopped(int(qstrlen("weights"))) + QStringLiteral("mask");
        const std::optional<core::Matrix> allowed = core::findTensorHead(*snapshot.trace, maskName.toStdString(), 0);
        if (allowed && allowed->rows() == d.values.rows() && allowed->cols() == d.values.cols() && allowed->minCoeff() == 0) {
            d.masked = (allowed->array() == 0).cast<float>().matrix();
            d.hasMasked = true;
        }
    }
    const float lo = d.values.size() ? d.values.minCoeff() : 0.0f, hi = d.values.size() ? d.values.maxCoeff() : 0.0f;
    for (Eigen::Index i = 0; (lo < 0 || !std::isfinite(hi)) && i < d.values.size(); ++i) {  // weights: two vector passes
        const float v = d.values.data()[i];
        d.hasNegative = d.hasNegative || (v < 0 && std::isfinite(v));
        d.hasMasked = d.hasMasked || !std::isfinite(v);
    }
    *out = std::move(d);
}

}  // namespace

// Only the asked head is computed: a lean trace recomputes one head's map, not all of them.
QString heatmapFor(const Snapshot& snapshot, const QString& name, int head, HeatmapData* out) {
    if (!snapshot.trace) return QCoreApplication::translate("AttentionKinds", "No trace has been computed yet.");
    const std::string key = name.toStdString();
    std::vector<int64_t> shape;
    for (const core::TensorInfo& info : core::traceShapes(*snapshot.trace))
        if (info.name == key) shape = info.shape;
    if (shape.empty()) {
        QStringList near;
        for (const std::string& n : core::nearestNames(*snapshot.trace, key)) near << QString::fromStdString(n);
        return QCoreApplication::translate("AttentionKinds", "no tensor named \"%1\"; nearest: %2").arg(name, near.join(QStringLiteral(", ")));
    }
    if (QString err = headError(name, shape, head); !err.isEmpty()) return err;
    const int slice = shape.size() == 3 ? head : -1;
    std::optional<core::Matrix> values = core::findTensorHead(*snapshot.trace, key, slice);
    if (!values) return headError(name, {}, head);
    describe(snapshot, name, slice, std::move(*values), out);
    return {};
}

QString heatmapFromTensor(const Snapshot& snapshot, const QString& name, const core::Tensor& t, int head,
                          HeatmapData* out) {
    if (QString err = headError(name, t.shape, head); !err.isEmpty()) return err;
    const int slice = t.rank() == 3 ? head : -1;
    describe(snapshot, name, slice, core::tensorSlice(t, slice), out);
    return {};
}

ColorMapKind defaultColorMap(const HeatmapData& data) {
    return data.hasNegative ? ColorMapKind::BlueOrange : ColorMapKind::Viridis;
}

}  // namespace alab::ui
