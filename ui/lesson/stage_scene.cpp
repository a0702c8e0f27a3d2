// Layout of a StageScene (see stage_scene.h): sizes from text widths, then rows and columns placed
// left to right and top to bottom. Everything is in logical pixels; the stage scales the result.
#include "ui/lesson/stage_scene.h"

#include "ui/lesson/lesson_texts.h"

#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>

#include <algorithm>

namespace alab::ui {
namespace {

constexpr double kEllipsis = 34, kPadding = 16;

QFont scaledFont(double scale) {
    QFont f = stageFont();
    f.setPixelSize(std::max(1, int(f.pixelSize() * scale)));
    return f;
}

QFont smaller(const QFont& f) {
    QFont s = f;
    s.setPixelSize(std::max(1, int(f.pixelSize() * 0.68)));
    return s;
}

QSizeF textSize(const QString& text, double scale) {
    const QFont f = scaledFont(scale);
    return {richTextWidth(text, f) + 8, QFontMetricsF(f).height() * 1.15};
}

double naturalCellWidth(const StageGrid& g) {
    const QFontMetricsF fm(stageFont());
    double widest = 0;
    for (const StageCell& c : g.cells) widest = std::max(widest, fm.horizontalAdvance(c.text));
    for (const QString& l : g.colLabels) widest = std::max(widest, QFontMetricsF(scaledFont(g.labelScale)).horizontalAdvance(l));
    if (g.whole) return std::max(kCellH * 1.3, widest + kPadding * 0.75);  // a whole map: cells as narrow as their numbers
    return std::max(kCellW, widest + kPadding);
}

double rowLabelWidth(const StageGrid& g) {
    const QFontMetricsF fl(scaledFont(g.labelScale));
    double w = 0;
    for (const QString& l : g.rowLabels) w = std::max(w, fl.horizontalAdvance(l) + 12);
    return w;
}

QSizeF measureGrid(StageGrid& g) {
    const QFontMetricsF fm(stageFont());
    g.cellH = g.bars ? kCellH * 3.2 : kCellH;
    const double rowLabelW = std::max(g.labelW, rowLabelWidth(g));
    const double titleH = g.title.isEmpty() ? 0 : textSize(g.title, 1.15).height();
    const double colLabelH = g.colLabels.isEmpty() ? 0 : fm.height() * 1.4;
    const double cellsW = g.cols * g.cellW + (g.moreCols ? kEllipsis : 0);
    const double cellsH = g.rows * g.cellH + (g.moreRows ? kEllipsis * 0.8 : 0);
    const double width = rowLabelW + std::max(cellsW, g.title.isEmpty() ? 0.0 : textSize(g.title, 1.15).width());
    g.cellsRect = QRectF(rowLabelW, titleH + colLabelH, cellsW, cellsH);  // relative until placed
    return {width, titleH + colLabelH + cellsH};
}

QSizeF measure(StageNode& n, StageScene& scene) {
    QSizeF size;
    switch (n.kind) {
    case StageNode::Grid:
        size = measureGrid(scene.grids[n.grid]);
        break;
    case StageNode::Text:
        size = textSize(n.text, n.textScale);
        break;
    case StageNode::Row:
        for (StageNode& c : n.children) {
            const QSizeF s = measure(c, scene);
            size.rwidth() += s.width() + (size.width() > 0 ? kGap : 0);
            size.rheight() = std::max(size.height(), s.height());
        }
        break;
    case StageNode::Column:
        for (StageNode& c : n.children) {
            const QSizeF s = measure(c, scene);
            size.rheight() += s.height() + (size.height() > 0 ? kGap * 1.2 : 0);
            size.rwidth() = std::max(size.width(), s.width());
        }
        break;
    }
    n.rect = QRectF(QPointF(), size);
    return size;
}

void place(StageNode& n, QPointF topLeft, StageScene& scene) {
    n.rect.moveTopLeft(topLeft);
    if (n.kind == StageNode::Grid) {
        StageGrid& g = scene.grids[n.grid];
        g.rect = n.rect;
        g.cellsRect.translate(topLeft);
        return;
    }
    if (n.kind == StageNode::Row) {
        double x = topLeft.x();
        for (StageNode& c : n.children) {
            place(c, {x, topLeft.y() + (n.alignTop ? 0 : (n.rect.height() - c.rect.height()) / 2)}, scene);
            x += c.rect.width() + kGap;
        }
    } else if (n.kind == StageNode::Column) {
        double y = topLeft.y();
        for (StageNode& c : n.children) {
            const double dx = n.centered ? (n.rect.width() - c.rect.width()) / 2 : 0;
            place(c, {topLeft.x() + dx, y}, scene);
            y += c.rect.height() + kGap * 1.2;
        }
    }
}

}  // namespace

double richTextWidth(const QString& text, const QFont& font) {
    const QFontMetricsF fm(font), fs(smaller(font));
    double w = 0;
    for (const ScriptSegment& s : scriptSegments(text)) w += s.kind ? fs.horizontalAdvance(s.text) : fm.horizontalAdvance(s.text);
    return w;
}

void drawRichText(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font, Qt::Alignment align) {
    const QFont small = smaller(font);
    const QFontMetricsF fm(font), fs(small);
    const double width = richTextWidth(text, font);
    double x = align & Qt::AlignLeft ? rect.left() : align & Qt::AlignRight ? rect.right() - width : rect.center().x() - width / 2;
    const double baseline = rect.center().y() + (fm.ascent() - fm.descent()) / 2;
    for (const ScriptSegment& s : scriptSegments(text)) {
        painter.setFont(s.kind ? small : font);
        const double y = s.kind == ScriptSegment::Super ? baseline - fm.ascent() * 0.45
                         : s.kind == ScriptSegment::Sub ? baseline + fm.descent() * 0.9
                                                        : baseline;
        painter.drawText(QPointF(x, y), s.text);
        x += s.kind ? fs.horizontalAdvance(s.text) : fm.horizontalAdvance(s.text);
    }
    painter.setFont(font);
}

double cellFill(const StageCell& cell, double progress) {
    if (progress >= 1) return 1;
    if (cell.fade <= 0) return progress >= cell.appear ? 1 : 0;
    return std::clamp((progress - cell.appear) / cell.fade, 0.0, 1.0);
}

QRectF StageGrid::cellRect(int r, int c) const {
    return QRectF(cellsRect.left() + c * cellW, cellsRect.top() + r * cellH, cellW, cellH);
}

int StageScene::cellCount() const {
    int n = 0;
    for (const StageGrid& g : grids) n += int(g.cells.size());
    return n;
}

namespace {
int g_stagePixels = 17;  // one stage per window; presentation mode sets it for all of them
}  // namespace

void setStageFontPixels(int pixels) { g_stagePixels = pixels; }

QFont stageFont() {
    QFont f(QStringLiteral("Noto Sans"));
    f.setPixelSize(g_stagePixels);
    f.setStyleHint(QFont::SansSerif);
    return f;
}

void layoutScene(StageScene& scene) {
    QHash<int, double> groupWidth, groupLabel;
    for (const StageGrid& g : scene.grids)
        if (g.widthGroup >= 0) {
            groupWidth[g.widthGroup] = std::max(groupWidth.value(g.widthGroup), naturalCellWidth(g));
            groupLabel[g.widthGroup] = std::max(groupLabel.value(g.widthGroup), rowLabelWidth(g));
        }
    for (StageGrid& g : scene.grids) {
        g.cellW = g.widthGroup >= 0 ? groupWidth[g.widthGroup] : naturalCellWidth(g);
        g.labelW = g.widthGroup >= 0 ? groupLabel[g.widthGroup] : 0;
    }
    scene.size = measure(scene.root, scene);
    place(scene.root, QPointF(0, 0), scene);
    scene.alternative = false;
}

double fitScale(const QSizeF& size, const QSizeF& room, double maxScale) {
    return std::min({room.width() / size.width(), room.height() / size.height(), maxScale});
}

bool arrangeScene(StageScene& scene, const QSizeF& room, double maxScale) {
    if (scene.altRoot.children.isEmpty() || room.isEmpty()) return false;
    const QSizeF first = measure(scene.root, scene), other = measure(scene.altRoot, scene);
    const bool useOther = fitScale(other, room, maxScale) > fitScale(first, room, maxScale) * 1.05;  // the usual form unless the other is clearly larger
    StageNode& chosen = useOther ? scene.altRoot : scene.root;
    scene.size = measure(chosen, scene);
    place(chosen, QPointF(0, 0), scene);
    const bool changed = useOther != scene.alternative;
    scene.alternative = useOther;
    return changed;
}

StageNode rowNode(QVector<StageNode> children, bool alignTop) {
    StageNode n;
    n.kind = StageNode::Row;
    n.children = std::move(children);
    n.alignTop = alignTop;
    return n;
}

StageNode columnNode(QVector<StageNode> children, bool centered) {
    StageNode n;
    n.kind = StageNode::Column;
    n.children = std::move(children);
    n.centered = centered;
    return n;
}

StageNode gridNode(int grid) {
    StageNode n;
    n.kind = StageNode::Grid;
    n.grid = grid;
    return n;
}

StageNode textNode(const QString& text, double appear, double scale) {
    StageNode n;
    n.kind = StageNode::Text;
    n.text = text;
    n.appear = appear;
    n.textScale = scale;
    return n;
}

}  // namespace alab::ui
