// What the lesson stage draws for one step, as plain data: grids of numbered cells (each cell knows
// the tensor and index it came from and how it was computed) arranged in a tree of rows and columns,
// with the moment each item appears during the step's animation (progress 0 → 1). The stage paints
// a scene at a given progress, so the picture is a function of (step, progress), never accumulated.
#pragma once

#include "ui/common/color_maps.h"

#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

class QFont;
class QPainter;

namespace alab::ui {

struct StageCell {
    QString tensor;         // dotted trace name (or weight name); empty for a derived number
    QVector<qint64> index;  // into that tensor
    double value = 0;
    QString text;           // as drawn
    QString arithmetic;     // how it was made, for the tooltip
    bool fromTrace = false; // value is tensor[index] of the trace
    bool masked = false;    // −∞ from a mask: grey, outside the colour scale
    double appear = 0;      // progress at which it starts to fill in
    double fade = 0.08;     // progress it takes to fill in
    bool highlight = false;
    // While the cell fills in, these source cells are lit (row or col -1: the whole column / row).
    struct Source {
        int grid, row, col;
    };
    QVector<Source> sweep;
};

struct StageGrid {
    QString title;          // above the grid, e.g. "Q" or "α₁ⱼ"
    QStringList rowLabels;  // left of the rows (words, x₁ …), may be empty
    QStringList colLabels;  // above the columns, may be empty
    int rows = 0, cols = 0; // cells shown
    bool moreRows = false, moreCols = false;  // draw ⋮ below / … right
    QString moreNote;       // tooltip of the ellipsis, e.g. "64 numbers in all"
    QVector<StageCell> cells;  // rows * cols, row-major
    ColorMapKind colors = ColorMapKind::BlueOrange;
    double lo = -1, hi = 1;    // colour range
    bool bars = false;         // shares drawn as growing bars
    int widthGroup = -1;       // grids of one group get one cell width, so their columns line up
    bool rowsAreWords = true, colsAreWords = false;  // core's SceneAxis: which cell limit cuts each axis
    bool whole = false;        // never cut to fewer cells: drawn smaller instead, with narrower cells
    int focusRow = -1;         // framed: the row the step's text talks about (-1: none)
    double labelScale = 1.1;   // row and column labels' size relative to the numbers
    bool plain = false;        // cells hold words: ink on grey, no colour scale
    // layout results (logical pixels)
    QRectF rect;               // the whole grid with labels
    QRectF cellsRect;          // the cell area
    double cellW = 0, cellH = 0, labelW = 0;

    StageCell& at(int r, int c) { return cells[r * cols + c]; }
    const StageCell& at(int r, int c) const { return cells[r * cols + c]; }
    QRectF cellRect(int r, int c) const;
};

struct StageNode {
    enum Kind { Row, Column, Grid, Text };
    Kind kind = Row;
    QVector<StageNode> children;
    bool centered = true;   // Column: centre children (else left-align)
    bool alignTop = false;  // Row: children at the top (else centred vertically)
    int grid = -1;          // Grid: index into StageScene::grids
    QString text;           // Text
    double textScale = 1.3; // Text: relative to the number font
    double appear = 0;      // Text: progress at which it fades in
    QRectF rect;            // layout result
};

/// A line from the right edge of one cell to the left edge of another, behind the cells.
struct StageLink {
    int fromGrid = 0, fromRow = 0, fromCol = 0;
    int toGrid = 0, toRow = 0, toCol = 0;
    double appear = 0;  // progress at which it is drawn
};

struct StageScene {
    QVector<StageGrid> grids;
    QVector<StageLink> links;
    StageNode root;
    StageNode altRoot;      // optional: the same grids arranged otherwise (taller or wider)
    bool alternative = false;  // altRoot is the one laid out
    int durationMs = 3000;  // at 1× speed
    QSizeF size;            // after layoutScene

    /// Every cell, with its grid, for tests and hit-testing.
    int cellCount() const;
    /// The root whose layout the grids hold.
    const StageNode& laidOut() const { return alternative ? altRoot : root; }
};

/// How far a cell has filled in at `progress` (0 … 1); every cell is full at progress 1.
double cellFill(const StageCell& cell, double progress);

/// Logical metrics: a number cell is about kCellW × kCellH at scale 1.
constexpr double kCellW = 66, kCellH = 38, kGap = 16;
/// The stage never draws a scene larger than this (before the zoom), however much room it has.
constexpr double kMaxSceneScale = 2.5;

/// The font numbers are drawn in at scale 1.
QFont stageFont();
/// Its pixel size at scale 1: 17, or larger in presentation mode so that the numbers fill their cells.
void setStageFontPixels(int pixels);

/// The scale at which `size` fits in `room`, never above `maxScale`: the one rule by which the
/// stage draws a scene and arrangeScene picks the arrangement drawn larger.
double fitScale(const QSizeF& size, const QSizeF& room, double maxScale);

/// Computes every node's and grid's rect from text widths (the wide root); sets scene.size.
void layoutScene(StageScene& scene);
/// Lays out whichever root (root or altRoot) can be drawn larger in `room` (logical pixels of the
/// viewport), neither ever above `maxScale`. Returns true if that changed the layout.
bool arrangeScene(StageScene& scene, const QSizeF& room, double maxScale);

StageNode rowNode(QVector<StageNode> children, bool alignTop = false);
StageNode columnNode(QVector<StageNode> children, bool centered = true);
StageNode gridNode(int grid);
StageNode textNode(const QString& text, double appear = 0, double scale = 1.3);

/// Text with "^X" / "^(…)" superscripts and "_x" subscripts: its width, and drawing it.
double richTextWidth(const QString& text, const QFont& font);
void drawRichText(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font, Qt::Alignment align);

}  // namespace alab::ui
