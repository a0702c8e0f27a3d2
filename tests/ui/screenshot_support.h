// Helpers for the tests that save screenshots of the main window (tst_window_screenshots,
// tst_debugger_screenshots, tst_why_panel, tst_trained_sentence): the rows they run (English and
// 简体中文 at 1280×720 and 1920×1080), the window shown in a row's language and size, and each picture
// saved as DIR/lang-WxH-name.png. They save only with ALAB_SCREENSHOTS=DIR set. Header-only: each
// tst_*.cpp is its own executable.
#pragma once

#include "ui/main_window.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QTest>
#include <QWidget>

namespace alab::test {

/// The data rows of a screenshot test: columns "lang" (en, zh_CN) and "size" (1280×720, 1920×1080).
inline void addScreenshotRows() {
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QSize>("size");
    for (const char* lang : {"en", "zh_CN"})
        for (QSize s : {QSize(1280, 720), QSize(1920, 1080)})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2x%3").arg(lang).arg(s.width()).arg(s.height())))
                << QString::fromLatin1(lang) << s;
}

/// The folder to save in ($ALAB_SCREENSHOTS, "" when unset: the test skips). Call it before making the
/// window: it gives the window settings of the tests' own, so the user's are neither read nor changed.
inline QString screenshotDir() {
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
    return qEnvironmentVariable("ALAB_SCREENSHOTS");
}

/// Shows `w` in `lang` at `size` and waits until it is on screen; false when either failed.
inline bool showWindow(ui::MainWindow& w, const QString& lang, QSize size) {
    if (!w.setLanguage(lang, false)) return false;
    w.resize(size);
    w.show();
    return QTest::qWaitForWindowExposed(&w);
}

/// Saves pictures of one widget: shot("heatmap-demo") → DIR/en-1280x720-heatmap-demo.png.
class Screenshots {
public:
    Screenshots(QWidget& widget, const QString& dir, const QString& lang, QSize size)
        : m_widget(widget), m_tag(QStringLiteral("%1/%2-%3x%4-").arg(dir, lang).arg(size.width()).arg(size.height())) {}

    /// The file of picture `name`.
    QString path(const QString& name) const { return m_tag + name + QStringLiteral(".png"); }

    /// Lets pending events draw, then saves the widget as picture `name`; false when the file was not written.
    bool operator()(const QString& name) const {
        QCoreApplication::processEvents();
        return m_widget.grab().save(path(name));
    }

private:
    QWidget& m_widget;
    QString m_tag;  // "DIR/lang-WxH-"
};

}  // namespace alab::test
