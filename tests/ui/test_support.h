// Helpers shared by the UI tests: load a preset into a TraceSession synchronously, and run the built
// attention-lab (ALAB_APP_PATH) without a display, so that it must choose the offscreen platform
// itself. Header-only: each tst_*.cpp is its own executable.
#pragma once

#include "ui/common/trace_session.h"

#include <QDir>
#include <QProcess>
#include <QStringList>

namespace alab::test {

/// Loads `preset` ("demo", "thinking-machines") on `src` / `tgt`, synchronously: "" or the error.
inline QString loadPreset(ui::TraceSession& session, const char* preset, const QString& src, const QString& tgt = {}) {
    core::ModelSource source;
    source.preset = preset;
    return session.load(source, src, tgt, true);
}

struct AppRun {
    int code = -1;  // -1: crashed or timed out
    QString out, err;
};

/// attention-lab `args` with DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM removed and its settings in
/// a temporary folder (the user's language choice is neither read nor changed).
inline AppRun runApp(const QStringList& args, int timeoutMs) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* v : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) env.remove(QLatin1String(v));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/alab-ui-test-config"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ALAB_APP_PATH), args);
    if (!p.waitForFinished(timeoutMs)) return {-1, {}, QStringLiteral("timeout")};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace alab::test
