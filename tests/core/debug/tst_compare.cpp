// Comparing runs: a golden model's trace written as a folder and read back equals itself; a copy with
// one mid-network tensor perturbed diverges first exactly there (every later tensor of the copy is
// untouched, earlier ones equal), and that tensor leads the list sorted by relative difference; a shape
// mismatch is a divergence with a clear problem; a missing folder is an error naming it.
#include "core/debug/compare.h"
#include "core/trace_writer.h"
#include "../core_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace alab;

class TestCompare : public QObject {
    Q_OBJECT

private slots:
    void plantedDivergence();
};

void TestCompare::plantedDivergence() {
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    QVERIFY2(g.error.empty(), g.error.c_str());
    const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
    const core::Trace trace = model.forward(g.src, g.tgt);
    QTemporaryDir tmp;
    const std::string dir = tmp.filePath("a").toStdString();
    QVERIFY(core::writeTraceFolder(trace, dir, {}, {}).empty());
    core::TraceRun a, b;
    QVERIFY(core::readTraceFolder(dir, a).empty());
    QCOMPARE(a.names, core::traceNames(trace));
    core::RunComparison same = core::compareRuns(a, core::runFromTrace(trace), 1e-4);
    QCOMPARE(same.firstDivergence, -1);
    QCOMPARE(same.diffs.size(), a.names.size());

    b = a;
    b.tensors.at("decoder.0.cross_attn.context").data[3] += 0.01f;
    const core::RunComparison c = core::compareRuns(a, b, 1e-4);
    QVERIFY(c.firstDivergence >= 0);
    QCOMPARE(c.diffs[size_t(c.firstDivergence)].name, std::string("decoder.0.cross_attn.context"));
    QCOMPARE(c.diffs[size_t(c.byRelative().front())].name, std::string("decoder.0.cross_attn.context"));
    QVERIFY(std::abs(c.diffs[size_t(c.firstDivergence)].maxAbs - 0.01) < 1e-4);
    QCOMPARE(core::compareRuns(a, b, 1.0).firstDivergence, -1);  // within a loose tolerance

    b = a;
    b.tensors.at("encoder.1.ffn.hidden") = core::Tensor{{2, 3}, std::vector<float>(6, 0.f)};
    const core::RunComparison s = core::compareRuns(a, b, 1e-4);
    QCOMPARE(s.diffs[size_t(s.firstDivergence)].name, std::string("encoder.1.ffn.hidden"));
    QVERIFY2(s.diffs[size_t(s.firstDivergence)].problem.find("shape") == 0, s.diffs[size_t(s.firstDivergence)].problem.c_str());

    const std::string err = core::readTraceFolder(tmp.filePath("missing").toStdString(), b);
    QVERIFY2(err.find("missing: not a folder") != std::string::npos, err.c_str());
}

QTEST_APPLESS_MAIN(TestCompare)
#include "tst_compare.moc"
