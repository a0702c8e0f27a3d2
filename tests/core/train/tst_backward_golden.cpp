// Golden test of the backward pass against PyTorch autograd. For every case of tests/golden/, the
// loss and every gradient that make_golden.py wrote to gradients.safetensors (output.loss,
// grad.<trace name>, grad.param.<state_dict name>, from a float64 reference whose parameter gradients
// were tied to nn.Transformer's own autograd) must equal what visitGradients yields, name for name,
// both ways, to 1e-4 of the reference tensor's max-abs; the max relative difference is printed.
#include "core/train/model_backward.h"
#include "../core_test_support.h"

#include <QtTest>

#include <set>

using namespace alab;

namespace {

constexpr double kRelTol = 1e-4;

struct Labels {
    std::vector<int> ids;
    float smoothing = 0;
};

Labels loadLabels(const std::string& golden) {
    std::string text;
    if (!core::readFile(test::goldenDir(golden) + "/labels.json", text).empty()) return {};
    const core::Json json = core::Json::parse(text);
    return {test::intArray(json, "labels"), float(json.find("label_smoothing")->toNumber())};
}

}  // namespace

class TestBackwardGolden : public QObject {
    Q_OBJECT

private slots:
    void matchesAutograd_data();
    void matchesAutograd();
    void paddedPositionsGetNoGradient();
};

void TestBackwardGolden::matchesAutograd_data() {
    QTest::addColumn<QString>("golden");
    QTest::newRow("post-norm, 2 heads, smoothing 0.1") << "postnorm_h2";
    QTest::newRow("pre-norm GELU, 4 heads, no smoothing") << "prenorm_h4";
    QTest::newRow("padding masks and ignored labels, 1 head") << "padding_h1";
    QTest::newRow("learned positions, 8 heads, smoothing 0.25") << "learned_pe_h8";
    QTest::newRow("no positional encoding") << "nope";
}

void TestBackwardGolden::matchesAutograd() {
    QFETCH(QString, golden);
    const std::string name = golden.toStdString();
    const test::GoldenCase g = test::loadGolden(name);
    QVERIFY2(g.error.empty(), g.error.c_str());
    const core::TensorFile ref = core::readSafetensors(test::goldenDir(name) + "/gradients.safetensors");
    QVERIFY2(ref.ok(), ref.error.c_str());
    const Labels labels = loadLabels(name);
    QCOMPARE(labels.ids.size(), g.tgt.size());

    const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
    const core::Trace trace = model.forward(g.src, g.tgt);
    const core::Gradients grads = core::backward(model, trace, labels.ids, labels.smoothing);

    std::set<std::string> seen;
    std::string failure, worstName;
    double worstRel = 0;
    core::visitGradients(g.config, grads, [&](const std::string& n, const core::Tensor& t) {
        seen.insert(n);
        auto it = ref.tensors.find(n);
        if (it == ref.tensors.end()) {
            if (failure.empty()) failure = n + " is missing from the PyTorch gradients";
            return;
        }
        const double diff = test::maxAbsDiff(t, it->second);
        if (diff < 0) {
            if (failure.empty()) failure = n + ": shape " + core::shapeString(t.shape) + " vs PyTorch's " +
                                           core::shapeString(it->second.shape) + ", or a NaN";
            return;
        }
        const double rel = diff / std::max(test::maxAbs(it->second), 1e-12);
        if (rel > worstRel) worstRel = rel, worstName = n;
        if (rel > kRelTol && failure.empty())
            failure = n + ": max difference " + std::to_string(diff) + " (relative " + std::to_string(rel) + ")";
    });
    for (const auto& [n, t] : ref.tensors)
        if (!seen.count(n) && failure.empty()) failure = "PyTorch's " + n + " is missing from visitGradients";
    qInfo("%s: loss %.7f, %zu gradients, max relative difference %.3g (%s)", qPrintable(golden), double(grads.loss),
          ref.tensors.size(), worstRel, worstName.c_str());
    QVERIFY2(failure.empty(), failure.c_str());
}

// Positions whose label is pad_id add nothing: their logit gradient rows are exactly 0.
void TestBackwardGolden::paddedPositionsGetNoGradient() {
    const test::GoldenCase g = test::loadGolden("padding_h1");
    QVERIFY2(g.error.empty(), g.error.c_str());
    const Labels labels = loadLabels("padding_h1");
    const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
    const core::Gradients grads = core::backward(model, model.forward(g.src, g.tgt), labels.ids, labels.smoothing);
    int padded = 0;
    for (size_t i = 0; i < labels.ids.size(); ++i) {
        const bool pad = labels.ids[i] == g.config.pad_id;
        padded += pad;
        QCOMPARE(grads.activations.logits.row(Eigen::Index(i)).isZero(0.0f), pad);
    }
    QVERIFY(padded > 0);
}

QTEST_APPLESS_MAIN(TestBackwardGolden)
#include "tst_backward_golden.moc"
