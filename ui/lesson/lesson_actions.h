// The lesson's keyboard and button commands as QActions, so a presentation clicker works: Space
// play/pause; → / PageDown next; ← / PageUp back; Home / End; Ctrl + / Ctrl − / Ctrl 0 zoom.
// The transport bar's buttons show these same actions.
#pragma once

#include <QObject>

class QAction;

namespace alab::ui {

class LessonController;

class LessonActions : public QObject {
    Q_OBJECT
public:
    LessonActions(LessonController* controller, QObject* parent);

    QAction* first;
    QAction* previous;
    QAction* playPause;
    QAction* next;
    QAction* last;
    QAction* zoomIn;
    QAction* zoomOut;
    QAction* zoomReset;

    QList<QAction*> all() const;
    /// Texts and tooltips in the current language (called on QEvent::LanguageChange).
    void retranslate();

private:
    void updatePlayIcon(bool playing);
    LessonController* m_controller;
};

}  // namespace alab::ui
