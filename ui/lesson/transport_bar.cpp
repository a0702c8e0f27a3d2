// TransportBar (see transport_bar.h).
#include "ui/lesson/transport_bar.h"

#include "ui/lesson/lesson_actions.h"
#include "ui/lesson/lesson_controller.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>

namespace alab::ui {
namespace {

const double kSpeeds[] = {0.25, 0.5, 1, 1.5, 2, 4};

}  // namespace

TransportBar::TransportBar(LessonController* controller, LessonActions* actions, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_speed(new QComboBox(this)), m_slider(new QSlider(Qt::Horizontal, this)),
      m_position(new QLabel(this)), m_speedLabel(new QLabel(this)) {
    setObjectName(QStringLiteral("transportBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    for (QAction* a : {actions->first, actions->previous, actions->playPause, actions->next, actions->last}) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setIconSize(QSize(28, 28));
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::StrongFocus);
        layout->addWidget(b);
    }
    layout->addSpacing(12);
    layout->addWidget(m_speedLabel);
    for (double s : kSpeeds) m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    m_speed->setCurrentIndex(2);
    m_speed->setObjectName(QStringLiteral("speedBox"));
    m_speedLabel->setBuddy(m_speed);
    layout->addWidget(m_speed);
    layout->addSpacing(12);
    m_slider->setObjectName(QStringLiteral("stepSlider"));
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setPageStep(1);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_position);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this](int i) { m_controller->setSpeed(m_speed->itemData(i).toDouble()); });
    connect(controller, &LessonController::speedChanged, this, &TransportBar::refresh);
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        if (v != m_controller->step()) m_controller->setStep(v, false);
    });
    connect(controller, &LessonController::stepChanged, this, &TransportBar::refresh);
    connect(controller, &LessonController::lessonChanged, this, &TransportBar::refresh);
    retranslate();
}

void TransportBar::refresh() {
    const QSignalBlocker b1(m_slider), b2(m_speed);
    m_slider->setRange(0, std::max(0, m_controller->stepCount() - 1));
    m_slider->setValue(m_controller->step());
    const int i = m_speed->findData(m_controller->speed());
    if (i >= 0) m_speed->setCurrentIndex(i);
    m_position->setText(tr("Step %1 of %2").arg(m_controller->step() + 1).arg(m_controller->stepCount()));
}

void TransportBar::retranslate() {
    m_speedLabel->setText(tr("&Speed:"));
    m_speed->setAccessibleName(tr("Animation speed"));
    m_slider->setAccessibleName(tr("Lesson progress"));
    m_slider->setToolTip(tr("Drag to move through the steps"));
    refresh();
}

void TransportBar::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

}  // namespace alab::ui
