// Comparing runs: a golden model's trace written as a folder and read back equals itself; a copy with
// one mid-network tensor perturbed diverges first exactly there (every later tensor of the copy is
// untouched, earlier ones equal), and that tensor leads the list sorted by relative difference; a shape
// mismatch is a divergence with a clear problem; a missing folder is an error naming it. The absolute
// floor: a tensor of ~1e-8 values (a LayerNorm mean) differing by 1e-9 does not diverge at the default
// tolerances (it does with no floor), while a 1e-3 change in an ordinary tensor still does.
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
    void absoluteFloor();
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

void TestCompare::absoluteFloor() {
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    QVERIFY2(g.error.empty(), g.error.c_str());
    const core::Trace trace = core::Model(g.config, core::fromNamedTensors(g.config, g.weights)).forward(g.src, g.tgt);
    core::TraceRun a = core::runFromTrace(trace);
    const std::string tiny = "decoder.0.norm1_mean";
    std::vector<float>& ta = a.tensors.at(tiny).data;
    QVERIFY(ta.size() >= 2);
    for (size_t i = 0; i < ta.size(); ++i) ta[i] = (i % 2 ? -3e-8f : 2e-8f) * float(i + 1) / float(ta.size());
    core::TraceRun b = a;
    for (float& v : b.tensors.at(tiny).data) v += 1e-9f;
    const double tol = 1e-4, atol = core::kDefaultAbsoluteTolerance;

    core::RunComparison c = core::compareRuns(a, b, tol, atol);
    QCOMPARE(c.firstDivergence, -1);
    const auto diffOf = [&](const core::RunComparison& r, const std::string& name) {
        for (const core::TensorDiff& d : r.diffs)
            if (d.name == name) return d;
        return core::TensorDiff{};
    };
    const core::TensorDiff d = diffOf(c, tiny);
    QCOMPARE(d.name, tiny);
    QVERIFY2(d.maxAbs > 5e-10 && d.maxAbs < 2e-9, qPrintable(QString::number(d.maxAbs)));
    QVERIFY(!d.diverges);
    QVERIFY2(d.relative <= tol, qPrintable(QString::number(d.relative)));  // measured against the floor atol / tol
    const core::RunComparison noFloor = core::compareRuns(a, b, tol, 0);
    QCOMPARE(noFloor.diffs[size_t(noFloor.firstDivergence)].name, tiny);  // without it, rounding noise "diverges"
    QVERIFY(diffOf(noFloor, tiny).relative > 1e-2);

    const std::string normal = "decoder.0.cross_attn.context";
    b.tensors.at(normal).data[3] += 1e-3f;
    c = core::compareRuns(a, b, tol, atol);
    QVERIFY(c.firstDivergence >= 0);
    QCOMPARE(c.diffs[size_t(c.firstDivergence)].name, normal);
    QVERIFY(diffOf(c, normal).scale > atol / tol);  // an ordinary tensor: the relative part decides
    QCOMPARE(c.diffs[size_t(c.byRelative().front())].name, normal);
    QCOMPARE(core::compareRuns(a, b, tol, 2e-3).firstDivergence, -1);  // a floor above the change accepts it
}

QTEST_APPLESS_MAIN(TestCompare)
#include "tst_compare.moc"
