// LessonStage (see lesson_stage.h). Colours: viridis for shares, blue–orange around 0 for signed
// numbers; the cell being computed is framed in magenta and the cells it reads from in dark frames.
#include "ui/lesson/lesson_stage.h"

#include "ui/lesson/lesson_controller.h"

#include <QAccessible>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSet>
#include <QToolTip>

#include <cmath>

namespace alab::ui {
namespace {

constexpr double kMargin = 28;
const QColor kBackground(250, 250, 247), kEmpty(236, 236, 232), kLit(204, 0, 120), kInk(34, 34, 34), kFocus(214, 60, 0);

quint64 key(int grid, int row, int col) { return (quint64(grid) << 40) | (quint64(row + 1) << 20) | quint64(col + 1); }

}  // namespace

LessonStage::LessonStage(LessonController* controller, QWidget* parent)
    : QAbstractScrollArea(parent), m_controller(controller) {
    setObjectName(QStringLiteral("lessonStage"));
    viewport()->setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    connect(controller, &LessonController::progressChanged, viewport(), qOverload<>(&QWidget::update));
    connect(controller, &LessonController::stepChanged, this, &LessonStage::scrollToFocus);
    connect(controller, &LessonController::stepChanged, this, &LessonStage::resetCursor);
    connect(controller, &LessonController::lessonChanged, this, &LessonStage::resetCursor);
    connect(controller, &LessonController::lessonChanged, this, &LessonStage::scrollToFocus);
    connect(controller, &LessonController::zoomChanged, this, &LessonStage::scrollToFocus);
    changeEvent(nullptr);
}

QSize LessonStage::sizeHint() const { return {1100, 620}; }

double LessonStage::scale() const {
    const QSizeF s = m_controller->scene().size;
    if (s.isEmpty()) return 1;
    const QSize v = maximumViewportSize();
    const QSizeF room(v.width() - 2 * kMargin, v.height() - 2 * kMargin);
    const double fit = fitScale(s, room, kMaxSceneScale), whole = fitScale(s, room, 1e9);
    // Zooming in re-fits: the scene grows up to the whole room, never beyond it (no cropping scroll bars).
    return std::max(0.2, std::min(fit * m_controller->zoom(), std::max(fit, whole)));
}

void LessonStage::updateScrollBars() {
    const QSizeF s = m_controller->scene().size * scale();
    const QSize v = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, int(s.width() + 2 * kMargin) - v.width()));
    verticalScrollBar()->setRange(0, std::max(0, int(s.height() + 2 * kMargin) - v.height()));
    horizontalScrollBar()->setPageStep(v.width());
    verticalScrollBar()->setPageStep(v.height());
    viewport()->update();
}

void LessonStage::scrollToFocus() {
    updateScrollBars();
    QRectF focus;
    for (const StageGrid& g : m_controller->scene().grids)
        for (int k = 0; k < g.cells.size(); ++k)
            if (g.cells[k].highlight) focus |= g.cellRect(k / g.cols, k % g.cols);
    if (focus.isEmpty()) return;
    const double s = scale();
    const QSize v = viewport()->size();
    const QPointF centre = focus.center() * s + QPointF(kMargin, kMargin);
    horizontalScrollBar()->setValue(int(centre.x() - v.width() / 2.0));
    verticalScrollBar()->setValue(int(centre.y() - v.height() / 2.0));
}

QPointF LessonStage::origin() const {
    const QSizeF s = m_controller->scene().size * scale();
    const QSize v = viewport()->size();
    const double x = s.width() + 2 * kMargin <= v.width() ? (v.width() - s.width()) / 2 : kMargin - horizontalScrollBar()->value();
    const double y = s.height() + 2 * kMargin <= v.height() ? (v.height() - s.height()) / 2 : kMargin - verticalScrollBar()->value();
    return {x, y};
}

void LessonStage::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    const QSize v = maximumViewportSize();
    m_controller->setStageRoom(QSizeF(v.width() - 2 * kMargin, v.height() - 2 * kMargin));
    updateScrollBars();
}

QSet<quint64> LessonStage::litCells() const {
    QSet<quint64> lit;
    const StageScene& scene = m_controller->scene();
    const double p = m_controller->progress();
    if (p >= 1) return lit;
    for (int gi = 0; gi < scene.grids.size(); ++gi) {
        const StageGrid& g = scene.grids[gi];
        for (int k = 0; k < g.cells.size(); ++k) {
            const StageCell& c = g.cells[k];
            if (c.sweep.isEmpty() || p < c.appear || p >= c.appear + c.fade) continue;
            lit.insert(key(gi, k / g.cols, k % g.cols));  // the cell being made
            for (const StageCell::Source& s : c.sweep) {
                const StageGrid& src = scene.grids[s.grid];
                for (int r = 0; r < src.rows; ++r)
                    for (int cc = 0; cc < src.cols; ++cc)
                        if ((s.row < 0 || s.row == r) && (s.col < 0 || s.col == cc)) lit.insert(key(s.grid, r, cc));
            }
        }
    }
    return lit;
}

void LessonStage::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), kBackground);
    const StageScene& scene = m_controller->scene();
    if (scene.grids.isEmpty()) return;
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.translate(origin());
    p.scale(scale(), scale());
    const QSet<quint64> lit = litCells();
    paintLinks(p);
    for (int g = 0; g < scene.grids.size(); ++g) paintGrid(p, g, lit);
    paintTexts(p, scene.laidOut());
}

void LessonStage::paintTexts(QPainter& p, const StageNode& node) const {
    if (node.kind == StageNode::Text) {
        const double alpha = std::clamp((m_controller->progress() - node.appear) / 0.08, 0.0, 1.0);
        if (alpha <= 0) return;
        QFont f = stageFont();
        f.setPixelSize(int(f.pixelSize() * node.textScale));
        QColor ink = kInk;
        ink.setAlphaF(alpha);
        p.setPen(ink);
        drawRichText(p, node.rect, node.text, f, Qt::AlignCenter);
    }
    for (const StageNode& c : node.children) paintTexts(p, c);
}

// Lines between cells (a node to its parent): from the right edge of one to the left edge of the
// other; a link to a cell that a small stage trimmed away is not drawn.
void LessonStage::paintLinks(QPainter& p) const {
    const StageScene& scene = m_controller->scene();
    const auto valid = [&](int g, int r, int c) {
        return g >= 0 && g < scene.grids.size() && r >= 0 && r < scene.grids[g].rows && c >= 0 && c < scene.grids[g].cols;
    };
    for (const StageLink& l : scene.links) {
        if (m_controller->progress() < l.appear || !valid(l.fromGrid, l.fromRow, l.fromCol) || !valid(l.toGrid, l.toRow, l.toCol))
            continue;
        const QRectF a = scene.grids[l.fromGrid].cellRect(l.fromRow, l.fromCol), b = scene.grids[l.toGrid].cellRect(l.toRow, l.toCol);
        p.setPen(QPen(QColor(90, 90, 90), 2.5));
        p.drawLine(QPointF(a.right() - 2, a.center().y()), QPointF(b.left() + 2, b.center().y()));
    }
}

void LessonStage::paintGrid(QPainter& p, int index, const QSet<quint64>& lit) const {
    const StageGrid& g = m_controller->scene().grids[index];
    const QFont font = stageFont();
    p.setPen(kInk);
    if (!g.title.isEmpty()) {
        QFont title = font;
        title.setPixelSize(int(font.pixelSize() * 1.15));
        title.setBold(true);
        const double h = g.cellsRect.top() - g.rect.top() - (g.colLabels.isEmpty() ? 0 : font.pixelSize() * 1.4);
        drawRichText(p, QRectF(g.cellsRect.left(), g.rect.top(), g.rect.right() - g.cellsRect.left(), h), g.title,
                     title, Qt::AlignLeft);
    }
    QFont labelFont = font;
    labelFont.setPixelSize(int(font.pixelSize() * g.labelScale));
    p.setFont(labelFont);
    p.setPen(QColor(60, 60, 60));
    for (int c = 0; c < g.colLabels.size() && c < g.cols; ++c) {
        const QRectF cell = g.cellRect(0, c);
        p.drawText(QRectF(cell.left() - 20, cell.top() - font.pixelSize() * 1.4, cell.width() + 40, font.pixelSize() * 1.3),
                   Qt::AlignCenter, g.colLabels[c]);
    }
    for (int r = 0; r < g.rowLabels.size() && r < g.rows; ++r) {
        const QRectF cell = g.cellRect(r, 0);
        QFont f = labelFont;
        f.setBold(r == g.focusRow);
        p.setFont(f);
        p.setPen(r == g.focusRow ? kFocus : QColor(60, 60, 60));
        p.drawText(QRectF(g.rect.left(), cell.top(), g.cellsRect.left() - g.rect.left() - 10, cell.height()),
                   Qt::AlignRight | Qt::AlignVCenter, g.rowLabels[r]);
    }
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c)
            paintCell(p, g, r, c, lit.contains(key(index, r, c)));
    if (g.focusRow >= 0 && g.focusRow < g.rows && g.cols > 0) {  // the row the text talks about, seen from the back
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(kFocus, 5));
        p.drawRoundedRect(g.cellRect(g.focusRow, 0).united(g.cellRect(g.focusRow, g.cols - 1)).adjusted(-2, -2, 2, 2), 6, 6);
    }
    if (m_cursor.first == index && hasFocus()) {  // the keyboard cursor: a thick blue frame
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0, 90, 200), 5));
        p.drawRoundedRect(g.cellRect(m_cursor.second / g.cols, m_cursor.second % g.cols).adjusted(-2, -2, 2, 2), 6, 6);
    }
    p.setPen(kInk);
    QFont big = font;
    big.setPixelSize(int(font.pixelSize() * 1.4));
    p.setFont(big);
    if (g.moreCols)
        p.drawText(QRectF(g.cellsRect.left() + g.cols * g.cellW, g.cellsRect.top(), 34, g.rows * g.cellH), Qt::AlignCenter,
                   QStringLiteral("…"));
    if (g.moreRows)
        p.drawText(QRectF(g.cellsRect.left(), g.cellsRect.top() + g.rows * g.cellH, g.cols * g.cellW, 27), Qt::AlignCenter,
                   QStringLiteral("⋮"));
}

void LessonStage::paintCell(QPainter& p, const StageGrid& g, int r, int c, bool lit) const {
    const StageCell& cell = g.at(r, c);
    const QRectF rect = g.cellRect(r, c).adjusted(2, 2, -2, -2);
    const double fill = cellFill(cell, m_controller->progress());
    p.setPen(Qt::NoPen);
    p.setBrush(kEmpty);
    p.drawRoundedRect(rect, 4, 4);
    if (fill > 0 && g.plain) {  // a word: ink on the grey cell
        QColor ink = kInk;
        ink.setAlphaF(fill);
        p.setPen(ink);
        p.setFont(stageFont());
        p.drawText(rect, Qt::AlignCenter, cell.text);
    } else if (fill > 0 && cell.masked) {  // −∞ from a mask: no colour of the scale, a hatched grey
        p.setBrush(QBrush(QColor(160, 160, 160), Qt::BDiagPattern));
        p.drawRoundedRect(rect, 4, 4);
        QColor ink = kInk;
        ink.setAlphaF(fill);
        p.setPen(ink);
        p.setFont(stageFont());
        p.drawText(rect, Qt::AlignCenter, cell.text);
    } else if (fill > 0) {
        const QColor colour = colorForValue(g.colors, cell.value, g.lo, g.hi);
        QColor ink = g.bars ? kInk : textColorOn(colour);
        if (g.bars) {
            const double share = std::clamp(cell.value, 0.0, 1.0) * fill;
            const double barTop = rect.bottom() - (rect.height() - 30) * share;
            p.setBrush(colour);
            p.drawRoundedRect(QRectF(rect.left() + 8, barTop, rect.width() - 16, rect.bottom() - barTop), 3, 3);
            ink.setAlphaF(fill);
            p.setPen(ink);
            p.setFont(stageFont());
            p.drawText(QRectF(rect.left(), barTop - 28, rect.width(), 26), Qt::AlignCenter, cell.text);
        } else {
            QColor bg = colour;
            bg.setAlphaF(fill);
            p.setBrush(bg);
            p.drawRoundedRect(rect, 4, 4);
            ink.setAlphaF(fill);
            p.setPen(ink);
            p.setFont(stageFont());
            p.drawText(rect, Qt::AlignCenter, cell.text);
        }
    }
    p.setBrush(Qt::NoBrush);
    if (lit) {
        p.setPen(QPen(kLit, 4));
        p.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 5, 5);
    } else if (cell.highlight && fill >= 1) {
        p.setPen(QPen(kInk, 2.5));
        p.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 5, 5);
    }
}

QPair<int, int> LessonStage::cellAt(const QPoint& pos) const {
    const QPointF logical = (QPointF(pos) - origin()) / scale();
    const StageScene& scene = m_controller->scene();
    for (int gi = 0; gi < scene.grids.size(); ++gi) {
        const StageGrid& g = scene.grids[gi];
        if (!g.cellsRect.contains(logical)) continue;
        const int c = int((logical.x() - g.cellsRect.left()) / g.cellW), r = int((logical.y() - g.cellsRect.top()) / g.cellH);
        if (r >= 0 && r < g.rows && c >= 0 && c < g.cols) return {gi, r * g.cols + c};
    }
    return {-1, -1};
}

QRect LessonStage::cellViewportRect(int grid, int cell) const {
    const StageGrid& g = m_controller->scene().grids[grid];
    const QRectF r = g.cellRect(cell / g.cols, cell % g.cols);
    return QRectF(origin() + r.topLeft() * scale(), r.size() * scale()).toRect();
}

QString LessonStage::describeCell(int grid, int cell) const {
    const StageScene& scene = m_controller->scene();
    if (grid < 0 || grid >= scene.grids.size() || cell < 0 || cell >= scene.grids[grid].cells.size()) return {};
    const StageCell& c = scene.grids[grid].cells[cell];
    const QString value = c.masked ? c.text : QString::number(c.value, 'g', 6).replace(QLatin1Char('-'), QChar(0x2212));
    QString source;
    if (!c.tensor.isEmpty()) {
        QString index;
        for (qint64 i : c.index) index += QStringLiteral("[%1]").arg(i);
        source = tr("%1%2 = %3 (indices from 0, as in PyTorch)").arg(c.tensor, index, value);
    } else {
        source = tr("computed on the way: %1").arg(value);
    }
    const QString first = c.arithmetic.isEmpty() ? c.text : c.arithmetic;
    return first + QLatin1Char('\n') + source;
}

void LessonStage::announce(const QString& description) {
    m_hovered = description;
    emit hoveredChanged(QString(description).replace(QLatin1Char('\n'), QStringLiteral("    ")));
    if (m_cursor.first >= 0) {
        setAccessibleDescription(description);
        QAccessibleEvent event(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&event);
    }
}

void LessonStage::resetCursor() {
    m_cursor = {-1, -1};
    changeEvent(nullptr);  // the general accessible description again
    m_hovered.clear();
    emit hoveredChanged({});  // the last step's hover text does not stay in the status bar
    viewport()->update();
}

bool LessonStage::moveCursor(int delta) {
    const StageScene& scene = m_controller->scene();
    QVector<QPair<int, int>> order;
    for (int g = 0; g < scene.grids.size(); ++g)
        for (int c = 0; c < scene.grids[g].cells.size(); ++c) order << qMakePair(g, c);
    if (order.isEmpty()) return false;
    const int at = int(order.indexOf(m_cursor));
    const int next = at < 0 ? (delta > 0 ? 0 : int(order.size()) - 1) : at + delta;
    if (next < 0 || next >= order.size()) return false;
    m_cursor = order[next];
    announce(describeCell(m_cursor.first, m_cursor.second));
    viewport()->update();
    return true;
}

void LessonStage::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Down || event->key() == Qt::Key_Up) {
        moveCursor(event->key() == Qt::Key_Down ? 1 : -1);
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

// Tab walks the numbers first and leaves the stage after the last one.
bool LessonStage::focusNextPrevChild(bool next) {
    if (hasFocus() && moveCursor(next ? 1 : -1)) return true;
    return QAbstractScrollArea::focusNextPrevChild(next);
}

void LessonStage::focusOutEvent(QFocusEvent* event) {
    QAbstractScrollArea::focusOutEvent(event);
    if (m_cursor.first >= 0) resetCursor();
}

void LessonStage::mouseMoveEvent(QMouseEvent* event) {
    const auto [grid, cell] = cellAt(event->position().toPoint());
    const QString text = describeCell(grid, cell);
    if (text != m_hovered) announce(text);
}

void LessonStage::leaveEvent(QEvent* event) {
    QAbstractScrollArea::leaveEvent(event);
    m_hovered.clear();
    emit hoveredChanged({});
}

bool LessonStage::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto [grid, cell] = cellAt(help->pos());
        const QString text = describeCell(grid, cell);
        if (text.isEmpty()) QToolTip::hideText();
        else QToolTip::showText(help->globalPos(), text, viewport(), cellViewportRect(grid, cell));
        return true;
    }
    if (event->type() == QEvent::Leave) leaveEvent(event);
    return QAbstractScrollArea::viewportEvent(event);
}

void LessonStage::changeEvent(QEvent* event) {
    if (event) QAbstractScrollArea::changeEvent(event);
    if (!event || event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Lesson stage"));
        setAccessibleDescription(tr("The numbers of the current step; hover a number, or press Tab or the Down "
                                    "arrow, to hear where it comes from."));
    }
}

}  // namespace alab::ui
