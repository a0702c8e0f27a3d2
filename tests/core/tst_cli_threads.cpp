// --threads N, the option every command takes (app/cli_args.cpp): a bad count is one line naming the
// option and exit code 2, for each command that computes; a trace of the base-sized demo input is the
// same on one and on three threads (products are split into blocks that depend on the shapes alone).
#include "core/presets.h"
#include "core_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace alab;

class TestCliThreads : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFileInfo(QStringLiteral(ALAB_APP_PATH)).isExecutable(), ALAB_APP_PATH); }
    void badCountIsOneLine_data();
    void badCountIsOneLine();
    void traceIsTheSameOnOneAndThreeThreads();
};

void TestCliThreads::badCountIsOneLine_data() {
    QTest::addColumn<QStringList>("args");
    const QStringList trace{"trace", "--preset", "demo", "--src", "cat", "--out", "unused"};
    QTest::newRow("zero") << trace + QStringList{"--threads", "0"};
    QTest::newRow("too many") << trace + QStringList{"--threads", "1025"};
    QTest::newRow("not a number") << trace + QStringList{"--threads", "two"};
    QTest::newRow("no value") << trace + QStringList{"--threads"};
    QTest::newRow("translate") << QStringList{"translate", "--threads", "-1", "--model", "x", "--src", "a"};
    QTest::newRow("train") << QStringList{"train", "--task", "copy", "--threads", "1.5", "--out", "unused"};
    QTest::newRow("export") << QStringList{"export", "--threads", "", "--tensor", "output.probs", "--out", "x.csv"};
}

void TestCliThreads::badCountIsOneLine() {
    QFETCH(QStringList, args);
    const test::ProcessResult r = test::runApp(args);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("attention-lab: --threads needs a whole number"), qPrintable(r.err));
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(!QFileInfo::exists("unused"));
}

void TestCliThreads::traceIsTheSameOnOneAndThreeThreads() {
    const core::Preset p = core::demoPreset();
    std::string src;
    for (int i = 0; i < 20; ++i) src += (i ? " " : "") + p.defaultSrc;  // long enough for parallel heads
    QTemporaryDir tmp;
    QStringList outs;
    for (const char* threads : {"1", "3"}) {
        outs << tmp.filePath(QString("t") + threads);
        const test::ProcessResult r = test::runApp(
            {"trace", "--preset", "demo", "--src", test::qs(src), "--tgt", test::qs(p.defaultTgt), "--threads", threads,
             "--out", outs.back()});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
    }
    for (const char* name : {"encoder.1.self_attn.weights", "decoder.1.cross_attn.context", "output.probs"}) {
        core::Tensor one, three;
        QCOMPARE(test::readNpy(outs[0] + "/" + name + ".npy", one), std::string());
        QCOMPARE(test::readNpy(outs[1] + "/" + name + ".npy", three), std::string());
        QVERIFY2(one.shape == three.shape && one.data == three.data, name);
    }
}

QTEST_APPLESS_MAIN(TestCliThreads)
#include "tst_cli_threads.moc"
