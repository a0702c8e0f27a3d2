// TensorTreeModel (see tensor_tree_model.h).
#include "ui/analysis/tensor_tree_model.h"

namespace alab::ui {

TensorTreeModel::TensorTreeModel(QObject* parent) : QAbstractItemModel(parent) { m_nodes.append(Node{}); }

void TensorTreeModel::clear() { setTensors({}); }

void TensorTreeModel::setTrace(const core::Trace& trace) {
    std::vector<std::pair<std::string, std::vector<int64_t>>> tensors;
    for (core::TensorInfo& info : core::traceShapes(trace)) tensors.emplace_back(std::move(info.name), std::move(info.shape));
    setTensors(tensors);
}

void TensorTreeModel::setTensors(const std::vector<std::pair<std::string, std::vector<int64_t>>>& tensors) {
    beginResetModel();
    m_nodes.clear();
    m_nodes.append(Node{});
    m_leafCount = 0;
    for (const auto& [name, shape] : tensors) {
        const QString full = QString::fromStdString(name);
        int node = 0;
        for (const QString& part : full.split(QLatin1Char('.'))) node = childFor(node, part);
        m_nodes[node].name = full;
        m_nodes[node].shape = QString::fromStdString(core::shapeString(shape));
        ++m_leafCount;
    }
    endResetModel();
}

int TensorTreeModel::childFor(int parent, const QString& part) {
    for (int c : m_nodes[parent].children)
        if (m_nodes[c].part == part) return c;
    Node n;
    n.part = part;
    n.parent = parent;
    n.row = int(m_nodes[parent].children.size());
    m_nodes.append(n);
    const int id = int(m_nodes.size()) - 1;
    m_nodes[parent].children.append(id);
    return id;
}

QString TensorTreeModel::groupLabel(const QString& part) {
    bool number = false;
    const int layer = part.toInt(&number);
    if (number) return tr("layer %1").arg(layer + 1);  // people count from 1; the name keeps 0
    if (part == QLatin1String("encoder")) return tr("encoder");
    if (part == QLatin1String("decoder")) return tr("decoder");
    if (part == QLatin1String("input")) return tr("inputs");
    if (part == QLatin1String("output")) return tr("output");
    if (part == QLatin1String("self_attn")) return tr("self-attention");
    if (part == QLatin1String("cross_attn")) return tr("cross-attention");
    if (part == QLatin1String("ffn")) return tr("feed-forward");
    return part;
}

QModelIndex TensorTreeModel::indexOf(const QString& name) const {
    for (int i = 1; i < m_nodes.size(); ++i)
        if (m_nodes[i].name == name) return createIndex(m_nodes[i].row, 0, quintptr(i));
    return {};
}

QModelIndex TensorTreeModel::index(int row, int column, const QModelIndex& parent) const {
    const int p = parent.isValid() ? int(parent.internalId()) : 0;
    if (column < 0 || column >= 2 || row < 0 || row >= m_nodes[p].children.size()) return {};
    return createIndex(row, column, quintptr(m_nodes[p].children[row]));
}

QModelIndex TensorTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    const int p = m_nodes[int(child.internalId())].parent;
    if (p <= 0) return {};
    return createIndex(m_nodes[p].row, 0, quintptr(p));
}

int TensorTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0) return 0;
    return int(m_nodes[parent.isValid() ? int(parent.internalId()) : 0].children.size());
}

int TensorTreeModel::columnCount(const QModelIndex&) const { return 2; }

QVariant TensorTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const Node& n = m_nodes[int(index.internalId())];
    if (role == NameRole) return n.name.isEmpty() ? QVariant() : QVariant(n.name);
    if (role == Qt::ToolTipRole && !n.name.isEmpty()) return QStringLiteral("%1 %2").arg(n.name, n.shape);
    if (role == Qt::ToolTipRole) {  // a group: say how its name counts
        QStringList path;
        for (int i = int(index.internalId()); i > 0; i = m_nodes[i].parent) path.prepend(m_nodes[i].part);
        bool number = false;
        n.part.toInt(&number);
        return number ? tr("%1.* in tensor names, which count layers from 0").arg(path.join(QLatin1Char('.')))
                      : path.join(QLatin1Char('.'));
    }
    if (role != Qt::DisplayRole) return {};
    if (index.column() == 1) return n.shape;
    return n.children.isEmpty() ? n.part : groupLabel(n.part);
}

QVariant TensorTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == 0 ? tr("Tensor") : section == 1 ? tr("Shape") : QVariant();
}

}  // namespace alab::ui
