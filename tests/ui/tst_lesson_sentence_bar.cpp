// The sentence bar says what the stage shows: a lesson that runs its own example sentence (decoder,
// output; multi-head and positional encoding when the window's model has one head) puts that sentence
// in the field, labelled as the lesson's, and the student's sentence comes back with a lesson that
// runs on it. Typing over the example makes it the student's; running it keeps it. Offscreen, no sleeps.
#include "core/lessons/output_example.h"
#include "core/lessons/translation_example.h"
#include "ui/common/trace_session.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_view.h"
#include "ui/lesson/sentence_bar.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace alab;
using namespace alab::ui;

namespace {

QString joined(const std::vector<std::string>& words) {
    QStringList out;
    for (const std::string& w : words) out << QString::fromStdString(w);
    return out.join(QLatin1Char(' '));
}

}  // namespace

class TestLessonSentenceBar : public QObject {
    Q_OBJECT
private:
    TraceSession* m_session = nullptr;
    LessonView* m_view = nullptr;
    LessonController* lesson() const { return m_view->controller(); }
    SentenceBar* bar() const { return m_view->sentenceBar(); }
    QString field() const { return bar()->sentenceEdit()->text(); }

private slots:
    void init() {
        m_session = new TraceSession;
        m_view = new LessonView(m_session);
        lesson()->loadThinkingMachines();
        m_session->waitForFinished();
        m_view->resize(1280, 720);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }
    void cleanup() {
        delete m_view;
        delete m_session;
    }

    // The student's sentence on the random demo model: the translation lessons show their own.
    void exampleLessonsShowTheirSentence() {
        bar()->modelBox()->setCurrentIndex(1);  // random weights: any words
        bar()->sentenceEdit()->setText(QStringLiteral("the cat sat on the mat"));
        QCOMPARE(bar()->run(), QString());
        QTRY_COMPARE(lesson()->lesson().words.size(), size_t(6));
        const QString yours = bar()->label()->text();
        QVERIFY(!bar()->showsExample());

        lesson()->setLesson("decoder");
        QVERIFY(lesson()->lesson().ownSentence);
        QCOMPARE(field(), QString::fromLatin1(core::kExampleSentence));
        QCOMPARE(field(), joined(lesson()->lesson().words));  // the words the stage labels its rows with
        QVERIFY(bar()->showsExample());
        QVERIFY(bar()->label()->text() != yours);
        QVERIFY(bar()->sentenceEdit()->font().italic());

        lesson()->setLesson("output");
        QCOMPARE(field(), QString::fromLatin1(core::kOutputSentence));
        QCOMPARE(field(), joined(lesson()->lesson().words));

        lesson()->setLesson("encoder-layer");  // on the window's sentence again
        QVERIFY(!lesson()->lesson().ownSentence);
        QCOMPARE(field(), QStringLiteral("the cat sat on the mat"));
        QCOMPARE(field(), joined(lesson()->lesson().words));
        QVERIFY(!bar()->showsExample());
        QCOMPARE(bar()->label()->text(), yours);
        QVERIFY(!bar()->sentenceEdit()->font().italic());
    }

    // Typing over the example makes the field the student's; Enter runs it on the trained model,
    // whose trace the decoder lesson then uses, and the field keeps it.
    void typingOverTheExampleMakesItYours() {
        lesson()->setLesson("decoder");
        QVERIFY(bar()->showsExample());
        QLineEdit* edit = bar()->sentenceEdit();
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("my mother eats the rice ."));
        QVERIFY(!bar()->showsExample());
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(lesson()->lesson().words.size(), size_t(6));
        QVERIFY(!lesson()->lesson().ownSentence);
        QCOMPARE(field(), QStringLiteral("my mother eats the rice ."));
        lesson()->setLesson("thinking-machines");
        QCOMPARE(field(), QStringLiteral("my mother eats the rice ."));
        QCOMPARE(field(), joined(lesson()->lesson().words));
    }

    // Back to Thinking Machines while a lesson shows its example: the example stays (the stage still
    // shows it), and the self-attention lesson then shows an empty field, as Thinking Machines is no sentence of the bar.
    void thinkingMachinesForgetsTheStudentsSentence() {
        QLineEdit* edit = bar()->sentenceEdit();
        edit->setText(QStringLiteral("my mother eats the rice ."));
        QCOMPARE(bar()->run(), QString());
        QTRY_COMPARE(lesson()->lesson().words.size(), size_t(6));
        lesson()->setLesson("multi-head");  // the trained model has four heads: the window's sentence
        QVERIFY(!bar()->showsExample());
        QCOMPARE(field(), QStringLiteral("my mother eats the rice ."));
        lesson()->loadThinkingMachines();
        QTRY_VERIFY(lesson()->lesson().ownSentence);  // one head: the lesson's own sentence
        QVERIFY(bar()->showsExample());
        QCOMPARE(field(), joined(lesson()->lesson().words));
        lesson()->setLesson("thinking-machines");
        QCOMPARE(field(), QString());
        QVERIFY(!bar()->showsExample());
    }
};

QTEST_MAIN(TestLessonSentenceBar)
#include "tst_lesson_sentence_bar.moc"
