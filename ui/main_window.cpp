// MainWindow (see main_window.h).
#include "ui/main_window.h"

#include "ui/analysis/analysis_views.h"
#include "ui/common/capture_setting.h"
#include "ui/common/thread_setting.h"
#include "ui/debugger/debugger_install.h"
#include "ui/debugger/debugger_view.h"
#include "ui/common/trace_session.h"
#include "ui/language.h"
#include "ui/lesson/architecture_map_view.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_menu.h"
#include "ui/lesson/lesson_stage.h"
#include "ui/lesson/lesson_view.h"

#include "core/model/memory_estimate.h"
#include "core/parallel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

namespace alab::ui {

MainWindow::MainWindow(bool restoreLanguage, QWidget* parent)
    : QMainWindow(parent), m_session(new TraceSession(this)), m_language(new Language(this)), m_tabs(new QTabWidget(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    applyThreadCount(rememberedThreadCount(), false);
    m_session->setCaptureMode(startupCaptureMode());
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_lesson = new LessonView(m_session, m_tabs);
    m_tabs->addTab(m_lesson, QString());
    setCentralWidget(m_tabs);
    createMenus();
    auto* lessons = new LessonMenu(m_lesson->controller(), this);  // the course, in order
    menuBar()->insertMenu(m_languageMenu->menuAction(), lessons);
    connect(lessons, &LessonMenu::chosen, this, [this] { m_tabs->setCurrentWidget(m_lesson); });
    createStatusBar();
    installArchitectureMap(m_tabs, m_lesson);  // Figure 1: a click opens a block's lesson
    installAnalysisViews(this, m_tabs, m_session);
    installDebugger(this, m_tabs, m_session);
    m_lesson->controller()->loadThinkingMachines();
    if (const QScreen* screen = QApplication::primaryScreen()) {
        const QRect available = screen->availableGeometry();
        resize(std::min(1600, available.width() * 9 / 10), std::min(960, available.height() * 9 / 10));
        move(available.center() - rect().center());
    } else {
        resize(1440, 900);
    }
    retranslate();
    if (restoreLanguage) setLanguage(Language::remembered(), false);
}

void MainWindow::createMenus() {
    m_file = menuBar()->addMenu(QString());
    m_file->setObjectName(QStringLiteral("menuFile"));
    m_quit = m_file->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);
    m_quit->setObjectName(QStringLiteral("actionQuit"));
    m_quit->setMenuRole(QAction::QuitRole);

    m_view = menuBar()->addMenu(QString());
    m_view->setObjectName(QStringLiteral("menuView"));
    m_fullScreen = m_view->addAction(QString(), Qt::Key_F11, this, &MainWindow::toggleFullScreen);
    m_fullScreen->setObjectName(QStringLiteral("actionFullScreen"));
    m_fullScreen->setCheckable(true);
    m_presentation = m_view->addAction(QString());
    m_presentation->setObjectName(QStringLiteral("actionPresentation"));
    m_presentation->setShortcut(Qt::Key_F5);
    m_presentation->setCheckable(true);
    connect(m_presentation, &QAction::toggled, this, &MainWindow::setPresentation);
    addAction(m_presentation);  // its key works while the menu bar is hidden
    m_leavePresentation = new QAction(this);
    m_leavePresentation->setShortcut(Qt::Key_Escape);
    m_leavePresentation->setEnabled(false);
    connect(m_leavePresentation, &QAction::triggered, this, [this] { m_presentation->setChecked(false); });
    addAction(m_leavePresentation);
    m_threads = m_view->addAction(QString(), this, &MainWindow::chooseThreads);
    m_threads->setObjectName(QStringLiteral("actionThreads"));
    m_captureMenu = m_view->addMenu(QString());
    m_captureMenu->setObjectName(QStringLiteral("menuCapture"));
    auto* captureGroup = new QActionGroup(this);
    for (core::CaptureMode mode : {core::CaptureMode::Auto, core::CaptureMode::Full, core::CaptureMode::Lean}) {
        QAction* a = m_captureMenu->addAction(QString());
        a->setObjectName(QStringLiteral("actionCapture_") + QLatin1String(captureModeKey(mode)));
        a->setCheckable(true);
        a->setChecked(mode == m_session->captureMode());
        captureGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, mode] { setCaptureMode(mode); });
        m_captureActions << a;
    }

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("menuLanguage"));
    auto* group = new QActionGroup(this);
    for (const QString& code : Language::available()) {
        QAction* a = m_languageMenu->addAction(Language::nativeName(code));
        a->setObjectName(QStringLiteral("actionLanguage_") + code);
        a->setData(code);
        a->setCheckable(true);
        a->setChecked(code == m_language->current());
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
        m_languageActions << a;
    }

    m_help = menuBar()->addMenu(QString());
    m_help->setObjectName(QStringLiteral("menuHelp"));
    m_shortcuts = m_help->addAction(QString(), this, &MainWindow::showShortcuts);
    m_shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
    m_about = m_help->addAction(QString(), this, &MainWindow::showAbout);
    m_about->setObjectName(QStringLiteral("actionAbout"));
}

void MainWindow::createStatusBar() {
    m_hover = new QLabel(this);
    m_hover->setObjectName(QStringLiteral("hoverLabel"));
    m_hover->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busyLabel = new QLabel(this);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);  // indeterminate
    m_busy->setMaximumWidth(140);
    m_busy->setMaximumHeight(16);
    m_busy->setVisible(false);
    m_busyLabel->setVisible(false);
    statusBar()->addWidget(m_hover, 1);
    m_capture = new QLabel(this);
    m_capture->setObjectName(QStringLiteral("captureLabel"));
    statusBar()->addPermanentWidget(m_capture);
    connect(m_session, &TraceSession::snapshotChanged, this, &MainWindow::showCapture);
    statusBar()->addPermanentWidget(m_busyLabel);
    statusBar()->addPermanentWidget(m_busy);
    connect(m_session, &TraceSession::busyChanged, m_busy, &QWidget::setVisible);
    connect(m_session, &TraceSession::busyChanged, m_busyLabel, &QWidget::setVisible);
    connect(m_lesson->stage(), &LessonStage::hoveredChanged, m_hover, &QLabel::setText);
}

bool MainWindow::setLanguage(const QString& code, bool remember) {
    if (!m_language->apply(code, remember)) return false;
    for (QAction* a : m_languageActions) a->setChecked(a->data().toString() == code);
    return true;
}

void MainWindow::setCaptureMode(core::CaptureMode mode, bool remember) {
    if (remember) rememberCaptureMode(mode);
    for (QAction* a : m_captureActions) a->setChecked(a->objectName().endsWith(QLatin1String(captureModeKey(mode))));
    if (mode == m_session->captureMode()) return;
    m_session->setCaptureMode(mode);
    if (m_session->snapshot()) m_session->rerun();  // the label follows when the new trace arrives
}

void MainWindow::setPresentation(bool on) {
    m_presentation->setChecked(on);
    m_leavePresentation->setEnabled(on);
    if (on) m_tabs->setCurrentWidget(m_lesson);
    menuBar()->setVisible(!on);
    statusBar()->setVisible(!on);
    m_tabs->tabBar()->setVisible(!on);
    m_lesson->setPresentation(on);
    if (on == isFullScreen()) return;
    if (on) showFullScreen();
    else showNormal();
    m_fullScreen->setChecked(isFullScreen());
}

void MainWindow::toggleFullScreen() {
    if (isFullScreen()) showNormal();
    else showFullScreen();
    m_fullScreen->setChecked(isFullScreen());
}

void MainWindow::retranslate() {
    setWindowTitle(tr("AttentionLab — self-attention, step by step"));
    m_tabs->setTabText(m_tabs->indexOf(m_lesson), tr("Lesson"));
    m_file->setTitle(tr("&File"));
    m_quit->setText(tr("&Quit"));
    m_view->setTitle(tr("&View"));
    m_fullScreen->setText(tr("&Full screen"));
    m_presentation->setText(tr("&Presentation mode"));
    m_threads->setText(tr("&Threads…"));
    m_captureMenu->setTitle(tr("&Capture"));
    m_captureActions[0]->setText(tr("&Automatic (by the memory a full trace needs)"));
    m_captureActions[1]->setText(tr("&Full: keep every attention map"));
    m_captureActions[2]->setText(tr("&Lean: recompute attention maps when shown"));
    m_languageMenu->setTitle(tr("&Language"));
    m_help->setTitle(tr("&Help"));
    m_shortcuts->setText(tr("&Keyboard shortcuts"));
    m_about->setText(tr("&About AttentionLab"));
    m_busyLabel->setText(tr("Computing…"));
    showCapture();
    m_busy->setAccessibleName(tr("Computing"));
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

void MainWindow::showShortcuts() {
    const auto* debugger = findChild<DebuggerView*>();
    QMessageBox::information(
        this, tr("Keyboard shortcuts"),
        tr("<table cellpadding=4>"
           "<tr><td><b>Space</b></td><td>play / pause</td></tr>"
           "<tr><td><b>→ / Page Down</b></td><td>next step</td></tr>"
           "<tr><td><b>← / Page Up</b></td><td>previous step</td></tr>"
           "<tr><td><b>Home / End</b></td><td>first / last step</td></tr>"
           "<tr><td><b>F11</b></td><td>full screen</td></tr>"
           "<tr><td><b>F5</b></td><td>presentation mode (Esc leaves)</td></tr>"
           "<tr><td><b>Ctrl + / Ctrl − / Ctrl 0</b></td><td>larger / smaller / normal size</td></tr>"
           "</table><p>A presentation clicker sends Page Down and Page Up, so it works too.</p>") +
            (debugger ? debugger->shortcutsHelp() : QString()));
}

void MainWindow::chooseThreads() {
    bool ok = false;
    const int n = QInputDialog::getInt(this, tr("Threads"),
                                       tr("Compute on how many threads? This computer has %1 cores.")
                                           .arg(core::availableCores()),
                                       core::threadCount(), 1, 1024, 1, &ok);
    if (ok) applyThreadCount(n, true);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About AttentionLab"),
                       tr("<p><b>AttentionLab</b> %1</p><p>Teaches and inspects the Transformer: every number "
                          "on screen comes from a small Transformer computed on this computer.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::showCapture() {
    const auto snap = m_session->snapshot();
    const bool known = snap && snap->trace;
    m_capture->setVisible(known);
    if (!known) return;
    const QString bytes = QString::fromStdString(core::formatBytes(snap->fullTraceBytes));
    const QString forced = tr("Forced in View → Capture (or by ALAB_CAPTURE for this session).");
    if (snap->leanCapture) {
        m_capture->setText(snap->captureForced ? tr("Capture: lean (forced)") : tr("Capture: lean, automatic (a long input)"));
        m_capture->setToolTip(tr("Only the per-token tensors are kept (a full trace of this input would need about "
                                 "%1); each attention map is computed again, with the same numbers, when a view or "
                                 "an export needs it.")
                                  .arg(bytes) +
                              (snap->captureForced ? QLatin1Char(' ') + forced : QString()));
    } else {
        m_capture->setText(snap->captureForced ? tr("Capture: full (forced)") : tr("Capture: full, automatic"));
        m_capture->setToolTip(tr("Every attention map of this input is kept in memory (about %1).").arg(bytes) +
                              (snap->captureForced ? QLatin1Char(' ') + forced : QString()));
    }
}

}  // namespace alab::ui
