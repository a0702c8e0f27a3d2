// What the debugger shows beside an op: for every tensor of a post-norm and a pre-norm golden trace
// there is a formula, and every input it names is a tensor the forward pass computed earlier; a few
// inputs are pinned by hand (softmax reads the scaled scores, cross-attention's keys read the encoder
// output, pre-norm attention reads LayerNorm 1). Statistics count NaN, +∞ and −∞ apart and skip them
// in min / max / mean / std; a difference of two tensors is 0 where both hold the same −∞.
#include "core/debug/execution_order.h"
#include "core/debug/op_info.h"
#include "core/debug/tensor_stats.h"
#include "../core_test_support.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace alab;

class TestOpInfo : public QObject {
    Q_OBJECT

private slots:
    void everyOpReadsEarlierOps_data();
    void everyOpReadsEarlierOps();
    void pinnedInputs();
    void statistics();
};

void TestOpInfo::everyOpReadsEarlierOps_data() {
    QTest::addColumn<QString>("golden");
    QTest::newRow("post-norm") << "postnorm_h2";
    QTest::newRow("pre-norm") << "prenorm_h4";
}

void TestOpInfo::everyOpReadsEarlierOps() {
    QFETCH(QString, golden);
    const test::GoldenCase g = test::loadGolden(golden.toStdString());
    QVERIFY2(g.error.empty(), g.error.c_str());
    const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
    const core::ExecutionOrder order = core::executionOrder(core::traceNames(model.forward(g.src, g.tgt)));
    QCOMPARE(order.normFirst, g.config.norm_first);
    const auto has = [&](const std::string& n) { return order.indexOf(n) >= 0; };
    for (int i = 0; i < int(order.ops.size()); ++i) {
        const core::OpInfo info = core::opInfo(order.ops[size_t(i)], order.normFirst, has);
        QVERIFY2(!info.formula.empty(), order.ops[size_t(i)].c_str());
        for (const std::string& in : info.inputs)
            QVERIFY2(order.indexOf(in) < i, (order.ops[size_t(i)] + " reads " + in).c_str());
    }
}

void TestOpInfo::pinnedInputs() {
    const auto all = [](const std::string&) { return true; };
    using V = std::vector<std::string>;
    QCOMPARE(core::opInfo("encoder.0.self_attn.weights", false, all).inputs,
             (V{"encoder.0.self_attn.scaled", "encoder.0.self_attn.mask"}));
    QCOMPARE(core::opInfo("decoder.1.cross_attn.k", false, all).inputs, V{"encoder.output"});
    QCOMPARE(core::opInfo("decoder.1.cross_attn.q", false, all).inputs, V{"decoder.1.add_norm1"});
    QCOMPARE(core::opInfo("decoder.1.cross_attn.q", true, all).inputs, V{"decoder.1.norm2"});
    QCOMPARE(core::opInfo("encoder.1.self_attn.q", true, all).inputs, V{"encoder.1.norm1"});
    QCOMPARE(core::opInfo("encoder.1.self_attn.q", false, all).inputs, V{"encoder.0.output"});
    QCOMPARE(core::opInfo("encoder.0.self_attn.context", false, all).inputs,
             (V{"encoder.0.self_attn.weights", "encoder.0.self_attn.v"}));
    QCOMPARE(core::opInfo("encoder.0.self_attn.weights", false, all).formula, std::string("A = softmax(QKᵀ / √d_k), row by row"));
    const auto none = [](const std::string&) { return false; };
    QVERIFY(core::opInfo("encoder.0.self_attn.context", false, none).inputs.empty());
    QVERIFY(core::opInfo("grad.param.x", false, all).formula.empty());
}

void TestOpInfo::statistics() {
    const float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
    const core::Tensor t{{2, 3}, {1, -3, nan, inf, -inf, 2}};
    const core::TensorStats s = core::tensorStats(t);
    QCOMPARE(s.count, int64_t(6));
    QCOMPARE(s.finite, int64_t(3));
    QCOMPARE(s.nan, int64_t(1));
    QCOMPARE(s.posInf, int64_t(1));
    QCOMPARE(s.negInf, int64_t(1));
    QCOMPARE(s.min, -3.0);
    QCOMPARE(s.max, 2.0);
    QCOMPARE(s.mean, 0.0);
    QVERIFY(std::abs(s.std - std::sqrt(14.0 / 3.0)) < 1e-12);
    const core::Tensor u{{2, 3}, {0.5f, -3, 1, inf, -inf, 2}};
    const core::Tensor d = core::tensorDifference(t, u);
    QCOMPARE(d.data[0], 0.5f);
    QVERIFY(std::isnan(d.data[2]));
    QCOMPARE(d.data[3], 0.0f);
    QCOMPARE(d.data[4], 0.0f);
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, core::tensorDifference(t, core::Tensor{{3, 2}, std::vector<float>(6)}));
}

QTEST_APPLESS_MAIN(TestOpInfo)
#include "tst_op_info.moc"
