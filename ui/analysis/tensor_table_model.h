// TensorTableModel: a QAbstractTableModel over one 2-D slice of a tensor, rows and columns labelled
// with tokens (or indices), and a last column with each row's sum (attention rows sum to 1).
// Copies the slice so the view never points into a trace that may be replaced; swaps are bracketed
// by beginResetModel()/endResetModel(). Also turns a selection into tab-separated text.
#pragma once

#include "core/tensor.h"

#include <QAbstractTableModel>
#include <QModelIndexList>
#include <QStringList>

namespace alab::ui {

class TensorTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TensorTableModel(QObject* parent = nullptr);

    /// values [rows, cols]; labels must match (missing ones become indices).
    void setMatrix(const core::Matrix& values, const QStringList& rowLabels, const QStringList& colLabels);
    void clear();
    const core::Matrix& matrix() const { return m_values; }
    int sumColumn() const { return int(m_values.cols()); }

    /// The selected cells' bounding rectangle as TSV: a header line of column labels, then one line
    /// per row led by its label; unselected cells inside the rectangle are left empty.
    QString toTsv(const QModelIndexList& selection) const;
    /// "row 1 (Thinking) · Machines: 0.1192029" — the full value with its labels, for tooltips,
    /// the keyboard readout and screen readers.
    QString describeCell(int row, int col) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    double rowSum(int row) const;
    QString cellString(int row, int col) const;

    core::Matrix m_values;  // [rows, cols]
    QStringList m_rowLabels, m_colLabels;
};

}  // namespace alab::ui
