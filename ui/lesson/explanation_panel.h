// The explanation of the current step: its title, the whole attention formula with the step's
// terms highlighted, the step's own formula, and its text with the numbers of the current trace.
#pragma once

#include <QTextBrowser>

namespace alab::ui {

class LessonController;

class ExplanationPanel : public QTextBrowser {
    Q_OBJECT
public:
    explicit ExplanationPanel(LessonController* controller, QWidget* parent = nullptr);
    void setZoom(double zoom);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    LessonController* m_controller;
    double m_basePointSize;
};

}  // namespace alab::ui
