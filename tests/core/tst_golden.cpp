// Golden test: the C++ forward pass against PyTorch. Every tensor of tests/golden/<case>/
// reference.safetensors (computed by make_golden.py from torch.nn.Transformer) must equal the trace
// tensor of the same name, to 1e-4 of the tensor's max-abs, with the same -inf pattern; the sets of
// names must agree both ways. A last row runs the real `attention-lab trace` and reads its .npy files.
#include "core/trace.h"
#include "core_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace alab;

namespace {

constexpr double kRelTol = 1e-4;

// Compares one trace against a reference; returns a failure description ("" when all match).
std::string compareTrace(const core::Trace& trace, const core::NamedTensors& reference, double& worstRel,
                         std::string& worstName) {
    std::set<std::string> traced;
    std::string failure;
    core::visitTrace(trace, [&](const std::string& name, const core::Tensor& t) {
        traced.insert(name);
        auto it = reference.find(name);
        if (it == reference.end()) {
            if (failure.empty()) failure = "trace tensor " + name + " is missing from the reference";
            return;
        }
        const double diff = test::maxAbsDiff(t, it->second);
        if (diff < 0) {
            if (failure.empty())
                failure = name + ": shape " + core::shapeString(t.shape) + " vs reference " +
                          core::shapeString(it->second.shape) + ", or a different -inf/NaN pattern";
            return;
        }
        const double rel = diff / std::max(test::maxAbs(it->second), 1e-12);
        if (rel > worstRel) worstRel = rel, worstName = name;
        if (rel > kRelTol && failure.empty())
            failure = name + ": max difference " + std::to_string(diff) + " (relative " + std::to_string(rel) + ")";
    });
    for (const auto& [name, t] : reference)
        if (!traced.count(name) && failure.empty()) failure = "reference tensor " + name + " is missing from the trace";
    return failure;
}

}  // namespace

class TestGolden : public QObject {
    Q_OBJECT

private slots:
    void matchesPyTorch_data();
    void matchesPyTorch();
    void scaledHasMaskedInfinities();
    void cliTraceMatchesReference();
};

void TestGolden::matchesPyTorch_data() {
    QTest::addColumn<QString>("golden");
    QTest::newRow("post-norm, 2 heads") << "postnorm_h2";
    QTest::newRow("pre-norm GELU, 4 heads") << "prenorm_h4";
    QTest::newRow("padding masks, 1 head") << "padding_h1";
    QTest::newRow("learned positions, 8 heads") << "learned_pe_h8";
    QTest::newRow("no positional encoding") << "nope";
}

void TestGolden::matchesPyTorch() {
    QFETCH(QString, golden);
    const test::GoldenCase g = test::loadGolden(golden.toStdString());
    QVERIFY2(g.error.empty(), g.error.c_str());
    QVERIFY(g.reference.size() > 20);
    const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
    const core::Trace trace = model.forward(g.src, g.tgt);
    double worstRel = 0;
    std::string worstName;
    const std::string failure = compareTrace(trace, g.reference, worstRel, worstName);
    qInfo("%s: %zu tensors, max relative difference %.3g (%s)", qPrintable(golden), g.reference.size(), worstRel,
          worstName.c_str());
    QVERIFY2(failure.empty(), failure.c_str());
}

// The padding case must really exercise masking: some -inf in scaled, zeros in mask and weights.
void TestGolden::scaledHasMaskedInfinities() {
    const test::GoldenCase g = test::loadGolden("padding_h1");
    QVERIFY2(g.error.empty(), g.error.c_str());
    const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
    const core::Trace trace = model.forward(g.src, g.tgt);
    for (const char* name : {"encoder.0.self_attn.scaled", "decoder.0.self_attn.scaled", "decoder.0.cross_attn.scaled"}) {
        const std::optional<core::Tensor> t = core::findTensor(trace, name);
        QVERIFY2(t.has_value(), name);
        int infinities = 0;
        for (float v : t->data) infinities += std::isinf(v) && v < 0;
        QVERIFY2(infinities > 0, name);
        QCOMPARE(test::maxAbsDiff(*t, g.reference.at(name)) >= 0, true);
    }
}

void TestGolden::cliTraceMatchesReference() {
    const std::string dir = test::goldenDir("postnorm_h2");
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    QVERIFY2(g.error.empty(), g.error.c_str());
    auto csv = [](const std::vector<int>& ids) {
        QStringList items;
        for (int id : ids) items << QString::number(id);
        return items.join(',');
    };
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("trace"));
    const test::ProcessResult r = test::runApp({"trace", "--weights", test::qs(dir + "/weights.safetensors"), "--config",
                                                test::qs(dir + "/config.json"), "--src-ids", csv(g.src), "--tgt-ids",
                                                csv(g.tgt), "--out", out});
    QVERIFY2(r.finished, "attention-lab did not finish");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.err.isEmpty());

    std::string text;
    QVERIFY(core::readFile(out.toStdString() + "/index.json", text).empty());
    const core::Json index = core::Json::parse(text);
    const core::Json::Array& entries = index.find("tensors")->toArray();
    QCOMPARE(entries.size(), g.reference.size());
    std::set<std::string> listed;
    for (const core::Json& e : entries) {
        const std::string name = e.find("name")->toString();
        listed.insert(name);
        QVERIFY2(g.reference.count(name), name.c_str());
        std::vector<int64_t> shape;
        for (const core::Json& s : e.find("shape")->toArray()) shape.push_back(s.toInt());
        QVERIFY2(shape == g.reference.at(name).shape, name.c_str());
    }
    QCOMPARE(listed.size(), g.reference.size());
    for (const std::string name : {"encoder.0.self_attn.weights", "decoder.1.cross_attn.weights",
                                   "decoder.0.self_attn.scaled", "encoder.output", "output.probs"}) {
        core::Tensor t;
        const std::string err = test::readNpy(out + "/" + test::qs(name) + ".npy", t);
        QVERIFY2(err.empty(), err.c_str());
        const core::Tensor& ref = g.reference.at(name);
        const double diff = test::maxAbsDiff(t, ref);
        QVERIFY2(diff >= 0, name.c_str());
        QVERIFY2(diff <= kRelTol * std::max(test::maxAbs(ref), 1e-12), name.c_str());
    }
    QCOMPARE(test::entries(tmp.path()), QStringList{"trace"});
}

QTEST_APPLESS_MAIN(TestGolden)
#include "tst_golden.moc"
