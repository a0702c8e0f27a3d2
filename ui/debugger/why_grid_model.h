// WhyGridModel: the "why this token" table of core/debug/attribution_table as a Qt table model. A row
// per attention (one column per head, counted from 1) or per FFN and remainder term (the last column,
// "Whole"), coloured on the blue–white–orange map centred on 0 (orange pushes towards token A, blue
// towards B) and printed rounded to a fixed number of decimals. Every number comes from core.
#pragma once

#include "core/debug/attribution_table.h"

#include <QAbstractTableModel>

#include <optional>

namespace alab::ui {

class WhyGridModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kDecimals = 2;  ///< digits after the point in each cell

    explicit WhyGridModel(QObject* parent = nullptr);

    void setTable(const core::AttributionTable& table);
    void clear();
    const core::AttributionTable& table() const { return m_table; }
    bool isEmpty() const { return m_table.rows.empty(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The number in a cell, when it holds one.
    std::optional<double> value(const QModelIndex& index) const;
    /// The op a click on the cell opens and the head to show (0-based, or −1): "" when it opens nothing.
    QString targetTensor(const QModelIndex& index) const;
    int targetHead(const QModelIndex& index) const;
    /// "Decoder 1 · cross-attention", "Target embedding", … in the interface's language.
    QString rowLabel(int row) const;

    /// Re-reads the labels after a language change.
    void retranslate();

private:
    core::AttributionTable m_table;
};

}  // namespace alab::ui
