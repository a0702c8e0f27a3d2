// The architecture map tab: the paper's Figure 1 drawn from the loaded model's config (core's
// buildArchitectureMap), with the blocks of the shown lesson outlined. Clicking a block opens its
// lesson from the registry; a block whose lesson is not registered yet is drawn but not clickable,
// and lights up by itself once that lesson exists. Geometry only here: texts and numbers are core's.
#pragma once

#include "core/lessons/architecture_map.h"

#include <QWidget>

#include <vector>

class QPainter;
class QTabWidget;

namespace alab::ui {

class LessonController;
class LessonView;

class ArchitectureMapView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kHeadsTab = -2;  ///< blockAt(): the "h heads" tab of the encoder's attention

    explicit ArchitectureMapView(LessonController* controller, QWidget* parent = nullptr);

    const core::ArchitectureMap& map() const { return m_map; }
    /// Where block i is drawn (widget coordinates), or an empty rect.
    QRectF blockRect(int i) const;
    /// Where the heads tab is drawn, or an empty rect.
    QRectF headsTabRect() const;
    /// The block under `pos`, kHeadsTab, or −1.
    int blockAt(const QPointF& pos) const;
    /// The lesson a block (or kHeadsTab) opens, "" when its lesson is not registered.
    std::string openableLesson(int block) const;
    /// The blocks outlined as the shown lesson's.
    std::vector<int> highlighted() const;
    /// The text its tooltip shows.
    QString toolTipFor(int block) const;

signals:
    /// A block was clicked and its lesson is now the controller's.
    void lessonOpened(const QString& id);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    void rebuild();
    void paintHeader(QPainter& p);
    void paintStacks(QPainter& p);
    void paintArrows(QPainter& p);
    void paintBlocks(QPainter& p);
    void layoutBlocks();
    std::string lessonOf(int block) const;

    LessonController* m_controller;
    core::ArchitectureMap m_map;
    std::vector<QRectF> m_rects;  // one per block of m_map, widget coordinates
    QRectF m_stack[2];            // the N× boxes: encoder, decoder
    QRectF m_headsTab;
    double m_unit = 20;           // height of a big block, the measure of every font
    QRectF m_header;              // title and summary lines
};

/// Adds the map as a tab after the lesson's; a click switches to the lesson tab. Returns the view.
ArchitectureMapView* installArchitectureMap(QTabWidget* tabs, LessonView* lesson);

}  // namespace alab::ui
