// TensorTableModel (see tensor_table_model.h).
#include "ui/analysis/tensor_table_model.h"

#include "ui/common/display_text.h"

#include <QBrush>
#include <QColor>

#include <cmath>

namespace alab::ui {

TensorTableModel::TensorTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void TensorTableModel::setMatrix(const core::Matrix& values, const QStringList& rowLabels, const QStringList& colLabels) {
    beginResetModel();
    m_values = values;
    m_rowLabels = rowLabels;
    m_colLabels = colLabels;
    endResetModel();
}

void TensorTableModel::clear() { setMatrix(core::Matrix(), {}, {}); }

int TensorTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_values.rows()); }

int TensorTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || m_values.size() == 0 ? 0 : int(m_values.cols()) + 1;
}

double TensorTableModel::rowSum(int row) const {
    double s = 0;
    for (Eigen::Index c = 0; c < m_values.cols(); ++c)
        if (std::isfinite(m_values(row, c))) s += m_values(row, c);
    return s;
}

QString TensorTableModel::cellString(int row, int col) const {
    const double v = col == sumColumn() ? rowSum(row) : double(m_values(row, col));
    if (std::isinf(v)) return v < 0 ? QStringLiteral("-inf") : QStringLiteral("inf");
    return QString::number(v, 'g', 6);
}

QVariant TensorTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const int r = index.row(), c = index.column();
    switch (role) {
    case Qt::DisplayRole: return displayNumber(c == sumColumn() ? rowSum(r) : double(m_values(r, c)), 'g', 4);
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: return describeCell(r, c);
    case Qt::UserRole: return c == sumColumn() ? rowSum(r) : double(m_values(r, c));
    case Qt::TextAlignmentRole: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole: return c == sumColumn() ? QVariant(QBrush(QColor(235, 235, 235))) : QVariant();
    default: return {};
    }
}

QVariant TensorTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    if (orientation == Qt::Horizontal) {
        if (section == sumColumn()) return tr("Σ row");
        return m_colLabels.value(section, QString::number(section));
    }
    return QStringLiteral("%1  %2").arg(displayIndex(section)).arg(m_rowLabels.value(section));
}

QString TensorTableModel::describeCell(int row, int col) const {
    if (row < 0 || col < 0 || row >= rowCount() || col >= columnCount()) return {};
    const QString value = displayNumber(col == sumColumn() ? rowSum(row) : double(m_values(row, col)), 'g', 7);
    return tr("row %1 (%2) · %3: %4")
        .arg(displayIndex(row))
        .arg(m_rowLabels.value(row), headerData(col, Qt::Horizontal).toString(), value);
}

QString TensorTableModel::toTsv(const QModelIndexList& selection) const {
    if (selection.isEmpty()) return {};
    int r0 = INT_MAX, r1 = -1, c0 = INT_MAX, c1 = -1;
    QSet<QPair<int, int>> chosen;
    for (const QModelIndex& i : selection) {
        r0 = std::min(r0, i.row());
        r1 = std::max(r1, i.row());
        c0 = std::min(c0, i.column());
        c1 = std::max(c1, i.column());
        chosen.insert({i.row(), i.column()});
    }
    QStringList lines;
    QStringList header{QString()};
    for (int c = c0; c <= c1; ++c) header << headerData(c, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (int r = r0; r <= r1; ++r) {
        QStringList cells{m_rowLabels.value(r, QString::number(r))};
        for (int c = c0; c <= c1; ++c) cells << (chosen.contains({r, c}) ? cellString(r, c) : QString());
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

}  // namespace alab::ui
