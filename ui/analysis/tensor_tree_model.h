// TensorTreeModel: every tensor of a trace (from the core's visitor) as a tree grouped by the parts
// of its dotted name — encoder / layer 0 / self-attention / weights — with the shape beside it.
// Leaves carry the full name in Qt::UserRole. Plain data in, no widgets: tested with
// QAbstractItemModelTester.
#pragma once

#include "core/trace.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace alab::ui {

class TensorTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    static constexpr int NameRole = Qt::UserRole;

    explicit TensorTreeModel(QObject* parent = nullptr);

    /// Rebuilds the tree from (name, shape) pairs in visitor order.
    void setTensors(const std::vector<std::pair<std::string, std::vector<int64_t>>>& tensors);
    void setTrace(const core::Trace& trace);
    void clear();

    /// The index of a tensor's leaf, or an invalid index.
    QModelIndex indexOf(const QString& name) const;
    int tensorCount() const { return m_leafCount; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        QString part;        // one component of the dotted name
        QString name;        // full name for a tensor, empty for a group
        QString shape;       // "[4, 6, 6]"
        int parent = -1;
        int row = 0;         // position among the parent's children
        QVector<int> children;
    };
    int childFor(int parent, const QString& part);
    static QString groupLabel(const QString& part);

    QVector<Node> m_nodes;  // m_nodes[0] is the invisible root
    int m_leafCount = 0;
};

}  // namespace alab::ui
