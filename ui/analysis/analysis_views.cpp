// Placeholder until the heatmap / inspector / export views land (issue 4): installs nothing.
#include "ui/analysis/analysis_views.h"

namespace alab::ui {

void installAnalysisViews(QMainWindow*, QTabWidget*, TraceSession*) {}

}  // namespace alab::ui
