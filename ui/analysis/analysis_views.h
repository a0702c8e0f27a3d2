// Installs the analysis half of the app (attention heatmaps, all-heads grid, positional-encoding
// views, the tensor inspector dock, export actions) into a main window, reading the shared session.
#pragma once

class QMainWindow;
class QTabWidget;

namespace alab::ui {

class TraceSession;

/// Adds tabs to `tabs` and docks / menu actions to `window`; everything follows `session`.
void installAnalysisViews(QMainWindow* window, QTabWidget* tabs, TraceSession* session);

}  // namespace alab::ui
