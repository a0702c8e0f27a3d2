// Residual dropout: masks hold 0 with probability p and 1/(1 − p) otherwise, the same seed gives the
// same masks; a forward pass with dropout 0 is bit-identical to one without; with p > 0 every
// sub-layer output and both embedding sums are multiplied by the mask the trace keeps; a Trainer
// with dropout 0 trains bit-identically to the plain training loop (no extra draws from its stream);
// dropout changes training but never evaluation. (Its gradients: tst_gradient_check by finite
// differences, tst_backward_golden against PyTorch autograd fed these masks.)
#include "core/model.h"
#include "core/model/dropout.h"
#include "core/train/batch.h"
#include "core/train/trainer.h"
#include "core/train/train_step.h"
#include "../core_test_support.h"

#include <QtTest>

#include <cstring>

using namespace alab::core;
using alab::test::sameBits;

namespace {

ModelConfig smallConfig(bool normFirst) {
    ModelConfig c;
    c.d_model = 8, c.heads = 2, c.d_ff = 12, c.encoder_layers = 2, c.decoder_layers = 2;
    c.src_vocab = c.tgt_vocab = 9, c.max_len = 8, c.pad_id = 0, c.norm_first = normFirst;
    return c;
}

bool sameWeights(const ModelConfig& c, Weights a, Weights b) {
    const auto sa = parameterSpans(c, a), sb = parameterSpans(c, b);
    for (size_t i = 0; i < sa.size(); ++i)
        if (std::memcmp(sa[i].data, sb[i].data, size_t(sa[i].size) * sizeof(float)) != 0) return false;
    return true;
}

TrainerOptions tiny(float dropout) {
    TrainerOptions o;
    o.task = "reverse";
    o.d_model = 16, o.heads = 2, o.layers = 1, o.d_ff = 32;
    o.steps = 5, o.batch = 4, o.warmup = 3, o.seed = 11, o.evalExamples = 4;
    o.dropout = dropout;
    return o;
}

}  // namespace

class TestDropout : public QObject {
    Q_OBJECT

private slots:
    void masksHaveTheRightValues() {
        Dropout d(0.25f, 3);
        const Matrix m = d.mask(200, 100);
        int zeros = 0;
        for (Eigen::Index i = 0; i < m.size(); ++i) {
            const float v = m.data()[i];
            QVERIFY(v == 0.0f || v == 1.0f / 0.75f);
            zeros += v == 0.0f;
        }
        const double fraction = zeros / double(m.size());
        QVERIFY2(std::fabs(fraction - 0.25) < 0.02, qPrintable(QString::number(fraction)));
        Dropout again(0.25f, 3), other(0.25f, 4);
        QVERIFY(sameBits(again.mask(200, 100), m));
        QVERIFY(!sameBits(other.mask(200, 100), m));
    }
    void badProbabilityThrows() {
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, Dropout(1.0f, 1));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, Dropout(-0.1f, 1));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, Dropout(std::nanf(""), 1));
    }
    void zeroDropoutChangesNothing() {
        for (bool normFirst : {false, true}) {
            const ModelConfig c = smallConfig(normFirst);
            const Model model(c, initWeights(c, 5));
            Dropout none(0.0f, 9);
            const Trace a = model.forward({3, 4, 5}, {1, 6, 7, 2}), b = model.forward({3, 4, 5}, {1, 6, 7, 2}, {}, &none);
            QVERIFY(sameBits(a.logits, b.logits));
            QVERIFY(sameBits(a.encoder_output, b.encoder_output));
            QCOMPARE(b.src_dropout.size(), 0);
            QCOMPARE(b.decoder[1].dropout3.size(), 0);
        }
    }
    void masksMultiplyEverySublayer() {
        const ModelConfig c = smallConfig(false);  // post-norm: residual_i = input + dropout(sublayer)
        const Model model(c, initWeights(c, 5));
        Dropout d(0.5f, 21);
        const Trace t = model.forward({3, 4, 5}, {1, 6, 7, 2}, {}, &d);
        const Matrix embedded = t.src_embedding + t.src_positional_encoding;
        QVERIFY(t.encoder_input.isApprox(embedded.cwiseProduct(t.src_dropout)));
        QVERIFY(t.src_dropout.minCoeff() == 0.0f && t.src_dropout.maxCoeff() == 2.0f);
        const EncoderLayerTrace& e = t.encoder[1];
        QVERIFY(e.residual1.isApprox(t.encoder[0].output + e.self_attn.output.cwiseProduct(e.dropout1)));
        QVERIFY(e.residual2.isApprox(e.norm1 + e.ffn.output.cwiseProduct(e.dropout2)));
        const DecoderLayerTrace& dl = t.decoder[0];
        QVERIFY(t.decoder_input.isApprox((t.tgt_embedding + t.tgt_positional_encoding).cwiseProduct(t.tgt_dropout)));
        QVERIFY(dl.residual2.isApprox(dl.norm1 + dl.cross_attn.output.cwiseProduct(dl.dropout2)));
        QVERIFY(dl.residual3.isApprox(dl.norm2 + dl.ffn.output.cwiseProduct(dl.dropout3)));
        QVERIFY(!sameBits(t.logits, model.forward({3, 4, 5}, {1, 6, 7, 2}).logits));
    }
    void trainerWithoutDropoutIsThePlainLoop() {
        const TrainerOptions o = tiny(0.0f);
        Trainer trainer(o);
        Weights w = trainer.weights();
        Adam adam;
        Rng rng(o.seed);
        const std::unique_ptr<Task> task = makeTask(o.task);
        for (int step = 1; step <= o.steps; ++step) {
            trainer.step();
            const Batch b = makeBatch(task->draw(rng, Split::Train, o.batch), trainer.vocabulary());
            std::vector<TrainingPair> pairs;
            for (int r = 0; r < b.size(); ++r) pairs.push_back({b.srcRow(r), b.tgtInRow(r), b.labelsRow(r)});
            const float lr = paperLearningRate(step, o.d_model, o.warmup, o.lr_scale);
            trainStep(trainer.config(), w, adam, pairs, lr, StepOptions{o.label_smoothing, o.clip});
        }
        QVERIFY(sameWeights(trainer.config(), trainer.weights(), w));
    }
    void dropoutTrainsReproduciblyAndNeverEvaluates() {
        Trainer plain(tiny(0.0f)), a(tiny(0.3f)), b(tiny(0.3f));
        const EvalRecord before = a.evaluate(), beforePlain = plain.evaluate();
        QCOMPARE(before.loss, beforePlain.loss);  // same weights: evaluation does not drop out
        QCOMPARE(before.exact_match, beforePlain.exact_match);
        while (!a.done()) a.step(), b.step(), plain.step();
        QVERIFY(sameWeights(a.config(), a.weights(), b.weights()));
        QVERIFY(!sameWeights(a.config(), a.weights(), plain.weights()));
        QCOMPARE(a.evaluate().loss, a.evaluate().loss);
        TrainerOptions bad = tiny(1.0f);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, Trainer{bad});
    }
};

QTEST_APPLESS_MAIN(TestDropout)
#include "tst_dropout.moc"
