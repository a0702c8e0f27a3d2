// attention-lab trace --intervene on a golden model's files: two repeated interventions are both applied
// (the written trace has head 1's concat columns zero and the set cell), the report names the first
// changed tensor and each target position's probabilities, and the written logits equal an in-process
// run of the same interventions; bad specs are one line and a non-zero exit, leaving no folder.
#include "core/debug/intervention.h"
#include "core/debug/trace_run.h"
#include "../core_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace alab;

class TestCliIntervene : public QObject {
    Q_OBJECT

private slots:
    void interveneFromTheCommandLine();
};

void TestCliIntervene::interveneFromTheCommandLine() {
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    QVERIFY2(g.error.empty(), g.error.c_str());
    auto ids = [](const std::vector<int>& v) {
        QStringList s;
        for (int i : v) s << QString::number(i);
        return s.join(',');
    };
    const QString dir = test::qs(test::goldenDir("postnorm_h2"));
    QTemporaryDir tmp;
    const QString out = tmp.filePath("t");
    const QStringList base = {"trace", "--weights", dir + "/weights.safetensors", "--config", dir + "/config.json",
                              "--src-ids", ids(g.src), "--tgt-ids", ids(g.tgt)};
    const std::vector<std::string> specs = {"decoder.1.self_attn.head=1:zero", "encoder.0.ffn.hidden[2,4]:set=1.5"};
    test::ProcessResult r = test::runApp(base + QStringList{"--intervene", test::qs(specs[0]), "--out", out, "--intervene", test::qs(specs[1])});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("first in execution order: encoder.0.ffn.hidden"), qPrintable(r.out));
    QCOMPARE(r.out.count("output.probs position"), int(g.tgt.size()));

    core::TraceRun written;
    QVERIFY(core::readTraceFolder(out.toStdString(), written).empty());
    const core::Matrix concat = written.find("decoder.1.self_attn.concat")->toMatrix();
    QCOMPARE(concat.rightCols(8).cwiseAbs().maxCoeff(), 0.0f);
    QCOMPARE(written.find("encoder.0.ffn.hidden")->toMatrix()(2, 4), 1.5f);
    const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
    std::vector<core::Intervention> list(2);
    for (size_t i = 0; i < 2; ++i) QVERIFY(core::parseIntervention(specs[i], list[i]).empty());
    QVERIFY(core::prepareInterventions(model, g.src, g.tgt, list).empty());
    const core::Trace expected = core::runWithInterventions(model, g.src, g.tgt, list);
    QVERIFY(test::maxAbsDiff(*written.find("output.logits"), core::Tensor::fromMatrix(expected.logits)) == 0);
    QVERIFY(test::maxAbsDiff(*written.find("output.logits"), core::Tensor::fromMatrix(model.forward(g.src, g.tgt).logits)) > 1e-3);

    for (const QString& bad : {QString("decoder.1.self_attn.head=7:zero"), QString("decoder.1.bogus:zero"), QString("x")}) {
        const QString out2 = tmp.filePath("bad");
        r = test::runApp(base + QStringList{"--intervene", bad, "--out", out2});
        QVERIFY(r.exitCode != 0);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(bad), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out2));
    }
    r = test::runApp(base + QStringList{"--out", tmp.filePath("x"), "--intervene"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--intervene needs a value"), qPrintable(r.err));
}

QTEST_APPLESS_MAIN(TestCliIntervene)
#include "tst_cli_intervene.moc"
