// SessionActions: File → Open session…, Save session… and Recent sessions for the debugger. A session
// (.alab, parsed and written by core/debug/session) holds the model, the input, breakpoints,
// watches, interventions, the second run, the open tab and the current op; opening one restores
// exactly that (an applied list of interventions is applied again; a malformed entry is left out and said). A
// bad file changes nothing and says why; a model file that moved or changed is reported in the
// debugger's notice line while everything else is restored. Recent files live in QSettings.
#pragma once

#include "core/debug/session.h"

#include <QObject>
#include <QStringList>

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;

namespace alab::ui {

class DebuggerView;

class SessionActions : public QObject {
    Q_OBJECT
public:
    SessionActions(QMainWindow* window, QTabWidget* tabs, DebuggerView* view);

    /// The state shown now, as a session.
    core::DebugSession capture() const;
    /// Saves to `path`; returns "" or the error (also shown in the debugger).
    QString saveTo(const QString& path);
    /// Opens `path`; returns "" or the error (the state is then unchanged). Warnings about the model's
    /// files do not count as errors: they are shown and the rest is restored.
    QString openFrom(const QString& path);
    QStringList recentSessions() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void rememberRecent(const QString& path);
    void fillRecentMenu();
    QString restoreModel(const core::DebugSession& s, QStringList* notes);
    void restoreRest(const core::DebugSession& s, QStringList* notes);

    QMainWindow* m_window;
    QTabWidget* m_tabs;
    DebuggerView* m_view;
    QAction* m_open;
    QAction* m_save;
    QMenu* m_recent;
};

}  // namespace alab::ui
