// WatchesPanel: pinned tensors with their statistics (shape, min, max, mean, std, NaN, ±∞), computed
// in core and refreshed whenever the trace changes (a new input or model). "Watch current op" pins
// the op the debugger stands on; a row whose tensor the run lacks says so. While a second run is
// loaded (compare or intervened), each watch shows both runs' statistics and their largest |a − b|.
#pragma once

#include "core/tensor.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace alab::ui {

class DebuggerState;

class WatchesPanel : public QWidget {
    Q_OBJECT
public:
    explicit WatchesPanel(DebuggerState* state, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void setHeaders();
    void fillRow(int row, int firstColumn, const core::Tensor* t, const QString& missing);
    QString differenceText(const QString& name) const;
    void retranslate();

    DebuggerState* m_state;
    QTableWidget* m_table;
    QPushButton* m_watchCurrent;
    QPushButton* m_remove;
};

}  // namespace alab::ui
