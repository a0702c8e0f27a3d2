// AttentionView (see attention_view.h).
#include "ui/analysis/attention_view.h"

#include "core/model/attention_maps.h"
#include "ui/common/core_messages.h"

#include "ui/analysis/color_map_selector.h"
#include "ui/analysis/export_dialog.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/analysis/model_caption.h"
#include "ui/analysis/weight_explainer.h"
#include "ui/common/display_text.h"
#include "ui/common/trace_session.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace alab::ui {

AttentionView::AttentionView(TraceSession* session, QWidget* parent) : QWidget(parent), m_session(session) {
    m_kind = new QComboBox(this);
    m_layer = new QComboBox(this);
    m_head = new QComboBox(this);
    m_part = new QComboBox(this);
    for (const char* part : {"weights", "scaled", "scores"}) m_part->addItem(QString(), QString::fromLatin1(part));
    for (QComboBox* c : {m_kind, m_part}) {  // long names open in the list; the bar fits 1280 pixels
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(14);
    }
    m_part->setMinimumContentsLength(22);
    m_colors = new ColorMapSelector(this);
    m_export = new QPushButton(this);
    m_reset = new QPushButton(this);
    m_kindLabel = new QLabel(this);
    m_layerLabel = new QLabel(this);
    m_headLabel = new QLabel(this);
    auto* bar = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{m_kindLabel, m_kind, m_layerLabel, m_layer, m_headLabel, m_head,
                                                      m_part, m_colors})
        bar->addWidget(w);
    bar->addStretch(1);
    bar->addWidget(new ModelCaption(session, this));
    bar->addWidget(m_reset);
    bar->addWidget(m_export);
    m_plot = new HeatmapPlot(this);
    m_explainer = new WeightExplainer(this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_plot);
    split->addWidget(m_explainer);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({900, 440});
    m_hover = new QLabel(this);
    m_hover->setObjectName(QStringLiteral("attentionReadout"));
    m_hover->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTabOrder(m_plot, m_explainer);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_hover);
    retranslate();
    connect(m_session, &TraceSession::snapshotChanged, this, &AttentionView::rebuildSelectors);
    for (QComboBox* c : {m_layer, m_head, m_part})
        connect(c, &QComboBox::currentIndexChanged, this, &AttentionView::refresh);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_rebuilding) rebuildSelectors();
    });
    connect(m_colors, &ColorMapSelector::choiceChanged, this,
            [this] { m_plot->setColorMapKind(m_colors->mapFor(m_plot->heatmap())); });
    connect(m_plot, &HeatmapPlot::cellHovered, this, [this](int, int, const QString& text) { m_hover->setText(text); });
    connect(m_plot, &HeatmapPlot::cellClicked, this, &AttentionView::explainCell);
    connect(m_export, &QPushButton::clicked, this, &AttentionView::exportCurrent);
    connect(m_reset, &QPushButton::clicked, m_plot, &HeatmapPlot::resetView);
    rebuildSelectors();
}

AttentionKind AttentionView::kind() const { return AttentionKind(m_kind->currentData().toInt()); }
int AttentionView::layer() const { return std::max(0, m_layer->currentIndex()); }
int AttentionView::head() const { return std::max(0, m_head->currentIndex()); }

void AttentionView::rebuildSelectors() {
    const auto snap = m_session->snapshot();
    m_rebuilding = true;
    const int oldKind = m_kind->currentData().isValid() ? m_kind->currentData().toInt() : 0;
    const int oldLayer = m_layer->currentIndex(), oldHead = m_head->currentIndex();
    m_kind->clear();
    m_layer->clear();
    m_head->clear();
    if (snap && snap->trace) {
        for (AttentionKind k : availableKinds(*snap->trace)) m_kind->addItem(kindLabel(k), int(k));
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(oldKind)));
        const int layers = layerCount(*snap->trace, kind()), heads = headCount(*snap->trace, kind());
        for (int l = 0; l < layers; ++l) m_layer->addItem(tr("layer %1").arg(displayIndex(l)));
        for (int h = 0; h < heads; ++h) m_head->addItem(tr("head %1").arg(displayIndex(h)));
        m_layer->setCurrentIndex(std::clamp(oldLayer, 0, layers - 1));
        m_head->setCurrentIndex(std::clamp(oldHead, 0, heads - 1));
    }
    m_rebuilding = false;
    refresh();
}

namespace {

struct MapResult {
    QString error;
    HeatmapData data;
};

}  // namespace

void AttentionView::refresh() {
    if (m_rebuilding) return;
    const quint64 request = ++m_request;
    const auto snap = m_session->snapshot();
    if (!snap || !snap->trace || m_kind->count() == 0) {
        m_computing = false;
        m_plot->clearHeatmap(tr("No attention to show yet: load a model and a sentence."));
        return;
    }
    const QString name = attentionTensorName(kind(), layer(), m_part->currentData().toString());
    const int h = head();
    if (!snap->leanCapture) {
        HeatmapData data;
        const QString err = heatmapFor(*snap, name, h, &data);
        m_computing = false;
        return showMap(err, std::move(data));
    }
    m_computing = true;  // thousands of tokens: recomputed on a worker thread, the window stays responsive
    m_hover->setText(tr("Computing layer %1, head %2 of this long input…").arg(displayIndex(layer())).arg(displayIndex(h)));
    auto* watcher = new QFutureWatcher<MapResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        if (request != m_request) return;  // a newer map was asked for meanwhile
        MapResult result = watcher->future().takeResult();
        m_computing = false;
        m_hover->clear();
        showMap(result.error, std::move(result.data));
    });
    watcher->setFuture(QtConcurrent::run([snap, name, h] {
        MapResult r;
        r.error = heatmapFor(*snap, name, h, &r.data);
        return r;
    }));
}

void AttentionView::showMap(const QString& error, HeatmapData&& data) {
    if (!error.isEmpty()) return m_plot->clearHeatmap(error);
    const ColorMapKind colors = m_colors->mapFor(data);
    m_plot->setHeatmap(std::move(data), colors);
    m_explainer->showHint();
}

void AttentionView::showHead(AttentionKind k, int l, int h) {
    const int index = m_kind->findData(int(k));
    if (index < 0) return;
    m_kind->setCurrentIndex(index);  // rebuilds layer and head lists for this kind
    m_layer->setCurrentIndex(l);
    m_head->setCurrentIndex(h);
}

void AttentionView::explainCell(int row, int col) {
    const auto snap = m_session->snapshot();
    if (!snap || !snap->trace) return;
    const core::AttentionTrace* a = attentionTrace(*snap->trace, kind(), layer());
    const HeatmapData& d = m_plot->heatmap();
    if (!a) return;
    m_plot->markCell(row, col);
    const core::AttentionTrace one = core::withHeadMaps(*a, head());  // a lean trace's head, recomputed
    explainer()->explain(one, head(), row, col, d.rowLabels.value(row), d.colLabels.value(col), d.colLabels);
}

void AttentionView::exportCurrent() {
    const HeatmapData& data = m_plot->heatmap();
    if (data.isEmpty()) return;
    ExportDialog dialog(QStringLiteral("%1.h%2").arg(data.name).arg(data.head), this);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString err = exportHeatmap(data, m_plot->colorMapKind(), dialog.format(), dialog.path(), dialog.figureSize());
    if (!err.isEmpty()) QMessageBox::warning(this, tr("Export failed"), translateCoreMessage(err));
    else m_hover->setText(tr("Exported %1").arg(dialog.path()));
}

void AttentionView::retranslate() {
    m_kindLabel->setText(tr("Attention:"));
    m_layerLabel->setText(tr("Layer:"));
    m_headLabel->setText(tr("Head:"));
    m_part->setItemText(0, tr("weights (after softmax)"));
    m_part->setItemText(1, tr("scaled scores q·k/√d_k"));
    m_part->setItemText(2, tr("raw scores q·k"));
    m_export->setText(tr("Export…"));
    m_reset->setText(tr("Show all"));
    m_reset->setToolTip(tr("Undo zoom and drag (or double-click the map). Scroll to zoom, drag to move."));
    m_plot->setAccessibleName(tr("Attention heatmap"));
    if (m_session->snapshot()) rebuildSelectors();
}

void AttentionView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace alab::ui
