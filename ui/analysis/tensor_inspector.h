// TensorInspector: the dock's content. A tree of every tensor in the current trace; the selected one
// is shown as a heatmap (pick the head of a 3-D tensor) and as a table with its shape, statistics
// (min, max, mean, std, row sums) and "copy as TSV". Follows the session: a new trace keeps the
// same tensor selected when it still exists.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTabWidget;
class QTreeView;

namespace alab::ui {

class HeatmapPlot;
class ColorMapSelector;
class TensorTableModel;
class TensorTreeModel;
class TraceSession;

class TensorInspector : public QWidget {
    Q_OBJECT
public:
    explicit TensorInspector(TraceSession* session, QWidget* parent = nullptr);

    /// Selects a tensor by name; false when the trace has no such tensor.
    bool selectTensor(const QString& name);
    QString currentTensor() const { return m_current; }
    /// Shows head `head` (0-based, as in the data; the spin box shows it from 1).
    void setHead(int head);

    TensorTreeModel* treeModel() const { return m_tree; }
    TensorTableModel* tableModel() const { return m_table; }
    QTableView* tableView() const { return m_tableView; }
    HeatmapPlot* plot() const { return m_plot; }
    QString statsText() const;

public slots:
    /// Copies the table's selection (or the whole table) as TSV to the clipboard.
    void copySelection();
    void exportCurrent();

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildTree();
    void showCurrent();
    void retranslate();

    TraceSession* m_session;
    TensorTreeModel* m_tree;
    TensorTableModel* m_table;
    QTreeView* m_treeView;
    QTableView* m_tableView;
    HeatmapPlot* m_plot;
    ColorMapSelector* m_colors;
    QTabWidget* m_tabs;
    QLabel* m_info;
    QLabel* m_readout;  // the table's current cell or the map's cell under the mouse / keyboard cursor
    QLabel* m_headLabel;
    QSpinBox* m_head;
    QPushButton* m_copy;
    QPushButton* m_export;
    QString m_current;
};

}  // namespace alab::ui
