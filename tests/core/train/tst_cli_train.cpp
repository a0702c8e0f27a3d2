// `attention-lab train` as a user runs it: a short run writes a model folder that loads, with a
// log.csv of one row per step; the same seed twice gives byte-identical model.safetensors; --clip,
// --dropout and --weight-decay reach the run; bad options and bad TSV data (no tab, an empty side,
// invalid UTF-8) exit non-zero with one "attention-lab: ..." line and write nothing.
#include "../core_test_support.h"
#include "core/train/model_folder.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace alab;
using namespace alab::core;
using namespace alab::test;

namespace {
QStringList tinyRun(const QString& out, const QString& seed)
{
    return {"train", "--task", "reverse", "--d-model", "16", "--heads", "2", "--layers", "1", "--d-ff", "32",
            "--steps", "5", "--batch", "4", "--warmup", "2", "--seed", seed, "--out", out};
}
QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
}  // namespace

class TestCliTrain : public QObject {
    Q_OBJECT

private slots:
    void writesALoadableFolder() {
        QTemporaryDir dir;
        const QString out = dir.filePath("m");
        const ProcessResult r = runApp(tinyRun(out, "4"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        LoadedModel loaded;
        QCOMPARE(loadModelFolder(out.toStdString(), loaded), std::string());
        const QList<QByteArray> log = readAll(out + "/log.csv").trimmed().split('\n');
        QCOMPARE(log.size(), 6);  // header + 5 steps
        QVERIFY(log[0].startsWith("step,train_loss,val_loss,val_exact_match,lr,grad_norm"));
        QVERIFY(log[5].startsWith("5,"));
    }
    void sameSeedSameBytes() {
        QTemporaryDir dir;
        QCOMPARE(runApp(tinyRun(dir.filePath("a"), "9")).exitCode, 0);
        QCOMPARE(runApp(tinyRun(dir.filePath("b"), "9")).exitCode, 0);
        QCOMPARE(runApp(tinyRun(dir.filePath("c"), "10")).exitCode, 0);
        const QByteArray a = readAll(dir.filePath("a/model.safetensors"));
        QVERIFY(!a.isEmpty());
        QVERIFY(a == readAll(dir.filePath("b/model.safetensors")));
        QVERIFY(a != readAll(dir.filePath("c/model.safetensors")));
    }
    void resumeContinuesTheSameCurve() {
        QTemporaryDir dir;
        QStringList whole = tinyRun(dir.filePath("whole"), "3"), half = tinyRun(dir.filePath("half"), "3");
        whole.replace(whole.indexOf("--steps") + 1, "6");
        half.replace(half.indexOf("--steps") + 1, "3");
        QCOMPARE(runApp(whole).exitCode, 0);
        QCOMPARE(runApp(half).exitCode, 0);
        const ProcessResult r = runApp({"train", "--resume", dir.filePath("half"), "--steps", "6", "--out", dir.filePath("rest")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray a = readAll(dir.filePath("whole/model.safetensors"));
        QVERIFY(!a.isEmpty() && a == readAll(dir.filePath("rest/model.safetensors")));
        const QList<QByteArray> w = readAll(dir.filePath("whole/log.csv")).trimmed().split('\n');
        const QList<QByteArray> c = readAll(dir.filePath("rest/log.csv")).trimmed().split('\n');
        QCOMPARE(c.size(), 7);  // header + the 3 saved rows + 3 new ones
        for (int i = 1; i < 7; ++i)  // step and train loss agree row by row
            QCOMPARE(c[i].split(',').mid(0, 2), w[i].split(',').mid(0, 2));
        const ProcessResult bad = runApp({"train", "--resume", dir.filePath("half"), "--d-model", "32", "--out", dir.filePath("x")});
        QVERIFY(bad.exitCode != 0 && bad.err.contains("--d-model") && bad.err.trimmed().count('\n') == 0);
        QVERIFY(!QFileInfo::exists(dir.filePath("x")));
        const ProcessResult none = runApp({"train", "--resume", dir.filePath("nothing"), "--out", dir.filePath("y")});
        QVERIFY(none.exitCode != 0 && none.err.contains("not a folder") && !QFileInfo::exists(dir.filePath("y")));
    }
    void trainingOptionsReachTheRun() {
        QTemporaryDir dir;
        const QStringList knobs{"--clip", "0.5", "--dropout", "0.2", "--weight-decay", "0.01"};
        QCOMPARE(runApp(tinyRun(dir.filePath("plain"), "4")).exitCode, 0);
        const ProcessResult r = runApp(tinyRun(dir.filePath("knobs"), "4") + knobs);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        Json state;
        std::string text;
        QCOMPARE(readFile(dir.filePath("knobs/checkpoint/train_state.json").toStdString(), text), std::string());
        state = Json::parse(text);
        const Json& o = *state.find("options");
        QCOMPARE(o.find("clip")->toNumber(), 0.5);
        QCOMPARE(float(o.find("dropout")->toNumber()), 0.2f);
        QCOMPARE(float(o.find("weight_decay")->toNumber()), 0.01f);
        QVERIFY(readAll(dir.filePath("knobs/model.safetensors")) != readAll(dir.filePath("plain/model.safetensors")));
    }
    void dataRunKeepsItsValidationFraction() {
        QTemporaryDir dir;
        QFile f(dir.filePath("pairs.tsv"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 60; ++i) f.write(QByteArray("a") + QByteArray::number(i) + " b\tc " + QByteArray::number(i % 5) + "\n");
        f.close();
        QStringList args = tinyRun(dir.filePath("m"), "2");
        args.replace(args.indexOf("--task"), "--data");
        args.replace(args.indexOf("reverse"), dir.filePath("pairs.tsv"));
        const ProcessResult r = runApp(args + QStringList{"--val-fraction", "0.3", "--eval-every", "1"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith("held-out test BLEU "), qPrintable(r.out));
        std::string text;
        QCOMPARE(readFile(dir.filePath("m/checkpoint/train_state.json").toStdString(), text), std::string());
        QCOMPARE(float(Json::parse(text).find("options")->find("val_fraction")->toNumber()), 0.3f);
        const QList<QByteArray> log = readAll(dir.filePath("m/log.csv")).trimmed().split('\n');
        for (int i = 1; i < log.size(); ++i) QVERIFY2(!log[i].split(',')[2].isEmpty(), log[i].constData());  // every step
        const ProcessResult other = runApp({"train", "--resume", dir.filePath("m"), "--steps", "8", "--val-fraction", "0.2",
                                            "--out", dir.filePath("n")});
        QVERIFY2(other.exitCode != 0 && other.err.contains("--val-fraction"), qPrintable(other.err));
    }
    void badInput_data() {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("needle");
        QTest::newRow("steps 0") << QStringList{"--task", "copy", "--steps", "0"} << "--steps";
        QTest::newRow("lr nan") << QStringList{"--task", "copy", "--lr", "nan"} << "--lr";
        QTest::newRow("lr negative") << QStringList{"--task", "copy", "--lr", "-1"} << "--lr";
        QTest::newRow("unknown task") << QStringList{"--task", "nope"} << "nope";
        QTest::newRow("no task") << QStringList{} << "--task";
        QTest::newRow("unknown option") << QStringList{"--task", "copy", "--bogus", "1"} << "--bogus";
        QTest::newRow("tsv without tab") << QStringList{"--data", "{D}/bad.tsv"} << "bad.tsv line 2: no tab";
        QTest::newRow("tsv empty side") << QStringList{"--data", "{D}/empty.tsv"} << "empty.tsv line 2: the target is empty";
        QTest::newRow("tsv invalid UTF-8") << QStringList{"--data", "{D}/utf8.tsv"} << "utf8.tsv line 2: invalid UTF-8";
        QTest::newRow("dropout 1") << QStringList{"--task", "copy", "--dropout", "1"} << "--dropout needs a number in [0, 1)";
        QTest::newRow("clip negative") << QStringList{"--task", "copy", "--clip", "-1"} << "--clip";
        QTest::newRow("weight decay nan") << QStringList{"--task", "copy", "--weight-decay", "nan"} << "--weight-decay";
        QTest::newRow("val fraction with a task") << QStringList{"--task", "copy", "--val-fraction", "0.2"}
                                                  << "--val-fraction applies to --data only";
        QTest::newRow("val fraction 0") << QStringList{"--data", "{D}/bad.tsv", "--val-fraction", "0"}
                                        << "--val-fraction needs a number in (0, 1)";
        QTest::newRow("val fraction 1") << QStringList{"--data", "{D}/bad.tsv", "--val-fraction", "1"}
                                        << "--val-fraction needs a number in (0, 1)";
        QTest::newRow("eval every 0") << QStringList{"--task", "copy", "--eval-every", "0"} << "--eval-every needs an integer ≥ 1";
        QTest::newRow("checkpoint every 0") << QStringList{"--task", "copy", "--checkpoint-every", "0"}
                                            << "--checkpoint-every needs an integer ≥ 1";
    }
    void badInput() {
        QFETCH(QStringList, extra);
        QFETCH(QString, needle);
        QTemporaryDir dir;
        const std::pair<const char*, QByteArray> files[] = {
            {"bad.tsv", "a b\tc d\nno tab here\n"}, {"empty.tsv", "a b\tc d\ne f\t \n"}, {"utf8.tsv", "a\tb\n\xff\tc\n"}};
        for (const auto& [name, text] : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
        }
        extra.replaceInStrings("{D}", dir.path());
        const ProcessResult r = runApp(QStringList{"train"} + extra + QStringList{"--out", dir.filePath("m")});
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.trimmed().count('\n'), 0);
        QVERIFY2(r.err.startsWith("attention-lab: ") && r.err.contains(needle), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("m")));
    }
};

QTEST_APPLESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
