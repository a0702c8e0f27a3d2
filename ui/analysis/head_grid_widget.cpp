// HeadGridWidget (see head_grid_widget.h).
#include "ui/analysis/head_grid_widget.h"

#include "ui/common/display_text.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace alab::ui {

HeadGridWidget::HeadGridWidget(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setFocusPolicy(Qt::StrongFocus);
}

QString HeadGridWidget::describeHead(int layer, int head) const {
    return tr("Layer %1, head %2: press Enter or click to open").arg(displayIndex(layer)).arg(displayIndex(head));
}

void HeadGridWidget::setCurrentHead(int layer, int head) {
    if (m_layers == 0) return;
    m_curLayer = std::clamp(layer, 0, m_layers - 1);
    m_curHead = std::clamp(head, 0, m_heads - 1);
    const QString text = describeHead(m_curLayer, m_curHead);
    setAccessibleDescription(text);
    QAccessibleEvent event(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&event);
    update();
    emit currentHeadChanged(m_curLayer, m_curHead, text);
}

void HeadGridWidget::keyPressEvent(QKeyEvent* event) {
    if (m_layers == 0) return QWidget::keyPressEvent(event);
    int l = m_curLayer, h = m_curHead;
    switch (event->key()) {
    case Qt::Key_Left: --h; break;
    case Qt::Key_Right: ++h; break;
    case Qt::Key_Up: --l; break;
    case Qt::Key_Down: ++l; break;
    case Qt::Key_Home: h = 0; l = event->modifiers() & Qt::ControlModifier ? 0 : l; break;
    case Qt::Key_End: h = m_heads - 1; l = event->modifiers() & Qt::ControlModifier ? m_layers - 1 : l; break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space: emit headClicked(m_curLayer, m_curHead); return;
    default: return QWidget::keyPressEvent(event);
    }
    setCurrentHead(l, h);
}

void HeadGridWidget::focusInEvent(QFocusEvent* event) {
    QWidget::focusInEvent(event);
    setCurrentHead(m_curLayer, m_curHead);
}

void HeadGridWidget::focusOutEvent(QFocusEvent* event) {
    QWidget::focusOutEvent(event);
    update();
}

void HeadGridWidget::setThumbnail(int index, const QImage& image, const QVector<QRect>& masked) {
    if (index < 0 || index >= m_images.size()) return;
    m_images[index] = image;
    if (m_masked.size() < m_images.size()) m_masked.resize(m_images.size());
    m_masked[index] = masked;
    update(thumbnailRect(index / std::max(1, m_heads), index % std::max(1, m_heads)).adjusted(-1, -1, 1, 1));
}

int HeadGridWidget::filledCount() const {
    int n = 0;
    for (const QImage& image : m_images) n += !image.isNull();
    return n;
}

void HeadGridWidget::setGrid(const QVector<QImage>& images, int layers, int heads, const QString& message) {
    m_images = images;
    m_masked.clear();
    m_layers = images.isEmpty() ? 0 : layers;
    m_heads = images.isEmpty() ? 0 : heads;
    m_message = message;
    m_curLayer = std::clamp(m_curLayer, 0, std::max(0, m_layers - 1));
    m_curHead = std::clamp(m_curHead, 0, std::max(0, m_heads - 1));
    setAccessibleDescription(m_layers == 0 ? message : describeHead(m_curLayer, m_curHead));
    updateGeometry();
    adjustSize();
    update();
}

void HeadGridWidget::setMaskedCells(const QVector<QVector<QRect>>& runs) {
    m_masked = runs;
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
        p.drawText(QRect(thumbnailRect(0, h).left(), 0, m_thumb, kCaptionH), Qt::AlignCenter, tr("head %1").arg(displayIndex(h)));
    for (int l = 0; l < m_layers; ++l) {
        const QRect row = thumbnailRect(l, 0);
        p.drawText(QRect(0, row.top(), kCaptionW - 6, m_thumb), Qt::AlignRight | Qt::AlignVCenter, tr("layer %1").arg(displayIndex(l)));
        for (int h = 0; h < m_heads; ++h) {
            const QRect r = thumbnailRect(l, h);
            const QImage& image = m_images.value(l * m_heads + h);
            p.setRenderHint(QPainter::SmoothPixmapTransform, false);
            if (!image.isNull()) p.drawImage(r, image);
            if (!image.isNull() && !m_masked.value(l * m_heads + h).isEmpty()) paintMasked(p, r, image.size(), m_masked[l * m_heads + h]);
            const bool hover = l == m_hoverLayer && h == m_hoverHead;
            p.setPen(QPen(hover ? palette().color(QPalette::Highlight) : QColor(160, 160, 160), hover ? 3 : 1));
            p.drawRect(r.adjusted(0, 0, -1, -1));
            if (hasFocus() && l == m_curLayer && h == m_curHead) {  // the keyboard's frame, outside the map
                p.setPen(QPen(palette().color(QPalette::Text), 3, Qt::DashLine));
                p.drawRect(r.adjusted(-4, -4, 3, 3));
            }
            p.setPen(palette().color(QPalette::Text));
        }
    }
}

void HeadGridWidget::paintMasked(QPainter& p, const QRect& thumb, const QSize& cells, const QVector<QRect>& runs) const {
    const double sx = double(thumb.width()) / cells.width(), sy = double(thumb.height()) / cells.height();
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(QBrush(QColor(110, 110, 110), Qt::BDiagPattern));  // as HeatmapPlot's masked cells
    for (const QRect& run : runs)
        p.drawRect(QRectF(thumb.left() + run.x() * sx, thumb.top() + run.y() * sy, run.width() * sx, run.height() * sy));
    p.restore();
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
        setToolTip(l >= 0 ? describeHead(l, h) : QString());
        update();
    }
}

void HeadGridWidget::leaveEvent(QEvent*) {
    m_hoverLayer = m_hoverHead = -1;
    update();
}

}  // namespace alab::ui
