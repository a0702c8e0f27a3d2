// Our AVX-512 product kernels (core/model/affine_kernel.h, core/train/affine_backward_kernel.h) against
// two witnesses, compared with memcmp: a scalar loop that states the rounding promised (one std::fma
// chain per depth block, the blocks added in order, then the bias), and Eigen's own product of the same
// block, which the shipped models were trained with. Shapes cover row counts around the kernel's
// 32-row blocks, column counts around its 12-column tiles and Eigen's runs of 48/32/16, depths with and
// without a remainder of 16, one and several depth blocks.
#include "core/model/affine_kernel.h"
#include "core/attention.h"
#include "core/rng.h"
#include "core/train/affine_backward_kernel.h"
#include "../core_test_support.h"

#include <QtTest>

#include <cmath>
#include <cstring>

using namespace alab;
using alab::test::sameBits;
using alab::test::randomMatrix;
using Eigen::Index;

namespace {

core::Matrix viaKernel(const core::Matrix& x, const core::Matrix& w, const core::RowVector& b, Index c0, Index width,
                       Index kc, Index mc) {
    core::PackedRows packed;
    packed.reset(x);
    for (Index r = 0; r < packed.blocks(); ++r) packed.packBlock(x, r);
    core::Matrix y = core::Matrix::Constant(x.rows(), w.rows(), -7.0f);  // columns outside stay −7
    core::affineColumnsKernel(x, packed, w, b, y, c0, width, kc, mc);
    return y;
}

// What the kernel promises, one number at a time.
float scalarReference(const core::Matrix& x, const core::Matrix& w, const core::RowVector& b, Index i, Index j,
                      Index kc) {
    float sum = 0.0f;
    for (Index k0 = 0; k0 < x.cols(); k0 += kc) {
        float acc = 0.0f;
        for (Index p = k0; p < std::min(x.cols(), k0 + kc); ++p) acc = std::fma(x(i, p), w(j, p), acc);
        sum = k0 == 0 ? acc : sum + acc;
    }
    return sum + b(j);
}

// The blocking Eigen picks for a product of one column block (width rows of its column-major form).
std::pair<Index, Index> eigenBlocking(Index rows, Index depth, Index width) {
    Index kc = depth, mc = width, nc = rows;
    Eigen::internal::computeProductBlockingSizes<float, float, 1, Index>(kc, mc, nc, Index(1));
    return {kc, mc};
}

void backwardShapes() {
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("inner");
    QTest::addColumn<int>("width");
    for (int rows : {2, 13, 64, 130, 512})
        for (int inner : {16, 40, 100, 512, 2048})
            for (int width : {17, 100, 128})
                QTest::newRow(qPrintable(QString("%1x%2, %3").arg(rows).arg(inner).arg(width)))
                    << rows << inner << width;
}

}  // namespace

class TestAffineKernel : public QObject {
    Q_OBJECT

private slots:
    void init() {
        if (!core::affineKernelAvailable()) QSKIP("this build has no AVX-512 kernel; Eigen does every product");
    }

    // Every number as the scalar chain, with depth blocks that do and do not divide the depth; the
    // columns outside [c0, c0 + width) untouched. (Widths in runs of 48 and 32: the kernel's own columns.)
    void matchesTheScalarChain_data() {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("depth");
        QTest::addColumn<int>("out");
        QTest::addColumn<int>("c0");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("kc");
        QTest::newRow("one block, 2 rows") << 2 << 40 << 40 << 0 << 32 << 40;
        QTest::newRow("33 rows, depth 17 in blocks of 5") << 33 << 17 << 40 << 0 << 32 << 5;
        QTest::newRow("31 rows, columns 7..54") << 31 << 48 << 60 << 7 << 48 << 48;
        QTest::newRow("65 rows, depth 100 in blocks of 32") << 65 << 100 << 130 << 2 << 128 << 32;
        QTest::newRow("129 rows, 96 columns") << 129 << 64 << 96 << 0 << 96 << 64;
    }
    void matchesTheScalarChain() {
        QFETCH(int, rows);
        QFETCH(int, depth);
        QFETCH(int, out);
        QFETCH(int, c0);
        QFETCH(int, width);
        QFETCH(int, kc);
        core::Rng rng(uint64_t(rows * 1000 + depth));
        const core::Matrix x = randomMatrix(rng, rows, depth), w = randomMatrix(rng, out, depth);
        const core::RowVector b = randomMatrix(rng, 1, out);
        const core::Matrix y = viaKernel(x, w, b, c0, width, kc, width);
        int wrong = 0;
        for (Index i = 0; i < rows; ++i)
            for (Index j = 0; j < out; ++j) {
                const bool inside = j >= c0 && j < c0 + width;
                const float want = inside ? scalarReference(x, w, b, i, j, kc) : -7.0f;
                if (std::memcmp(&want, &y(i, j), sizeof(float)) != 0) ++wrong;
            }
        QCOMPARE(wrong, 0);
    }

    // Bit for bit Eigen's product of the same column block with the depth blocking Eigen picks itself,
    // followed by `rowwise() += bias` — what affine() computed before the kernel.
    void matchesEigen_data() {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("depth");
        QTest::addColumn<int>("width");
        for (int rows : {2, 3, 12, 32, 33, 77, 128, 130})
            for (int depth : {16, 33, 64, 256, 512, 1040, 2048})
                for (int width : {16, 24, 48, 100, 104, 112, 128, 129, 17})
                    QTest::newRow(qPrintable(QString("%1x%2 -> %3").arg(rows).arg(depth).arg(width)))
                        << rows << depth << width;
    }
    void matchesEigen() {
        QFETCH(int, rows);
        QFETCH(int, depth);
        QFETCH(int, width);
        core::Rng rng(uint64_t(rows * 7 + depth * 3 + width));
        const core::Matrix x = randomMatrix(rng, rows, depth), w = randomMatrix(rng, width + 40, depth);
        const core::RowVector b = randomMatrix(rng, 1, width + 40);
        const Index c0 = 40;
        core::Matrix want = core::Matrix::Constant(rows, width + 40, -7.0f);
        want.middleCols(c0, width).noalias() = x * w.middleRows(c0, width).transpose();
        want.middleCols(c0, width).rowwise() += b.segment(c0, width);
        const auto [kc, mc] = eigenBlocking(rows, depth, width);
        QVERIFY(sameBits(viaKernel(x, w, b, c0, width, kc, mc), want));
    }

    // The backward: dW[20 : 20 + width] += dy[:, 20 : 20 + width]ᵀ · x, x [rows × inner], bit for bit as
    // Eigen's product of that block (dW starts from numbers, not zeros: the kernel adds to them).
    void weightGradientMatchesEigen_data() { backwardShapes(); }
    void weightGradientMatchesEigen() {
        QFETCH(int, rows);
        QFETCH(int, inner);
        QFETCH(int, width);
        core::Rng rng(uint64_t(rows * 5 + inner * 11 + width));
        const core::Matrix dy = randomMatrix(rng, rows, width + 20), x = randomMatrix(rng, rows, inner);
        core::Matrix want = randomMatrix(rng, width + 20, inner), got = want;
        want.middleRows(20, width).noalias() += dy.middleCols(20, width).transpose() * x;
        const auto [kc, mc] = eigenBlocking(width, rows, inner);
        core::weightGradientKernel(dy, x, got, 20, width, kc, mc);
        QVERIFY(sameBits(got, want));
    }

    // dx[:, 20 : 20 + width] = dy · W[:, 20 : 20 + width], W [inner × …], the other columns untouched.
    void inputGradientMatchesEigen_data() { backwardShapes(); }
    void inputGradientMatchesEigen() {
        QFETCH(int, rows);
        QFETCH(int, inner);
        QFETCH(int, width);
        core::Rng rng(uint64_t(rows * 3 + inner * 7 + width));
        const core::Matrix dy = randomMatrix(rng, rows, inner), w = randomMatrix(rng, inner, width + 20);
        core::Matrix want = core::Matrix::Constant(rows, width + 20, -7.0f), got = want;
        want.middleCols(20, width).noalias() = dy * w.middleCols(20, width);
        const auto [kc, mc] = eigenBlocking(rows, inner, width);
        core::inputGradientKernel(dy, w, got, 20, width, kc, mc);
        QVERIFY(sameBits(got, want));
    }

    // Through affine(): a large product (blocks of 128, the kernel) equals Eigen's whole product.
    void affineUsesIt() {
        core::Rng rng(5);
        const core::Matrix x = randomMatrix(rng, 128, 512), w = randomMatrix(rng, 1000, 512);
        const core::RowVector b = randomMatrix(rng, 1, 1000);
        core::Matrix want = x * w.transpose();
        want.rowwise() += b;
        QVERIFY(sameBits(core::affine(x, w, b), want));
    }
};

QTEST_APPLESS_MAIN(TestAffineKernel)
#include "tst_affine_kernel.moc"
