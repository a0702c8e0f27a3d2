// The lessons of the course beyond the first, in the lesson widgets: switching the controller to
// "encoder-layer", "why-attention", "multi-head" and "positional-encoding" rebuilds on the same trace; every trace number on their stage
// is the trace's; every step fits at 720p and 1080p (explanation without scrolling, every cell in
// view); attention maps are never cut (at 720p, 1080p and in presentation mode every cell is drawn and
// in view, the focus row framed); the "what if" bar belongs to the self-attention lesson only; and the program renders their
// steps with --screenshot --lesson ID and refuses a step they do not have. Offscreen, no sleeps.
#include "core/lesson.h"
#include "test_support.h"
#include "ui/common/trace_session.h"
#include "ui/lesson/explanation_panel.h"
#include "core/lessons/registry.h"
#include "core/lessons/output_example.h"
#include "core/lessons/translation_example.h"
#include "core/train/task.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_menu.h"
#include "ui/lesson/lesson_stage.h"
#include "ui/lesson/lesson_view.h"
#include "ui/lesson/what_if_bar.h"

#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>
#include <utility>

using namespace alab;
using namespace alab::ui;

class TestLessonCourse : public QObject {
    Q_OBJECT
private:
    TraceSession* m_session = nullptr;
    LessonView* m_view = nullptr;
    LessonController* lesson() const { return m_view->controller(); }

    // Every cell that claims to come from the trace holds that tensor's value.
    void checkTraceCells() {
        for (const StageGrid& g : lesson()->scene().grids)
            for (const StageCell& c : g.cells) {
                if (!c.fromTrace) continue;
                const auto t = core::findTensor(*lesson()->snapshot()->trace, c.tensor.toStdString());
                QVERIFY2(t.has_value(), qPrintable(c.tensor));
                int64_t flat = 0;
                for (int k = 0; k < c.index.size(); ++k) flat = flat * t->shape[size_t(k)] + c.index[k];
                QCOMPARE(double(t->data[size_t(flat)]), c.value);
            }
    }

private slots:
    void init() {
        m_session = new TraceSession;
        m_view = new LessonView(m_session);
        lesson()->loadThinkingMachines();
        m_view->resize(1400, 900);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }
    void cleanup() {
        delete m_view;
        delete m_session;
    }

    void switchingRebuildsOnTheSameTrace() {
        QSignalSpy changed(lesson(), &LessonController::lessonChanged);
        QVERIFY(m_view->whatIfBar()->isVisible());
        lesson()->setLesson("encoder-layer");
        QCOMPARE(changed.count(), 1);
        QCOMPARE(lesson()->lesson().id, std::string("encoder-layer"));
        QCOMPARE(lesson()->stepCount(), 7);
        QCOMPARE(lesson()->step(), 0);
        QVERIFY(!m_view->whatIfBar()->isVisible());
        QVERIFY(!m_view->explanation()->toPlainText().contains(QStringLiteral("softmax")));
        lesson()->setLesson("no-such-lesson");
        QCOMPARE(lesson()->lessonId(), std::string("encoder-layer"));
        lesson()->setLesson("why-attention");
        QCOMPARE(lesson()->stepCount(), 5);
        lesson()->setLesson("thinking-machines");
        QCOMPARE(lesson()->stepCount(), 8);
        QVERIFY(m_view->whatIfBar()->isVisible());
    }

    // The menu lists the registry in course order; choosing switches the lesson, and the check mark
    // follows the lesson shown however it was switched.
    void menuPicksTheLesson() {
        LessonMenu menu(lesson());
        const QList<QAction*> items = menu.actions();
        QCOMPARE(items.size(), int(core::lessonRegistry().size()));
        for (int i = 0; i < items.size(); ++i)
            QCOMPARE(items[i]->objectName(), QStringLiteral("actionLesson_") + QString::fromStdString(core::lessonRegistry()[size_t(i)].id));
        QVERIFY(items[0]->text().startsWith(QStringLiteral("&1  ")));
        QAction* encoder = menu.findChild<QAction*>(QStringLiteral("actionLesson_encoder-layer"));
        QVERIFY(encoder && !encoder->isChecked());
        QSignalSpy chosen(&menu, &LessonMenu::chosen);
        encoder->trigger();
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(lesson()->lessonId(), std::string("encoder-layer"));
        QVERIFY(encoder->isChecked());
        lesson()->setLesson("thinking-machines");
        QVERIFY(!encoder->isChecked());
        QVERIFY(menu.findChild<QAction*>(QStringLiteral("actionLesson_thinking-machines"))->isChecked());
    }

    void everyStepFits_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("longSentence");
        QTest::newRow("encoder-layer 720p") << "encoder-layer" << QSize(1280, 650) << false;
        QTest::newRow("encoder-layer 1080p, demo sentence") << "encoder-layer" << QSize(1920, 1000) << true;
        QTest::newRow("why-attention 720p, twelve words") << "why-attention" << QSize(1280, 650) << true;
        QTest::newRow("why-attention 1080p") << "why-attention" << QSize(1920, 1000) << false;
        QTest::newRow("multi-head 720p") << "multi-head" << QSize(1280, 650) << false;
        QTest::newRow("multi-head 1080p, demo sentence") << "multi-head" << QSize(1920, 1000) << true;
        QTest::newRow("positional-encoding 720p, twelve words") << "positional-encoding" << QSize(1280, 650) << true;
        QTest::newRow("positional-encoding 1080p") << "positional-encoding" << QSize(1920, 1000) << false;
        QTest::newRow("decoder 720p") << "decoder" << QSize(1280, 650) << false;
        QTest::newRow("decoder 1080p") << "decoder" << QSize(1920, 1000) << false;
        QTest::newRow("output 720p") << "output" << QSize(1280, 650) << false;
        QTest::newRow("output 1080p") << "output" << QSize(1920, 1000) << false;
    }
    void everyStepFits() {
        QFETCH(QString, id);
        QFETCH(QSize, size);
        QFETCH(bool, longSentence);
        lesson()->setLesson(id.toStdString());
        if (longSentence) {
            lesson()->setSentenceModel(QStringLiteral("demo"));  // twelve arbitrary words: the untrained demo model
            QCOMPARE(lesson()->runSentence(QStringLiteral("the cat sat on the mat and the big dog sat on"), 2017), QString());
            QTRY_COMPARE(lesson()->lesson().words.size(), size_t(12));
        }
        m_view->resize(size);
        QTRY_COMPARE(m_view->size(), size);
        LessonStage* stage = m_view->stage();
        for (int s = 0; s < lesson()->stepCount(); ++s) {
            lesson()->setStep(s, false);
            checkTraceCells();
            QCOMPARE(m_view->explanation()->verticalScrollBar()->maximum(), 0);
            const StageScene& scene = lesson()->scene();
            for (int g = 0; g < scene.grids.size(); ++g)
                for (int c = 0; c < scene.grids[g].cells.size(); ++c)
                    QVERIFY2(stage->viewport()->rect().contains(stage->cellViewportRect(g, c)), qPrintable(QString::number(s + 1)));
        }
    }

    // An attention map the text reads row by row is never cut on a small stage or a projector: every
    // cell core made is drawn, in view, and the row the text talks about is on the stage.
    void mapsStayWhole_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("stepId");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("presentation");
        for (const auto& [id, stepId] : {std::pair{"multi-head", "patterns"}, std::pair{"decoder", "causal-mask"},
                                         std::pair{"decoder", "cross-attention"}, std::pair{"decoder", "alignment"},
                                         std::pair{"output", "beam"}})
            for (const auto& [size, presentation, name] : {std::tuple{QSize(1280, 650), false, "720p"}, std::tuple{QSize(1920, 1000), false, "1080p"},
                                                           std::tuple{QSize(1280, 720), true, "presentation 720p"}})
                QTest::newRow(qPrintable(QStringLiteral("%1 %2, %3").arg(QLatin1String(id), QLatin1String(stepId), QLatin1String(name))))
                    << QString::fromLatin1(id) << QString::fromLatin1(stepId) << size << presentation;
    }
    void mapsStayWhole() {
        QFETCH(QString, id);
        QFETCH(QString, stepId);
        QFETCH(QSize, size);
        QFETCH(bool, presentation);
        lesson()->setLesson(id.toStdString());
        m_view->setPresentation(presentation);
        m_view->resize(size);
        QTRY_COMPARE(m_view->size(), size);
        int index = -1;
        for (int s = 0; s < lesson()->stepCount(); ++s)
            if (lesson()->lesson().steps[size_t(s)].id == stepId.toStdString()) index = s;
        QVERIFY(index >= 0);
        lesson()->setStep(index, false);
        QCoreApplication::processEvents();
        const core::Scene& made = lesson()->lesson().steps[size_t(index)].scene;
        const StageScene& drawn = lesson()->scene();
        LessonStage* stage = m_view->stage();
        int whole = 0, focus = 0;
        for (int g = 0; g < drawn.grids.size(); ++g) {
            const core::SceneGrid& m = made.grids[size_t(g)];
            if (!m.whole) continue;
            ++whole;
            QCOMPARE(drawn.grids[g].rows, m.rows);
            QCOMPARE(drawn.grids[g].cols, m.cols);
            for (int c = 0; c < drawn.grids[g].cells.size(); ++c)
                QVERIFY(stage->viewport()->rect().contains(stage->cellViewportRect(g, c)));
            if (m.focusRow >= 0) focus += drawn.grids[g].focusRow == m.focusRow;
        }
        QVERIFY(whole > 0);
        if (stepId == QLatin1String("patterns")) QCOMPARE(focus, whole);
        qInfo("%s: numbers %.1f px high", qPrintable(stepId), stageFont().pixelSize() * stage->scale());
        m_view->setPresentation(false);
    }

    // The translation lessons on a sentence typed with the trained en→zh model use that trace: their
    // trace cells are the snapshot's, and the lesson shows the typed words.
    void yourSentenceDrivesTheTranslationLessons() {
        for (const char* id : {"decoder", "output"}) {
            lesson()->setLesson(id);
            QCOMPARE(lesson()->runSentence(QStringLiteral("my mother will eat the rice in the park tomorrow ."), 1), QString());
            QTRY_COMPARE(lesson()->lesson().words.size(), size_t(11));
            int fromTrace = 0;
            for (int s = 0; s < lesson()->stepCount(); ++s) {
                lesson()->setStep(s, false);
                checkTraceCells();
                for (const StageGrid& g : lesson()->scene().grids)
                    for (const StageCell& c : g.cells) fromTrace += c.fromTrace;
            }
            QVERIFY(fromTrace > 20);
            QVERIFY(!lesson()->lesson().ownSentence);
            lesson()->loadThinkingMachines();
            QTRY_VERIFY(lesson()->lesson().ownSentence);  // back on the lesson's own sentence
            QCOMPARE(core::joinTokens(lesson()->lesson().words),
                     std::string(std::string(id) == "decoder" ? core::kExampleSentence : core::kOutputSentence));
        }
    }

    // The two scene elements the translation lessons added: lines between cells (the beam tree) and
    // cells holding words (ink on the grey cell, no colour scale).
    void beamTreeLinesAndWordCellsAreDrawn() {
        m_view->resize(1920, 1000);
        lesson()->setLesson("output");
        lesson()->setStep(3, false);
        const StageScene& scene = lesson()->scene();
        QVERIFY(!scene.links.isEmpty());
        const StageLink& link = scene.links.front();  // <bos> → the first token of the best hypothesis, one height
        LessonStage* stage = m_view->stage();
        QImage image = stage->viewport()->grab().toImage();
        const QRect from = stage->cellViewportRect(link.fromGrid, link.fromRow * scene.grids[link.fromGrid].cols + link.fromCol);
        const QRect to = stage->cellViewportRect(link.toGrid, link.toRow * scene.grids[link.toGrid].cols + link.toCol);
        QVERIFY(to.left() - from.right() >= 6);
        const QColor line = image.pixelColor((from.right() + to.left()) / 2, from.center().y());
        QVERIFY2(line.red() < 150 && line.green() < 150, qPrintable(line.name()));
        QCOMPARE(image.pixelColor((from.right() + to.left()) / 2, from.top() - 3), QColor(250, 250, 247));  // background off the line
        lesson()->setLesson("decoder");
        lesson()->setStep(0, false);
        QVERIFY(lesson()->scene().grids[0].plain);
        image = stage->viewport()->grab().toImage();
        const QRect word = stage->cellViewportRect(0, 0);
        QCOMPARE(image.pixelColor(word.left() + 5, word.center().y()), QColor(236, 236, 232));
    }

    void screenshotsOfEveryLesson_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("steps");
        QTest::newRow("encoder-layer") << "encoder-layer" << 7;
        QTest::newRow("why-attention") << "why-attention" << 5;
        QTest::newRow("multi-head") << "multi-head" << 5;
        QTest::newRow("positional-encoding") << "positional-encoding" << 5;
        QTest::newRow("decoder") << "decoder" << 6;
        QTest::newRow("output") << "output" << 5;
    }
    void screenshotsOfEveryLesson() {
        QFETCH(QString, id);
        QFETCH(int, steps);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shot.png"));
        const QStringList common = {"--screenshot", file, "--lesson", id, "--size", "1280x720", "--lang", "zh_CN"};
        test::AppRun r = test::runApp(common + QStringList{"--step", QString::number(steps)}, 60000);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QImage(file).size(), QSize(1280, 720));
        QVERIFY(QFile::remove(file));
        r = test::runApp(common + QStringList{"--step", QString::number(steps + 1)}, 60000);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("--step must be between 1 and %1").arg(steps)), qPrintable(r.err));
        QVERIFY(!QFile::exists(file));
    }
};

QTEST_MAIN(TestLessonCourse)
#include "tst_lesson_course.moc"
