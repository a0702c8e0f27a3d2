// The second witness for the backward pass: central finite differences. For a tiny model (post-norm
// ReLU with source and target padding, sinusoidal positions and label smoothing; pre-norm GELU with
// learned positions; both again with GELU and dropout, masks fixed by a seed), every parameter tensor
// has a few entries nudged by ±h; the loss, recomputed here from the float logits in double precision
// (its own log-softmax, not the core's), gives (L(θ+h) − L(θ−h)) / 2h, which must agree with
// backward()'s gradient. The worst error is printed.
#include "core/rng.h"
#include "core/train/loss.h"
#include "core/train/model_backward.h"

#include <QtTest>

#include <cmath>

using namespace alab;

namespace {

struct Case {
    core::ModelConfig config;
    std::vector<int> src, tgt, labels;
    float smoothing = 0;
    float dropout = 0;  // the same masks at every evaluation: a Dropout of this p and kDropoutSeed
};

constexpr uint64_t kDropoutSeed = 1234;

core::Trace forwardOf(const core::Model& model, const Case& k, const core::CapturePolicy& capture = {}) {
    core::Dropout drop(k.dropout, kDropoutSeed);
    return model.forward(k.src, k.tgt, capture, &drop);
}

// Loss in double from the forward's logits, as torch's cross_entropy defines it.
double referenceLoss(const core::Matrix& logits, const Case& k) {
    double total = 0;
    int counted = 0;
    for (Eigen::Index r = 0; r < logits.rows(); ++r) {
        const int y = k.labels[size_t(r)];
        if (y == k.config.pad_id) continue;
        double max = -1e300, sum = 0, mean = 0;
        for (Eigen::Index c = 0; c < logits.cols(); ++c) max = std::max(max, double(logits(r, c)));
        for (Eigen::Index c = 0; c < logits.cols(); ++c) sum += std::exp(double(logits(r, c)) - max);
        for (Eigen::Index c = 0; c < logits.cols(); ++c) mean += double(logits(r, c)) / double(logits.cols());
        const double lse = max + std::log(sum);
        total += (1.0 - k.smoothing) * (lse - logits(r, y)) + k.smoothing * (lse - mean);
        ++counted;
    }
    return total / counted;
}

double lossAt(const Case& k, const core::NamedTensors& params) {
    const core::Model model(k.config, core::fromNamedTensors(k.config, params));
    return referenceLoss(forwardOf(model, k, core::CapturePolicy::none()).logits, k);
}

// Random weights with every bias and LayerNorm shift non-zero and every gain away from 1.
core::NamedTensors randomParams(const core::ModelConfig& c, uint64_t seed) {
    core::NamedTensors p = core::toNamedTensors(c, core::initWeights(c, seed));
    core::Rng rng(seed + 1);
    for (auto& [name, t] : p)
        for (float& v : t.data) v += rng.uniform(0.3f);
    return p;
}

Case postNormPadded() {
    Case k;
    k.config.d_model = 8, k.config.heads = 2, k.config.d_ff = 12, k.config.encoder_layers = 2;
    k.config.decoder_layers = 1, k.config.src_vocab = 9, k.config.tgt_vocab = 7, k.config.max_len = 8;
    k.config.pad_id = 0;
    k.src = {3, 5, 8, 0, 0};
    k.tgt = {1, 4, 6, 0};
    k.labels = {4, 6, 2, 0};
    k.smoothing = 0.1f;
    return k;
}

Case preNormLearned() {
    Case k;
    k.config.d_model = 8, k.config.heads = 4, k.config.d_ff = 12, k.config.encoder_layers = 1;
    k.config.decoder_layers = 2, k.config.src_vocab = 6, k.config.tgt_vocab = 5, k.config.max_len = 6;
    k.config.norm_first = true, k.config.activation = core::Activation::Gelu;
    k.config.positional_encoding = core::PositionalEncoding::Learned, k.config.scale_embedding = false;
    k.src = {2, 5, 1};
    k.tgt = {0, 3, 3, 4};
    k.labels = {3, 3, 4, 1};
    return k;
}

}  // namespace

class TestGradientCheck : public QObject {
    Q_OBJECT

private slots:
    void centralDifferences_data();
    void centralDifferences();
};

void TestGradientCheck::centralDifferences_data() {
    QTest::addColumn<int>("which");
    QTest::newRow("post-norm ReLU, padding and causal masks, smoothing 0.1") << 0;
    QTest::newRow("pre-norm GELU, learned positions, 4 heads") << 1;
    QTest::newRow("post-norm GELU with dropout 0.3, padding") << 2;
    QTest::newRow("pre-norm GELU with dropout 0.2, learned positions") << 3;
}

void TestGradientCheck::centralDifferences() {
    QFETCH(int, which);
    Case k = which % 2 == 1 ? preNormLearned() : postNormPadded();
    if (which >= 2) k.dropout = which == 2 ? 0.3f : 0.2f;
    if (which == 2) k.config.activation = core::Activation::Gelu;  // smooth: h = 1e−2 crossed a ReLU kink here
    const core::NamedTensors params = randomParams(k.config, 7 + uint64_t(which));
    const core::Model model(k.config, core::fromNamedTensors(k.config, params));
    const core::Gradients g = core::backward(model, forwardOf(model, k), k.labels, k.smoothing);
    const core::NamedTensors analytic = core::toNamedTensors(k.config, g.params);
    QVERIFY(std::fabs(referenceLoss(forwardOf(model, k).logits, k) - g.loss) < 1e-5);

    constexpr float h = 1e-2f;
    core::Rng pick(99);
    double worst = 0;
    std::string worstAt;
    int checked = 0;
    for (const auto& [name, t] : params) {
        for (int sample = 0; sample < 4; ++sample) {
            const size_t i = pick.below(uint32_t(t.data.size()));
            core::NamedTensors plus = params, minus = params;
            plus[name].data[i] += h;
            minus[name].data[i] -= h;
            const double fd = (lossAt(k, plus) - lossAt(k, minus)) / (2.0 * double(h));
            const double an = analytic.at(name).data[i];
            const double err = std::fabs(fd - an) / (1e-3 + std::fabs(an));
            if (err > worst) worst = err, worstAt = name + "[" + std::to_string(i) + "]";
            ++checked;
            QVERIFY2(err < 2e-2, qPrintable(QString::fromStdString(name) + QStringLiteral("[%1]: finite difference %2, "
                     "backward %3").arg(i).arg(fd).arg(an)));
        }
    }
    qInfo("%d entries, worst |fd − backward| / (1e-3 + |backward|) = %.3g at %s", checked, worst, worstAt.c_str());
}

QTEST_APPLESS_MAIN(TestGradientCheck)
#include "tst_gradient_check.moc"
