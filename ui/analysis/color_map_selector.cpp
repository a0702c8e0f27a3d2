// ColorMapSelector (see color_map_selector.h).
#include "ui/analysis/color_map_selector.h"

#include <QEvent>
#include <QSettings>

namespace alab::ui {
namespace {
const char* kSettingsKey = "analysis/colorMap";
}

ColorMapSelector::ColorMapSelector(QWidget* parent) : QComboBox(parent) {
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);  // the list may be wider than the box
    setMinimumContentsLength(16);
    addItem(QString(), QStringLiteral("auto"));
    addItem(QString(), QStringLiteral("viridis"));
    addItem(QString(), QStringLiteral("blue-orange"));
    retranslate();
    const int saved = findData(QSettings().value(QLatin1String(kSettingsKey), QStringLiteral("auto")).toString());
    setCurrentIndex(saved < 0 ? 0 : saved);
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(QLatin1String(kSettingsKey), currentData().toString());
        emit choiceChanged();
    });
}

ColorMapKind ColorMapSelector::mapFor(const HeatmapData& data) const {
    const QString key = currentData().toString();
    if (key == QLatin1String("viridis")) return ColorMapKind::Viridis;
    if (key == QLatin1String("blue-orange")) return ColorMapKind::BlueOrange;
    return defaultColorMap(data);
}

void ColorMapSelector::retranslate() {
    setItemText(0, tr("Colours: automatic"));
    setItemText(1, tr("Colours: viridis (sequential)"));
    setItemText(2, tr("Colours: blue–orange (diverging, 0 = white)"));
    setToolTip(tr("Both maps stay readable for colour-blind viewers. Automatic uses viridis for "
                  "non-negative values and blue–orange for signed ones."));
}

void ColorMapSelector::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QComboBox::changeEvent(event);
}

}  // namespace alab::ui
