// AttentionView: the "Attention heatmap" tab. Selectors for attention kind (encoder self, decoder
// self, cross), layer, head and what to show (weights, scaled or raw scores), a colour-map choice,
// the heatmap itself, the value under the mouse, and the explanation of a clicked weight. Under lean
// capture the head's map is recomputed off the GUI thread, the readout saying so meanwhile.
#pragma once

#include "ui/analysis/heatmap_source.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace alab::ui {

class ColorMapSelector;
class HeatmapPlot;
class TraceSession;
class WeightExplainer;

class AttentionView : public QWidget {
    Q_OBJECT
public:
    explicit AttentionView(TraceSession* session, QWidget* parent = nullptr);

    HeatmapPlot* plot() const { return m_plot; }
    WeightExplainer* explainer() const { return m_explainer; }
    AttentionKind kind() const;
    int layer() const;
    int head() const;
    /// True while a lean trace's map is being recomputed for the plot.
    bool isComputing() const { return m_computing; }

public slots:
    /// Selects one map (as a click in the all-heads grid does).
    void showHead(alab::ui::AttentionKind kind, int layer, int head);
    /// Asks where and how, then exports the map shown. Errors are shown, never thrown.
    void exportCurrent();

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildSelectors();
    void refresh();
    void showMap(const QString& error, HeatmapData&& data);
    void explainCell(int row, int col);
    void retranslate();

    TraceSession* m_session;
    QComboBox* m_kind;
    QComboBox* m_layer;
    QComboBox* m_head;
    QComboBox* m_part;
    ColorMapSelector* m_colors;
    QPushButton* m_export;
    QPushButton* m_reset;
    HeatmapPlot* m_plot;
    WeightExplainer* m_explainer;
    QLabel* m_hover;
    QLabel* m_kindLabel;
    QLabel* m_layerLabel;
    QLabel* m_headLabel;
    bool m_rebuilding = false;
    bool m_computing = false;
    quint64 m_request = 0;  // the newest map asked for; an older background result is dropped
};

}  // namespace alab::ui
