// PositionalView (see positional_view.h).
// Legend: P positions shown, d_model width, p a starting position, k an offset.
#include "ui/analysis/positional_view.h"
#include "ui/common/core_messages.h"

#include "core/positional_encoding.h"
#include "ui/analysis/export_dialog.h"
#include "ui/analysis/heatmap_layers.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/common/display_text.h"
#include "ui/common/trace_session.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace alab::ui {
namespace {

// Okabe–Ito colours: distinguishable with every common colour-vision deficiency.
const QColor kLineColors[] = {QColor(0, 114, 178), QColor(230, 159, 0), QColor(0, 158, 115),
                              QColor(204, 121, 167), QColor(86, 180, 233), QColor(213, 94, 0)};

QCustomPlot* makeLinePlot(QWidget* parent) {
    auto* plot = new QCustomPlot(parent);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->legend->setVisible(true);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString(), QFont(plot->font().family(), 11, QFont::Bold)));
    plot->plotLayout()->addElement(2, 0, plot->legend);  // one row under the curves, never over them
    plot->plotLayout()->setRowStretchFactor(2, 0.001);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setWrap(3);  // long Chinese names: never wider than a 1280-pixel window
    plot->legend->setBorderPen(Qt::NoPen);
    plot->setMinimumSize(240, 120);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) axis->setTicker(QSharedPointer<QCPAxisTicker>(new MinusSignTicker));
    return plot;
}

}  // namespace

QList<int> PositionalView::defaultDimensions(int d_model) {
    // One fast sin/cos pair and two slower waves (4, 5, 16, 32 for d_model 64), clamped and distinct;
    // filled up from dimension 0 when d_model is small (0, 1, 2, 3 for d_model 4). 0-based.
    const int base = 2 * (d_model / 32);
    QList<int> dims;
    for (int d : {base, base + 1, d_model / 4, d_model / 2}) {
        d = std::clamp(d, 0, std::max(0, d_model - 1));
        if (!dims.contains(d)) dims << d;
    }
    for (int d = 0; dims.size() < std::min(4, d_model); ++d)
        if (!dims.contains(d)) dims << d;
    std::sort(dims.begin(), dims.end());
    return dims;
}

namespace {

void setTitle(QCustomPlot* plot, const QString& text) {
    if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0))) title->setText(text);
}

}  // namespace

PositionalView::PositionalView(TraceSession* session, QWidget* parent) : QWidget(parent), m_session(session) {
    m_heat = new HeatmapPlot(this);
    m_lines = makeLinePlot(this);
    m_dots = makeLinePlot(this);
    m_positions = new QSpinBox(this);
    m_positions->setRange(4, 1024);
    m_positions->setValue(100);
    m_dims = new QLineEdit(this);  // filled from the model's d_model by refresh()
    m_dims->setMaximumWidth(160);
    m_export = new QPushButton(this);
    m_export->setMenu(new QMenu(m_export));
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_positionsLabel = new QLabel(this);
    m_dimsLabel = new QLabel(this);
    auto* bar = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{m_positionsLabel, m_positions, m_dimsLabel, m_dims}) bar->addWidget(w);
    bar->addStretch(1);
    bar->addWidget(m_export);
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_lines);
    right->addWidget(m_dots);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_heat);
    split->addWidget(right);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_note);
    layout->addWidget(split, 1);
    retranslate();
    connect(m_session, &TraceSession::snapshotChanged, this, &PositionalView::refresh);
    connect(m_positions, &QSpinBox::valueChanged, this, &PositionalView::refresh);
    connect(m_dims, &QLineEdit::editingFinished, this, &PositionalView::refresh);
    refresh();
}

void PositionalView::setPositions(int positions) { m_positions->setValue(positions); }

void PositionalView::setDimensions(const QList<int>& dims) {
    QStringList parts;
    for (int d : dims) parts << QString::number(displayIndex(d));  // the field counts from 1
    m_dims->setText(parts.join(QStringLiteral(", ")));
    refresh();
}

QList<int> PositionalView::dimensions() const {
    QList<int> dims;
    for (const QString& part : m_dims->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int d = part.trimmed().toInt(&ok) - 1;  // typed from 1, as the axes count
        if (ok && d >= 0 && d < m_dModel && !dims.contains(d) && dims.size() < 6) dims << d;
    }
    return dims;
}

void PositionalView::refresh() {
    const auto snap = m_session->snapshot();
    QString note;
    const int oldWidth = m_dModel;
    m_dModel = 64;
    if (snap && snap->model) {
        const core::ModelConfig& c = snap->model->config();
        m_dModel = c.d_model % 2 == 0 ? c.d_model : c.d_model + 1;
        if (c.positional_encoding != core::PositionalEncoding::Sinusoidal)
            note = tr("This model does not add sinusoidal positions; the figures show the paper's encoding for its width.");
    }
    if (m_dModel != oldWidth || m_dims->text().trimmed().isEmpty()) {
        const QSignalBlocker block(m_dims);
        QStringList parts;
        for (int d : defaultDimensions(m_dModel)) parts << QString::number(displayIndex(d));
        m_dims->setText(parts.join(QStringLiteral(", ")));
    }
    m_note->setText(tr("Sinusoidal positional encoding for d_model = %1 (%2). Positions and dimensions count from 1 "
                       "(position 1 is pos = 0 in the paper's formula). %3")
                        .arg(m_dModel)
                        .arg(snap && snap->model ? snap->modelName : tr("no model loaded"))
                        .arg(note));
    const int P = m_positions->value();
    const core::Matrix pe = core::sinusoidalEncoding(P, m_dModel);  // [P, d_model]
    HeatmapData d;
    d.name = tr("PE(position, dimension)");
    d.values = pe;
    d.rowTitle = tr("position");
    d.colTitle = tr("dimension");
    for (int p = 0; p < P; ++p) d.rowLabels << QString::number(displayIndex(p));
    for (int i = 0; i < m_dModel; ++i) d.colLabels << QString::number(displayIndex(i));
    d.hasNegative = true;
    m_heat->setHeatmap(d, ColorMapKind::BlueOrange);
    plotDimensions(pe, dimensions());
    plotOffsets(P);
}

void PositionalView::plotDimensions(const core::Matrix& pe, const QList<int>& dims) {
    m_lines->clearGraphs();
    m_lineData.resize(pe.rows(), dims.size());
    m_lineLabels.clear();
    QVector<double> x(pe.rows());
    for (int p = 0; p < pe.rows(); ++p) x[p] = displayIndex(p);
    for (int i = 0; i < dims.size(); ++i) {
        QVector<double> y(pe.rows());
        for (int p = 0; p < pe.rows(); ++p) y[p] = m_lineData(p, i) = pe(p, dims[i]);
        QCPGraph* g = m_lines->addGraph();
        g->setData(x, y, true);
        g->setPen(QPen(kLineColors[i % 6], 2));
        g->setName(tr("dimension %1 (%2)").arg(displayIndex(dims[i])).arg(dims[i] % 2 ? QStringLiteral("cos") : QStringLiteral("sin")));
        m_lineLabels << tr("dim %1").arg(displayIndex(dims[i]));
    }
    const QString title = dims.isEmpty()
                              ? tr("No dimension to draw: type numbers from 1 to %1 (d_model), separated by commas").arg(m_dModel)
                              : tr("Chosen dimensions against position");
    m_lines->xAxis->setLabel(tr("position"));
    m_lines->yAxis->setLabel(tr("PE value"));
    m_lines->xAxis->setRange(1, std::max<Eigen::Index>(2, pe.rows()));
    m_lines->yAxis->setRange(-1.1, 1.1);
    m_lines->legend->setVisible(!dims.isEmpty());
    setTitle(m_lines, title);
    m_lines->replot();
}

void PositionalView::plotOffsets(int P) {
    const QList<int> starts{0, P / 4, P / 2};
    const int K = P;  // offsets 0 .. K-1
    const core::Matrix pe = core::sinusoidalEncoding(P / 2 + K, m_dModel);
    m_dots->clearGraphs();
    m_dotData.resize(K, starts.size());
    m_dotLabels.clear();
    QVector<double> x(K);
    for (int k = 0; k < K; ++k) x[k] = k;
    for (int s = 0; s < starts.size(); ++s) {
        QVector<double> y(K);
        for (int k = 0; k < K; ++k) y[k] = m_dotData(k, s) = pe.row(starts[s]).dot(pe.row(starts[s] + k));
        QCPGraph* g = m_dots->addGraph();
        g->setData(x, y, true);
        QPen pen(kLineColors[s], 5 - 1.5 * s);
        pen.setStyle(s == 0 ? Qt::SolidLine : s == 1 ? Qt::DashLine : Qt::DotLine);
        g->setPen(pen);
        g->setName(tr("position %1").arg(displayIndex(starts[s])));
        m_dotLabels << QStringLiteral("p=%1").arg(displayIndex(starts[s]));
    }
    m_dots->xAxis->setLabel(tr("offset k"));
    m_dots->yAxis->setLabel(tr("PE(p) · PE(p + k)"));
    m_dots->rescaleAxes();
    setTitle(m_dots, tr("The dot product depends only on the offset k"));
    m_dots->replot();
}

void PositionalView::exportFigure(int which) {
    static const char* names[] = {"positional-encoding", "pe-dimensions", "pe-offsets"};
    which = std::clamp(which, 0, 2);
    ExportDialog dialog(QString::fromLatin1(names[which]), this);
    if (dialog.exec() != QDialog::Accepted) return;
    QString err;
    if (which == 0) {
        err = exportHeatmap(m_heat->heatmap(), m_heat->colorMapKind(), dialog.format(), dialog.path(), dialog.figureSize());
    } else if (isFigureFormat(dialog.format())) {
        err = exportPlot(which == 1 ? m_lines : m_dots, dialog.format(), dialog.path(), dialog.figureSize());
    } else {
        const core::Matrix& m = which == 1 ? m_lineData : m_dotData;
        QStringList rows;
        for (int r = 0; r < m.rows(); ++r) rows << QString::number(which == 1 ? displayIndex(r) : r);  // positions / offsets
        err = exportNumbers(core::Tensor::fromMatrix(m), rows, which == 1 ? m_lineLabels : m_dotLabels, dialog.format(), dialog.path());
    }
    if (!err.isEmpty()) QMessageBox::warning(this, tr("Export failed"), translateCoreMessage(err));
}

void PositionalView::retranslate() {
    m_positionsLabel->setText(tr("Positions:"));
    m_dimsLabel->setText(tr("Dimensions:"));
    m_dims->setToolTip(tr("Up to six dimensions from 1 to d_model, separated by commas"));
    m_export->setText(tr("Export…"));
    QMenu* menu = m_export->menu();
    menu->clear();
    menu->addAction(tr("Position × dimension heatmap…"), this, [this] { exportFigure(0); });
    menu->addAction(tr("Dimensions against position…"), this, [this] { exportFigure(1); });
    menu->addAction(tr("Dot product against offset…"), this, [this] { exportFigure(2); });
    refresh();
}

void PositionalView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace alab::ui
