// The stage: paints the current step's scene (grids of numbered cells, operators, growing bars) at
// the controller's animation progress, scaled to fit and then by the zoom (scrolling when larger).
// Hovering a number shows its dotted tensor name, index and arithmetic as a tooltip and in
// hoveredChanged() for the status bar.
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
    /// "encoder.0.self_attn.scores[0][0][1] = 96" plus its arithmetic on a second line.
    QString describeCell(int grid, int cell) const;
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

private:
    void updateScrollBars();
    void scrollToFocus();  // when zoomed in, bring the cells the step is about into view
    QPointF origin() const;  // viewport position of the scene's (0, 0)
    void paintGrid(QPainter& p, int index, const QSet<quint64>& lit) const;
    void paintCell(QPainter& p, const StageGrid& g, int r, int c, bool lit) const;
    void paintTexts(QPainter& p, const StageNode& node) const;
    QSet<quint64> litCells() const;

    LessonController* m_controller;
    QString m_hovered;
};

}  // namespace alab::ui
