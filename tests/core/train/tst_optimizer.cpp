// The optimiser against PyTorch: six golden steps (tests/golden/optimizer, from
// make_optimizer_golden.py) of clip_grad_norm_ + torch.optim.Adam without decay, with L2 decay, and
// torch.optim.AdamW (decoupled), at the paper's learning rates; the schedule's shape; clipping (also
// inside Adam's pass, bit for bit as clipping first); and
// trainStep on a tiny model: it learns a fixed batch, and the same inputs give bit-identical weights.
#include "core/train/optimizer.h"
#include "core/train/train_step.h"
#include "core/rng.h"
#include "../core_test_support.h"

#include <QtTest>

#include <cstring>

using namespace alab;

namespace {

core::ParamSpan span(std::vector<float>& v) { return {v.data(), Eigen::Index(v.size())}; }

core::ModelConfig tinyConfig() {
    core::ModelConfig c;
    c.d_model = 16, c.heads = 2, c.d_ff = 32, c.encoder_layers = 1, c.decoder_layers = 1;
    c.src_vocab = 8, c.tgt_vocab = 8, c.max_len = 8, c.pad_id = 0;
    return c;
}

std::vector<core::TrainingPair> tinyBatch() {  // "reverse" with bos 1, pad 0
    return {{{3, 4, 5}, {1, 5, 4, 3}, {5, 4, 3, 2}}, {{6, 7, 0}, {1, 7, 6, 0}, {7, 6, 2, 0}}};
}

}  // namespace

class TestOptimizer : public QObject {
    Q_OBJECT

private slots:
    void adamMatchesPyTorch_data();
    void adamMatchesPyTorch();
    void paperSchedule();
    void clipping();
    void clippingInsideAdamKeepsTheBits_data();
    void clippingInsideAdamKeepsTheBits();
    void duplicatedExampleKeepsTheMean();
    void trainStepLearnsAndIsDeterministic();
};

void TestOptimizer::adamMatchesPyTorch_data() {
    QTest::addColumn<QString>("variant");
    QTest::addColumn<float>("decay");
    QTest::addColumn<int>("mode");
    QTest::newRow("Adam, no weight decay") << "adam" << 0.0f << int(core::WeightDecay::L2);
    QTest::newRow("Adam, L2 weight decay 0.05") << "adam_l2" << 0.05f << int(core::WeightDecay::L2);
    QTest::newRow("AdamW, decoupled decay 0.05") << "adamw" << 0.05f << int(core::WeightDecay::Decoupled);
}

void TestOptimizer::adamMatchesPyTorch() {
    QFETCH(QString, variant);
    QFETCH(float, decay);
    QFETCH(int, mode);
    const core::TensorFile f = core::readSafetensors(test::goldenDir("optimizer") + "/steps.safetensors");
    QVERIFY2(f.ok(), f.error.c_str());
    const std::string v = variant.toStdString();
    std::vector<std::vector<float>> params, grads(3);
    for (int i = 0; i < 3; ++i) params.push_back(f.tensors.at("param." + std::to_string(i)).data);
    core::AdamOptions o;
    o.weight_decay = decay;
    o.decay = core::WeightDecay(mode);
    core::Adam adam(o);
    double worst = 0;
    for (int t = 1; t <= 6; ++t) {
        std::vector<core::ParamSpan> p, g;
        for (int i = 0; i < 3; ++i) {
            grads[size_t(i)] = f.tensors.at("grad." + std::to_string(t) + "." + std::to_string(i)).data;
            p.push_back(span(params[size_t(i)]));
            g.push_back(span(grads[size_t(i)]));
        }
        const float lr = core::paperLearningRate(t, 16, 3, 2.0f);
        QVERIFY(std::fabs(lr - f.tensors.at("lr." + std::to_string(t)).data[0]) <= 1e-7f * lr);
        const float norm = core::clipGradNorm(g, 1.0f);
        QVERIFY(std::fabs(norm - f.tensors.at(v + ".norm." + std::to_string(t)).data[0]) <= 1e-6f * norm);
        adam.step(p, g, lr);
        for (int i = 0; i < 3; ++i) {
            const core::Tensor& want = f.tensors.at(v + ".param." + std::to_string(t) + "." + std::to_string(i));
            const double scale = test::maxAbs(want);  // relative to the tensor's max-abs, as the other goldens
            for (size_t j = 0; j < want.data.size(); ++j) {
                const double err = std::fabs(double(params[size_t(i)][j]) - want.data[j]) / scale;
                worst = std::max(worst, err);
                QVERIFY2(err < 1e-5, qPrintable(QStringLiteral("step %1, tensor %2[%3]: %4 vs PyTorch %5")
                                                    .arg(t).arg(i).arg(j).arg(params[size_t(i)][j]).arg(want.data[j])));
            }
        }
    }
    QCOMPARE(adam.steps(), 6);
    qInfo("%s: 6 steps, max relative difference to PyTorch %.3g", qPrintable(variant), worst);
}

void TestOptimizer::paperSchedule() {
    // Linear warm-up to the peak d_model^−0.5 · warmup^−0.5 at step = warmup, then 1/√step.
    const float peak = core::paperLearningRate(4000, 512, 4000);
    QVERIFY(std::fabs(peak - 1.0f / std::sqrt(512.0f * 4000.0f)) < 1e-9f);
    QVERIFY(std::fabs(core::paperLearningRate(2000, 512, 4000) - peak / 2) < 1e-9f);
    QVERIFY(std::fabs(core::paperLearningRate(16000, 512, 4000) - peak / 2) < 1e-9f);
    QVERIFY(std::fabs(core::paperLearningRate(100, 64, 10, 3.0f) - 3.0f / 8.0f / 10.0f) < 1e-8f);
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, core::paperLearningRate(0, 512, 4000));
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, core::paperLearningRate(1, 512, 0));
}

void TestOptimizer::clipping() {
    std::vector<float> a{3.0f, 0.0f}, b{4.0f};
    std::vector<core::ParamSpan> g{span(a), span(b)};
    QCOMPARE(core::clipGradNorm(g, 10.0f), 5.0f);
    QCOMPARE(a[0], 3.0f);  // below the limit: untouched
    QCOMPARE(core::clipGradNorm(g, 1.0f), 5.0f);
    QVERIFY(std::fabs(std::hypot(a[0], b[0]) - 1.0f) < 1e-5f);
    QVERIFY(std::fabs(a[0] / b[0] - 0.75f) < 1e-6f);  // direction kept
}

// The batch loss is a mean over labels: an example twice is the same batch as once.
void TestOptimizer::clippingInsideAdamKeepsTheBits_data() {
    QTest::addColumn<float>("decay");
    QTest::addColumn<int>("mode");
    QTest::newRow("no weight decay") << 0.0f << int(core::WeightDecay::L2);
    QTest::newRow("L2 decay (scaled before the update)") << 0.05f << int(core::WeightDecay::L2);
    QTest::newRow("decoupled decay") << 0.05f << int(core::WeightDecay::Decoupled);
}

// trainStep hands the clipping factor to Adam (one pass over the arrays): the weights must be those of
// clipGradNorm scaling the gradients first, bit for bit, over steps that clip and steps that do not.
void TestOptimizer::clippingInsideAdamKeepsTheBits() {
    QFETCH(float, decay);
    QFETCH(int, mode);
    core::AdamOptions o;
    o.weight_decay = decay, o.decay = core::WeightDecay(mode);
    core::Adam first(o), inside(o);
    core::Rng rng(7);
    std::vector<std::vector<float>> pa(3), pb;
    for (size_t i = 0; i < pa.size(); ++i)
        for (size_t j = 0; j < 1000 + 37 * i; ++j) pa[i].push_back(rng.uniform(1.0f));
    pb = pa;
    int clipped = 0;
    for (int t = 1; t <= 6; ++t) {
        std::vector<std::vector<float>> ga(3);
        const float size = t % 3 == 0 ? 1e-3f : 0.5f;  // every third step stays below the limit
        for (size_t i = 0; i < ga.size(); ++i)
            for (size_t j = 0; j < pa[i].size(); ++j) ga[i].push_back(rng.uniform(size));
        std::vector<std::vector<float>> gb = ga;
        std::vector<core::ParamSpan> sa, sb, wa, wb;
        for (size_t i = 0; i < ga.size(); ++i) {
            sa.push_back(span(ga[i])), sb.push_back(span(gb[i]));
            wa.push_back(span(pa[i])), wb.push_back(span(pb[i]));
        }
        const float norm = core::clipGradNorm(sa, 1.0f);
        first.step(wa, sa, 1e-3f);
        QCOMPARE(core::gradientNorm(sb), norm);
        const float factor = core::clipFactor(norm, 1.0f);
        clipped += factor < 1.0f;
        inside.step(wb, sb, 1e-3f, factor);
        for (size_t i = 0; i < pa.size(); ++i)
            QVERIFY2(std::memcmp(pa[i].data(), pb[i].data(), pa[i].size() * sizeof(float)) == 0,
                     qPrintable(QStringLiteral("step %1, tensor %2").arg(t).arg(i + 1)));
    }
    QCOMPARE(clipped, 4);
}

void TestOptimizer::duplicatedExampleKeepsTheMean() {
    const core::ModelConfig c = tinyConfig();
    const core::Weights w = core::initWeights(c, 5);
    const core::TrainingPair e = tinyBatch()[1];
    float lossOnce = 0, lossTwice = 0;
    int tokensOnce = 0, tokensTwice = 0;
    core::Weights once = core::batchGradients(c, w, {e}, 0.1f, lossOnce, tokensOnce);
    core::Weights twice = core::batchGradients(c, w, {e, e}, 0.1f, lossTwice, tokensTwice);
    QCOMPARE(tokensTwice, 2 * tokensOnce);
    QVERIFY(std::fabs(lossOnce - lossTwice) < 1e-6f);
    const auto a = core::parameterSpans(c, once), b = core::parameterSpans(c, twice);
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i)
        for (Eigen::Index j = 0; j < a[i].size; ++j) QVERIFY(std::fabs(a[i].data[j] - b[i].data[j]) < 1e-6f);
}

void TestOptimizer::trainStepLearnsAndIsDeterministic() {
    const core::ModelConfig c = tinyConfig();
    core::StepOptions options;
    options.label_smoothing = 0.1f;
    options.clip_norm = 1.0f;
    bool sane = true;  // every step: a finite loss, a positive gradient norm, 7 counted labels
    auto run = [&](int steps, float& first, float& last) {
        core::Weights w = core::initWeights(c, 11);
        core::Adam adam;
        for (int s = 1; s <= steps; ++s) {
            const core::StepResult r = core::trainStep(c, w, adam, tinyBatch(), core::paperLearningRate(s, 16, 10, 2.0f), options);
            sane = sane && r.grad_norm > 0 && std::isfinite(r.loss) && r.tokens == 7;
            (s == 1 ? first : last) = r.loss;
        }
        return w;
    };
    float first = 0, last = 0, first2 = 0, last2 = 0;
    const core::Weights a = run(60, first, last);
    QVERIFY(sane);
    QVERIFY2(last < 0.5f * first, qPrintable(QStringLiteral("loss %1 -> %2").arg(first).arg(last)));
    const core::Weights b = run(60, first2, last2);
    QCOMPARE(last2, last);
    const core::NamedTensors na = core::toNamedTensors(c, a), nb = core::toNamedTensors(c, b);
    for (const auto& [name, t] : na) QVERIFY2(t.data == nb.at(name).data, name.c_str());
    qInfo("60 steps on a 2-example batch: loss %.4f -> %.4f", double(first), double(last));
}

QTEST_APPLESS_MAIN(TestOptimizer)
#include "tst_optimizer.moc"
