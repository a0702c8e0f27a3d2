// A packed batch (core/train/packed_batch.h) against one forward and backward per example: the packed
// gradients equal the label-weighted sum of per-example backward() gradients (which the golden tests
// check against PyTorch) up to float rounding, for post-norm and pre-norm, ReLU and GELU, sinusoidal and
// learned positions, examples of different lengths with padding; its logits equal the per-example
// logits; and a few training steps give bit-identical weights on 1, 2 and 3 threads, for a narrow model
// (several chunks side by side) and a wide one (one chunk, products split into blocks).
#include "core/model.h"
#include "core/parallel.h"
#include "core/train/gradients.h"
#include "core/train/model_backward.h"
#include "core/train/optimizer.h"
#include "core/train/packed_batch.h"
#include "core/train/train_step.h"

#include <QtTest>

#include <cstring>

using namespace alab;

namespace {

core::ModelConfig config(bool normFirst, bool gelu, bool learned) {
    core::ModelConfig c;
    c.d_model = 32, c.heads = 4, c.d_ff = 64, c.encoder_layers = 2, c.decoder_layers = 2;
    c.src_vocab = 13, c.tgt_vocab = 11, c.max_len = 32, c.pad_id = 0;
    c.norm_first = normFirst;
    c.activation = gelu ? core::Activation::Gelu : core::Activation::Relu;
    c.positional_encoding = learned ? core::PositionalEncoding::Learned : core::PositionalEncoding::Sinusoidal;
    return c;
}

// n pairs of different lengths; one source ends in padding and one label is padding.
std::vector<core::TrainingPair> batch(int n, int longest = 9) {
    std::vector<core::TrainingPair> b;
    for (int i = 0; i < n; ++i) {
        core::TrainingPair p;
        const int S = 2 + (i * 5) % longest, T = 1 + (i * 3) % longest;
        for (int t = 0; t < S; ++t) p.src.push_back(1 + (t * 7 + i) % 12);
        if (i == 2) p.src.back() = 0;
        for (int t = 0; t < T; ++t) p.tgt.push_back(1 + (t * 5 + i) % 10);
        for (int t = 0; t < T; ++t) p.labels.push_back(1 + (t * 3 + 2 * i) % 10);
        if (i == 1) p.labels.front() = 0;
        b.push_back(p);
    }
    return b;
}

std::vector<float> flat(const core::ModelConfig& c, core::Weights& w) {
    std::vector<float> out;
    for (const core::ParamSpan& s : core::parameterSpans(c, w)) out.insert(out.end(), s.data, s.data + s.size);
    return out;
}

int counted(const std::vector<int>& labels) {
    int n = 0;
    for (int y : labels) n += y != 0;
    return n;
}

// Weights after `steps` training steps from seed 3 on `threads` threads, flattened.
std::vector<float> trainedWeights(const core::ModelConfig& c, int threads, int steps) {
    core::setThreadCount(threads);
    core::Weights w = core::initWeights(c, 3);
    core::Adam adam;
    core::StepOptions o;
    o.label_smoothing = 0.1f, o.clip_norm = 1.0f;
    for (int s = 1; s <= steps; ++s) core::trainStep(c, w, adam, batch(11, 20), 1e-3f, o);
    return flat(c, w);
}

}  // namespace

class TestPackedBatch : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { core::setThreadCount(0); }
    void packedEqualsPerExample_data();
    void packedEqualsPerExample();
    void weightsDoNotDependOnThreads_data();
    void weightsDoNotDependOnThreads();
};

void TestPackedBatch::packedEqualsPerExample_data() {
    QTest::addColumn<bool>("normFirst");
    QTest::addColumn<bool>("gelu");
    QTest::addColumn<bool>("learned");
    QTest::newRow("post-norm relu sinusoidal") << false << false << false;
    QTest::newRow("pre-norm gelu learned") << true << true << true;
}

void TestPackedBatch::packedEqualsPerExample() {
    QFETCH(bool, normFirst);
    QFETCH(bool, gelu);
    QFETCH(bool, learned);
    const core::ModelConfig c = config(normFirst, gelu, learned);
    const core::Weights w = core::initWeights(c, 7);
    const core::Model model(c, w);
    const std::vector<core::TrainingPair> b = batch(6);
    int total = 0;
    for (const core::TrainingPair& e : b) total += counted(e.labels);
    core::Weights expected = core::zeroWeightsLike(c);
    std::vector<core::ParamSpan> sum = core::parameterSpans(c, expected);
    double expectedLoss = 0;
    const core::PackedBatch packed = core::packExamples(c, b);
    const core::Trace pt = core::packedForward(c, w, packed);
    for (size_t i = 0; i < b.size(); ++i) {
        const float share = float(counted(b[i].labels)) / float(total);
        core::Gradients g = core::backward(model, model.forward(b[i].src, b[i].tgt), b[i].labels, 0.1f);
        expectedLoss += double(g.loss) * share;
        std::vector<core::ParamSpan> one = core::parameterSpans(c, g.params);
        for (size_t k = 0; k < sum.size(); ++k)
            for (Eigen::Index j = 0; j < sum[k].size; ++j) sum[k].data[j] += share * one[k].data[j];
        const core::Matrix logits = model.forward(b[i].src, b[i].tgt).logits;
        const core::Segment s = packed.rows.tgt[i];
        QVERIFY((pt.logits.middleRows(s.begin, s.rows) - logits).cwiseAbs().maxCoeff() < 1e-4f);
    }
    core::Weights got = core::zeroWeightsLike(c);
    const float loss = core::packedBackward(c, w, pt, packed, 0.1f, 1.0f, got);
    QVERIFY2(std::abs(loss - expectedLoss) < 1e-5 * expectedLoss, qPrintable(QString::number(loss - expectedLoss)));
    const std::vector<float> a = flat(c, got), e = flat(c, expected);
    double scale = 0, diff = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        scale = std::max(scale, double(std::abs(e[i])));
        diff = std::max(diff, double(std::abs(a[i] - e[i])));
    }
    QVERIFY(scale > 0.01);
    QVERIFY2(diff < 1e-5 * scale, qPrintable(QStringLiteral("max |packed − per example| %1 of %2").arg(diff).arg(scale)));
}

void TestPackedBatch::weightsDoNotDependOnThreads_data() {
    QTest::addColumn<int>("dModel");
    QTest::newRow("narrow: chunks side by side") << 32;
    QTest::newRow("wide: one chunk, blocked products") << 256;
}

void TestPackedBatch::weightsDoNotDependOnThreads() {
    QFETCH(int, dModel);
    core::ModelConfig c = config(false, false, false);
    c.d_model = dModel, c.d_ff = 2 * dModel, c.encoder_layers = c.decoder_layers = 1;
    const std::vector<float> one = trainedWeights(c, 1, 3);
    const std::vector<float> two = trainedWeights(c, 2, 3);
    const std::vector<float> three = trainedWeights(c, 3, 3);
    QCOMPARE(one.size(), two.size());
    QVERIFY(std::memcmp(one.data(), two.data(), one.size() * sizeof(float)) == 0);
    QVERIFY(std::memcmp(one.data(), three.data(), one.size() * sizeof(float)) == 0);
    core::Weights initial = core::initWeights(c, 3);
    QVERIFY(one != flat(c, initial));  // the steps moved the weights
}

QTEST_APPLESS_MAIN(TestPackedBatch)
#include "tst_packed_batch.moc"
