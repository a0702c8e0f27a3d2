// attention-lab compare on trace folders of a golden model: a folder against itself exits 0 saying no
// divergence; against a copy with one mid-network value changed exits 1 naming that tensor as the first
// divergence; a loose --tol accepts it; a missing folder or a bad --tol exits 2 with one line.
#include "core/trace_writer.h"
#include "../core_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace alab;

class TestCliCompare : public QObject {
    Q_OBJECT

private slots:
    void exitCodes();
};

void TestCliCompare::exitCodes() {
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    QVERIFY2(g.error.empty(), g.error.c_str());
    core::Trace trace = core::Model(g.config, core::fromNamedTensors(g.config, g.weights)).forward(g.src, g.tgt);
    QTemporaryDir tmp;
    const QString a = tmp.filePath("a"), b = tmp.filePath("b");
    QVERIFY(core::writeTraceFolder(trace, a.toStdString(), {}, {}).empty());
    trace.decoder[0].cross_attn.context[1](2, 0) += 0.05f;
    QVERIFY(core::writeTraceFolder(trace, b.toStdString(), {}, {}).empty());

    test::ProcessResult r = test::runApp({"compare", a, a});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("no divergence"), qPrintable(r.out));
    r = test::runApp({"compare", a, b, "--tol", "1e-4"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("first divergence: decoder.0.cross_attn.context"), qPrintable(r.out));
    QVERIFY(r.out.contains("output.probs"));
    r = test::runApp({"compare", a, b, "--tol", "10"});
    QCOMPARE(r.exitCode, 0);
    r = test::runApp({"compare", a, tmp.filePath("nothing")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("nothing: not a folder"), qPrintable(r.err));
    r = test::runApp({"compare", a, b, "--tol", "x"});
    QCOMPARE(r.exitCode, 2);

    trace.decoder[0].cross_attn.context[1](2, 0) -= 0.05f;
    core::Matrix& mean = trace.decoder[0].norm1_stats.mean;
    for (Eigen::Index i = 0; i < mean.size(); ++i) mean.data()[i] = float(i + 1) * 1e-8f;
    const QString z1 = tmp.filePath("z1"), z2 = tmp.filePath("z2");
    QVERIFY(core::writeTraceFolder(trace, z1.toStdString(), {}, {}).empty());
    mean.array() += 1e-9f;
    QVERIFY(core::writeTraceFolder(trace, z2.toStdString(), {}, {}).empty());
    r = test::runApp({"compare", z1, z2});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("no divergence") && r.out.contains("absolute floor 1e-06"), qPrintable(r.out));
    r = test::runApp({"compare", z1, z2, "--atol", "0"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("first divergence: decoder.0.norm1_mean"), qPrintable(r.out));
    r = test::runApp({"compare", a, b});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("first divergence: decoder.0.cross_attn.context"), qPrintable(r.out));
    r = test::runApp({"compare", a, b, "--atol", "10"});  // a floor above every change accepts it
    QCOMPARE(r.exitCode, 0);
    for (const char* bad : {"x", "-1", "inf"}) {
        r = test::runApp({"compare", z1, z2, "--atol", bad});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("--atol"), qPrintable(r.err));
    }
}

QTEST_APPLESS_MAIN(TestCliCompare)
#include "tst_cli_compare.moc"
