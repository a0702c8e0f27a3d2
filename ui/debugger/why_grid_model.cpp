// WhyGridModel (see why_grid_model.h).
#include "ui/debugger/why_grid_model.h"

#include "ui/common/color_maps.h"
#include "ui/common/display_text.h"

#include <QColor>

namespace alab::ui {

WhyGridModel::WhyGridModel(QObject* parent) : QAbstractTableModel(parent) {}

void WhyGridModel::setTable(const core::AttributionTable& table) {
    beginResetModel();
    m_table = table;
    endResetModel();
}

void WhyGridModel::clear() { setTable({}); }

int WhyGridModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_table.rows.size()); }

int WhyGridModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || m_table.rows.empty() ? 0 : m_table.heads + 1;
}

std::optional<double> WhyGridModel::value(const QModelIndex& index) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return std::nullopt;
    const core::AttributionRow& r = m_table.rows[size_t(index.row())];
    if (r.kind == core::AttributionRowKind::Attention) {
        if (index.column() < int(r.heads.size())) return r.heads[size_t(index.column())];
        return std::nullopt;
    }
    if (index.column() == m_table.heads) return r.whole;
    return std::nullopt;
}

QString WhyGridModel::targetTensor(const QModelIndex& index) const {
    if (!value(index)) return {};
    return QString::fromStdString(m_table.rows[size_t(index.row())].tensor);
}

int WhyGridModel::targetHead(const QModelIndex& index) const {
    if (!value(index) || m_table.rows[size_t(index.row())].kind != core::AttributionRowKind::Attention) return -1;
    return index.column();
}

QString WhyGridModel::rowLabel(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    const core::AttributionRow& r = m_table.rows[size_t(row)];
    const int layer = displayIndex(r.layer);
    switch (r.kind) {
    case core::AttributionRowKind::Attention:
        if (r.attention == core::AttentionKind::EncoderSelf) return tr("Encoder %1 · self-attention").arg(layer);
        if (r.attention == core::AttentionKind::DecoderSelf) return tr("Decoder %1 · self-attention").arg(layer);
        return tr("Decoder %1 · cross-attention").arg(layer);
    case core::AttributionRowKind::Ffn:
        return r.decoder ? tr("Decoder %1 · FFN").arg(layer) : tr("Encoder %1 · FFN").arg(layer);
    case core::AttributionRowKind::Embedding:
        return tr("Target embedding");
    case core::AttributionRowKind::Positional:
        return tr("Positional encoding");
    case core::AttributionRowKind::Biases:
        return tr("Biases and LayerNorm β");
    }
    return {};
}

QVariant WhyGridModel::data(const QModelIndex& index, int role) const {
    const std::optional<double> v = value(index);
    if (!v) return {};
    const QColor background = colorForValue(ColorMapKind::BlueOrange, *v, -m_table.largest, m_table.largest);
    switch (role) {
    case Qt::DisplayRole:
        return displayNumber(*v, 'f', kDecimals);
    case Qt::BackgroundRole:
        return background;
    case Qt::ForegroundRole:
        return textColorOn(background);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::ToolTipRole: {
        const QString where = targetHead(index) >= 0
                                  ? tr("%1, head %2").arg(rowLabel(index.row())).arg(displayIndex(targetHead(index)))
                                  : rowLabel(index.row());
        const QString open = targetTensor(index).isEmpty() ? QString() : QStringLiteral("\n") + tr("Click to open %1").arg(targetTensor(index));
        return QStringLiteral("%1: %2%3").arg(where, displayNumber(*v, 'g', 6), open);
    }
    default:
        return {};
    }
}

QVariant WhyGridModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole) return rowLabel(section);
        return {};
    }
    if (section == m_table.heads) {
        if (role == Qt::DisplayRole) return tr("Whole");
        if (role == Qt::ToolTipRole) return tr("Parts not split into heads: an FFN, the target embedding, the positional encoding, the biases");
        return {};
    }
    if (role == Qt::DisplayRole) return tr("Head %1").arg(displayIndex(section));
    return {};
}

void WhyGridModel::retranslate() {
    if (rowCount() > 0) emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    if (columnCount() > 0) emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::ToolTipRole});
}

}  // namespace alab::ui
