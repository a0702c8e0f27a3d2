// TensorPanel (see tensor_panel.h).
#include "ui/debugger/tensor_panel.h"

#include "ui/analysis/heatmap_plot.h"
#include "ui/analysis/heatmap_source.h"
#include "ui/common/trace_session.h"
#include "ui/debugger/stats_text.h"

#include <QLabel>

#include <qcustomplot.h>
#include <QVBoxLayout>

namespace alab::ui {

TensorPanel::TensorPanel(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel(this)), m_plot(new HeatmapPlot(this)), m_stats(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_caption->setObjectName(QStringLiteral("tensorCaption"));
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stats->setObjectName(QStringLiteral("tensorStats"));
    m_stats->setWordWrap(true);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_plot->setMinimumSize(160, 140);
    layout->addWidget(m_caption);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_stats);
}

void TensorPanel::showTensor(const Snapshot& snapshot, const QString& caption, const QString& name, const core::Tensor& t,
                             int head) {
    m_name = name;
    m_caption->setText(QStringLiteral("<b>%1</b>").arg(caption.toHtmlEscaped()));
    HeatmapData data;
    const int h = t.rank() == 3 ? std::clamp<int>(head, 0, int(std::max<int64_t>(t.shape[0], 1)) - 1) : head;
    if (QString err = heatmapFromTensor(snapshot, name, t, h, &data); !err.isEmpty()) {
        m_plot->clearHeatmap(err);
    } else {
        m_plot->setHeatmap(data, defaultColorMap(data));
        // The caption above names the tensor; the plot's own long title would force narrow plots wider
        // than their panel, so it only names the head.
        if (auto* title = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0))) {
            title->setText(t.rank() == 3 ? tr("head %1").arg(h + 1) : QString());
            m_plot->replot();
        }
    }
    m_stats->setText(statsLine(t, core::tensorStats(t)));
}

void TensorPanel::clearTensor(const QString& message) {
    m_name.clear();
    m_caption->clear();
    m_plot->clearHeatmap(message);
    m_stats->clear();
}

QString TensorPanel::statsText() const { return m_stats->text(); }

}  // namespace alab::ui
