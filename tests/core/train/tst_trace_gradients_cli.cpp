// `attention-lab trace … --labels-ids … [--label-smoothing ε]` end to end: it writes output.loss and
// every gradient next to the forward tensors, lists them in index.json, and they equal PyTorch's
// (gradients.safetensors of the postnorm_h2 golden case). Bad labels give one line, a non-zero
// exit and no folder.
#include "../core_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace alab;

namespace {

QString csv(const std::vector<int>& ids) {
    QStringList items;
    for (int id : ids) items << QString::number(id);
    return items.join(',');
}

QStringList baseArgs(const test::GoldenCase& g, const QString& out) {
    const std::string dir = test::goldenDir("postnorm_h2");
    return {"trace", "--weights", test::qs(dir + "/weights.safetensors"), "--config", test::qs(dir + "/config.json"),
            "--src-ids", csv(g.src), "--tgt-ids", csv(g.tgt), "--out", out};
}

}  // namespace

class TestTraceGradientsCli : public QObject {
    Q_OBJECT

private slots:
    void writesLossAndGradients();
    void badLabels_data();
    void badLabels();
};

void TestTraceGradientsCli::writesLossAndGradients() {
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    QVERIFY2(g.error.empty(), g.error.c_str());
    const core::TensorFile ref = core::readSafetensors(test::goldenDir("postnorm_h2") + "/gradients.safetensors");
    QVERIFY2(ref.ok(), ref.error.c_str());
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("trace"));
    // labels.json of this case: [7, 3, 4, 6], smoothing 0.1
    const test::ProcessResult r =
        test::runApp(baseArgs(g, out) << "--labels-ids" << "7,3,4,6" << "--label-smoothing" << "0.1");
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));

    std::string text;
    QVERIFY(core::readFile(out.toStdString() + "/index.json", text).empty());
    std::set<std::string> listed;
    const core::Json index = core::Json::parse(text);
    for (const core::Json& e : index.find("tensors")->toArray()) listed.insert(e.find("name")->toString());
    QCOMPARE(listed.size(), g.reference.size() + ref.tensors.size());
    for (const auto& [name, t] : ref.tensors) QVERIFY2(listed.count(name), name.c_str());
    for (const std::string name : {"output.loss", "grad.output.logits", "grad.encoder.0.self_attn.q",
                                   "grad.param.encoder.layers.0.self_attn.in_proj_weight", "grad.param.src_embed.weight"}) {
        core::Tensor t;
        const std::string err = test::readNpy(out + "/" + test::qs(name) + ".npy", t);
        QVERIFY2(err.empty(), err.c_str());
        const core::Tensor& want = ref.tensors.at(name);
        const double diff = test::maxAbsDiff(t, want);
        QVERIFY2(diff >= 0 && diff <= 1e-4 * std::max(test::maxAbs(want), 1e-12), name.c_str());
    }
}

void TestTraceGradientsCli::badLabels_data() {
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("too few labels") << QStringList{"--labels-ids", "1,2"} << "2 labels for 4 target positions";
    QTest::newRow("too many labels") << QStringList{"--labels-ids", "1,2,3,4,5"} << "5 labels for 4 target positions";
    QTest::newRow("negative label") << QStringList{"--labels-ids", "1,-2,3,4"} << "label -2 at position 2";
    QTest::newRow("label outside the vocabulary") << QStringList{"--labels-ids", "1,2,11,3"} << "label 11 at position 3";
    QTest::newRow("not a number") << QStringList{"--labels-ids", "1,x,2,3"} << "labels-ids";
    QTest::newRow("smoothing above 1") << QStringList{"--labels-ids", "1,2,3,4", "--label-smoothing", "1.5"}
                                       << "label smoothing";
    QTest::newRow("smoothing not a number") << QStringList{"--labels-ids", "1,2,3,4", "--label-smoothing", "lots"}
                                            << "is not a number";
    QTest::newRow("smoothing without labels") << QStringList{"--label-smoothing", "0.1"} << "needs --labels-ids";
}

void TestTraceGradientsCli::badLabels() {
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    QVERIFY2(g.error.empty(), g.error.c_str());
    QTemporaryDir tmp;
    const test::ProcessResult r = test::runApp(baseArgs(g, tmp.filePath(QStringLiteral("trace"))) + extra);
    QVERIFY(r.finished);
    QVERIFY(r.exitCode != 0);
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(test::entries(tmp.path()).isEmpty());
}

QTEST_APPLESS_MAIN(TestTraceGradientsCli)
#include "tst_trace_gradients_cli.moc"
