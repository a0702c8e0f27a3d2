// Why this token, on the golden models. Direct attribution: the heads', FFNs', embeddings' and biases'
// terms sum to the logit difference (every LayerNorm on the decoder stream frozen at its 1/σ), for every
// target position, in post-norm and pre-norm, and the encoder's direct terms are zero. Ablation: each
// head's and FFN's value equals the drop in a plain forward pass of a copy of the model whose weights
// remove that component (the head's W_O columns zero; the FFN's linear2 weight zero). Bad questions throw.
#include "core/debug/attribution.h"
#include "../core_test_support.h"

#include <QtTest>

using namespace alab;

namespace {

double sumOfTerms(const core::LogitAttribution& a) {
    double s = a.direct.decoderSelf.sum() + a.direct.cross.sum() + a.embedding + a.positional + a.biases;
    for (double f : a.direct.decoderFfn) s += f;
    return s;
}

}  // namespace

class TestAttribution : public QObject {
    Q_OBJECT

private slots:
    void directTermsSumToTheLogitDifference_data();
    void directTermsSumToTheLogitDifference();
    void ablationEqualsRemovingWeights();
    void badQuestions();
};

void TestAttribution::directTermsSumToTheLogitDifference_data() {
    QTest::addColumn<QString>("name");
    for (const char* c : {"postnorm_h2", "prenorm_h4", "padding_h1", "learned_pe_h8", "nope"}) QTest::newRow(c) << c;
}

void TestAttribution::directTermsSumToTheLogitDifference() {
    QFETCH(QString, name);
    const test::GoldenCase g = test::loadGolden(name.toStdString());
    QVERIFY2(g.error.empty(), g.error.c_str());
    const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
    const core::Trace trace = model.forward(g.src, g.tgt);
    double worst = 0;
    for (int t = 0; t < int(g.tgt.size()); ++t) {
        Eigen::Index top = 0;
        trace.logits.row(t).maxCoeff(&top);
        for (int versus : {-1, int(top + 1) % g.config.tgt_vocab}) {
            const core::LogitAttribution a = core::attributeLogit(model, trace, {t, int(top), versus}, false);
            QCOMPARE(a.value, core::logitValue(trace, {t, int(top), versus}));
            QVERIFY(a.direct.encoderSelf.cwiseAbs().maxCoeff() == 0);
            QVERIFY(a.direct.cross.cwiseAbs().maxCoeff() > 0);
            QVERIFY(a.ablation.cross.size() == 0);
            worst = std::max(worst, std::fabs(sumOfTerms(a) - a.value) / std::max(1.0, std::fabs(a.value)));
        }
    }
    qInfo("%s: largest |sum of terms − logit difference| (relative) %.3g", qPrintable(name), worst);
    QVERIFY(worst <= 1e-5);
}

void TestAttribution::ablationEqualsRemovingWeights() {
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    QVERIFY2(g.error.empty(), g.error.c_str());
    const core::Weights weights = core::fromNamedTensors(g.config, g.weights);
    const core::Model model(g.config, weights);
    const core::Trace trace = model.forward(g.src, g.tgt);
    const core::LogitQuestion q{2, 3, 5};
    const core::LogitAttribution a = core::attributeLogit(model, trace, q, true);
    const int d_k = g.config.d_model / g.config.heads;
    const auto drop = [&](const core::Weights& w) {
        return a.value - core::logitValue(core::Model(g.config, w).forward(g.src, g.tgt), q);
    };
    double worst = 0, largest = 0;
    const auto check = [&](double ablation, const core::Weights& w) {
        worst = std::max(worst, std::fabs(ablation - drop(w)));
        largest = std::max(largest, std::fabs(ablation));
    };
    for (int l = 0; l < 2; ++l) {
        for (int h = 0; h < g.config.heads; ++h) {
            core::Weights w = weights;
            w.encoder[size_t(l)].self_attn.out.weight.middleCols(h * d_k, d_k).setZero();
            check(a.ablation.encoderSelf(l, h), w);
            w = weights;
            w.decoder[size_t(l)].self_attn.out.weight.middleCols(h * d_k, d_k).setZero();
            check(a.ablation.decoderSelf(l, h), w);
            w = weights;
            w.decoder[size_t(l)].cross_attn.out.weight.middleCols(h * d_k, d_k).setZero();
            check(a.ablation.cross(l, h), w);
        }
        core::Weights w = weights;
        w.encoder[size_t(l)].linear2.weight.setZero();
        check(a.ablation.encoderFfn[size_t(l)], w);
        w = weights;
        w.decoder[size_t(l)].linear2.weight.setZero();
        check(a.ablation.decoderFfn[size_t(l)], w);
    }
    qInfo("ablation vs removed weights: largest difference %.3g, largest ablation %.3g", worst, largest);
    QVERIFY(largest > 0.05);
    QVERIFY(worst <= 1e-4);
}

void TestAttribution::badQuestions() {
    const test::GoldenCase g = test::loadGolden("nope");
    QVERIFY2(g.error.empty(), g.error.c_str());
    const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
    const core::Trace trace = model.forward(g.src, g.tgt);
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, core::attributeLogit(model, trace, {int(g.tgt.size()), 1, -1}));
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, core::attributeLogit(model, trace, {0, g.config.tgt_vocab, -1}));
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, core::attributeLogit(model, trace, {0, 1, -2}));
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, core::attributeLogit(model, model.forward(g.src), {0, 1, -1}));
}

QTEST_APPLESS_MAIN(TestAttribution)
#include "tst_attribution.moc"
