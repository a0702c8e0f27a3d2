// Long maps shown and exported without holding them whole. A lean head recomputed on several threads
// (row blocks in any order) equals full capture bit for bit; a map written to .npy block by block gives
// the same file, byte for byte, as full capture's tensor serialised whole (one head and all heads, the
// mask, a recorded map, a non-map tensor); the display grid keeps each block's peak (checked against a
// plain loop) and never has more blocks than pixels, and keeps the window it has while it serves.
#include "core/attention.h"
#include "core/file_io.h"
#include "core/model.h"
#include "core/model/attention_maps.h"
#include "core/model/map_npy.h"
#include "core/npy.h"
#include "core/parallel.h"
#include "core/rng.h"
#include "core/tensor/block_pool.h"
#include "core/tensor_export.h"
#include "core/weights.h"
#include "../core_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace alab;
using alab::test::sameBits;

namespace {

core::ModelConfig config() {
    core::ModelConfig c;
    c.d_model = 32;
    c.heads = 4;
    c.d_ff = 64;
    c.encoder_layers = c.decoder_layers = 1;
    c.src_vocab = c.tgt_vocab = 20;
    c.max_len = 4096;
    c.pad_id = 3;
    return c;
}

std::vector<int> ids(int n, uint64_t seed) {  // padding in runs and at the end
    core::Rng rng(seed);
    std::vector<int> out;
    for (int i = 0; i < n; ++i) out.push_back(i % 97 >= 90 || i >= n - 3 ? 3 : int(rng.below(20)));
    return out;
}

// The plain definition of one pooled block.
float blockPeak(const core::Matrix& m, const core::Matrix& masked, Eigen::Index r0, Eigen::Index c0, Eigen::Index rows,
                Eigen::Index cols, bool magnitude) {
    float best = std::numeric_limits<float>::quiet_NaN();
    for (Eigen::Index r = r0; r < r0 + rows; ++r)
        for (Eigen::Index c = c0; c < c0 + cols; ++c) {
            const float v = m(r, c);
            if (!std::isfinite(v) || masked(r, c) != 0) continue;
            if (std::isnan(best) || (magnitude ? std::abs(v) > std::abs(best) : v > best)) best = v;
        }
    return best;
}

}  // namespace

class TestMapDisplay : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { core::setThreadCount(0); }
    void headsOnThreadsEqualFullCapture_data();
    void headsOnThreadsEqualFullCapture();
    void streamedNpyEqualsWholeTensor();
    void poolKeepsEveryPeak();
    void displayWindowFitsThePixels();
};

void TestMapDisplay::headsOnThreadsEqualFullCapture_data() {
    QTest::addColumn<int>("threads");
    QTest::newRow("1 thread") << 1;
    QTest::newRow("2 threads") << 2;
    QTest::newRow("3 threads") << 3;
}

void TestMapDisplay::headsOnThreadsEqualFullCapture() {
    QFETCH(int, threads);
    core::setThreadCount(threads);
    const core::ModelConfig c = config();
    const core::Model model(c, core::initWeights(c, 21));
    const std::vector<int> src = ids(1500, 1), tgt = ids(1200, 2);  // 1500² > 2^20: several row blocks
    core::CapturePolicy lean;
    lean.keepMaps = false;
    const core::Trace full = model.forward(src, tgt), leanTrace = model.forward(src, tgt, lean);
    for (const char* attention : {"encoder.0.self_attn.", "decoder.0.self_attn.", "decoder.0.cross_attn."})
        for (const char* leaf : {"scores", "scaled", "weights"})
            for (int head : {0, 3}) {
                const std::string name = std::string(attention) + leaf;
                const std::optional<core::Matrix> a = core::findTensorHead(leanTrace, name, head);
                QVERIFY2(a, name.c_str());
                QVERIFY(sameBits(*a, *core::findTensorHead(full, name, head), (name + " head " + std::to_string(head)).c_str()));
            }
}

void TestMapDisplay::streamedNpyEqualsWholeTensor() {
    const core::ModelConfig c = config();
    const core::Model model(c, core::initWeights(c, 22));
    const std::vector<int> src = ids(1300, 3), tgt = ids(200, 4);
    core::CapturePolicy lean;
    lean.keepMaps = false;
    const core::Trace full = model.forward(src, tgt), leanTrace = model.forward(src, tgt, lean);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("t.npy")).toStdString();
    const std::vector<std::pair<std::string, int>> cases = {
        {"encoder.0.self_attn.weights", 2}, {"encoder.0.self_attn.weights", -1}, {"decoder.0.self_attn.scaled", 1},
        {"decoder.0.cross_attn.scores", -1}, {"decoder.0.self_attn.mask", -1},    {"encoder.0.self_attn.q", 1},
        {"encoder.output", -1}};
    for (const auto& [name, head] : cases) {
        const core::Tensor whole = *core::findTensor(full, name);
        const std::string expected =
            core::serializeNpy(head < 0 || whole.rank() != 3 ? whole : core::Tensor::fromMatrix(core::tensorSlice(whole, head)));
        for (const core::Trace* trace : {&leanTrace, &full}) {
            QCOMPARE(core::writeTensorNpy(*trace, name, head, path), std::string());
            std::string written;
            QCOMPARE(core::readFile(path, written), std::string());
            QVERIFY2(written == expected, (name + (trace == &full ? " (full)" : " (lean)")).c_str());
        }
    }
    QVERIFY(core::writeTensorNpy(leanTrace, "encoder.0.self_attn.weights", 4, path).find("has 4 heads") != std::string::npos);
    QVERIFY(core::writeTensorNpy(leanTrace, "encoder.0.self_attn.weights", 0, "/nonexistent/x.npy").rfind("cannot write /nonexistent/x.npy: ", 0) == 0);
}

void TestMapDisplay::poolKeepsEveryPeak() {
    core::Rng rng(5);
    core::Matrix m(301, 517), masked = core::Matrix::Zero(301, 517);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(1.0f);
    for (Eigen::Index r = 0; r < m.rows(); ++r) m.row(r).tail(std::max<Eigen::Index>(0, m.cols() - 2 * r - 1)).setConstant(-INFINITY);
    for (Eigen::Index r = 0; r < 40; ++r) masked.row(r).segment(3, 30).setOnes();
    m(150, 400) = 7.0f;  // one-cell peaks of either sign
    m(200, 399) = -9.0f;
    for (const bool magnitude : {false, true}) {
        const core::BlockWindow w{7, 11, 290, 500, 6, 9};
        const core::Matrix pooled = core::poolBlocks(m, w, magnitude ? core::PoolRule::LargestMagnitude : core::PoolRule::Largest, &masked);
        QCOMPARE(pooled.rows(), Eigen::Index(49));  // 290 / 6 rounded up
        QCOMPARE(pooled.cols(), Eigen::Index(56));
        int nan = 0;
        for (Eigen::Index g = 0; g < pooled.rows(); ++g)
            for (Eigen::Index h = 0; h < pooled.cols(); ++h) {
                const Eigen::Index r0 = w.r0 + g * w.br, c0 = w.c0 + h * w.bc;
                const float want = blockPeak(m, masked, r0, c0, std::min(w.br, w.r0 + w.rows - r0),
                                             std::min(w.bc, w.c0 + w.cols - c0), magnitude);
                const float got = pooled(g, h);
                QVERIFY2((std::isnan(want) && std::isnan(got)) || want == got, qPrintable(QStringLiteral("block %1,%2").arg(g).arg(h)));
                nan += std::isnan(got);
            }
        QVERIFY(nan > 0);  // whole blocks masked stay masked
        QVERIFY((pooled.array() == 7.0f).any());  // the one-cell peak survives
    }
    const core::Matrix signedPool = core::poolBlocks(m, {0, 0, 301, 517, 50, 50}, core::PoolRule::LargestMagnitude);
    QCOMPARE(signedPool(4, 7), -9.0f);
    const core::Matrix none = core::Matrix::Zero(301, 517);  // no mask: the branch-free path
    const core::BlockWindow w{0, 3, 301, 514, 7, 5};
    const core::Matrix plain = core::poolBlocks(m, w, core::PoolRule::Largest);
    for (Eigen::Index g = 0; g < plain.rows(); ++g)
        for (Eigen::Index h = 0; h < plain.cols(); ++h) {
            const Eigen::Index r0 = g * w.br, c0 = w.c0 + h * w.bc;
            const float want = blockPeak(m, none, r0, c0, std::min(w.br, w.rows - r0), std::min(w.bc, w.c0 + w.cols - c0), false);
            QVERIFY((std::isnan(want) && std::isnan(plain(g, h))) || want == plain(g, h));
        }
}

void TestMapDisplay::displayWindowFitsThePixels() {
    const core::VisibleCells all{0, 4095, 0, 4095};
    const core::BlockWindow whole = core::displayWindow(4096, 4096, all, 700, 1000);
    QCOMPARE(whole.br, Eigen::Index(6));  // ceil(4096 / 700)
    QCOMPARE(whole.bc, Eigen::Index(5));
    QVERIFY(whole.gridRows() <= 700 && whole.gridCols() <= 1000);
    QCOMPARE(whole.rows, Eigen::Index(4096));
    const core::VisibleCells zoomed{1000, 1099, 2000, 2049};  // 100 × 50 cells: one block a cell
    const core::BlockWindow detail = core::displayWindow(16384, 16384, zoomed, 700, 1000, &whole);
    QCOMPARE(detail.br, Eigen::Index(1));
    QCOMPARE(detail.bc, Eigen::Index(1));
    QVERIFY(detail.r0 <= 1000 && detail.r0 + detail.rows > 1099 && detail.c0 <= 2000 && detail.c0 + detail.cols > 2049);
    QVERIFY(detail.rows < 16384);  // a window, not the whole axis
    const core::VisibleCells panned{1010, 1109, 2005, 2054};
    QCOMPARE(core::displayWindow(16384, 16384, panned, 700, 1000, &detail), detail);  // still serves
    const core::BlockWindow out = core::displayWindow(16384, 16384, {0, 16383, 0, 16383}, 700, 1000, &detail);
    QVERIFY(out.gridRows() <= 700 && out.gridCols() <= 1000 && out.br == 24);
}

QTEST_APPLESS_MAIN(TestMapDisplay)
#include "tst_map_display.moc"
