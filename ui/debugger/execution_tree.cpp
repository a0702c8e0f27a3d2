// ExecutionTree (see execution_tree.h). Group labels are translated here from the node's kind and
// 1-based numbers; leaves show the dotted tensor name and its shape.
#include "ui/debugger/execution_tree.h"

#include "ui/debugger/debugger_state.h"
#include "ui/debugger/stats_text.h"

#include <QEvent>
#include <QHeaderView>

namespace alab::ui {
namespace {

enum Column { kMarker, kName, kShape };
constexpr int kOpRole = Qt::UserRole + 1;

QString groupLabel(const core::OpNode& n) {
    const int number = n.layer + 1;
    const QString label = QString::fromStdString(n.label);
    switch (n.group) {
    case core::OpGroup::Inputs: return ExecutionTree::tr("Inputs");
    case core::OpGroup::EncoderLayer: return ExecutionTree::tr("Encoder layer %1").arg(number);
    case core::OpGroup::DecoderInputs: return ExecutionTree::tr("Decoder inputs");
    case core::OpGroup::DecoderLayer: return ExecutionTree::tr("Decoder layer %1").arg(number);
    case core::OpGroup::SelfAttention:
        return label.startsWith(QLatin1String("Masked")) ? ExecutionTree::tr("Masked self-attention")
                                                         : ExecutionTree::tr("Self-attention");
    case core::OpGroup::CrossAttention: return ExecutionTree::tr("Cross-attention");
    case core::OpGroup::AddNorm:
        if (label.startsWith(QLatin1String("LayerNorm"))) return ExecutionTree::tr("LayerNorm %1").arg(n.index);
        if (label.startsWith(QLatin1String("Residual"))) return ExecutionTree::tr("Residual add %1").arg(n.index);
        return ExecutionTree::tr("Add & Norm %1").arg(n.index);
    case core::OpGroup::FeedForward: return ExecutionTree::tr("Feed-forward");
    case core::OpGroup::EncoderOutput: return ExecutionTree::tr("Encoder output");
    case core::OpGroup::DecoderOutput: return ExecutionTree::tr("Decoder output");
    case core::OpGroup::Output: return ExecutionTree::tr("Output");
    case core::OpGroup::Other: return ExecutionTree::tr("Other");
    case core::OpGroup::Tensor: break;
    }
    return label;
}

}  // namespace

ExecutionTree::ExecutionTree(DebuggerState* state, QWidget* parent) : QTreeWidget(parent), m_state(state) {
    setObjectName(QStringLiteral("executionTree"));
    setColumnCount(3);
    setUniformRowHeights(true);
    setTreePosition(kName);  // the marker column stays a narrow gutter; the names carry the indentation
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setSectionResizeMode(kMarker, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(kName, QHeaderView::Stretch);
    header()->setSectionResizeMode(kShape, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    connect(state, &DebuggerState::runChanged, this, &ExecutionTree::rebuild);
    connect(state, &DebuggerState::currentChanged, this, &ExecutionTree::showCurrent);
    connect(state, &DebuggerState::breakpointsChanged, this, &ExecutionTree::updateMarkers);
    connect(this, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        if (const QVariant op = item->data(kName, kOpRole); op.isValid()) m_state->setCurrent(op.toInt());
    });
    rebuild();
    retranslate();
}

void ExecutionTree::rebuild() {
    clear();
    m_leaves.assign(size_t(m_state->opCount()), nullptr);
    m_groups.clear();
    std::function<void(const core::OpNode&, QTreeWidgetItem*)> add = [&](const core::OpNode& node, QTreeWidgetItem* parent) {
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(this);
        if (node.group == core::OpGroup::Tensor) {
            // The group above says where the op is; the leaf shows the last part of the name ("scores"),
            // the tooltip and the op view the whole dotted name.
            const QString name = QString::fromStdString(node.tensor);
            item->setText(kName, parent ? name.section(QLatin1Char('.'), -1) : name);
            item->setToolTip(kName, name);
            item->setData(kName, kOpRole, node.firstOp);
            if (const core::Tensor* t = m_state->tensor(name)) item->setText(kShape, shapeText(*t));
            m_leaves[size_t(node.firstOp)] = item;
            return;
        }
        item->setText(kName, groupLabel(node));
        core::OpNode copy = node;
        copy.children.clear();
        m_groups.emplace_back(item, std::move(copy));
        for (const core::OpNode& c : node.children) add(c, item);
    };
    for (const core::OpNode& c : m_state->order().root.children) add(c, nullptr);
    updateMarkers();
    showCurrent(m_state->current());
}

QTreeWidgetItem* ExecutionTree::itemOf(int op) const {
    return op >= 0 && op < int(m_leaves.size()) ? m_leaves[size_t(op)] : nullptr;
}

int ExecutionTree::cursorOp() const {
    const QTreeWidgetItem* item = currentItem();
    const QVariant op = item ? item->data(kName, kOpRole) : QVariant();
    return op.isValid() ? op.toInt() : -1;
}

void ExecutionTree::showCurrent(int op) {
    for (size_t i = 0; i < m_leaves.size(); ++i) {
        QFont f = m_leaves[i]->font(kName);
        f.setBold(int(i) == op);
        m_leaves[i]->setFont(kName, f);
    }
    updateMarkers();
    if (QTreeWidgetItem* item = itemOf(op)) {
        setCurrentItem(item);
        scrollToItem(item);
    }
}

void ExecutionTree::updateMarkers() {
    for (size_t i = 0; i < m_leaves.size(); ++i) {
        const bool here = int(i) == m_state->current();
        const DebuggerState::BreakMark mark = m_state->breakMarkAt(int(i));
        const QString dot = mark == DebuggerState::BreakMark::Always ? QStringLiteral("●")
                            : mark == DebuggerState::BreakMark::Conditional ? QStringLiteral("○") : QString();
        m_leaves[i]->setText(kMarker, (here ? QStringLiteral("▶") : QString()) + dot);
        m_leaves[i]->setForeground(kMarker, dot.isEmpty() ? QBrush() : QBrush(QColor(0xc0, 0x20, 0x20)));
    }
}

void ExecutionTree::changeEvent(QEvent* event) {
    QTreeWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

void ExecutionTree::retranslate() {
    setHeaderLabels({QString(), tr("Op (tensor)"), tr("Shape")});
    for (const auto& [item, node] : m_groups) item->setText(kName, groupLabel(node));
}

}  // namespace alab::ui
