// Lean capture against full capture. The maps a lean trace recomputes (scores, scaled, weights, mask)
// and every tensor it keeps are compared with a full trace's bit for bit (memcmp of the floats, −∞
// included): the recompute runs scaledDotProductAttention's expressions on blocks of query rows, and
// a row's numbers do not depend on its block. Inputs are long enough for several row blocks, and
// hold padding (source and target) and the causal mask.
#include "core/attention.h"
#include "core/model.h"
#include "core/model/attention_maps.h"
#include "core/model/capture_choice.h"
#include "core/model/memory_estimate.h"
#include "core/rng.h"
#include "core/weights.h"
#include "../core_test_support.h"

#include <QtTest>

#include <cstdlib>
#include <cstring>

using namespace alab;
using alab::test::sameBits;
using alab::test::randomMatrix;

namespace {

// Bit-for-bit equality; on a mismatch prints where and by how much.
bool sameBits(const core::Tensor& a, const core::Tensor& b) {
    return a.shape == b.shape && a.data.size() == b.data.size() &&
           std::memcmp(a.data.data(), b.data.data(), sizeof(float) * a.data.size()) == 0;
}

core::ModelConfig smallConfig() {
    core::ModelConfig c;
    c.d_model = 32;
    c.heads = 4;
    c.d_ff = 64;
    c.encoder_layers = 2;
    c.decoder_layers = 2;
    c.src_vocab = c.tgt_vocab = 20;
    c.max_len = 4096;
    c.pad_id = 3;
    return c;
}

// Ids 0..19 with a run of padding in the middle and at the end.
std::vector<int> ids(int n, uint64_t seed) {
    core::Rng rng(seed);
    std::vector<int> out;
    for (int i = 0; i < n; ++i) out.push_back(i % 97 >= 90 || i >= n - 3 ? 3 : int(rng.below(20)));
    return out;
}

}  // namespace

class TestAttentionMaps : public QObject {
    Q_OBJECT

private slots:
    void cleanup() {
        ::unsetenv("ALAB_MEMORY_LIMIT");
        ::unsetenv(core::kCaptureEnv);
    }
    void rowBlocksEqualOneWholeMap_data();
    void rowBlocksEqualOneWholeMap();
    void leanTraceEqualsFullTrace();
    void findTensorHeadRecomputesOneHead();
    void filterYieldsOnlyTheWantedMaps();
    void leanEstimateIsSmaller();
    void autoPicksLeanWhenFullDoesNotFit();
};

void TestAttentionMaps::rowBlocksEqualOneWholeMap_data() {
    QTest::addColumn<int>("Tq");
    QTest::addColumn<bool>("causal");
    // Tk = 16384 gives blocks of 96 rows: 1 row (a matrix–vector product), one block of 97 (a last
    // single row folded in), 96 + 97, three blocks with a short last one.
    QTest::newRow("Tq=1") << 1 << false;
    QTest::newRow("Tq=97 causal") << 97 << true;
    QTest::newRow("Tq=193") << 193 << false;
    QTest::newRow("Tq=200 causal") << 200 << true;
}

void TestAttentionMaps::rowBlocksEqualOneWholeMap() {
    QFETCH(int, Tq);
    QFETCH(bool, causal);
    const int Tk = 16384, d_k = 8;
    core::Rng rng(7);
    const core::Matrix q = randomMatrix(rng, Tq, d_k, 2.0f), k = randomMatrix(rng, Tk, d_k, 2.0f),
                       v = randomMatrix(rng, Tk, d_k, 2.0f);
    std::vector<unsigned char> allowed(size_t(Tk), 1);
    for (int j = 100; j < 140; ++j) allowed[size_t(j)] = 0;
    core::Matrix scores, scaled, weights;
    const core::Matrix context = core::scaledDotProductAttention(q, k, v, core::maskRows(allowed, causal, 0, Tq),
                                                                 &scores, &scaled, &weights);
    core::Matrix s2(Tq, Tk), sc2(Tq, Tk), w2(Tq, Tk);
    int blocks = 0;
    const core::Matrix context2 = core::attentionByRowBlocks(
        q, k, v, allowed, causal, true, [&](Eigen::Index r0, const core::Matrix& a, const core::Matrix& b, const core::Matrix& c) {
            QVERIFY(a.rows() >= 2 || Tq == 1);
            s2.middleRows(r0, a.rows()) = a;
            sc2.middleRows(r0, b.rows()) = b;
            w2.middleRows(r0, c.rows()) = c;
            ++blocks;
        });
    QCOMPARE(blocks, Tq == 200 ? 3 : Tq == 193 ? 2 : 1);
    QVERIFY(sameBits(scores, s2, "scores"));
    QVERIFY(sameBits(scaled, sc2, "scaled"));
    QVERIFY(sameBits(weights, w2, "weights"));
    QVERIFY(sameBits(context, context2, "context"));
}

void TestAttentionMaps::leanTraceEqualsFullTrace() {
    const core::ModelConfig c = smallConfig();
    const core::Model model(c, core::initWeights(c, 11));
    const std::vector<int> src = ids(1100, 1), tgt = ids(150, 2);  // 1100² > 2^20: the encoder's maps take 2 blocks
    const core::Trace full = model.forward(src, tgt);
    core::CapturePolicy lean;
    lean.keepMaps = false;
    const core::Trace leanTrace = model.forward(src, tgt, lean);
    QVERIFY(core::hasMapsOnDemand(leanTrace));
    QVERIFY(!core::hasMapsOnDemand(full));
    QVERIFY(leanTrace.encoder[0].self_attn.weights.empty());  // nothing O(S²) was kept
    QVERIFY(leanTrace.encoder[0].self_attn.mask.size() == 0);
    const std::vector<std::string> names = core::traceNames(full);
    QCOMPARE(core::traceNames(leanTrace), names);
    for (const std::string& name : names) {
        const std::optional<core::Tensor> a = core::findTensor(full, name), b = core::findTensor(leanTrace, name);
        QVERIFY2(a && b && sameBits(*a, *b), name.c_str());
    }
    const core::Trace recorded = core::withRecordedMaps(leanTrace);
    QVERIFY(!core::hasMapsOnDemand(recorded));
    QVERIFY(sameBits(recorded.decoder[1].cross_attn.weights[2], full.decoder[1].cross_attn.weights[2], "recorded cross weights"));
    QVERIFY(sameBits(recorded.decoder[0].self_attn.mask, full.decoder[0].self_attn.mask, "recorded causal mask"));
}

void TestAttentionMaps::findTensorHeadRecomputesOneHead() {
    const core::ModelConfig c = smallConfig();
    const core::Model model(c, core::initWeights(c, 12));
    const std::vector<int> src = ids(300, 3);
    core::CapturePolicy lean;
    lean.keepMaps = false;
    const core::Trace full = model.forward(src), leanTrace = model.forward(src, {}, lean);
    for (const char* leaf : {"scores", "scaled", "weights"}) {
        const std::string name = std::string("encoder.1.self_attn.") + leaf;
        const std::optional<core::Matrix> head = core::findTensorHead(leanTrace, name, 3);
        QVERIFY(head.has_value());
        QVERIFY(sameBits(*head, core::findTensorHead(full, name, 3).value(), leaf));
    }
    QVERIFY(!core::findTensorHead(leanTrace, "encoder.1.self_attn.weights", 4).has_value());
    QVERIFY(!core::findTensorHead(leanTrace, "encoder.7.self_attn.weights", 0).has_value());
    QVERIFY(sameBits(*core::findTensorHead(leanTrace, "encoder.0.norm1", 0), full.encoder[0].norm1, "norm1"));
}

void TestAttentionMaps::filterYieldsOnlyTheWantedMaps() {
    const core::ModelConfig c = smallConfig();
    const core::Model model(c, core::initWeights(c, 13));
    core::CapturePolicy lean;
    lean.keepMaps = false;
    const core::Trace t = model.forward(ids(50, 4), ids(20, 5), lean);
    std::vector<std::string> seen;
    core::visitTrace(t, [&](const std::string& n, const core::Tensor&) { seen.push_back(n); },
                     [](const std::string& n) { return n == "decoder.1.cross_attn.weights" || n == "encoder.output"; });
    QCOMPARE(seen, (std::vector<std::string>{"encoder.output", "decoder.1.cross_attn.weights"}));
}

void TestAttentionMaps::leanEstimateIsSmaller() {
    core::ModelConfig base;  // the paper's base model
    base.d_model = 512;
    base.heads = 8;
    base.d_ff = 2048;
    base.encoder_layers = base.decoder_layers = 6;
    base.src_vocab = base.tgt_vocab = 1000;
    core::CapturePolicy lean;
    lean.keepMaps = false;
    QVERIFY(core::traceBytes(base, 4096, 0) > 10e9);
    QVERIFY(core::traceBytes(base, 4096, 0, lean) < 2e9);
}

void TestAttentionMaps::autoPicksLeanWhenFullDoesNotFit() {
    const core::ModelConfig c = smallConfig();
    ::setenv("ALAB_MEMORY_LIMIT", "64G", 1);
    core::CaptureChoice small = core::chooseCapture(c, 20, 10, core::CaptureMode::Auto);
    QVERIFY(!small.lean && !small.forced);
    QVERIFY(small.policy.keepMaps);
    QVERIFY(QString::fromStdString(small.note).startsWith("capture: full"));
    const core::CaptureChoice big = core::chooseCapture(c, 4096, 4096, core::CaptureMode::Auto);
    QVERIFY(big.lean && !big.policy.keepMaps);  // about 2.4 GB of maps: over the 1 GB budget
    QVERIFY2(QString::fromStdString(big.note).startsWith("capture: lean"), big.note.c_str());
    QVERIFY(big.leanBytes < big.fullBytes / 10);
    ::setenv("ALAB_MEMORY_LIMIT", "4M", 1);  // half of what is available is the budget too
    QVERIFY(core::chooseCapture(c, 100, 0, core::CaptureMode::Auto).lean);
    QVERIFY(core::chooseCapture(c, 4096, 4096, core::CaptureMode::Full).policy.keepMaps);
    QVERIFY(!core::chooseCapture(c, 2, 0, core::CaptureMode::Lean).policy.keepMaps);
    ::setenv(core::kCaptureEnv, "lean", 1);
    QCOMPARE(core::captureModeFromEnvironment(), core::CaptureMode::Lean);
    ::setenv(core::kCaptureEnv, "nonsense", 1);
    QCOMPARE(core::captureModeFromEnvironment(), core::CaptureMode::Auto);
}

QTEST_APPLESS_MAIN(TestAttentionMaps)
#include "tst_attention_maps.moc"
