// AllHeadsView (see all_heads_view.h).
#include "ui/analysis/all_heads_view.h"
#include "ui/common/core_messages.h"

#include "ui/analysis/color_map_selector.h"
#include "ui/analysis/export_dialog.h"
#include "ui/analysis/figure_export.h"
#include "ui/analysis/head_grid_widget.h"
#include "ui/analysis/head_thumbnails.h"
#include "ui/analysis/heatmap_image.h"
#include "ui/analysis/model_caption.h"
#include "ui/common/display_text.h"
#include "ui/common/trace_session.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace alab::ui {
namespace {

// Up to this many map cells in all, the grid is filled at once; beyond it (or for a lean trace, whose
// maps are recomputed) heads are computed off the GUI thread and appear one by one.
constexpr double kFillAtOnceCells = double(1 << 22);

}  // namespace

AllHeadsView::AllHeadsView(TraceSession* session, QWidget* parent) : QWidget(parent), m_session(session) {
    m_kind = new QComboBox(this);
    m_kindLabel = new QLabel(this);
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(14);
    m_colors = new ColorMapSelector(this);
    m_zoom = new QSlider(Qt::Horizontal, this);
    m_zoom->setRange(60, 400);
    m_zoom->setValue(170);
    m_zoom->setMaximumWidth(160);
    m_export = new QPushButton(this);
    m_hint = new QLabel(this);
    m_readout = new QLabel(this);
    m_readout->setObjectName(QStringLiteral("allHeadsReadout"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_kindLabel);
    bar->addWidget(m_kind);
    bar->addWidget(m_colors);
    bar->addWidget(m_zoom);
    bar->addStretch(1);
    bar->addWidget(new ModelCaption(session, this));
    bar->addWidget(m_export);
    m_grid = new HeadGridWidget;
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_grid);
    m_scroll->setWidgetResizable(false);
    m_scroll->viewport()->installEventFilter(this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_hint);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_readout);
    retranslate();
    connect(m_session, &TraceSession::snapshotChanged, this, &AllHeadsView::rebuildKinds);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AllHeadsView::refresh);
    connect(m_colors, &ColorMapSelector::choiceChanged, this, &AllHeadsView::refresh);
    connect(m_zoom, &QSlider::valueChanged, this, [this](int v) {
        m_grid->setThumbnailSize(v);
        m_grid->adjustSize();
    });
    connect(m_zoom, &QSlider::sliderMoved, this, [this] { m_userZoom = true; });
    connect(m_grid, &HeadGridWidget::headClicked, this, [this](int l, int h) { emit headActivated(kind(), l, h); });
    connect(m_grid, &HeadGridWidget::currentHeadChanged, this, [this](int l, int h, const QString& text) {
        m_readout->setText(text);
        m_scroll->ensureVisible(m_grid->thumbnailRect(l, h).center().x(), m_grid->thumbnailRect(l, h).center().y(),
                                m_grid->thumbnailRect(l, h).width() / 2 + 10, m_grid->thumbnailRect(l, h).height() / 2 + 30);
    });
    connect(m_export, &QPushButton::clicked, this, &AllHeadsView::exportAllHeads);
    rebuildKinds();
}

AttentionKind AllHeadsView::kind() const { return AttentionKind(m_kind->currentData().toInt()); }

void AllHeadsView::setKind(AttentionKind k) { m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(k)))); }

void AllHeadsView::rebuildKinds() {
    const auto snap = m_session->snapshot();
    const QVariant old = m_kind->currentData();
    const QSignalBlocker block(m_kind);
    m_kind->clear();
    if (snap && snap->trace)
        for (AttentionKind k : availableKinds(*snap->trace)) m_kind->addItem(kindLabel(k), int(k));
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(old)));
    refresh();
}

void AllHeadsView::refresh() {
    const auto snap = m_session->snapshot();
    if (!snap || !snap->trace || m_kind->count() == 0) {
        m_grid->setGrid({}, 0, 0, tr("No attention to show yet: load a model and a sentence."));
        return;
    }
    const int layers = layerCount(*snap->trace, kind()), heads = headCount(*snap->trace, kind());
    double lo = 0, hi = 1;
    HeatmapData probe;
    probe.hasNegative = false;
    const ColorMapKind map = m_colors->mapFor(probe);
    weightRange(map, &lo, &hi);  // the same fixed scale as the heatmap tab and the inspector
    m_cancel->store(true);       // a fill still running for the previous trace stops
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const core::AttentionTrace* first = attentionTrace(*snap->trace, kind(), 0);
    const double cells = double(layers) * heads * double(first->q[0].rows()) * double(first->k[0].rows());
    if (cells <= kFillAtOnceCells && !snap->leanCapture) {
        QVector<QImage> images;
        QVector<QVector<QRect>> masked;  // per head: the weights the mask forced to 0, grey and hatched
        for (int l = 0; l < layers; ++l)
            for (int h = 0; h < heads; ++h) {
                HeadThumbnail t = headThumbnail(*attentionTrace(*snap->trace, kind(), l), h, map, lo, hi);
                images << t.image;
                masked << t.masked;
            }
        m_grid->setGrid(images, layers, heads);
        m_grid->setMaskedCells(masked);
    } else {
        m_grid->setGrid(QVector<QImage>(layers * heads), layers, heads);  // empty frames, filled as heads arrive
        fillInBackground(snap, layers, heads, map, lo, hi);
    }
    m_hint->setText(tr("%1 layers × %2 heads of %3 weights, colours from %4 to %5. Click a head to open it, "
                       "or use the arrow keys and Enter.")
                        .arg(layers).arg(heads).arg(kindLabel(kind())).arg(displayNumber(lo)).arg(displayNumber(hi)));
    fitThumbnails();
    m_grid->setThumbnailSize(m_zoom->value());
    m_grid->adjustSize();
}

// One head at a time on the thread pool, in reading order; each thumbnail is handed to the grid through
// the GUI thread's event loop, so the window repaints and answers between heads.
void AllHeadsView::fillInBackground(std::shared_ptr<const Snapshot> snap, int layers, int heads, ColorMapKind map,
                                    double lo, double hi) {
    const AttentionKind k = kind();
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    m_filling = QtConcurrent::run([this, snap, k, layers, heads, map, lo, hi, cancel] {
        for (int i = 0; i < layers * heads && !cancel->load(); ++i) {
            HeadThumbnail t = headThumbnail(*attentionTrace(*snap->trace, k, i / heads), i % heads, map, lo, hi);
            QMetaObject::invokeMethod(this, [this, i, t, cancel] {
                if (!cancel->load()) m_grid->setThumbnail(i, t.image, t.masked);
            }, Qt::QueuedConnection);
        }
    });
}

AllHeadsView::~AllHeadsView() {
    m_cancel->store(true);
    m_filling.waitForFinished();  // at most the head being computed
}

void AllHeadsView::fitThumbnails() {
    if (m_userZoom || m_grid->layers() == 0) return;
    const QSize room = m_scroll->viewport()->size() - QSize(90, 40);
    const int fit = std::min(room.width() / m_grid->heads(), room.height() / m_grid->layers()) - 8;
    m_zoom->setValue(std::clamp(fit, m_zoom->minimum(), m_zoom->maximum()));
}

bool AllHeadsView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize) fitThumbnails();
    return QWidget::eventFilter(watched, event);
}

void AllHeadsView::exportAllHeads() {
    const auto snap = m_session->snapshot();
    if (!snap || !snap->trace || m_kind->count() == 0) return;
    ExportDialog dialog(QStringLiteral("attention-%1").arg(kindKey(kind())), this, true);
    if (dialog.exec() != QDialog::Accepted) return;
    AllHeadsRequest request;
    request.kind = kind();
    request.format = dialog.format();
    request.size = dialog.figureSize();
    request.autoColorMap = m_colors->isAutomatic();
    request.colorMap = m_colors->mapFor(HeatmapData());
    int files = 0;
    const QString err = ui::exportAllHeads(*snap, request, dialog.path(), &files);
    if (!err.isEmpty()) QMessageBox::warning(this, tr("Export failed"), translateCoreMessage(err));
    else m_hint->setText(tr("Wrote %1 files and index.json to %2").arg(files).arg(dialog.path()));
}

void AllHeadsView::retranslate() {
    m_kindLabel->setText(tr("Attention:"));
    m_export->setText(tr("Export all heads…"));
    m_zoom->setToolTip(tr("Thumbnail size"));
    rebuildKinds();
}

void AllHeadsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace alab::ui
