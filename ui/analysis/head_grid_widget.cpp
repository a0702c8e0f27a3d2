// HeadGridWidget (see head_grid_widget.h).
#include "ui/analysis/head_grid_widget.h"

#include <QMouseEvent>
#include <QPainter>

namespace alab::ui {

HeadGridWidget::HeadGridWidget(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

void HeadGridWidget::setGrid(const QVector<QImage>& images, int layers, int heads, const QString& message) {
    m_images = images;
    m_layers = images.isEmpty() ? 0 : layers;
    m_heads = images.isEmpty() ? 0 : heads;
    m_message = message;
    updateGeometry();
    adjustSize();
    update();
}

void HeadGridWidget::setThumbnailSize(int pixels) {
    m_thumb = std::clamp(pixels, 40, 600);
    updateGeometry();
    update();
}

QRect HeadGridWidget::thumbnailRect(int layer, int head) const {
    return {kCaptionW + head * (m_thumb + kMargin), kCaptionH + layer * (m_thumb + kMargin), m_thumb, m_thumb};
}

QSize HeadGridWidget::sizeHint() const {
    if (m_layers == 0) return {400, 120};
    return {kCaptionW + m_heads * (m_thumb + kMargin) + kMargin, kCaptionH + m_layers * (m_thumb + kMargin) + kMargin};
}

void HeadGridWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (m_layers == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_message);
        return;
    }
    p.setPen(palette().color(QPalette::Text));
    for (int h = 0; h < m_heads; ++h)
        p.drawText(QRect(thumbnailRect(0, h).left(), 0, m_thumb, kCaptionH), Qt::AlignCenter, tr("head %1").arg(h));
    for (int l = 0; l < m_layers; ++l) {
        const QRect row = thumbnailRect(l, 0);
        p.drawText(QRect(0, row.top(), kCaptionW - 6, m_thumb), Qt::AlignRight | Qt::AlignVCenter, tr("layer %1").arg(l));
        for (int h = 0; h < m_heads; ++h) {
            const QRect r = thumbnailRect(l, h);
            const QImage& image = m_images.value(l * m_heads + h);
            p.setRenderHint(QPainter::SmoothPixmapTransform, false);
            if (!image.isNull()) p.drawImage(r, image);
            const bool hover = l == m_hoverLayer && h == m_hoverHead;
            p.setPen(QPen(hover ? palette().color(QPalette::Highlight) : QColor(160, 160, 160), hover ? 3 : 1));
            p.drawRect(r.adjusted(0, 0, -1, -1));
            p.setPen(palette().color(QPalette::Text));
        }
    }
}

bool HeadGridWidget::hitTest(const QPoint& pos, int* layer, int* head) const {
    for (int l = 0; l < m_layers; ++l)
        for (int h = 0; h < m_heads; ++h)
            if (thumbnailRect(l, h).contains(pos)) return *layer = l, *head = h, true;
    return false;
}

void HeadGridWidget::mousePressEvent(QMouseEvent* event) {
    int l = 0, h = 0;
    if (event->button() == Qt::LeftButton && hitTest(event->pos(), &l, &h)) emit headClicked(l, h);
}

void HeadGridWidget::mouseMoveEvent(QMouseEvent* event) {
    int l = -1, h = -1;
    hitTest(event->pos(), &l, &h);
    if (l != m_hoverLayer || h != m_hoverHead) {
        m_hoverLayer = l;
        m_hoverHead = h;
        setCursor(l >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        setToolTip(l >= 0 ? tr("Layer %1, head %2: click to open").arg(l).arg(h) : QString());
        update();
    }
}

void HeadGridWidget::leaveEvent(QEvent*) {
    m_hoverLayer = m_hoverHead = -1;
    update();
}

}  // namespace alab::ui
