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
    /// The point size at zoom 1 (the lesson view derives it from its height).
    void setBasePointSize(double pointSize);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    void follow(int step);
    void applyFont();  // the base size times the controller's zoom
    void fitRows();

    LessonController* m_controller;
    double m_basePointSize;
};

}  // namespace alab::ui
