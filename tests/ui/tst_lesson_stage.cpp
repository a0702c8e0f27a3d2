// The lesson widgets without the main window: every number the stage shows equals the trace's,
// stepping forward and back, play, the animation, hovering, and the student's own sentence (good
// and bad). Run offscreen; waits use QTRY_*, never sleeps.
#include "core/lesson.h"
#include "ui/common/trace_session.h"
#include "ui/lesson/explanation_panel.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_stage.h"
#include "ui/lesson/lesson_texts.h"
#include "ui/lesson/lesson_view.h"
#include "ui/lesson/sentence_bar.h"
#include "ui/lesson/stage_builder.h"
#include "ui/lesson/step_list.h"
#include "ui/lesson/title_wrap.h"
#include "ui/lesson/what_if_bar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QSlider>

#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace alab;
using namespace alab::ui;

namespace {

// Every cell that claims to come from the trace holds exactly that tensor's value and shows it.
int checkSceneAgainstTrace(const StageScene& scene, const Snapshot& snap) {
    int checked = 0;
    for (const StageGrid& g : scene.grids)
        for (const StageCell& c : g.cells) {
            if (!c.fromTrace) continue;
            const auto t = core::findTensor(*snap.trace, c.tensor.toStdString());
            if (!t) {
                QTest::qFail(qPrintable(QStringLiteral("no tensor ") + c.tensor), __FILE__, __LINE__);
                return -1;
            }
            std::vector<int64_t> idx(c.index.begin(), c.index.end());
            int64_t flat = 0;
            for (size_t k = 0; k < idx.size(); ++k) flat = flat * t->shape[k] + idx[k];
            const double shown = core::parseLessonNumber(c.text.toStdString());
            if (double(t->data[size_t(flat)]) != c.value || !(std::abs(shown - c.value) <= 0.051 * std::max(1.0, std::abs(c.value)))) {
                QTest::qFail(qPrintable(QStringLiteral("%1 shows %2").arg(c.tensor, c.text)), __FILE__, __LINE__);
                return -1;
            }
            ++checked;
        }
    return checked;
}

// The final picture shows every number in full, and the animation gets there by progress 1.
bool animationEndsFull(const StageScene& scene) {
    for (const StageGrid& g : scene.grids)
        for (const StageCell& c : g.cells)
            if (cellFill(c, 1.0) != 1.0 || c.appear + c.fade > 1.0 + 1e-9) return false;
    return true;
}

double explanationPoints(LessonView* view) { return view->explanation()->document()->defaultFont().pointSizeF(); }

// The scale a scene would be drawn at in `room` (before the zoom).
double fitIn(const StageScene& scene, const QSizeF& room) {
    return std::min({room.width() / scene.size.width(), room.height() / scene.size.height(), kMaxSceneScale});
}

QStringList texts(const StageScene& scene) {
    QStringList out;
    for (const StageGrid& g : scene.grids)
        for (const StageCell& c : g.cells) out << c.tensor + c.text;
    return out;
}

}  // namespace

class TestLessonStage : public QObject {
    Q_OBJECT
private:
    TraceSession* m_session = nullptr;
    LessonView* m_view = nullptr;
    LessonController* lesson() const { return m_view->controller(); }

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

    void everyStepShowsTheTracesNumbers() {
        QCOMPARE(lesson()->stepCount(), 8);
        for (int s = 0; s < lesson()->stepCount(); ++s) {
            lesson()->setStep(s, false);
            QCOMPARE(lesson()->progress(), 1.0);
            const int checked = checkSceneAgainstTrace(lesson()->scene(), *lesson()->snapshot());
            QVERIFY(animationEndsFull(lesson()->scene()));
            QVERIFY2(checked > 0, qPrintable(QStringLiteral("step %1 shows no trace number").arg(s + 1)));
        }
    }

    void scoresStepShowsProductsAndSums() {
        lesson()->setStep(2, false);
        const core::AttentionTrace& a = lesson()->snapshot()->trace->encoder[0].self_attn;
        QVector<double> scores;
        for (const StageGrid& g : lesson()->scene().grids)
            for (const StageCell& c : g.cells)
                if (c.tensor.endsWith(QLatin1String(".scores"))) scores << c.value;
        QCOMPARE(scores, QVector<double>({a.scores[0](0, 0), a.scores[0](0, 1)}));
        // The product cells are q1[n]·kj[n] of the trace's q and k.
        const StageGrid& products = lesson()->scene().grids[2];
        QVERIFY(products.cells.first().tensor.isEmpty());
        for (int n = 0; n < products.cols; ++n) QCOMPARE(products.cells[n].value, double(a.q[0](0, n)) * a.k[0](0, n));
    }

    void forwardAndBack() {
        QSignalSpy spy(lesson(), &LessonController::stepChanged);
        QStringList firstVisit;
        for (int s = 1; s < 8; ++s) {
            lesson()->next();
            QCOMPARE(lesson()->step(), s);
            lesson()->finishAnimation();
            QTRY_COMPARE(lesson()->progress(), 1.0);
            firstVisit << texts(lesson()->scene()).join(QLatin1Char('|'));
        }
        QCOMPARE(spy.count(), 7);
        lesson()->next();  // already at the end
        QCOMPARE(lesson()->step(), 7);
        for (int s = 6; s >= 1; --s) {
            lesson()->previous();
            QCOMPARE(lesson()->step(), s);
            QCOMPARE(lesson()->progress(), 1.0);  // the earlier state, finished
            QCOMPARE(texts(lesson()->scene()).join(QLatin1Char('|')), firstVisit[s - 1]);
        }
        QCOMPARE(m_view->stepList()->currentRow(), 1);
    }

    void animationRunsToTheEnd() {
        QSignalSpy progress(lesson(), &LessonController::progressChanged);
        lesson()->setSpeed(4);
        lesson()->setStep(3, true);
        QVERIFY(lesson()->progress() < 1.0);
        QTRY_COMPARE(lesson()->progress(), 1.0);
        QVERIFY(progress.count() > 3);  // several frames, not a jump
    }

    void playAdvancesByItself() {
        lesson()->setSpeed(4);
        lesson()->first();
        QSignalSpy playing(lesson(), &LessonController::playingChanged);
        lesson()->setPlaying(true);
        QCOMPARE(playing.count(), 1);
        QTRY_COMPARE(lesson()->step(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(lesson()->step(), 2, 8000);
        lesson()->setPlaying(false);
        QVERIFY(!lesson()->isPlaying());
    }

    // Chinese step titles break after their punctuation, never inside a word ("雅可比矩|阵"); a title
    // that fits, or one without Chinese, is left as it is.
    void chineseTitlesBreakAfterPunctuation() {
        const QFontMetrics fm(m_view->stepList()->font());
        const QString title = QStringLiteral("5.  为什么会衰减：雅可比矩阵的连乘");
        const QString head = QStringLiteral("5.  为什么会衰减：");
        const int width = std::max(fm.horizontalAdvance(head), fm.horizontalAdvance(QStringLiteral("雅可比矩阵的连乘"))) + 4;
        QVERIFY(fm.horizontalAdvance(title) > width);
        QCOMPARE(wrapTitle(title, fm, width), head + QLatin1Char('\n') + QStringLiteral("雅可比矩阵的连乘"));
        QCOMPARE(wrapTitle(title, fm, fm.horizontalAdvance(title) + 4), title);
        const QString english = QStringLiteral("5.  Why it fades: a product of Jacobians");
        QCOMPARE(wrapTitle(english, fm, 40), english);
    }

    void clickingTheStepListJumps() {
        StepList* list = m_view->stepList();
        QCOMPARE(list->count(), 8);
        QCOMPARE(list->item(4)->text(), QStringLiteral("5.  ") + stepTitle(lesson()->lesson().steps[4]));
        const QRect r = list->visualItemRect(list->item(4));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, r.center());
        QCOMPARE(lesson()->step(), 4);
    }

    void hoverNamesTheTensor() {
        lesson()->setStep(2, false);
        LessonStage* stage = m_view->stage();
        QSignalSpy hovered(stage, &LessonStage::hoveredChanged);
        int grid = -1;
        for (int g = 0; g < lesson()->scene().grids.size(); ++g)
            if (lesson()->scene().grids[g].cells.first().tensor.endsWith(QLatin1String(".scores"))) grid = g;
        QVERIFY(grid >= 0);
        const StageCell& cell = lesson()->scene().grids[grid].cells.first();
        QTest::mouseMove(stage->viewport(), stage->cellViewportRect(grid, 0).center());
        QTRY_VERIFY(!hovered.isEmpty());
        const QString text = hovered.last().first().toString();
        const QString name = QStringLiteral("encoder.0.self_attn.scores[0][0][%1]").arg(cell.index[2]);
        QVERIFY2(text.startsWith(QStringLiteral("q₁·k")), qPrintable(text));  // the symbols first, 1-based
        QVERIFY2(text.contains(name) && text.contains(cell.text + QStringLiteral("    ")), qPrintable(text));
        lesson()->next();  // the hover text of the last step does not stay
        QCOMPARE(hovered.last().first().toString(), QString());
    }

    // Every number can be reached and read with the keyboard: Tab / Down walk the cells, and each
    // one's details go to the status line and the accessible description.
    void keyboardReachesEveryNumber() {
        lesson()->setStep(4, false);
        LessonStage* stage = m_view->stage();
        stage->setFocus();
        QTRY_VERIFY(stage->hasFocus());
        QSignalSpy hovered(stage, &LessonStage::hoveredChanged);
        const int cells = lesson()->scene().cellCount();
        QSet<QPair<int, int>> seen;
        for (int k = 0; k < cells; ++k) {
            QTest::keyClick(stage, k % 2 ? Qt::Key_Tab : Qt::Key_Down);
            seen.insert(stage->cursor());
            QCOMPARE(stage->accessibleDescription(), stage->describeCell(stage->cursor().first, stage->cursor().second));
            QVERIFY(!hovered.last().first().toString().isEmpty());
        }
        QCOMPARE(int(seen.size()), cells);
        QCOMPARE(lesson()->step(), 4);  // walking the numbers does not step the lesson
        QTest::keyClick(stage, Qt::Key_Up);
        QVERIFY(stage->cursor().first >= 0);
    }

    // After Enter in the sentence field the arrow keys step the lesson, not the text cursor.
    void arrowsStepAfterEnter() {
        SentenceBar* bar = m_view->sentenceBar();
        bar->sentenceEdit()->setFocus();
        bar->sentenceEdit()->setText(QStringLiteral("my mother eats the rice ."));  // the trained en-zh model
        QTest::keyClick(bar->sentenceEdit(), Qt::Key_Return);
        QTRY_COMPARE(int(lesson()->lesson().words.size()), 6);
        QTRY_VERIFY(m_view->stage()->hasFocus());
        const int step = lesson()->step();
        QTest::keyClick(m_view->stage(), Qt::Key_Right);
        QCOMPARE(lesson()->step(), step + 1);
        lesson()->loadThinkingMachines();  // another model: the field no longer shows the old sentence
        QTRY_COMPARE(int(lesson()->lesson().words.size()), 2);
        QCOMPARE(bar->sentenceEdit()->text(), QString());
    }

    // What if: switching ÷√d_k off rebuilds the lesson in core; softmax(112, 96) gives (1.00, 0.00).
    void whatIfSwitchesRebuild() {
        lesson()->setStep(4, false);
        m_view->whatIfBar()->scaleBox()->setChecked(false);
        QVERIFY(!lesson()->scalesScores());
        const StageGrid& shares = lesson()->scene().grids[2];
        QCOMPARE(shares.cells[0].text, QStringLiteral("1.00"));
        QCOMPARE(shares.cells[1].text, QStringLiteral("0.00"));
        QCOMPARE(lesson()->step(), 4);
        m_view->whatIfBar()->scaleBox()->setChecked(true);
        m_view->whatIfBar()->temperatureSlider()->setValue(40);  // T = 10
        QCOMPARE(lesson()->temperature(), 10.0);
        QCOMPARE(lesson()->scene().grids[2].cells[0].text, QStringLiteral("0.55"));
    }

    void overLongInputCountsWords() {
        QVERIFY(lesson()->runSentence(QStringLiteral("the cat ").repeated(50), 1).contains(QStringLiteral("at most 12")));
    }

    void ownSentenceUpdatesEveryStep() {
        m_view->sentenceBar()->modelBox()->setCurrentIndex(1);  // random weights: the seed matters
        QCOMPARE(lesson()->sentenceModel(), QStringLiteral("demo"));
        lesson()->setStep(4, false);
        QVERIFY(lesson()->runSentence(QStringLiteral("the cat sat on the mat"), 7).isEmpty());
        QTRY_COMPARE(int(lesson()->lesson().words.size()), 6);
        QCOMPARE(lesson()->step(), 4);
        QCOMPARE(lesson()->snapshot()->modelName, QStringLiteral("demo"));
        for (int s = 0; s < lesson()->stepCount(); ++s) {
            lesson()->setStep(s, false);
            QVERIFY(checkSceneAgainstTrace(lesson()->scene(), *lesson()->snapshot()) > 0);
            QVERIFY(animationEndsFull(lesson()->scene()));
        }
        // Another seed, other weights: the queries change.
        const float q = lesson()->snapshot()->trace->encoder[0].self_attn.q[0](0, 0);
        QVERIFY(lesson()->runSentence(QStringLiteral("the cat sat on the mat"), 8).isEmpty());
        QTRY_VERIFY(lesson()->snapshot()->trace->encoder[0].self_attn.q[0](0, 0) != q);
    }

    void badSentencesKeepTheLesson_data() {
        QTest::addColumn<QString>("sentence");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces only") << QStringLiteral("   ");
        QTest::newRow("single word") << QStringLiteral("cat");
        QTest::newRow("unknown word") << QStringLiteral("the cat sat on the zorblax");
        QTest::newRow("thirteen words") << QStringLiteral("the cat sat on the mat and the dog sat on the mat");
        QTest::newRow("very long") << QStringLiteral("the cat ").repeated(400);
        QTest::newRow("long with a typo at the end") << QStringLiteral("the cat ").repeated(60) + QStringLiteral("tokens");
    }
    void badSentencesKeepTheLesson() {
        QFETCH(QString, sentence);
        const auto before = lesson()->snapshot();
        const std::vector<std::string> words = lesson()->lesson().words;
        SentenceBar* bar = m_view->sentenceBar();
        bar->sentenceEdit()->setText(sentence);
        QTest::keyClick(bar->sentenceEdit(), Qt::Key_Return);
        QVERIFY(!lesson()->message().isEmpty());
        QTRY_VERIFY(bar->messageLabel()->isVisible());
        QCOMPARE(bar->messageLabel()->text(), lesson()->message());
        m_session->waitForFinished();
        QCOMPARE(lesson()->snapshot(), before);
        QCOMPARE(lesson()->lesson().words, words);
        QVERIFY(checkSceneAgainstTrace(lesson()->scene(), *before) > 0);
    }

    // For a projector: the explanation and the step list grow with the view's height and with the
    // one zoom factor the stage follows too.
    void textFollowsHeightAndZoom() {
        lesson()->setStep(5, false);
        m_view->resize(1400, 1000);
        QTRY_COMPARE(m_view->height(), 1000);
        const double tallText = explanationPoints(m_view), tallList = m_view->stepList()->font().pointSizeF();
        m_view->resize(1400, 600);
        QTRY_COMPARE(m_view->height(), 600);
        QVERIFY2(explanationPoints(m_view) < tallText * 0.8, qPrintable(QString::number(explanationPoints(m_view))));
        QVERIFY(m_view->stepList()->font().pointSizeF() < tallList * 0.8);
        const double text = explanationPoints(m_view), list = m_view->stepList()->font().pointSizeF();
        const double stage = m_view->stage()->scale();
        lesson()->zoomIn();
        const double zoom = lesson()->zoom();
        QVERIFY(zoom > 1.0);
        QCOMPARE(m_view->stepList()->font().pointSizeF(), list * zoom);
        QVERIFY(explanationPoints(m_view) > text * 1.1);
        QVERIFY(m_view->stage()->scale() >= stage);  // larger, or already as large as the room allows
        QCOMPARE(m_view->stage()->horizontalScrollBar()->maximum(), 0);  // re-fitted, never cropped
        QCOMPARE(m_view->stage()->verticalScrollBar()->maximum(), 0);
        lesson()->resetZoom();
        QCOMPARE(explanationPoints(m_view), text);
    }

    // At a small and a large size every step's explanation fits without scrolling, every cell is in
    // view, and a scene with two arrangements shows the one drawn larger.
    void everyStepFits_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("720p") << QSize(1280, 650);
        QTest::newRow("1080p") << QSize(1920, 1000);
    }
    void everyStepFits() {
        QFETCH(QSize, size);
        m_view->resize(size);
        QTRY_COMPARE(m_view->size(), size);
        LessonStage* stage = m_view->stage();
        for (int s = 0; s < lesson()->stepCount(); ++s) {
            lesson()->setStep(s, false);
            QCOMPARE(m_view->explanation()->verticalScrollBar()->maximum(), 0);
            const StageScene& scene = lesson()->scene();
            for (int g = 0; g < scene.grids.size(); ++g)
                for (int c = 0; c < scene.grids[g].cells.size(); ++c)
                    QVERIFY(stage->viewport()->rect().contains(stage->cellViewportRect(g, c)));
            if (!scene.altRoot.children.isEmpty()) {  // the arrangement not shown would not be larger
                const QSize v = stage->maximumViewportSize();
                const QSizeF room(v.width() - 56, v.height() - 56);
                StageScene other = scene;
                if (!scene.alternative) std::swap(other.root, other.altRoot);
                layoutScene(other);
                QVERIFY2(fitIn(scene, room) * 1.05 >= fitIn(other, room), qPrintable(QString::number(s + 1)));
            }
        }
    }

    void zoomIsClamped() {
        QSignalSpy zoom(lesson(), &LessonController::zoomChanged);
        const double fit = m_view->stage()->scale();
        lesson()->zoomIn();
        QVERIFY(m_view->stage()->scale() > fit);
        for (int i = 0; i < 20; ++i) lesson()->zoomIn();
        QCOMPARE(lesson()->zoom(), 3.0);
        lesson()->resetZoom();
        QCOMPARE(m_view->stage()->scale(), fit);
        QVERIFY(zoom.count() >= 3);
    }
};

QTEST_MAIN(TestLessonStage)
#include "tst_lesson_stage.moc"
