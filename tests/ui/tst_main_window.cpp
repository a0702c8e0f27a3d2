// The main window: its tabs and menus (the contract with the analysis views), the classroom keys
// (Space, arrows, PageUp/PageDown, Home/End, F11, Ctrl +/−/0), switching language at runtime (the
// lesson text, step list and window title change, and the choice is remembered), the remembered thread
// count (View → Threads…), the capture mode (View → Capture) and the busy indicator.
#include "core/parallel.h"
#include "ui/common/thread_setting.h"
#include "ui/common/trace_session.h"
#include "ui/language.h"
#include "ui/lesson/explanation_panel.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_texts.h"
#include "ui/lesson/lesson_view.h"
#include "ui/lesson/step_list.h"
#include "ui/main_window.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace alab::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    MainWindow* m_window = nullptr;
    LessonController* lesson() const { return m_window->lessonView()->controller(); }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
        QSettings().clear();
    }
    void init() {
        m_window = new MainWindow(false);
        m_window->resize(1280, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }
    void cleanup() {
        m_window->setLanguage(QStringLiteral("en"), false);
        delete m_window;
    }

    void structure() {
        QCOMPARE(m_window->centralWidget(), m_window->tabs());
        QCOMPARE(m_window->tabs()->widget(0), m_window->lessonView());
        for (const char* name : {"menuFile", "menuView", "menuLanguage", "menuHelp"})
            QVERIFY2(m_window->findChild<QMenu*>(QLatin1String(name)), name);
        QVERIFY(m_window->findChild<QMenu*>(QStringLiteral("menuFile"))->actions().contains(
            m_window->findChild<QAction*>(QStringLiteral("actionQuit"))));
        QVERIFY(lesson()->hasLesson());
        QCOMPARE(lesson()->snapshot(), m_window->session()->snapshot());  // one session for every view
    }

    void classroomKeys() {
        QCOMPARE(lesson()->step(), 0);
        QTest::keyClick(m_window, Qt::Key_Right);
        QCOMPARE(lesson()->step(), 1);
        QTest::keyClick(m_window, Qt::Key_PageDown);  // what a clicker sends
        QCOMPARE(lesson()->step(), 2);
        QTest::keyClick(m_window, Qt::Key_Left);
        QCOMPARE(lesson()->step(), 1);
        QTest::keyClick(m_window, Qt::Key_PageUp);
        QCOMPARE(lesson()->step(), 0);
        QTest::keyClick(m_window, Qt::Key_End);
        QCOMPARE(lesson()->step(), lesson()->stepCount() - 1);
        QTest::keyClick(m_window, Qt::Key_Home);
        QCOMPARE(lesson()->step(), 0);
        QTest::keyClick(m_window, Qt::Key_Space);
        QVERIFY(lesson()->isPlaying());
        QTest::keyClick(m_window, Qt::Key_Space);
        QVERIFY(!lesson()->isPlaying());
    }

    void zoomKeys() {
        QTest::keyClick(m_window, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(lesson()->zoom() > 1.0);
        QTest::keyClick(m_window, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(lesson()->zoom(), 1.0);
        QTest::keyClick(m_window, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(lesson()->zoom() < 1.0);
        QTest::keyClick(m_window, Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(lesson()->zoom(), 1.0);
    }

    void fullScreenKey() {
        QTest::keyClick(m_window, Qt::Key_F11);
        QTRY_VERIFY(m_window->windowState() & Qt::WindowFullScreen);
        QTest::keyClick(m_window, Qt::Key_F11);
        QTRY_VERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
    }

    void typingInTheSentenceFieldDoesNotStep() {
        QWidget* edit = m_window->findChild<QWidget*>(QStringLiteral("sentenceEdit"));
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("the cat"));
        QTest::keyClick(edit, Qt::Key_Left);
        QTest::keyClick(edit, Qt::Key_Home);
        QCOMPARE(lesson()->step(), 0);
        QVERIFY(!lesson()->isPlaying());
    }

    void switchingLanguage() {
        lesson()->setStep(2, false);
        auto* panel = m_window->lessonView()->explanation();
        const QString englishTitle = m_window->windowTitle();
        const QString englishText = panel->toPlainText();
        const QString englishStep = m_window->lessonView()->stepList()->item(2)->text();
        const QString englishTab = m_window->tabs()->tabText(0);
        QAction* zh = m_window->findChild<QAction*>(QStringLiteral("actionLanguage_zh_CN"));
        QVERIFY(zh);
        zh->trigger();
        QCOMPARE(m_window->language()->current(), QStringLiteral("zh_CN"));
        QTRY_VERIFY(m_window->windowTitle() != englishTitle);
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("注意力")));
        const auto& step = lesson()->lesson().steps[2];
        QTRY_VERIFY(panel->toPlainText() != englishText);
        QVERIFY(panel->toPlainText().contains(stepTitle(step)));
        QVERIFY(stepParagraphs(step).first() != QString::fromStdString(step.paragraphs[0].source));  // translated
        QVERIFY(m_window->lessonView()->stepList()->item(2)->text() != englishStep);
        QVERIFY(m_window->tabs()->tabText(0) != englishTab);
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
        QCOMPARE(Language::remembered(), QStringLiteral("zh_CN"));
        m_window->findChild<QAction*>(QStringLiteral("actionLanguage_en"))->trigger();
        QTRY_COMPARE(m_window->windowTitle(), englishTitle);
        QCOMPARE(panel->toPlainText(), englishText);
        QCOMPARE(Language::remembered(), QStringLiteral("en"));
    }

    void threadSettingIsRememberedAndApplied() {
        QAction* threads = m_window->findChild<QAction*>(QStringLiteral("actionThreads"));
        QVERIFY(threads);
        QVERIFY(m_window->findChild<QMenu*>(QStringLiteral("menuView"))->actions().contains(threads));
        applyThreadCount(3, true);
        QCOMPARE(alab::core::threadCount(), 3);
        QCOMPARE(rememberedThreadCount(), 3);
        delete m_window;  // a new window starts with the remembered count
        alab::core::setThreadCount(1);
        m_window = new MainWindow(false);
        QCOMPARE(alab::core::threadCount(), 3);
        applyThreadCount(0, true);  // back to every core
        QCOMPARE(alab::core::threadCount(), alab::core::availableCores());
    }

    // View → Capture forces full or lean capture as --capture / ALAB_CAPTURE do; the status label says
    // which is in effect; the choice is remembered, and ALAB_CAPTURE overrides it for one session.
    void captureMenuForcesTheModeAndIsRemembered() {
        QMenu* menu = m_window->findChild<QMenu*>(QStringLiteral("menuCapture"));
        QVERIFY(menu);
        QVERIFY(m_window->findChild<QMenu*>(QStringLiteral("menuView"))->actions().contains(menu->menuAction()));
        QAction* automatic = m_window->findChild<QAction*>(QStringLiteral("actionCapture_auto"));
        QAction* lean = m_window->findChild<QAction*>(QStringLiteral("actionCapture_lean"));
        QVERIFY(automatic && lean && m_window->findChild<QAction*>(QStringLiteral("actionCapture_full")));
        QVERIFY(automatic->isChecked());
        QLabel* label = m_window->findChild<QLabel*>(QStringLiteral("captureLabel"));
        QTRY_COMPARE(label->text(), QStringLiteral("Capture: full, automatic"));
        lean->trigger();
        QVERIFY(lean->isChecked() && !automatic->isChecked());
        QTRY_VERIFY(m_window->session()->snapshot()->leanCapture);
        QVERIFY(m_window->session()->snapshot()->captureForced);
        QTRY_COMPARE(label->text(), QStringLiteral("Capture: lean (forced)"));
        QCOMPARE(QSettings().value(QStringLiteral("compute/capture")).toString(), QStringLiteral("lean"));
        QVERIFY(lesson()->hasLesson());  // a short input under forced lean: the lesson reads its maps recomputed
        QVERIFY(!lesson()->snapshot()->trace->encoder[0].self_attn.weights.empty());
        delete m_window;  // a new window starts with the remembered mode …
        m_window = new MainWindow(false);
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("actionCapture_lean"))->isChecked());
        QCOMPARE(m_window->session()->captureMode(), alab::core::CaptureMode::Lean);
        delete m_window;  // … unless ALAB_CAPTURE names one for this session
        qputenv("ALAB_CAPTURE", "full");
        m_window = new MainWindow(false);
        qunsetenv("ALAB_CAPTURE");
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("actionCapture_full"))->isChecked());
        QTRY_COMPARE(m_window->findChild<QLabel*>(QStringLiteral("captureLabel"))->text(),
                     QStringLiteral("Capture: full (forced)"));
        m_window->findChild<QAction*>(QStringLiteral("actionCapture_auto"))->trigger();
        QTRY_COMPARE(m_window->findChild<QLabel*>(QStringLiteral("captureLabel"))->text(), QStringLiteral("Capture: full, automatic"));
        QCOMPARE(QSettings().value(QStringLiteral("compute/capture")).toString(), QStringLiteral("auto"));
    }

    void busyIndicatorFollowsTheSession() {
        QProgressBar* busy = m_window->busyIndicator();
        QSignalSpy spy(m_window->session(), &TraceSession::busyChanged);
        QVERIFY(!busy->isVisible());
        QVERIFY(lesson()->runSentence(QStringLiteral("my mother eats the rice ."), 2017).isEmpty());
        QCOMPARE(spy.count(), 1);
        QVERIFY(busy->isVisible());
        QTRY_VERIFY(!busy->isVisible());
        QCOMPARE(int(lesson()->lesson().words.size()), 6);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
