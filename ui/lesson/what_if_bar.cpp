// WhatIfBar (see what_if_bar.h).
#include "ui/lesson/what_if_bar.h"

#include "ui/lesson/lesson_controller.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace alab::ui {

WhatIfBar::WhatIfBar(LessonController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_title(new QLabel(this)), m_scale(new QCheckBox(this)),
      m_tLabel(new QLabel(this)), m_slider(new QSlider(Qt::Horizontal, this)), m_tValue(new QLabel(this)),
      m_reset(new QPushButton(this)) {
    setObjectName(QStringLiteral("whatIfBar"));
    m_scale->setObjectName(QStringLiteral("scaleScoresBox"));
    m_slider->setObjectName(QStringLiteral("temperatureSlider"));
    m_slider->setRange(0, 40);
    m_slider->setValue(20);
    m_slider->setMaximumWidth(260);
    m_tLabel->setBuddy(m_slider);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 2);
    layout->addWidget(m_title);
    layout->addWidget(m_scale);
    layout->addSpacing(16);
    layout->addWidget(m_tLabel);
    layout->addWidget(m_slider);
    layout->addWidget(m_tValue);
    layout->addWidget(m_reset);
    layout->addStretch(1);
    connect(m_scale, &QCheckBox::toggled, controller, &LessonController::setScaleScores);
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) { m_controller->setTemperature(temperatureAt(v)); });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        m_controller->setScaleScores(true);
        m_controller->setTemperature(1);
    });
    connect(controller, &LessonController::whatIfChanged, this, &WhatIfBar::sync);
    retranslate();
    sync();
}

double WhatIfBar::temperatureAt(int position) { return std::pow(10.0, (position - 20) / 20.0); }

void WhatIfBar::sync() {
    const QSignalBlocker a(m_scale), b(m_slider);
    m_scale->setChecked(m_controller->scalesScores());
    m_slider->setValue(int(std::lround(20 + 20 * std::log10(m_controller->temperature()))));
    m_tValue->setText(QStringLiteral("T = %1").arg(m_controller->temperature(), 0, 'f', 2));
}

void WhatIfBar::retranslate() {
    m_title->setText(tr("What if:"));
    m_scale->setText(tr("divide the scores by √dₖ"));
    m_scale->setToolTip(tr("Switch it off to see softmax give almost everything to one word"));
    m_tLabel->setText(tr("softmax &temperature"));
    m_slider->setAccessibleName(tr("Softmax temperature"));
    m_slider->setToolTip(tr("softmax(s / T): below 1 sharper shares, above 1 more even"));
    m_reset->setText(tr("As in the paper"));
}

void WhatIfBar::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

}  // namespace alab::ui
