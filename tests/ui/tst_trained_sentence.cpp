// "Your sentence" runs on the trained en→zh model by default: the decoder reads the model's own
// translation, so the heatmap and all-heads tabs show cross-attention of a trained model, not
// labelled as random. The demo model stays one choice away and is labelled "random weights
// (untrained)". Unknown words are named, in English and in 简体中文. Thinking Machines is untouched.
// With ALAB_SCREENSHOTS=DIR it also saves the heatmap and all-heads tabs at 1280×720 and 1920×1080.
#include "ui/analysis/all_heads_view.h"
#include "ui/analysis/attention_view.h"
#include "ui/analysis/model_caption.h"
#include "ui/common/trace_session.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_view.h"
#include "ui/lesson/sentence_bar.h"
#include "ui/main_window.h"
#include "screenshot_support.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using namespace alab;
using namespace alab::ui;

namespace {

const QString kSentence = QStringLiteral("my mother will eat the rice in the park tomorrow .");

QString captionOf(MainWindow& w) {
    QString all;
    for (ModelCaption* c : w.findChildren<ModelCaption*>()) all += c->text();
    return all;
}

void typeSentence(MainWindow& w, const QString& text) {
    SentenceBar* bar = w.lessonView()->sentenceBar();
    bar->sentenceEdit()->setText(text);
    QTest::keyClick(bar->sentenceEdit(), Qt::Key_Return);
}

}  // namespace

class TestTrainedSentence : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests")); }

    void trainedModelIsTheDefault() {
        MainWindow w(false);
        SentenceBar* bar = w.lessonView()->sentenceBar();
        QCOMPARE(w.lessonView()->controller()->sentenceModel(), QStringLiteral("en-zh"));
        QCOMPARE(bar->modelBox()->currentIndex(), 0);
        QVERIFY(!bar->seedBox()->isEnabled());  // no seed: the weights were learned
        QCOMPARE(w.session()->snapshot()->modelName, QStringLiteral("thinking-machines"));  // the lesson starts as before
        typeSentence(w, kSentence);
        QTRY_COMPARE(w.session()->snapshot()->modelName, QStringLiteral("en-zh"));
        const auto snap = w.session()->snapshot();
        QVERIFY(!snap->untrained);
        QCOMPARE(snap->tgtTokens.join(QLatin1Char(' ')), QStringLiteral("<bos> 我 的 妈 妈 明 天 会 在 公 园 吃 米 饭 。"));
        QCOMPARE(int(snap->trace->decoder.back().cross_attn.weights.size()), 4);
        QVERIFY(!captionOf(w).contains(ModelCaption::untrainedText()));
        QVERIFY(captionOf(w).contains(QStringLiteral("en-zh")));
    }

    void randomModelIsLabelled() {
        MainWindow w(false);
        SentenceBar* bar = w.lessonView()->sentenceBar();
        bar->modelBox()->setCurrentIndex(1);
        QCOMPARE(bar->modelBox()->currentText(), ModelCaption::untrainedText());
        QVERIFY(bar->seedBox()->isEnabled());
        typeSentence(w, QStringLiteral("the cat sat on the mat"));
        QTRY_COMPARE(w.session()->snapshot()->modelName, QStringLiteral("demo"));
        QVERIFY(w.session()->snapshot()->untrained);
        QVERIFY(captionOf(w).contains(ModelCaption::untrainedText()));
        bar->modelBox()->setCurrentIndex(0);
        typeSentence(w, QStringLiteral("the cat sat on the mat"));  // "sat" and "mat" are not in its grammar
        QVERIFY(w.lessonView()->controller()->message().contains(QStringLiteral("“sat”, “mat”")));
        QCOMPARE(w.session()->snapshot()->modelName, QStringLiteral("demo"));  // the previous trace stays
    }

    void unknownWordsAreNamedInBothLanguages_data() {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("says");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("does not know “zebra”");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("“zebra”");
    }
    void unknownWordsAreNamedInBothLanguages() {
        QFETCH(QString, lang);
        QFETCH(QString, says);
        MainWindow w(false);
        QVERIFY(w.setLanguage(lang, false));
        typeSentence(w, QStringLiteral("my mother will eat the zebra ."));
        QLabel* message = w.lessonView()->sentenceBar()->messageLabel();
        QVERIFY(message->text().contains(says));
        if (lang == QLatin1String("zh_CN")) QVERIFY(message->text().contains(QStringLiteral("模型")));
        w.setLanguage(QStringLiteral("en"), false);
    }

    void screenshots_data() { test::addScreenshotRows(); }
    void screenshots() {
        const QString out = test::screenshotDir();
        if (out.isEmpty()) QSKIP("set ALAB_SCREENSHOTS=DIR to save screenshots of the trained model's views");
        QFETCH(QString, lang);
        QFETCH(QSize, size);
        MainWindow w(false);
        QVERIFY(test::showWindow(w, lang, size));
        typeSentence(w, kSentence);
        QTRY_COMPARE(w.session()->snapshot()->modelName, QStringLiteral("en-zh"));
        const test::Screenshots shot(w, out, lang, size);
        QVERIFY(shot(QStringLiteral("lesson-en-zh")));
        auto* attention = w.findChild<AttentionView*>();
        w.tabs()->setCurrentWidget(attention);
        attention->showHead(AttentionKind::Cross, 1, 0);
        QVERIFY(shot(QStringLiteral("heatmap-en-zh-cross")));
        auto* all = w.findChild<AllHeadsView*>();
        w.tabs()->setCurrentWidget(all);
        all->setKind(AttentionKind::Cross);
        QVERIFY(shot(QStringLiteral("all-heads-en-zh-cross")));
    }
};

QTEST_MAIN(TestTrainedSentence)
#include "tst_trained_sentence.moc"
