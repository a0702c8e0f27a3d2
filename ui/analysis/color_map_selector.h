// A combo box for the heatmap colour map: automatic (sequential for non-negative values, diverging
// for signed ones), viridis, or blue–orange. The choice is remembered across runs in QSettings.
#pragma once

#include "ui/analysis/heatmap_source.h"

#include <QComboBox>

namespace alab::ui {

class ColorMapSelector : public QComboBox {
    Q_OBJECT
public:
    explicit ColorMapSelector(QWidget* parent = nullptr);
    /// The map to use for `data` under the current choice.
    ColorMapKind mapFor(const HeatmapData& data) const;
    bool isAutomatic() const { return currentIndex() == 0; }

signals:
    void choiceChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
};

}  // namespace alab::ui
