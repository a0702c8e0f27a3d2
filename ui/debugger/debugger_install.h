// installDebugger: adds the Debugger tab and the File menu's session actions to the main window.
#pragma once

class QMainWindow;
class QTabWidget;

namespace alab::ui {

class DebuggerView;
class TraceSession;

/// Adds the Debugger tab to `tabs` and Open / Save / Recent sessions to the window's File menu.
DebuggerView* installDebugger(QMainWindow* window, QTabWidget* tabs, TraceSession* session);

}  // namespace alab::ui
