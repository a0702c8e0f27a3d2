// Presentation mode, as on a projector: F5 leaves only the stage and a slim caption (Esc leaves),
// and at 1280 × 720 the steps draw their numbers at least 28 px high (each grid shows at most
// 3 words × 2 numbers there, the rest as ⋮ / …, so Q and Kᵀ show the same d_k numbers), step 8 (the widest scene) included, for Thinking
// Machines and for six-word sentences of short and of long words, measured from the renderer's own layout.
#include "ui/lesson/explanation_panel.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/sentence_bar.h"
#include "ui/lesson/step_list.h"
#include "ui/lesson/lesson_stage.h"
#include "ui/lesson/lesson_view.h"
#include "ui/main_window.h"

#include <QFont>
#include <QMap>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace alab::ui;

namespace {

// Step 8 cut for a smaller screen keeps the product's shapes: Q's numbers as many as Kᵀ's rows, Q's
// words as many as Kᵀ's and A's columns, and A, V and Z with as many rows as Q. "" or what differs.
QString matrixShapesAgree(const StageScene& scene) {
    QMap<QString, const StageGrid*> g;
    for (const StageGrid& grid : scene.grids) g[grid.title] = &grid;
    for (const char* t : {"Q", "Kᵀ", "A", "V", "Z"})
        if (!g.contains(QString::fromUtf8(t))) return QStringLiteral("no grid ") + QString::fromUtf8(t);
    const StageGrid &q = *g["Q"], &k = *g[QStringLiteral("Kᵀ")], &a = *g["A"], &v = *g["V"], &z = *g["Z"];
    const QString shapes = QStringLiteral("Q %1×%2, Kᵀ %3×%4, A %5×%6, V %7×%8, Z %9×%10")
                               .arg(q.rows).arg(q.cols).arg(k.rows).arg(k.cols).arg(a.rows).arg(a.cols)
                               .arg(v.rows).arg(v.cols).arg(z.rows).arg(z.cols);
    const bool ok = q.cols == k.rows && q.moreCols == k.moreRows && q.rows == k.cols && a.rows == q.rows &&
                    a.cols == k.cols && v.rows == a.cols && z.rows == a.rows && z.cols == v.cols;
    return ok ? QString() : shapes;
}

}  // namespace

class TestPresentation : public QObject {
    Q_OBJECT
private slots:
    void f5ShowsOnlyTheStage() {
        MainWindow window(false);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.tabs()->setCurrentIndex(1);
        QTest::keyClick(&window, Qt::Key_F5);
        LessonView* view = window.lessonView();
        QVERIFY(view->isPresentation());
        QCOMPARE(window.tabs()->currentWidget(), view);
        QVERIFY(!window.menuBar()->isVisible() && !window.statusBar()->isVisible() && !window.tabs()->tabBar()->isVisible());
        QVERIFY(!view->stepList()->isVisible() && !view->explanation()->isVisible() && !view->sentenceBar()->isVisible());
        QVERIFY(view->caption()->isVisible());
        QVERIFY2(view->caption()->text().startsWith(QStringLiteral("1 / 8")), qPrintable(view->caption()->text()));
        QTest::keyClick(view->stage(), Qt::Key_Right);  // the clicker still steps
        QTRY_VERIFY(view->caption()->text().startsWith(QStringLiteral("2 / 8")));
        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(!view->isPresentation());
        QVERIFY(window.menuBar()->isVisible() && view->stepList()->isVisible());
    }

    void numbersAreLargeAt720p_data() {
        QTest::addColumn<QString>("sentence");
        QTest::newRow("Thinking Machines") << QString();
        QTest::newRow("six words") << QStringLiteral("the cat sat on the mat");
        QTest::newRow("six long words") << QStringLiteral("beautiful children saw thinking machines yesterday");
    }
    void numbersAreLargeAt720p() {
        QFETCH(QString, sentence);
        TraceSession session;
        LessonView view(&session);
        view.controller()->loadThinkingMachines();
        session.waitForFinished();
        if (!sentence.isEmpty()) {
            view.controller()->setSentenceModel(QStringLiteral("demo"));  // six short words (the trained model's are longer)
            QVERIFY(view.controller()->runSentence(sentence, 2017).isEmpty());
            QTRY_COMPARE(int(view.controller()->lesson().words.size()), 6);
        }
        view.setPresentation(true);
        view.resize(1280, 720);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QString report;
        double smallest = 1e9;
        for (int s = 0; s < view.controller()->stepCount(); ++s) {
            view.controller()->setStep(s, false);
            QCoreApplication::processEvents();
            const double px = stageFont().pixelSize() * view.stage()->scale();
            report += QStringLiteral(" %1:%2").arg(s + 1).arg(px, 0, 'f', 1);
            smallest = std::min(smallest, px);
            if (view.controller()->lesson().steps[size_t(s)].id == "matrix") {
                const QString shapes = matrixShapesAgree(view.controller()->scene());
                QVERIFY2(shapes.isEmpty(), qPrintable(shapes));
            }
        }
        qInfo("number height (px) per step:%s", qPrintable(report));
        QVERIFY2(smallest >= 28, qPrintable(report));
    }

    // Outside presentation mode, in a 1280 × 720 window with its menus, step list and explanation, the
    // numbers stay readable (≥ 12 px): a wide scene shows fewer cells instead of shrinking to 6 px.
    void numbersAreReadableAtADesk_data() { numbersAreLargeAt720p_data(); }
    void numbersAreReadableAtADesk() {
        QFETCH(QString, sentence);
        MainWindow window(false);
        LessonView* view = window.lessonView();
        if (!sentence.isEmpty()) {
            view->controller()->setSentenceModel(QStringLiteral("demo"));  // any words: the untrained demo model
            QVERIFY(view->controller()->runSentence(sentence, 2017).isEmpty());
            QTRY_COMPARE(int(view->controller()->lesson().words.size()), 6);
        }
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QString report;
        double smallest = 1e9;
        for (int s = 0; s < view->controller()->stepCount(); ++s) {
            view->controller()->setStep(s, false);
            QCoreApplication::processEvents();
            const double px = stageFont().pixelSize() * view->stage()->scale();
            report += QStringLiteral(" %1:%2").arg(s + 1).arg(px, 0, 'f', 1);
            smallest = std::min(smallest, px);
            if (view->controller()->lesson().steps[size_t(s)].id == "matrix") {
                const QString shapes = matrixShapesAgree(view->controller()->scene());
                QVERIFY2(shapes.isEmpty(), qPrintable(shapes));
            }
        }
        qInfo("number height (px) per step:%s", qPrintable(report));
        QVERIFY2(smallest >= 12, qPrintable(report));
    }
};

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
