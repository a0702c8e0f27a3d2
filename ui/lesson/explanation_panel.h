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
    /// The body text's point size at zoom 1 (the lesson view derives it from its height).
    void setBasePointSize(double pointSize);
    /// The height the longest step's explanation needs at `width` in the base font (zoom 1).
    int preferredHeight(int width) const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();
    QString html(int step) const;
    void fitFont();  // the base size times the controller's zoom, shrunk (to 65 % at most) until it fits

    LessonController* m_controller;
    double m_basePointSize;
};

}  // namespace alab::ui
