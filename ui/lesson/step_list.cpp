// StepList (see step_list.h).
#include "ui/lesson/step_list.h"

#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_texts.h"
#include "ui/lesson/title_wrap.h"

#include <QEvent>

namespace alab::ui {

StepList::StepList(LessonController* controller, QWidget* parent)
    : QListWidget(parent), m_controller(controller), m_basePointSize(std::max(13.0, font().pointSizeF() + 4)) {
    setObjectName(QStringLiteral("stepList"));
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setSpacing(3);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    applyFont();
    connect(controller, &LessonController::lessonChanged, this, &StepList::rebuild);
    connect(controller, &LessonController::stepChanged, this, &StepList::follow);
    connect(controller, &LessonController::zoomChanged, this, &StepList::applyFont);
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
        item(i)->setData(Qt::UserRole, QStringLiteral("%1.  %2").arg(i + 1).arg(stepTitle(lesson.steps[size_t(i)])));
    fitRows();
    setCurrentRow(m_controller->step());
}

void StepList::follow(int step) {
    const QSignalBlocker block(this);
    setCurrentRow(step);
}

void StepList::setBasePointSize(double pointSize) {
    m_basePointSize = pointSize;
    applyFont();
}

void StepList::applyFont() {
    QFont f = font();
    f.setPointSizeF(m_basePointSize * m_controller->zoom());
    setFont(f);
    fitRows();
}

// Qt's own measure of a wrapped row goes wrong with subscript glyphs from a fallback font. Chinese
// titles break after their punctuation (title_wrap.h), not inside a word.
void StepList::fitRows() {
    const QFontMetrics fm(font());
    const int width = viewport()->width() - 2 * spacing() - 10;
    for (int i = 0; i < count(); ++i) {
        item(i)->setText(wrapTitle(item(i)->data(Qt::UserRole).toString(), fm, std::max(40, width) - 8));
        const QRect r = fm.boundingRect(QRect(0, 0, std::max(40, width), 10000), Qt::TextWordWrap, item(i)->text());
        item(i)->setSizeHint(QSize(std::max(40, width), r.height() + 6));
    }
    doItemsLayout();
}

void StepList::resizeEvent(QResizeEvent* event) {
    QListWidget::resizeEvent(event);
    fitRows();
}

void StepList::changeEvent(QEvent* event) {
    if (event) QListWidget::changeEvent(event);
    if (!event || event->type() == QEvent::LanguageChange) {
        rebuild();
        setAccessibleName(tr("Lesson steps"));
    }
}

}  // namespace alab::ui
