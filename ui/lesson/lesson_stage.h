// The stage: paints the current step's scene (grids of numbered cells, operators, growing bars) at
// the controller's animation progress, scaled to fit; the zoom enlarges it up to the whole room (it
// re-fits instead of scrolling) or shrinks it.
// Hovering a number shows its arithmetic (1-based symbols) and its tensor name and index (from 0, as
// in PyTorch) as a tooltip and in hoveredChanged() for the status bar. With the keyboard, Tab /
// Shift+Tab or Up / Down move a cursor over the numbers; the same details go to the status bar and
// to the stage's accessible description, so a screen reader reads them.
#pragma once

#include "ui/lesson/stage_scene.h"

#include <QAbstractScrollArea>
#include <QSet>

namespace alab::ui {

class LessonController;

class LessonStage : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit LessonStage(LessonController* controller, QWidget* parent = nullptr);

    /// The cell under a viewport position: {grid, cell index} or {-1, -1}.
    QPair<int, int> cellAt(const QPoint& viewportPos) const;
    /// Where a cell is drawn, in viewport coordinates.
    QRect cellViewportRect(int grid, int cell) const;
    /// "q₁·k₂ = … = 96" and, on a second line, "encoder.0.self_attn.scores[0][0][1] = 96 (…from 0…)".
    QString describeCell(int grid, int cell) const;
    /// The keyboard cursor: {grid, cell}, or {-1, -1} when none.
    QPair<int, int> cursor() const { return m_cursor; }
    /// Moves the keyboard cursor by `delta` cells in reading order; false at either end.
    bool moveCursor(int delta);
    double scale() const;

    QSize sizeHint() const override;

signals:
    void hoveredChanged(const QString& description);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void updateScrollBars();
    void scrollToFocus();  // when zoomed in, bring the cells the step is about into view
    QPointF origin() const;  // viewport position of the scene's (0, 0)
    void paintGrid(QPainter& p, int index, const QSet<quint64>& lit) const;
    void paintCell(QPainter& p, const StageGrid& g, int r, int c, bool lit) const;
    void paintTexts(QPainter& p, const StageNode& node) const;
    void paintLinks(QPainter& p) const;
    QSet<quint64> litCells() const;
    void announce(const QString& description);  // status bar and accessible description
    void resetCursor();

    LessonController* m_controller;
    QString m_hovered;
    QPair<int, int> m_cursor{-1, -1};
};

}  // namespace alab::ui
