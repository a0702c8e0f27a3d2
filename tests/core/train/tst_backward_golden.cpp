// Golden test of the backward pass against PyTorch autograd. For every case of tests/golden/, the
// loss and every gradient that make_golden.py wrote to gradients.safetensors (output.loss,
// grad.<trace name>, grad.param.<state_dict name>, from a float64 reference whose parameter gradients
// were tied to nn.Transformer's own autograd) must equal what visitGradients yields, name for name,
// both ways, to 1e-4 of the reference tensor's max-abs; the max relative difference is printed.
// Dropout (make_dropout_golden.py): the forward runs with our seeded masks, which the fixture holds
// bit for bit as PyTorch was fed them. Ours sit on each sub-layer's output before the residual sum
// (nn.Transformer's layer.dropout1/2/3) and on the embedding + position sums (outside nn.Transformer);
// nn.Transformer's other two, inside the FFN and on the attention weights, we do not apply.
#include "core/model/dropout.h"
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
    float dropout = 0;  // p, with the masks' seed; 0 for the cases without dropout
    uint64_t dropoutSeed = 0;
};

Labels loadLabels(const std::string& golden) {
    std::string text;
    if (!core::readFile(test::goldenDir(golden) + "/labels.json", text).empty()) return {};
    const core::Json json = core::Json::parse(text);
    Labels out{test::intArray(json, "labels"), float(json.find("label_smoothing")->toNumber())};
    if (const core::Json* p = json.find("dropout")) {
        out.dropout = float(p->toNumber());
        out.dropoutSeed = uint64_t(json.find("dropout_seed")->toInt());
    }
    return out;
}

// The forward of the golden case, with its dropout when it has one.
core::Trace goldenForward(const core::Model& model, const test::GoldenCase& g, const Labels& labels) {
    if (labels.dropout == 0) return model.forward(g.src, g.tgt);
    core::Dropout drop(labels.dropout, labels.dropoutSeed);
    return model.forward(g.src, g.tgt, {}, &drop);
}

}  // namespace

class TestBackwardGolden : public QObject {
    Q_OBJECT

private slots:
    void matchesAutograd_data();
    void matchesAutograd();
    void paddedPositionsGetNoGradient();
    void dropoutMasksAreThoseTheFixtureUsed_data();
    void dropoutMasksAreThoseTheFixtureUsed();
};

void TestBackwardGolden::matchesAutograd_data() {
    QTest::addColumn<QString>("golden");
    QTest::newRow("post-norm, 2 heads, smoothing 0.1") << "postnorm_h2";
    QTest::newRow("pre-norm GELU, 4 heads, no smoothing") << "prenorm_h4";
    QTest::newRow("padding masks and ignored labels, 1 head") << "padding_h1";
    QTest::newRow("learned positions, 8 heads, smoothing 0.25") << "learned_pe_h8";
    QTest::newRow("no positional encoding") << "nope";
    QTest::newRow("dropout 0.25, post-norm, padding, smoothing 0.1") << "dropout_postnorm_h2";
    QTest::newRow("dropout 0.5, pre-norm GELU, learned positions") << "dropout_prenorm_h4";
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
    const core::Trace trace = goldenForward(model, g, labels);
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

void TestBackwardGolden::dropoutMasksAreThoseTheFixtureUsed_data() {
    QTest::addColumn<QString>("golden");
    QTest::newRow("p 0.25") << "dropout_postnorm_h2";
    QTest::newRow("p 0.5") << "dropout_prenorm_h4";
}

// Every mask of our trace equals, bit for bit, the one make_dropout_golden.py fed PyTorch, and some
// entries of each are dropped (so the gradients above went through real masks).
void TestBackwardGolden::dropoutMasksAreThoseTheFixtureUsed() {
    QFETCH(QString, golden);
    const std::string name = golden.toStdString();
    const test::GoldenCase g = test::loadGolden(name);
    QVERIFY2(g.error.empty(), g.error.c_str());
    const Labels labels = loadLabels(name);
    QVERIFY(labels.dropout > 0);
    const core::TensorFile ref = core::readSafetensors(test::goldenDir(name) + "/dropout.safetensors");
    QVERIFY2(ref.ok(), ref.error.c_str());
    const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
    const core::Trace t = goldenForward(model, g, labels);
    std::vector<std::pair<std::string, const core::Matrix*>> ours{{"src_dropout", &t.src_dropout}, {"tgt_dropout", &t.tgt_dropout}};
    for (size_t l = 0; l < t.encoder.size(); ++l) {
        ours.push_back({"encoder." + std::to_string(l) + ".dropout1", &t.encoder[l].dropout1});
        ours.push_back({"encoder." + std::to_string(l) + ".dropout2", &t.encoder[l].dropout2});
    }
    for (size_t l = 0; l < t.decoder.size(); ++l)
        for (int i = 1; i <= 3; ++i) {
            const core::DecoderLayerTrace& d = t.decoder[l];
            ours.push_back({"decoder." + std::to_string(l) + ".dropout" + std::to_string(i), i == 1 ? &d.dropout1 : i == 2 ? &d.dropout2 : &d.dropout3});
        }
    QCOMPARE(ours.size(), ref.tensors.size());
    for (const auto& [n, m] : ours) {
        const auto it = ref.tensors.find(n);
        QVERIFY2(it != ref.tensors.end(), n.c_str());
        QCOMPARE(it->second.shape, (std::vector<int64_t>{m->rows(), m->cols()}));
        QVERIFY2(std::equal(it->second.data.begin(), it->second.data.end(), m->data()), n.c_str());
        QVERIFY2(m->minCoeff() == 0.0f && m->maxCoeff() > 1.0f, n.c_str());
    }
}

QTEST_APPLESS_MAIN(TestBackwardGolden)
#include "tst_backward_golden.moc"
