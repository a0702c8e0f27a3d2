// AllHeadsView: the "All heads" tab, a layers x heads grid of one attention kind (the overview
// BertViz users know) drawn from lookup-table images so it stays quick for long inputs. All
// thumbnails share one colour range; a click opens that head in the heatmap tab.
#pragma once

#include "ui/analysis/heatmap_source.h"

#include <QFuture>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QSlider;

namespace alab::ui {

class ColorMapSelector;
class HeadGridWidget;
class TraceSession;

class AllHeadsView : public QWidget {
    Q_OBJECT
public:
    explicit AllHeadsView(TraceSession* session, QWidget* parent = nullptr);
    ~AllHeadsView() override;
    /// True while heads of a long input are still being computed (the grid fills progressively).
    bool isFilling() const { return m_filling.isRunning(); }

    HeadGridWidget* grid() const { return m_grid; }
    AttentionKind kind() const;
    void setKind(AttentionKind kind);

public slots:
    /// Asks for a folder and format, then writes every layer x head and index.json.
    void exportAllHeads();

signals:
    void headActivated(alab::ui::AttentionKind kind, int layer, int head);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitThumbnails();
    void rebuildKinds();
    void refresh();
    void fillInBackground(std::shared_ptr<const Snapshot> snap, int layers, int heads, ColorMapKind map,
                          double lo, double hi);
    void retranslate();

    TraceSession* m_session;
    QComboBox* m_kind;
    ColorMapSelector* m_colors;
    QSlider* m_zoom;
    QPushButton* m_export;
    QLabel* m_hint;
    QLabel* m_readout;  // the head under the keyboard's focus frame
    QLabel* m_kindLabel;
    QScrollArea* m_scroll;
    HeadGridWidget* m_grid;
    bool m_userZoom = false;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);  // the running fill stops
    QFuture<void> m_filling;  // the slider was moved: stop fitting thumbnails to the window
};

}  // namespace alab::ui
