// attention-lab export, run as a process without a display: every format, all heads, and the
// failures (bad tensor name, bad destination, bad options) that print one line, exit non-zero and
// leave no file. Numbers are checked against a trace computed here.
#include "core/npy.h"
#include "ui/common/trace_session.h"
#include "test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

using namespace alab;

namespace {

// attention-lab export `args`.
test::AppRun run(const QStringList& args) { return test::runApp(QStringList{QStringLiteral("export")} + args, 120000); }

const QStringList kDemo{"--preset", "demo", "--src", "the cat sat on the mat", "--tgt", "<bos> 猫 坐 在"};

}  // namespace

class TestAnalysisCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    ui::TraceSession m_session;

private slots:
    void initTestCase() {
        QVERIFY(QFile::exists(QStringLiteral(ALAB_APP_PATH)));
        QCOMPARE(test::loadPreset(m_session, "demo", QStringLiteral("the cat sat on the mat"), QStringLiteral("<bos> 猫 坐 在")), QString());
    }

    void figures_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << "png";
        QTest::newRow("svg") << "svg";
        QTest::newRow("pdf") << "pdf";
    }
    void figures() {
        QFETCH(QString, format);
        const QString out = m_dir.filePath("cross." + format);
        const test::AppRun r = run(kDemo + QStringList{"--tensor", "decoder.1.cross_attn.weights", "--head", "3", "--format", format,
                                              "--width", "640", "--height", "480", "--scale", "2", "--out", out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        if (format == "png") QCOMPARE(QImage(out).size(), QSize(1280, 960));
        if (format == "svg") QVERIFY(QSvgRenderer(out).isValid());
        if (format == "pdf") {
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.read(4) == "%PDF");
        }
    }

    void npyWholeTensorAndOneHead() {
        const std::optional<core::Tensor> t = core::findTensor(*m_session.snapshot()->trace, "encoder.0.self_attn.q");
        QVERIFY(t);
        const QString all = m_dir.filePath("q.npy"), one = m_dir.filePath("q1.npy");
        QCOMPARE(run(kDemo + QStringList{"--tensor", "encoder.0.self_attn.q", "--format", "npy", "--out", all}).code, 0);
        QCOMPARE(run(kDemo + QStringList{"--tensor", "encoder.0.self_attn.q", "--head", "1", "--format", "npy", "--out", one}).code, 0);
        for (const QString& path : {all, one}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            core::Tensor back;
            QCOMPARE(QString::fromStdString(core::parseNpy(f.readAll().toStdString(), back)), QString());
            const core::Tensor expected = path == all ? *t : core::Tensor::fromMatrix(t->toHeads()[1]);
            QCOMPARE(back.shape, expected.shape);
            QVERIFY(back.data == expected.data);
        }
    }

    void csvHasTokenLabels() {
        const QString out = m_dir.filePath("w.csv");
        QCOMPARE(run(kDemo + QStringList{"--tensor", "decoder.0.cross_attn.weights", "--format", "csv", "--out", out}).code, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines[0], QStringLiteral(",the,cat,sat,on,the,mat"));
        const core::Matrix& w = m_session.snapshot()->trace->decoder[0].cross_attn.weights[0];
        QCOMPARE(lines.size(), int(w.rows()) + 1);
        const QStringList row1 = lines[2].split(',');
        QCOMPARE(row1[0], QStringLiteral("猫"));
        QCOMPARE(row1[3].toFloat(), w(1, 2));
    }

    void allHeads() {
        const QString dir = m_dir.filePath("cross-heads");
        const test::AppRun r = run(kDemo + QStringList{"--all-heads", dir, "--kind", "cross", "--width", "300", "--height", "200"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(QDir(dir).filePath("index.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject index = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(index["kind"].toString(), QStringLiteral("cross"));
        QCOMPARE(index["files"].toArray().size(), 2 * 4);
        QCOMPARE(QDir(dir).entryList({"decoder.*.cross_attn.weights.h*.png"}, QDir::Files).size(), 8);
    }

    void failuresLeaveNothing_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("code");
        const QString dir = m_dir.filePath("fail");
        QTest::newRow("misspelt tensor") << QStringList{"--tensor", "encoder.0.self_attn.wieghts", "--out", dir + "/a.png"}
                                         << "nearest: encoder.0.self_attn.weights" << 1;
        QTest::newRow("missing folder") << QStringList{"--tensor", "encoder.0.self_attn.weights", "--out", dir + "/no/a.png"}
                                        << "cannot write " + dir + "/no/a.png" << 1;
        QTest::newRow("head out of range") << QStringList{"--tensor", "encoder.0.self_attn.weights", "--head", "9", "--out", dir + "/a.png"}
                                           << "head 9" << 1;
        QTest::newRow("unknown format") << QStringList{"--tensor", "encoder.0.self_attn.weights", "--format", "jpg", "--out", dir + "/a.jpg"}
                                        << "--format \"jpg\"" << 2;
        QTest::newRow("all heads of a non-attention tensor") << QStringList{"--tensor", "encoder.0.ffn.hidden", "--all-heads", dir + "/heads"}
                                                             << "attention tensor" << 1;
    }
    void failuresLeaveNothing() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QFETCH(int, code);
        const QString dir = m_dir.filePath("fail");
        QVERIFY(QDir().mkpath(dir));
        const test::AppRun r = run(kDemo + args);
        QCOMPARE(r.code, code);
        const QStringList lines = r.err.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].startsWith("attention-lab: ") && lines[0].contains(message), qPrintable(r.err));
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }
};

QTEST_MAIN(TestAnalysisCli)
#include "tst_analysis_cli.moc"
