// ExecutionTree: the forward pass as a tree in execution order (inputs → encoder layers → their
// sub-layers → … → logits → probs), one leaf per recorded tensor. The current op is selected and
// marked ▶; ops that an enabled breakpoint's pattern matches carry ● (it always stops there) or ○ (it
// stops when its condition holds). Clicking a leaf picks it as the
// cursor for "run to cursor"; double-clicking jumps there.
#pragma once

#include "core/debug/execution_order.h"

#include <QTreeWidget>

namespace alab::ui {

class DebuggerState;

class ExecutionTree : public QTreeWidget {
    Q_OBJECT
public:
    explicit ExecutionTree(DebuggerState* state, QWidget* parent = nullptr);

    /// The op of the selected leaf (the cursor), or −1 when a group or nothing is selected.
    int cursorOp() const;
    /// The leaf item of op `op`.
    QTreeWidgetItem* itemOf(int op) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void showCurrent(int op);
    void updateMarkers();
    void retranslate();

    DebuggerState* m_state;
    std::vector<QTreeWidgetItem*> m_leaves;  // [ops]
    std::vector<std::pair<QTreeWidgetItem*, core::OpNode>> m_groups;  // group items and their nodes (no children)
};

}  // namespace alab::ui
