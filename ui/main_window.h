// The main window: a tab widget whose first tab is the lesson and whose other tabs and docks come
// from the analysis views; menus File / View / Language / Help; a status bar naming the tensor under
// the mouse, with a busy indicator while a forward pass runs. It wires, it does not compute.
#pragma once

#include "core/model/capture_choice.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;

namespace alab::ui {

class Language;
class LessonView;
class TraceSession;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Loads the Thinking Machines lesson and the remembered language (when `restoreLanguage`).
    explicit MainWindow(bool restoreLanguage = true, QWidget* parent = nullptr);

    TraceSession* session() const { return m_session; }
    LessonView* lessonView() const { return m_lesson; }
    QTabWidget* tabs() const { return m_tabs; }
    Language* language() const { return m_language; }
    QLabel* hoverLabel() const { return m_hover; }
    QProgressBar* busyIndicator() const { return m_busy; }

    /// Switches the interface language ("en", "zh_CN"); remembered when `remember`.
    bool setLanguage(const QString& code, bool remember = true);
    void toggleFullScreen();
    /// Only the lesson's stage and a slim caption, full screen (F5; Esc or F5 leaves).
    void setPresentation(bool on);
    /// View → Capture: Automatic, Full or Lean; remembered when `remember`, and the current input runs
    /// again with it.
    void setCaptureMode(core::CaptureMode mode, bool remember = true);

protected:
    void changeEvent(QEvent* event) override;

private:
    void createMenus();
    void createStatusBar();
    void retranslate();
    void showShortcuts();
    void showAbout();
    void chooseThreads();
    void showCapture();  // says which capture is in effect (lean: maps recomputed on demand)

    TraceSession* m_session;
    Language* m_language;
    QTabWidget* m_tabs;
    LessonView* m_lesson;
    QMenu* m_file = nullptr;
    QMenu* m_view = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_help = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_fullScreen = nullptr;
    QAction* m_presentation = nullptr;
    QAction* m_leavePresentation = nullptr;
    QAction* m_threads = nullptr;  // View → Threads…: the engine's thread count, remembered
    QMenu* m_captureMenu = nullptr;  // View → Capture: Automatic / Full / Lean, remembered
    QList<QAction*> m_captureActions;  // in the order of core::CaptureMode
    QAction* m_shortcuts = nullptr;
    QAction* m_about = nullptr;
    QList<QAction*> m_languageActions;
    QLabel* m_hover = nullptr;
    QLabel* m_busyLabel = nullptr;
    QLabel* m_capture = nullptr;
    QProgressBar* m_busy = nullptr;
};

}  // namespace alab::ui
