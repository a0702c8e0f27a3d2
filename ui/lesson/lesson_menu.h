// The lesson picker: a menu of every lesson of core's registry, in course order, numbered, with the
// shown one checked. Choosing one switches the lesson view (LessonController::setLesson) on the
// trace it already has. Titles are core's English sources translated in context "Lesson".
#pragma once

#include <QMenu>

namespace alab::ui {

class LessonController;

class LessonMenu : public QMenu {
    Q_OBJECT
public:
    explicit LessonMenu(LessonController* controller, QWidget* parent = nullptr);

signals:
    /// A lesson was chosen from the menu (after the controller switched to it).
    void chosen();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showCurrent();

    LessonController* m_controller;
    QList<QAction*> m_items;  // one per registry entry, in its order
};

}  // namespace alab::ui
