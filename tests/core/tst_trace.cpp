// The trace's naming contract as tools meet it: every name is unique and follows the dotted scheme,
// traceShapes agrees with the visitor, findTensor returns exactly the visited tensor (and nothing for
// an unknown name), nearestNames puts the intended name first for a typo, and an encoder-only pass
// names no decoder tensors.
#include "core/model.h"
#include "core/presets.h"

#include <QtTest>

#include <set>

using namespace alab;

namespace {

core::Trace demoTrace() {
    const core::Preset p = core::demoPreset();
    const core::Model m(p.config, p.weights);
    return m.forward(core::tokenize(p.vocab, p.defaultSrc).ids, core::tokenize(p.vocab, p.defaultTgt).ids);
}

}  // namespace

class TestTrace : public QObject {
    Q_OBJECT
private slots:
    void namesAreUniqueAndDotted();
    void shapesMatchVisitor();
    void findTensorEqualsVisitor();
    void nearestNamesForTypos_data();
    void nearestNamesForTypos();
    void encoderOnlyHasNoDecoder();
};

void TestTrace::namesAreUniqueAndDotted() {
    const std::vector<std::string> names = core::traceNames(demoTrace());
    const std::set<std::string> unique(names.begin(), names.end());
    QCOMPARE(unique.size(), names.size());
    const QRegularExpression scheme(QStringLiteral("^(input|encoder|decoder|output)(\\.[a-z0-9_]+)+$"));
    for (const std::string& n : names) QVERIFY2(scheme.match(QString::fromStdString(n)).hasMatch(), n.c_str());
}

void TestTrace::shapesMatchVisitor() {
    const core::Trace t = demoTrace();
    std::vector<core::TensorInfo> visited;
    core::visitTrace(t, [&](const std::string& n, const core::Tensor& x) { visited.push_back({n, x.shape}); });
    const std::vector<core::TensorInfo> listed = core::traceShapes(t);
    QCOMPARE(listed.size(), visited.size());
    QVERIFY(listed.size() > 50);
    for (size_t i = 0; i < listed.size(); ++i) {
        QCOMPARE(listed[i].name, visited[i].name);
        QCOMPARE(listed[i].shape, visited[i].shape);
    }
}

void TestTrace::findTensorEqualsVisitor() {
    const core::Trace t = demoTrace();
    size_t checked = 0;
    core::visitTrace(t, [&](const std::string& n, const core::Tensor& x) {
        const std::optional<core::Tensor> found = core::findTensor(t, n);
        QVERIFY2(found.has_value(), n.c_str());
        QCOMPARE(found->shape, x.shape);
        QCOMPARE(found->data, x.data);
        ++checked;
    });
    QCOMPARE(checked, core::traceNames(t).size());
    QVERIFY(!core::findTensor(t, "encoder.0.self_attn.weight").has_value());
    QVERIFY(!core::findTensor(t, "").has_value());
}

void TestTrace::nearestNamesForTypos_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("intended");
    QTest::newRow("missing s") << "encoder.0.self_attn.weight" << "encoder.0.self_attn.weights";
    QTest::newRow("wrong layer separator") << "decoder.1.cross_attn_weights" << "decoder.1.cross_attn.weights";
    QTest::newRow("swapped letters") << "output.porbs" << "output.probs";
}

void TestTrace::nearestNamesForTypos() {
    QFETCH(QString, typed);
    QFETCH(QString, intended);
    const std::vector<std::string> near = core::nearestNames(demoTrace(), typed.toStdString(), 3);
    QCOMPARE(near.size(), size_t(3));
    QCOMPARE(QString::fromStdString(near.front()), intended);
}

void TestTrace::encoderOnlyHasNoDecoder() {
    const core::Preset p = core::demoPreset();
    const core::Model m(p.config, p.weights);
    const core::Trace t = m.forward(core::tokenize(p.vocab, p.defaultSrc).ids);
    for (const std::string& n : core::traceNames(t)) {
        QVERIFY2(n.rfind("decoder", 0) != 0 && n.rfind("output", 0) != 0, n.c_str());
        QVERIFY2(n.find("tgt") == std::string::npos, n.c_str());
    }
    QVERIFY(core::findTensor(t, "encoder.output").has_value());
}

QTEST_APPLESS_MAIN(TestTrace)
#include "tst_trace.moc"
