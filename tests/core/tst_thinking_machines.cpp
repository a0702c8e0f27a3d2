// The seed article's worked example, checked on the thinking-machines preset: q1·k1 = 112,
// q1·k2 = 96, scaled by sqrt(64) to 14 and 12, softmax 0.8808 / 0.1192 (= the logistic of 14 - 12),
// z1 = w11·v1 + w12·v2, and the matrix form softmax(QKᵀ/√d_k)·V recomputed here from the trace's
// q, k, v. Values are recomputed in the test from first principles, never copied from the core.
#include "core/model.h"
#include "core/presets.h"

#include <QtTest>

#include <cmath>

using namespace alab;

namespace {

constexpr double kTol = 1e-4;

core::Trace thinkingTrace() {
    const core::Preset p = core::thinkingMachinesPreset();
    const core::Model model(p.config, p.weights);
    return model.forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
}

double dot(const core::Matrix& a, int ra, const core::Matrix& b, int rb) {
    double s = 0;
    for (Eigen::Index j = 0; j < a.cols(); ++j) s += double(a(ra, j)) * double(b(rb, j));
    return s;
}

}  // namespace

class TestThinkingMachines : public QObject {
    Q_OBJECT

private slots:
    void presetShape();
    void scores_data();
    void scores();
    void queriesAreEmbeddingTimesWq();
    void softmaxIsLogisticOfDifference_data();
    void softmaxIsLogisticOfDifference();
    void articleWeights();
    void contextIsWeightedSumOfValues_data();
    void contextIsWeightedSumOfValues();
    void matrixFormEqualsContext();
};

void TestThinkingMachines::presetShape() {
    const core::Preset p = core::thinkingMachinesPreset();
    QCOMPARE(p.config.d_model, 4);
    QCOMPARE(p.config.heads, 1);
    QCOMPARE(p.config.headDim(), 64);
    QCOMPARE(p.config.encoder_layers, 1);
    QCOMPARE(p.config.decoder_layers, 0);
    QCOMPARE(p.defaultSrc, std::string("Thinking Machines"));
    const core::Trace t = thinkingTrace();
    QCOMPARE(t.encoder[0].self_attn.q[0].cols(), Eigen::Index(64));
    QCOMPARE(t.src_positional_encoding.cwiseAbs().maxCoeff(), 0.0f);  // no PE: the bare word vectors
}

void TestThinkingMachines::scores_data() {
    QTest::addColumn<int>("query");
    QTest::addColumn<int>("key");
    QTest::addColumn<double>("article");  // the seed article's numbers
    QTest::newRow("q1·k1 = 112") << 0 << 0 << 112.0;
    QTest::newRow("q1·k2 = 96") << 0 << 1 << 96.0;
}

void TestThinkingMachines::scores() {
    QFETCH(int, query);
    QFETCH(int, key);
    QFETCH(double, article);
    const core::Trace trace = thinkingTrace();
    const core::AttentionTrace& a = trace.encoder[0].self_attn;
    const double recomputed = dot(a.q[0], query, a.k[0], key);
    QVERIFY(std::fabs(recomputed - article) < kTol);
    QVERIFY(std::fabs(double(a.scores[0](query, key)) - article) < kTol);
    const double scaled = article / std::sqrt(64.0);  // 14 and 12
    QVERIFY(std::fabs(double(a.scaled[0](query, key)) - scaled) < kTol);
}

void TestThinkingMachines::queriesAreEmbeddingTimesWq() {
    const core::Preset p = core::thinkingMachinesPreset();
    const core::Trace t = thinkingTrace();
    const core::AttentionTrace& a = t.encoder[0].self_attn;
    const core::MhaWeights& w = p.weights.encoder[0].self_attn;
    const core::Matrix q = t.encoder_input * w.wq.transpose();
    const core::Matrix k = t.encoder_input * w.wk.transpose();
    const core::Matrix v = t.encoder_input * w.wv.transpose();
    QVERIFY((q - a.q[0]).cwiseAbs().maxCoeff() < kTol);
    QVERIFY((k - a.k[0]).cwiseAbs().maxCoeff() < kTol);
    QVERIFY((v - a.v[0]).cwiseAbs().maxCoeff() < kTol);
    // The projections are small integers, so q, k, v (and the scores) are whole numbers.
    QCOMPARE(a.q[0].array().round().matrix(), a.q[0]);
}

void TestThinkingMachines::softmaxIsLogisticOfDifference_data() {
    QTest::addColumn<int>("query");
    QTest::newRow("Thinking attends") << 0;
    QTest::newRow("Machines attends") << 1;
}

void TestThinkingMachines::softmaxIsLogisticOfDifference() {
    QFETCH(int, query);
    const core::Trace trace = thinkingTrace();
    const core::AttentionTrace& a = trace.encoder[0].self_attn;
    const double d = double(a.scaled[0](query, 0)) - double(a.scaled[0](query, 1));
    const double w1 = 1.0 / (1.0 + std::exp(-d));
    QVERIFY(std::fabs(double(a.weights[0](query, 0)) - w1) < kTol);
    QVERIFY(std::fabs(double(a.weights[0](query, 1)) - (1.0 - w1)) < kTol);
}

void TestThinkingMachines::articleWeights() {
    const core::Trace trace = thinkingTrace();
    const core::AttentionTrace& a = trace.encoder[0].self_attn;
    const double expected = 1.0 / (1.0 + std::exp(-2.0));  // e^14 / (e^14 + e^12)
    QVERIFY(std::fabs(expected - 0.8808) < 1e-4);
    QVERIFY(std::fabs(double(a.weights[0](0, 0)) - expected) < kTol);
    QVERIFY(std::fabs(double(a.weights[0](0, 1)) - (1.0 - expected)) < kTol);
    // "Machines" attends 0.32 / 0.68, as the lesson says (rounded to two decimals).
    QCOMPARE(QString::number(double(a.weights[0](1, 0)), 'f', 2), QStringLiteral("0.32"));
    QCOMPARE(QString::number(double(a.weights[0](1, 1)), 'f', 2), QStringLiteral("0.68"));
}

void TestThinkingMachines::contextIsWeightedSumOfValues_data() {
    QTest::addColumn<int>("row");
    QTest::newRow("z1 = w11·v1 + w12·v2") << 0;
    QTest::newRow("z2 = w21·v1 + w22·v2") << 1;
}

void TestThinkingMachines::contextIsWeightedSumOfValues() {
    QFETCH(int, row);
    const core::Trace trace = thinkingTrace();
    const core::AttentionTrace& a = trace.encoder[0].self_attn;
    const core::Matrix& v = a.v[0];
    const double w1 = a.weights[0](row, 0), w2 = a.weights[0](row, 1);
    for (Eigen::Index j = 0; j < v.cols(); ++j) {
        const double z = w1 * double(v(0, j)) + w2 * double(v(1, j));
        QVERIFY2(std::fabs(double(a.context[0](row, j)) - z) < kTol * std::max(1.0, std::fabs(z)),
                 qPrintable(QStringLiteral("column %1").arg(j)));
    }
}

void TestThinkingMachines::matrixFormEqualsContext() {
    const core::Trace trace = thinkingTrace();
    const core::AttentionTrace& a = trace.encoder[0].self_attn;
    const Eigen::MatrixXd q = a.q[0].cast<double>(), k = a.k[0].cast<double>(), v = a.v[0].cast<double>();
    Eigen::MatrixXd s = q * k.transpose() / std::sqrt(double(q.cols()));
    for (Eigen::Index r = 0; r < s.rows(); ++r) {
        s.row(r) = (s.row(r).array() - s.row(r).maxCoeff()).exp().matrix();
        s.row(r) /= s.row(r).sum();
    }
    const Eigen::MatrixXd z = s * v;
    const Eigen::MatrixXd diff = z - a.context[0].cast<double>();
    QVERIFY(diff.cwiseAbs().maxCoeff() < kTol * std::max(1.0, z.cwiseAbs().maxCoeff()));
    QCOMPARE(a.concat.cols(), a.context[0].cols());  // one head: concat is the context itself
    QVERIFY((a.concat - a.context[0]).cwiseAbs().maxCoeff() == 0.0f);
}

QTEST_APPLESS_MAIN(TestThinkingMachines)
#include "tst_thinking_machines.moc"
