// Set-up shared by the Debugger tab's tests (tst_debugger, tst_debugger_sessions,
// tst_debugger_interventions): settings of the tests' own with no recent sessions, the golden
// post-norm model's files copied into a folder and loaded as File → Open model does, and the tab
// opened in the main window at 1280×720. Header-only: each tst_*.cpp is its own executable.
#pragma once

#include "ui/common/trace_session.h"
#include "ui/debugger/debugger_view.h"
#include "ui/main_window.h"
#include "../core/core_test_support.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTabWidget>

#include <filesystem>

namespace alab::test {

/// Settings of the tests' own (the user's are neither read nor changed), without the recent sessions
/// an earlier run left. For initTestCase.
inline void useDebuggerTestSettings() {
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
    QSettings().remove(QStringLiteral("debugger/recentSessions"));
}

/// Copies the golden post-norm model's files into `dir` and loads them (as File → Open model does):
/// "" or the error.
inline QString loadGoldenFiles(ui::TraceSession& session, const QString& dir) {
    const GoldenCase g = loadGolden("postnorm_h2");
    if (!g.error.empty()) return QString::fromStdString(g.error);
    namespace fs = std::filesystem;
    for (const char* f : {"weights.safetensors", "config.json"})
        fs::copy_file(goldenDir("postnorm_h2") + "/" + f, (dir + "/" + f).toStdString(), fs::copy_options::overwrite_existing);
    core::ModelSource source;
    source.weightsPath = (dir + "/weights.safetensors").toStdString();
    source.configPath = (dir + "/config.json").toStdString();
    return session.loadIds(source, g.src, g.tgt, true);
}

/// The Debugger tab made current in `w`, shown at 1280×720, with `sidePanel` open ("" leaves it).
inline ui::DebuggerView* openDebugger(ui::MainWindow& w, const QString& sidePanel = {}) {
    auto* view = w.findChild<ui::DebuggerView*>();
    w.tabs()->setCurrentWidget(view);
    w.resize(1280, 720);
    w.show();
    if (!sidePanel.isEmpty()) view->setSidePanel(sidePanel);
    return view;
}

}  // namespace alab::test
