// The lesson tab: the step list on the left; the stage, the explanation and the transport bar in
// the middle; the sentence bar below. Owns the LessonController and its LessonActions; the keys
// work whenever this tab is visible. Text sizes follow the view's height (for a projector) and
// the controller's zoom.
#pragma once

#include <QLabel>

#include <QWidget>

class QSplitter;

namespace alab::ui {

class ExplanationPanel;
class LessonActions;
class LessonController;
class LessonStage;
class SentenceBar;
class StepList;
class TraceSession;
class TransportBar;
class WhatIfBar;

class LessonView : public QWidget {
    Q_OBJECT
public:
    explicit LessonView(TraceSession* session, QWidget* parent = nullptr);
    ~LessonView() override;  // leaves the stage font and cell limit (process-wide) as outside presentation mode

    LessonController* controller() const { return m_controller; }
    LessonActions* actions() const { return m_actions; }
    LessonStage* stage() const { return m_stage; }
    StepList* stepList() const { return m_steps; }
    ExplanationPanel* explanation() const { return m_explanation; }
    TransportBar* transport() const { return m_transport; }
    SentenceBar* sentenceBar() const { return m_sentence; }
    QLabel* caption() const { return m_caption; }
    WhatIfBar* whatIfBar() const { return m_whatIf; }

    /// Presentation mode: only the stage and a slim caption (step number and title).
    void setPresentation(bool on);
    bool isPresentation() const { return m_presentation; }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void arrange();
    void updateCaption();
    void showWhatIf();

    LessonController* m_controller;
    LessonActions* m_actions;
    LessonStage* m_stage;
    StepList* m_steps;
    ExplanationPanel* m_explanation;
    TransportBar* m_transport;
    SentenceBar* m_sentence;
    QSplitter* m_centre;
    QSplitter* m_split;
    QLabel* m_caption;
    WhatIfBar* m_whatIf;
    bool m_presentation = false;
    bool m_userSized = false;  // the teacher moved a splitter: keep their sizes
};

}  // namespace alab::ui
