// attention-lab --screenshot: runs the real program without a display and checks the PNG it writes
// (requested size, not blank, different steps and languages give different pictures), and that bad
// options print one "attention-lab: ..." line, exit non-zero and write nothing.
#include "test_support.h"

#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

alab::test::AppRun runApp(const QStringList& args) { return alab::test::runApp(args, 60000); }

// Distinct colours in a coarse sample: a blank or single-colour image has one or two.
int colourCount(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
    return int(colours.size());
}

}  // namespace

class TestScreenshot : public QObject {
    Q_OBJECT
private slots:
    void writesAPngOfTheRequestedSize_data() {
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<int>("step");
        QTest::newRow("scores 1920x1080") << "1920x1080" << "en" << 3;
        QTest::newRow("softmax 1280x720 zh_CN") << "1280x720" << "zh_CN" << 5;
        QTest::newRow("matrix form 1024x768") << "1024x768" << "en" << 8;
    }
    void writesAPngOfTheRequestedSize() {
        QFETCH(QString, size);
        QFETCH(QString, lang);
        QFETCH(int, step);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shot.png"));
        const alab::test::AppRun r = runApp({QStringLiteral("--screenshot"), file, QStringLiteral("--lesson"), QStringLiteral("thinking-machines"),
                                 QStringLiteral("--step"), QString::number(step), QStringLiteral("--lang"), lang,
                                 QStringLiteral("--size"), size});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(QStringLiteral("%1x%2").arg(image.width()).arg(image.height()), size);
        QVERIFY2(colourCount(image) > 40, qPrintable(QString::number(colourCount(image))));
    }

    void stepsAndLanguagesDiffer() {
        QTemporaryDir dir;
        QList<QImage> images;
        for (const QStringList& extra : {QStringList{"--step", "2"}, QStringList{"--step", "4"}, QStringList{"--step", "4", "--lang", "zh_CN"}}) {
            const QString file = dir.filePath(QStringLiteral("s%1.png").arg(images.size()));
            const alab::test::AppRun r = runApp(QStringList{"--screenshot", file, "--size", "800x600"} + extra);
            QVERIFY2(r.code == 0, qPrintable(r.err));
            images << QImage(file);
        }
        QVERIFY(images[0] != images[1]);
        QVERIFY(images[1] != images[2]);
    }

    void badOptionsFailClearly_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("step 0") << QStringList{"--step", "0"};
        QTest::newRow("step 9") << QStringList{"--step", "9"};
        QTest::newRow("step not a number") << QStringList{"--step", "three"};
        QTest::newRow("bad size") << QStringList{"--size", "big"};
        QTest::newRow("unknown lesson") << QStringList{"--lesson", "poetry"};
        QTest::newRow("unknown language") << QStringList{"--lang", "xx"};
        QTest::newRow("bad sentence") << QStringList{"--lesson", "demo", "--sentence", "cat"};
        QTest::newRow("step with trailing text") << QStringList{"--step", "3x"};
        QTest::newRow("negative seed") << QStringList{"--lesson", "demo", "--seed", "-1"};
        QTest::newRow("size without height") << QStringList{"--size", "1920x"};
        QTest::newRow("size too small") << QStringList{"--size", "10x10"};
        QTest::newRow("progress past the end") << QStringList{"--progress", "2"};
        const QString golden = QStringLiteral(ALAB_SOURCE_DIR "/tests/golden/prenorm_h4/");
        QTest::newRow("weights without config") << QStringList{"--weights", golden + "weights.safetensors", "--src-ids", "1,2"};
        QTest::newRow("model without input") << QStringList{"--weights", golden + "weights.safetensors", "--config", golden + "config.json"};
        QTest::newRow("ids without a model") << QStringList{"--src-ids", "1,2"};
        QTest::newRow("missing model folder") << QStringList{"--model", "/nonexistent-model", "--src-ids", "1,2"};
        QTest::newRow("id outside the vocabulary") << QStringList{"--weights", golden + "weights.safetensors", "--config",
                                                               golden + "config.json", "--src-ids", "1,99"};
    }
    void badOptionsFailClearly() {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shot.png"));
        const alab::test::AppRun r = runApp(QStringList{"--screenshot", file} + args);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("attention-lab: ")), qPrintable(r.err));
        QVERIFY(!QFile::exists(file));
    }

    // --weights/--config (as the trace command reads them): the lesson runs on that model.
    void rendersAFileModel() {
        QTemporaryDir dir;
        const QString golden = QStringLiteral(ALAB_SOURCE_DIR "/tests/golden/prenorm_h4/");
        const QString prenorm = dir.filePath(QStringLiteral("prenorm.png")), tm = dir.filePath(QStringLiteral("tm.png"));
        alab::test::AppRun r = runApp({"--screenshot", prenorm, "--size", "1280x720", "--weights", golden + "weights.safetensors",
                                       "--config", golden + "config.json", "--src-ids", "7,5,3,14,12,4"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = runApp({"--screenshot", tm, "--size", "1280x720"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QImage a(prenorm), b(tm);
        QCOMPARE(a.size(), QSize(1280, 720));
        QVERIFY(colourCount(a) > 40);
        QVERIFY(a != b);
    }

    void unwritablePathFailsClearly() {
        const alab::test::AppRun r = runApp({QStringLiteral("--screenshot"), QStringLiteral("/nonexistent-dir/x.png")});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("attention-lab: /nonexistent-dir/x.png")), qPrintable(r.err));
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
