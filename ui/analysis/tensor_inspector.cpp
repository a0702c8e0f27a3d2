// TensorInspector (see tensor_inspector.h).
#include "ui/analysis/tensor_inspector.h"
#include "ui/common/core_messages.h"

#include "core/tensor_export.h"
#include "core/trace.h"
#include "ui/analysis/color_map_selector.h"
#include "ui/analysis/export_dialog.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/common/display_text.h"
#include "ui/analysis/tensor_table_model.h"
#include "ui/analysis/tensor_tree_model.h"
#include "ui/common/trace_session.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace alab::ui {

TensorInspector::TensorInspector(TraceSession* session, QWidget* parent) : QWidget(parent), m_session(session) {
    m_tree = new TensorTreeModel(this);
    m_table = new TensorTableModel(this);
    m_treeView = new QTreeView(this);
    m_treeView->setModel(m_tree);
    m_treeView->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tableView = new QTableView(this);
    m_tableView->setModel(m_table);
    m_tableView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_plot = new HeatmapPlot(this);
    m_plot->setMinimumSize(200, 120);  // the dock shares a 720-pixel-high screen with the tab above
    m_colors = new ColorMapSelector(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_plot, QString());
    m_tabs->addTab(m_tableView, QString());
    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    m_info->setObjectName(QStringLiteral("inspectorStats"));
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);  // Tab reaches it
    m_info->setFocusPolicy(Qt::StrongFocus);
    m_readout = new QLabel(this);
    m_readout->setObjectName(QStringLiteral("inspectorReadout"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_headLabel = new QLabel(this);
    m_head = new QSpinBox(this);
    m_copy = new QPushButton(this);
    m_export = new QPushButton(this);
    auto* bar = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{m_headLabel, m_head, m_colors}) bar->addWidget(w);
    bar->addStretch(1);
    bar->addWidget(m_copy);
    bar->addWidget(m_export);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_info);
    rightLayout->addLayout(bar);
    rightLayout->addWidget(m_tabs, 1);
    rightLayout->addWidget(m_readout);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_treeView);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(split);
    retranslate();
    connect(m_session, &TraceSession::snapshotChanged, this, &TensorInspector::rebuildTree);
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& i) {
        const QString name = i.siblingAtColumn(0).data(TensorTreeModel::NameRole).toString();
        if (!name.isEmpty() && name != m_current) {
            m_current = name;
            showCurrent();
        }
    });
    connect(m_head, &QSpinBox::valueChanged, this, &TensorInspector::showCurrent);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& i) {
        const QString text = m_table->describeCell(i.row(), i.column());
        m_readout->setText(text);
        m_tableView->setAccessibleDescription(text);
    });
    connect(m_plot, &HeatmapPlot::cellHovered, this, [this](int, int, const QString& text) { m_readout->setText(text); });
    connect(m_colors, &ColorMapSelector::choiceChanged, this, [this] { m_plot->setColorMapKind(m_colors->mapFor(m_plot->heatmap())); });
    connect(m_copy, &QPushButton::clicked, this, &TensorInspector::copySelection);
    auto* copy = new QAction(m_tableView);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    m_tableView->addAction(copy);
    connect(copy, &QAction::triggered, this, &TensorInspector::copySelection);
    connect(m_export, &QPushButton::clicked, this, &TensorInspector::exportCurrent);
    rebuildTree();
}

void TensorInspector::rebuildTree() {
    const auto snap = m_session->snapshot();
    if (!snap || !snap->trace) {
        m_tree->clear();
        return;
    }
    m_tree->setTrace(*snap->trace);
    m_treeView->expandToDepth(0);
    const QString keep = m_current.isEmpty() ? QStringLiteral("encoder.0.self_attn.weights") : m_current;
    m_current.clear();
    if (!selectTensor(keep)) selectTensor(m_tree->data(m_tree->index(0, 0), TensorTreeModel::NameRole).toString());
}

bool TensorInspector::selectTensor(const QString& name) {
    const QModelIndex index = m_tree->indexOf(name);
    if (!index.isValid()) return false;
    m_treeView->setCurrentIndex(index);  // currentChanged -> showCurrent
    if (m_current != name) {
        m_current = name;
        showCurrent();
    }
    return true;
}

void TensorInspector::setHead(int head) { m_head->setValue(displayIndex(head)); }  // the box counts from 1

// One head at a time: a lean trace recomputes only the head shown, never the whole [h, S, S].
void TensorInspector::showCurrent() {
    const auto snap = m_session->snapshot();
    if (!snap || !snap->trace || m_current.isEmpty()) return;
    std::vector<int64_t> shape;
    for (core::TensorInfo& info : core::traceShapes(*snap->trace))
        if (info.name == m_current.toStdString()) shape = std::move(info.shape);
    if (shape.empty()) return;
    const bool stacked = shape.size() == 3;
    m_head->setEnabled(stacked);
    {
        const QSignalBlocker block(m_head);
        m_head->setRange(1, stacked ? int(shape[0]) : 1);
    }
    HeatmapData data;
    if (QString err = heatmapFor(*snap, m_current, stacked ? m_head->value() - 1 : 0, &data); !err.isEmpty()) {
        m_info->setText(err);
        return;
    }
    m_table->setMatrix(data.values, data.rowLabels, data.colLabels);
    const ColorMapKind colors = m_colors->mapFor(data);
    m_plot->setHeatmap(std::move(data), colors);
    m_info->setText(statsText());
    m_info->setAccessibleDescription(QTextDocumentFragment::fromHtml(statsText()).toPlainText());
    m_readout->clear();
}

QString TensorInspector::statsText() const {
    const HeatmapData& d = m_plot->heatmap();
    if (d.isEmpty()) return {};
    const QString shape = m_tree->indexOf(m_current).siblingAtColumn(1).data().toString();  // the tree has every shape
    const core::MatrixStats s = core::matrixStats(d.values);
    QString text = tr("<b>%1</b> shape %2").arg(m_current, shape);
    if (const int layer = layerOfName(m_current); layer >= 0)
        text += tr(" — layer %1 (tensor names count from 0)").arg(displayIndex(layer));
    if (d.head >= 0)
        text += tr(", head %1 shown (index %2 in the data) [%3, %4]")
                    .arg(displayIndex(d.head))
                    .arg(d.head)
                    .arg(d.values.rows())
                    .arg(d.values.cols());
    text += QStringLiteral("<br>") + tr("min %1 · max %2 · mean %3 · std %4")
                                         .arg(displayNumber(s.min), displayNumber(s.max), displayNumber(s.mean), displayNumber(s.std));
    if (s.nonFinite > 0) text += tr(" · %1 masked (−∞) entries").arg(s.nonFinite);
    return text;
}

void TensorInspector::copySelection() {
    QModelIndexList selection = m_tableView->selectionModel()->selectedIndexes();
    const bool whole = selection.isEmpty();
    for (int r = 0; whole && r < m_table->rowCount(); ++r)
        for (int c = 0; c < m_table->columnCount(); ++c) selection << m_table->index(r, c);
    QApplication::clipboard()->setText(m_table->toTsv(selection));
}

void TensorInspector::exportCurrent() {
    const HeatmapData& data = m_plot->heatmap();
    if (data.isEmpty()) return;
    ExportDialog dialog(data.head >= 0 ? QStringLiteral("%1.h%2").arg(data.name).arg(data.head) : data.name, this);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString err = exportHeatmap(data, m_plot->colorMapKind(), dialog.format(), dialog.path(), dialog.figureSize());
    if (!err.isEmpty()) QMessageBox::warning(this, tr("Export failed"), translateCoreMessage(err));
}

void TensorInspector::retranslate() {
    m_tabs->setTabText(0, tr("Heatmap"));
    m_tabs->setTabText(1, tr("Table"));
    m_headLabel->setText(tr("Head:"));
    m_head->setToolTip(tr("Heads count from 1 here; the data's head index is one less"));
    m_copy->setText(tr("Copy as TSV"));
    m_copy->setToolTip(tr("Copies the selected cells (or the whole table) with their token labels"));
    m_export->setText(tr("Export…"));
    showCurrent();  // axis titles and the stats line are built in the current language
    m_info->setText(statsText());
}

void TensorInspector::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace alab::ui
