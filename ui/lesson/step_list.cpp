// StepList (see step_list.h).
#include "ui/lesson/step_list.h"

#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_texts.h"

#include <QEvent>

namespace alab::ui {

StepList::StepList(LessonController* controller, QWidget* parent)
    : QListWidget(parent), m_controller(controller), m_basePointSize(std::max(13, font().pointSize() + 4)) {
    setObjectName(QStringLiteral("stepList"));
    setWordWrap(true);
    setSpacing(3);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setZoom(1);
    connect(controller, &LessonController::lessonChanged, this, &StepList::rebuild);
    connect(controller, &LessonController::stepChanged, this, &StepList::follow);
    connect(controller, &LessonController::zoomChanged, this, &StepList::setZoom);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { m_controller->setStep(row(item), true); });
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { m_controller->setStep(row(item), true); });
    rebuild();
    changeEvent(nullptr);
}

void StepList::rebuild() {
    const QSignalBlocker block(this);
    const core::Lesson& lesson = m_controller->lesson();
    if (count() != int(lesson.steps.size())) {
        clear();
        for (size_t i = 0; i < lesson.steps.size(); ++i) addItem(QString());
    }
    for (int i = 0; i < count(); ++i)
        item(i)->setText(QStringLiteral("%1.  %2").arg(i + 1).arg(stepTitle(lesson.steps[size_t(i)])));
    setCurrentRow(m_controller->step());
}

void StepList::follow(int step) {
    const QSignalBlocker block(this);
    setCurrentRow(step);
}

void StepList::setZoom(double zoom) {
    QFont f = font();
    f.setPointSizeF(m_basePointSize * zoom);
    setFont(f);
}

void StepList::changeEvent(QEvent* event) {
    if (event) QListWidget::changeEvent(event);
    if (!event || event->type() == QEvent::LanguageChange) {
        rebuild();
        setAccessibleName(tr("Lesson steps"));
    }
}

}  // namespace alab::ui
