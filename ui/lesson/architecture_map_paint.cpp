// ArchitectureMapView::paintEvent: the N× boxes, the arrows (the main path, the residual skips, the
// encoder's output into cross-attention), the blocks coloured by kind as in the paper's figure, the
// shown lesson's blocks outlined, and a one-line legend. Every text comes from core (mapText).
#include "ui/lesson/architecture_map_text.h"
#include "ui/lesson/architecture_map_view.h"

#include "core/lessons/registry.h"
#include "ui/lesson/lesson_controller.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace alab::ui {
namespace {

const QColor kHighlight(0xc0, 0x39, 0x2b);
const QColor kInk(0x22, 0x22, 0x22);

QColor fillOf(core::MapBlockKind k) {
    using K = core::MapBlockKind;
    switch (k) {
    case K::Embedding: return QColor(0xf9, 0xd0, 0xd7);
    case K::PositionalEncoding: return QColor(0xe4, 0xe4, 0xf4);
    case K::SelfAttention: case K::MaskedSelfAttention: case K::CrossAttention: return QColor(0xfb, 0xd9, 0xb0);
    case K::AddNorm: case K::Norm: case K::Add: case K::FinalNorm: return QColor(0xf4, 0xef, 0xb0);
    case K::FeedForward: return QColor(0xc6, 0xe5, 0xf5);
    case K::Linear: return QColor(0xd9, 0xd0, 0xf0);
    case K::Softmax: return QColor(0xca, 0xea, 0xc6);
    case K::Inputs: case K::Probabilities: return QColor(0xff, 0xff, 0xff);
    }
    return Qt::white;
}

QFont pixelFont(const QFont& base, double pixels, bool bold) {
    QFont f = base;
    f.setPixelSize(std::max(9, int(pixels)));
    f.setBold(bold);
    return f;
}

void arrowHead(QPainter& p, QPointF tip, QPointF from, double size) {
    const QPointF d = tip - from;
    const double len = std::max(1e-6, std::hypot(d.x(), d.y()));
    const QPointF u = d / len, n(-u.y(), u.x());
    QPolygonF head;
    head << tip << tip - u * size + n * size * 0.5 << tip - u * size - n * size * 0.5;
    p.setBrush(p.pen().color());
    p.drawPolygon(head);
    p.setBrush(Qt::NoBrush);
}

void arrow(QPainter& p, const QPainterPath& path, double size) {
    p.drawPath(path);
    const int n = path.elementCount();
    if (n >= 2) arrowHead(p, path.elementAt(n - 1), path.elementAt(n - 2), size);
}

// The block's title over its detail (big blocks), or both on one line when a small block has room.
void blockText(QPainter& p, const QRectF& r, const QString& title, const QString& detail, double unit, bool small) {
    const QFont titleFont = pixelFont(p.font(), unit * (small ? 0.34 : 0.36), true);
    const QFont detailFont = pixelFont(p.font(), unit * 0.28, false);
    const QRectF inner = r.adjusted(unit * 0.12, 0, -unit * 0.12, 0);
    p.setPen(kInk);
    if (small || detail.isEmpty()) {
        QString line = title;
        p.setFont(titleFont);
        const double titleW = QFontMetricsF(titleFont).horizontalAdvance(title);
        const QString rest = detail.isEmpty() ? QString() : QStringLiteral("  ·  ") + detail;
        const bool both = !rest.isEmpty() && titleW + QFontMetricsF(detailFont).horizontalAdvance(rest) < inner.width();
        if (!both) return p.drawText(inner, Qt::AlignCenter, QFontMetricsF(titleFont).elidedText(title, Qt::ElideRight, inner.width()));
        const double total = titleW + QFontMetricsF(detailFont).horizontalAdvance(rest);
        const double x = inner.center().x() - total / 2;
        p.drawText(QRectF(x, inner.top(), titleW + 1, inner.height()), Qt::AlignVCenter | Qt::AlignLeft, title);
        p.setFont(detailFont);
        p.drawText(QRectF(x + titleW, inner.top(), inner.width(), inner.height()), Qt::AlignVCenter | Qt::AlignLeft, rest);
        return;
    }
    const QRectF top(inner.left(), inner.top() + r.height() * 0.08, inner.width(), r.height() * 0.46);
    const QRectF bottom(inner.left(), top.bottom(), inner.width(), r.height() * 0.4);
    p.setFont(titleFont);
    p.drawText(top, Qt::AlignHCenter | Qt::AlignBottom, QFontMetricsF(titleFont).elidedText(title, Qt::ElideRight, inner.width()));
    p.setFont(detailFont);
    p.drawText(bottom, Qt::AlignHCenter | Qt::AlignTop, QFontMetricsF(detailFont).elidedText(detail, Qt::ElideRight, inner.width()));
}

// Outline: the shown lesson's blocks thick and red, clickable ones dark, the rest dotted grey.
void outline(QPainter& p, const QRectF& r, bool highlighted, bool clickable, double unit) {
    const double radius = unit * 0.14;
    if (highlighted) {
        p.setPen(QPen(QColor(kHighlight.red(), kHighlight.green(), kHighlight.blue(), 70), unit * 0.32));
        p.drawRoundedRect(r, radius, radius);
        p.setPen(QPen(kHighlight, std::max(2.5, unit * 0.09)));
    } else if (clickable) {
        p.setPen(QPen(QColor(0x44, 0x44, 0x44), std::max(1.2, unit * 0.035)));
    } else {
        p.setPen(QPen(QColor(0x99, 0x99, 0x99), std::max(1.0, unit * 0.03), Qt::DotLine));
    }
    p.drawRoundedRect(r, radius, radius);
}

}  // namespace

void ArchitectureMapView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), QColor(0xfd, 0xfd, 0xfb));
    if (m_map.blocks.empty()) return;
    paintHeader(p);
    paintStacks(p);
    paintArrows(p);
    paintBlocks(p);
}

// What this is, the config's numbers, which lesson is outlined, and (at the bottom) how to use it.
void ArchitectureMapView::paintHeader(QPainter& p) {
    p.setPen(kInk);
    p.setFont(pixelFont(font(), std::clamp(height() * 0.032, 14.0, 34.0), true));
    const double line = m_header.height() / 2;
    p.drawText(QRectF(m_header.left(), m_header.top(), m_header.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               tr("This model, drawn as the paper's Figure 1"));
    p.setFont(pixelFont(font(), std::clamp(height() * 0.024, 12.0, 26.0), false));
    p.drawText(QRectF(m_header.left(), m_header.top() + line, m_header.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               mapText(m_map.summary));
    if (const core::LessonEntry* shown = core::findLesson(m_controller->lessonId())) {
        p.setPen(kHighlight);
        p.drawText(QRectF(m_header.left(), m_header.top(), m_header.width(), line), Qt::AlignRight | Qt::AlignVCenter,
                   tr("Outlined: the lesson “%1”").arg(QCoreApplication::translate("Lesson", shown->title.c_str())));
    }

    p.setPen(QColor(0x55, 0x55, 0x55));
    p.setFont(pixelFont(font(), std::clamp(height() * 0.02, 11.0, 22.0), false));
    p.drawText(QRectF(m_header.left(), height() - m_header.top() * 2.1, m_header.width(), m_header.top() * 2),
               Qt::AlignCenter, tr("Click a block to open its lesson. Dotted outline: its lesson is not in the course yet."));
}

// The N× boxes with their counts (the encoder's on its left, the decoder's on its right), and the
// column headings above each column's top.
void ArchitectureMapView::paintStacks(QPainter& p) {
    const double u = m_unit;
    for (int c = 0; c < 2; ++c) {
        if (m_stack[c].isNull()) continue;
        const bool present = c == 0 ? m_map.encoderLayers > 0 : m_map.hasDecoder;
        p.setPen(QPen(QColor(0x8a, 0x8a, 0x8a), 1.2, present ? Qt::SolidLine : Qt::DashLine));
        p.setBrush(QColor(0xee, 0xee, 0xec, present ? 255 : 110));
        p.drawRoundedRect(m_stack[c], u * 0.25, u * 0.25);
        p.setBrush(Qt::NoBrush);
        const int n = c == 0 ? m_map.encoderLayers : m_map.decoderLayers;
        const QString count = present ? tr("%1×").arg(n) : QStringLiteral("—");
        p.setPen(kInk);
        p.setFont(pixelFont(font(), u * 0.5, true));
        const double w = u * 1.6;
        const QRectF label = c == 0 ? QRectF(m_stack[c].left() - w - u * 0.2, m_stack[c].center().y() - u, w, 2 * u)
                                    : QRectF(m_stack[c].right() + u * 0.2, m_stack[c].center().y() - u, w, 2 * u);
        p.drawText(label, (c == 0 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, count);
    }

    for (int c = 0; c < 2; ++c) {
        double top = m_stack[c].isNull() ? 1e9 : m_stack[c].top();
        double left = 1e9, right = -1e9;
        for (size_t i = 0; i < m_rects.size(); ++i)
            if (int(m_map.blocks[i].column) == c) {
                top = std::min(top, m_rects[i].top());
                left = std::min(left, m_rects[i].left());
                right = std::max(right, m_rects[i].right());
            }
        const QString heading = c == 0 ? tr("Encoder") : m_map.hasDecoder ? tr("Decoder") : tr("Decoder — not in this model");
        p.setPen(c == 1 && !m_map.hasDecoder ? QColor(0x88, 0x88, 0x88) : kInk);
        p.setFont(pixelFont(font(), u * 0.36, true));
        p.drawText(QRectF(left - u, top - u * 1.15, right - left + 2 * u, u * 0.7), Qt::AlignCenter, heading);
    }

}

// Up each column, the residual skips on the left of the blocks, the encoder's output across.
void ArchitectureMapView::paintArrows(QPainter& p) {
    const double u = m_unit;
    const QColor arrowColour(0x55, 0x55, 0x55);
    p.setPen(QPen(arrowColour, std::max(1.2, u * 0.04)));
    int last[2] = {-1, -1};
    for (size_t i = 0; i < m_map.blocks.size(); ++i) {
        const int c = int(m_map.blocks[i].column);
        if (last[c] >= 0) {
            const QRectF& a = m_rects[size_t(last[c])];
            const QRectF& b = m_rects[i];
            QPainterPath path(QPointF(b.center().x(), a.top()));
            path.lineTo(b.center().x(), b.bottom());
            arrow(p, path, u * 0.18);
        }
        last[c] = int(i);
        const int from = m_map.blocks[i].residualFrom;
        if (from < 0) continue;
        const QRectF& s = m_rects[size_t(from)];
        const QRectF& t = m_rects[i];
        const double x = s.left() - (m_stack[c].isNull() ? u * 0.3 : (s.left() - m_stack[c].left()) * 0.55);
        const double y0 = s.bottom() + u * 0.2;
        QPainterPath path(QPointF(s.center().x(), y0));
        path.lineTo(x, y0);
        path.lineTo(x, t.center().y());
        path.lineTo(t.left(), t.center().y());
        arrow(p, path, u * 0.18);
    }
    const int cross = m_map.indexOf("decoder.cross_attn");
    if (last[0] >= 0 && cross >= 0) {
        const QRectF& e = m_rects[size_t(last[0])];
        const QRectF& d = m_rects[size_t(cross)];
        const double midX = (m_stack[0].right() + m_stack[1].left()) / 2;
        const double y = d.center().y() + d.height() * 0.2;
        QPainterPath path(QPointF(e.center().x(), e.top()));
        path.lineTo(e.center().x(), e.top() - u * 0.3);
        path.lineTo(midX, e.top() - u * 0.3);
        path.lineTo(midX, y);
        path.lineTo(d.left(), y);
        if (!m_map.hasDecoder) p.setPen(QPen(QColor(0xaa, 0xaa, 0xaa), std::max(1.2, u * 0.04), Qt::DashLine));
        arrow(p, path, u * 0.18);
        p.setFont(pixelFont(font(), u * 0.24, false));
        p.drawText(QRectF(midX + u * 0.1, y - u * 0.45, u * 1.5, u * 0.4), Qt::AlignLeft | Qt::AlignBottom, QStringLiteral("K, V"));
    }

}

// The blocks coloured by kind, the shown lesson's outlined, and the heads tab.
void ArchitectureMapView::paintBlocks(QPainter& p) {
    const double u = m_unit;
    const std::vector<int> lit = highlighted();
    const auto isLit = [&lit](int i) { return std::find(lit.begin(), lit.end(), i) != lit.end(); };
    for (size_t i = 0; i < m_map.blocks.size(); ++i) {
        const core::MapBlock& b = m_map.blocks[i];
        const QRectF& r = m_rects[i];
        p.setOpacity(b.inModel ? 1.0 : 0.38);
        p.setPen(Qt::NoPen);
        p.setBrush(fillOf(b.kind));
        p.drawRoundedRect(r, u * 0.14, u * 0.14);
        p.setBrush(Qt::NoBrush);
        outline(p, r, isLit(int(i)), !openableLesson(int(i)).empty(), u);
        const bool small = r.height() < u * 0.9;
        blockText(p, r, mapText(b.title), mapText(b.detail), u, small);
    }
    p.setOpacity(1);
    if (!m_headsTab.isNull()) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xf5, 0xb0, 0x70));
        p.drawRoundedRect(m_headsTab, u * 0.14, u * 0.14);
        p.setBrush(Qt::NoBrush);
        outline(p, m_headsTab, isLit(kHeadsTab), !openableLesson(kHeadsTab).empty(), u);
        p.setPen(kInk);
        p.setFont(pixelFont(font(), u * 0.28, true));
        p.drawText(m_headsTab.adjusted(2, 2, -2, -2), Qt::AlignCenter | Qt::TextWordWrap, mapText(m_map.heads));
    }

}

}  // namespace alab::ui
