// The lesson's table of contents: one line per step ("3. Scores: …"); clicking a line (or Enter)
// jumps there. Follows the controller's current step and the language.
#pragma once

#include <QListWidget>

namespace alab::ui {

class LessonController;

class StepList : public QListWidget {
    Q_OBJECT
public:
    explicit StepList(LessonController* controller, QWidget* parent = nullptr);
    void setZoom(double zoom);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void follow(int step);

    LessonController* m_controller;
    int m_basePointSize;
};

}  // namespace alab::ui
