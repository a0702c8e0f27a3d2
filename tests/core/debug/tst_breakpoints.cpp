// Breakpoints on golden models run forward by our core: each condition stops at the first tensor in
// execution order where the planted fault appears, names it and says why, and the unplanted model runs
// through without a stop. Faults: a weight row so large that linear1 overflows to infinity (Model refuses
// NaN weights, so the non-finite value is made by the forward pass itself), a head whose queries are
// scaled 1e4 (one-hot weights: a collapsed head), a target starting with padding (a fully masked row).
#include "core/debug/breakpoints.h"
#include "core/debug/trace_run.h"
#include "../core_test_support.h"

#include <QtTest>

using namespace alab;

namespace {

struct Run {
    core::TraceRun run;
    core::ExecutionOrder order;
    std::optional<core::BreakHit> stop(const std::vector<core::Breakpoint>& bps, int from = -1) const {
        return core::runToNextBreakpoint(order, [this](const std::string& n) { return run.find(n); }, bps, from);
    }
};

Run forward(const test::GoldenCase& g, const core::NamedTensors& weights, std::vector<int> tgt) {
    const core::Model model(g.config, core::fromNamedTensors(g.config, weights));
    Run r;
    r.run = core::runFromTrace(model.forward(g.src, tgt));
    r.order = core::executionOrder(r.run.names);
    return r;
}

}  // namespace

class TestBreakpoints : public QObject {
    Q_OBJECT

private slots:
    void glob();
    void overflowStopsAtFirstNonFinite();
    void collapsedHead();
    void fullyMaskedRow();
    void namePatternAndContinue();
};

void TestBreakpoints::glob() {
    QVERIFY(core::globMatch("decoder.*.cross_attn.weights", "decoder.1.cross_attn.weights"));
    QVERIFY(!core::globMatch("decoder.*.cross_attn.weights", "decoder.1.self_attn.weights"));
    QVERIFY(!core::globMatch("decoder.*.cross_attn.weights", "decoder.1.cross_attn.weights2"));
    QVERIFY(core::globMatch("*", "output.probs"));
    QVERIFY(core::globMatch("encoder.?.norm1", "encoder.0.norm1"));
}

void TestBreakpoints::overflowStopsAtFirstNonFinite() {
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    QVERIFY2(g.error.empty(), g.error.c_str());
    const std::vector<core::Breakpoint> bp = {{"*", core::BreakCondition::NanOrInf, 0}};
    QVERIFY(!forward(g, g.weights, g.tgt).stop(bp));
    core::NamedTensors w = g.weights;
    core::Tensor& l1 = w.at("encoder.layers.1.linear1.weight");
    for (int64_t j = 0; j < l1.shape[1]; ++j) l1.data[size_t(j)] = 3e38f;
    const auto hit = forward(g, w, g.tgt).stop(bp);
    QVERIFY(hit);
    QCOMPARE(hit->tensor, std::string("encoder.1.ffn.pre_activation"));
    QVERIFY2(hit->reason.find("NaN or infinite") != std::string::npos, hit->reason.c_str());
}

void TestBreakpoints::collapsedHead() {
    const test::GoldenCase g = test::loadGolden("prenorm_h4");
    QVERIFY2(g.error.empty(), g.error.c_str());
    const std::vector<core::Breakpoint> bp = {{"*.weights", core::BreakCondition::LowEntropy, 0.05}};
    QVERIFY(!forward(g, g.weights, g.tgt).stop(bp));
    core::NamedTensors w = g.weights;
    core::Tensor& in = w.at("encoder.layers.1.self_attn.in_proj_weight");  // [3·d, d]; head 3's W_q rows 8..11
    const int64_t d = in.shape[1], dk = d / 4;
    for (int64_t r = 2 * dk; r < 3 * dk; ++r)
        for (int64_t c = 0; c < d; ++c) in.data[size_t(r * d + c)] *= 1e4f;
    const auto hit = forward(g, w, g.tgt).stop(bp);
    QVERIFY(hit);
    QCOMPARE(hit->tensor, std::string("encoder.1.self_attn.weights"));
    QVERIFY2(hit->reason.find("head 3 has collapsed") != std::string::npos, hit->reason.c_str());
}

void TestBreakpoints::fullyMaskedRow() {
    const test::GoldenCase g = test::loadGolden("padding_h1");
    QVERIFY2(g.error.empty(), g.error.c_str());
    const std::vector<core::Breakpoint> masked = {{"*", core::BreakCondition::FullyMaskedRow, 0}};
    const std::vector<core::Breakpoint> sums = {{"*", core::BreakCondition::RowSumNotOne, 1e-5}};
    const Run clean = forward(g, g.weights, g.tgt);
    QVERIFY(!clean.stop(masked));
    QVERIFY(!clean.stop(sums));
    std::vector<int> tgt = g.tgt;
    tgt[0] = g.config.pad_id;  // the first query may attend only to key 1, which is now padding
    const Run run = forward(g, g.weights, tgt);
    auto hit = run.stop(masked);
    QVERIFY(hit);
    QCOMPARE(hit->tensor, std::string("decoder.0.self_attn.mask"));
    QVERIFY2(hit->reason.find("row 1 is fully masked") != std::string::npos, hit->reason.c_str());
    hit = run.stop(sums);
    QVERIFY(hit);
    QCOMPARE(hit->tensor, std::string("decoder.0.self_attn.weights"));
    QVERIFY2(hit->reason.find("row 1 of head 1 sums to 0") != std::string::npos, hit->reason.c_str());
}

void TestBreakpoints::namePatternAndContinue() {
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    const Run r = forward(g, g.weights, g.tgt);
    const std::vector<core::Breakpoint> bp = {{"decoder.*.cross_attn.weights", core::BreakCondition::Always, 0},
                                              {"*", core::BreakCondition::AbsAbove, 1e4}};
    auto hit = r.stop(bp);
    QVERIFY(hit);
    QCOMPARE(hit->tensor, std::string("decoder.0.cross_attn.weights"));
    hit = r.stop(bp, hit->op);
    QVERIFY(hit);
    QCOMPARE(hit->tensor, std::string("decoder.1.cross_attn.weights"));
    QVERIFY(!r.stop(bp, hit->op));
}

QTEST_APPLESS_MAIN(TestBreakpoints)
#include "tst_breakpoints.moc"
