// LessonMenu (see lesson_menu.h).
#include "ui/lesson/lesson_menu.h"

#include "core/lessons/registry.h"
#include "ui/lesson/lesson_controller.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QEvent>

namespace alab::ui {

LessonMenu::LessonMenu(LessonController* controller, QWidget* parent) : QMenu(parent), m_controller(controller) {
    setObjectName(QStringLiteral("menuLessons"));
    auto* group = new QActionGroup(this);
    for (const core::LessonEntry& e : core::lessonRegistry()) {
        QAction* a = addAction(QString());
        a->setObjectName(QStringLiteral("actionLesson_") + QString::fromStdString(e.id));
        a->setCheckable(true);
        group->addAction(a);
        const std::string id = e.id;
        connect(a, &QAction::triggered, this, [this, id] {
            m_controller->setLesson(id);
            emit chosen();
        });
        m_items << a;
    }
    connect(controller, &LessonController::lessonChanged, this, &LessonMenu::showCurrent);
    retranslate();
    showCurrent();
}

void LessonMenu::retranslate() {
    setTitle(tr("Less&ons"));
    const auto& lessons = core::lessonRegistry();
    for (int i = 0; i < m_items.size(); ++i)
        m_items[i]->setText(QStringLiteral("&%1  %2").arg(i + 1).arg(QCoreApplication::translate("Lesson", lessons[size_t(i)].title.c_str())));
}

void LessonMenu::showCurrent() {
    const auto& lessons = core::lessonRegistry();
    for (int i = 0; i < m_items.size(); ++i) m_items[i]->setChecked(lessons[size_t(i)].id == m_controller->lessonId());
}

void LessonMenu::changeEvent(QEvent* event) {
    QMenu::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

}  // namespace alab::ui
