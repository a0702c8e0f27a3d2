// Row blocks on the pool's threads (core/model/row_blocks.h) and the LayerNorm code that uses them:
// forRowBlocks visits every row once, in blocks of 32 rows from 2^18 elements on and as one block below;
// LayerNorm forward and backward of a matrix large enough to split give the same bits on 1, 2 and 3
// threads, and each row's output and input gradient equal those of that row computed alone (the
// serial path), so splitting changes no number. γ's and β's gradients agree with the rows' sum. The
// FFN's activation and its derivative give the same bits on 1, 2 and 3 threads.
#include "core/layers.h"
#include "core/model/row_blocks.h"
#include "core/parallel.h"
#include "core/rng.h"
#include "core/train/layers_backward.h"
#include "../core_test_support.h"

#include <QtTest>

#include <mutex>
#include <vector>

using namespace alab;
using alab::test::sameBits;

namespace {

core::Matrix noise(Eigen::Index rows, Eigen::Index cols, uint64_t seed) {
    core::Rng rng(seed);
    return alab::test::randomMatrix(rng, rows, cols, 2.0f);
}

struct NormResult {
    core::Matrix y, dx;
    core::LayerNormWeights grads;
};

NormResult normBothWays(const core::Matrix& x, const core::Matrix& dy, const core::LayerNormWeights& w) {
    NormResult r;
    core::LayerNormStats stats;
    r.y = core::layerNorm(x, w, 1e-5f, &stats);
    r.grads = {core::RowVector::Zero(x.cols()), core::RowVector::Zero(x.cols())};
    r.dx = core::layerNormBackward(dy, x, stats, w, r.grads);
    return r;
}

}  // namespace

class TestRowBlocks : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { core::setThreadCount(0); }

    void blocksCoverEveryRowOnce() {
        core::setThreadCount(2);
        for (const auto& [rows, cols, calls] : {std::tuple{Eigen::Index(1100), Eigen::Index(256), 35},
                                                 std::tuple{Eigen::Index(1000), Eigen::Index(128), 1},
                                                 std::tuple{Eigen::Index(32), Eigen::Index(4096), 1}}) {
            std::vector<int> seen(size_t(rows), 0);
            std::mutex m;
            int n = 0;
            core::forRowBlocks(rows, cols, [&](Eigen::Index begin, Eigen::Index count) {
                std::lock_guard lock(m);
                ++n;
                QVERIFY(count == rows || (begin % core::kRowBlock == 0 && count <= core::kRowBlock));
                for (Eigen::Index r = begin; r < begin + count; ++r) ++seen[size_t(r)];
            });
            QCOMPARE(n, calls);
            for (int s : seen) QCOMPARE(s, 1);
        }
    }

    void layerNormSplitChangesNoBit() {
        const Eigen::Index rows = 1100, cols = 256;  // 281 600 elements: split into 35 blocks
        const core::Matrix x = noise(rows, cols, 1), dy = noise(rows, cols, 2);
        const core::LayerNormWeights w{noise(1, cols, 3).row(0), noise(1, cols, 4).row(0)};
        core::setThreadCount(1);
        const NormResult one = normBothWays(x, dy, w);
        for (int threads : {2, 3}) {
            core::setThreadCount(threads);
            const NormResult more = normBothWays(x, dy, w);
            QVERIFY(sameBits(one.y, more.y));
            QVERIFY(sameBits(one.dx, more.dx));
            QVERIFY(sameBits(one.grads.gamma, more.grads.gamma) && sameBits(one.grads.beta, more.grads.beta));
        }
        core::RowVector gammaSum = core::RowVector::Zero(cols), betaSum = core::RowVector::Zero(cols);
        for (Eigen::Index r : {Eigen::Index(0), Eigen::Index(31), Eigen::Index(32), Eigen::Index(557), rows - 1}) {
            const NormResult alone = normBothWays(x.middleRows(r, 1), dy.middleRows(r, 1), w);
            QVERIFY2(sameBits(alone.y, one.y.middleRows(r, 1)), qPrintable(QString("row %1").arg(r + 1)));
            QVERIFY2(sameBits(alone.dx, one.dx.middleRows(r, 1)), qPrintable(QString("row %1").arg(r + 1)));
        }
        for (Eigen::Index r = 0; r < rows; ++r) {
            const NormResult alone = normBothWays(x.middleRows(r, 1), dy.middleRows(r, 1), w);
            gammaSum += alone.grads.gamma, betaSum += alone.grads.beta;
        }
        QVERIFY((gammaSum - one.grads.gamma).cwiseAbs().maxCoeff() < 1e-3f);
        QVERIFY((betaSum - one.grads.beta).cwiseAbs().maxCoeff() < 1e-3f);
        QVERIFY(one.grads.beta.cwiseAbs().maxCoeff() > 1.0f);  // the sums are not trivially small
    }

    // The FFN's activation (forward) and its derivative (backward) run by row blocks: 600 × 512 hidden.
    void feedForwardSplitChangesNoBit() {
        const Eigen::Index rows = 600, d = 64, ff = 512;
        const core::Matrix x = noise(rows, d, 5), dout = noise(rows, d, 6);
        const core::Linear l1{noise(ff, d, 7), noise(1, ff, 8).row(0)}, l2{noise(d, ff, 9), noise(1, d, 10).row(0)};
        for (core::Activation act : {core::Activation::Relu, core::Activation::Gelu}) {
            std::vector<core::Matrix> outs, dxs;
            for (int threads : {1, 2, 3}) {
                core::setThreadCount(threads);
                core::FfnTrace t;
                outs.push_back(core::feedForward(x, l1, l2, act, &t));
                core::Linear g1{core::Matrix::Zero(ff, d), core::RowVector::Zero(ff)};
                core::Linear g2{core::Matrix::Zero(d, ff), core::RowVector::Zero(d)};
                dxs.push_back(core::feedForwardBackward(dout, x, t, l1, l2, act, g1, g2));
                if (threads == 1 && act == core::Activation::Relu)
                    QVERIFY(sameBits(t.hidden, t.pre_activation.cwiseMax(0.0f)));
            }
            for (size_t i = 1; i < outs.size(); ++i) QVERIFY(sameBits(outs[0], outs[i]) && sameBits(dxs[0], dxs[i]));
        }
    }
};

QTEST_APPLESS_MAIN(TestRowBlocks)
#include "tst_row_blocks.moc"
