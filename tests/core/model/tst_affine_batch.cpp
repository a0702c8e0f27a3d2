// Products batched into one parallel job give the bits of the same products computed one by one: the
// forward's affineBatch (Q, K, V projections; every decoder layer's cross-attention keys and values)
// and the backward's affineBackwardBatch, on 1, 2 and 3 threads (memcmp of the floats). Both equal,
// bit for bit, the blockwise products that came before them (one Eigen product per block of 128,
// which the shipped models were trained with), although consecutive blocks now run as one call.
#include "core/attention.h"
#include "core/layers.h"
#include "core/model.h"
#include "core/model/affine_batch.h"
#include "core/parallel.h"
#include "core/rng.h"
#include "core/train/affine_backward_batch.h"
#include "core/train/attention_backward.h"
#include "core/weights.h"
#include "../core_test_support.h"

#include <QtTest>

#include <algorithm>
#include <cstring>
#include <tuple>

using namespace alab;
using alab::test::sameBits;
using alab::test::randomMatrix;

namespace {

struct Product {
    core::Matrix x, weight;
    core::RowVector bias;
};

// [rows, in] · [out, in]ᵀ: 48·32·40 multiply-adds (one piece), 96·256·384 (three blocks of 128) and
// 80·512·200 (a block of 128 and one of 72).
std::vector<Product> products() {
    core::Rng rng(11);
    std::vector<Product> p;
    for (auto [rows, in, out] : {std::tuple{48, 32, 40}, std::tuple{96, 256, 384}, std::tuple{80, 512, 200}})
        p.push_back({randomMatrix(rng, rows, in), randomMatrix(rng, out, in), randomMatrix(rng, 1, out)});
    return p;
}

// The product as it was computed before batching (and as the shipped models were trained): whole when
// small, else blocks of 128 output columns, each one Eigen product.
core::Matrix blockwiseAffine(const core::Matrix& x, const core::Matrix& weight, const core::RowVector& bias) {
    core::Matrix y(x.rows(), weight.rows());
    const Eigen::Index n = weight.rows();
    if (n <= 128 || double(x.rows()) * double(x.cols()) * double(n) < double(1 << 21)) {
        y.noalias() = x * weight.transpose();
    } else {
        for (Eigen::Index c0 = 0; c0 < n; c0 += 128) {
            const Eigen::Index width = std::min<Eigen::Index>(128, n - c0);
            y.middleCols(c0, width).noalias() = x * weight.middleRows(c0, width).transpose();
        }
    }
    y.rowwise() += bias;
    return y;
}

// affineBackward as it was before batching: dWeight in blocks of 128 rows, dx in blocks of 128 columns.
core::Matrix blockwiseAffineBackward(const core::Matrix& dy, const core::Matrix& x, const core::Matrix& weight,
                                     core::Matrix& dWeight, core::RowVector& dBias) {
    const Eigen::Index out = weight.rows(), in = weight.cols();
    dBias += dy.colwise().sum();
    core::Matrix dx(dy.rows(), in);
    if (double(dy.rows()) * double(out) * double(in) < double(1 << 21) || (out <= 128 && in <= 128)) {
        dWeight.noalias() += dy.transpose() * x;
        dx.noalias() = dy * weight;
        return dx;
    }
    for (Eigen::Index r0 = 0; r0 < out; r0 += 128) {
        const Eigen::Index n = std::min<Eigen::Index>(128, out - r0);
        dWeight.middleRows(r0, n).noalias() += dy.middleCols(r0, n).transpose() * x;
    }
    for (Eigen::Index c0 = 0; c0 < in; c0 += 128) {
        const Eigen::Index n = std::min<Eigen::Index>(128, in - c0);
        dx.middleCols(c0, n).noalias() = dy * weight.middleCols(c0, n);
    }
    return dx;
}

core::ModelConfig wideConfig() {
    core::ModelConfig c;
    c.d_model = 256, c.heads = 4, c.d_ff = 512, c.encoder_layers = 1, c.decoder_layers = 3;
    c.src_vocab = c.tgt_vocab = 50, c.max_len = 128, c.pad_id = 0;
    return c;
}

}  // namespace

class TestAffineBatch : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { core::setThreadCount(0); }
    void batchEqualsOneByOne();
    void batchIsTheProduct();
    void sameBitsAsBlockwise_data();
    void sameBitsAsBlockwise();
    void backwardSameBitsAsBlockwise_data();
    void backwardSameBitsAsBlockwise();
    void backwardBatchEqualsOneByOne();
    void crossAttentionKeysAheadEqualInLayer();
};

void TestAffineBatch::batchEqualsOneByOne() {
    const std::vector<Product> p = products();
    core::setThreadCount(1);
    std::vector<core::Matrix> alone;
    for (const Product& q : p) alone.push_back(core::affine(q.x, q.weight, q.bias));
    for (int threads : {1, 2, 3}) {
        core::setThreadCount(threads);
        std::vector<core::Matrix> y(p.size());
        std::vector<core::AffineTask> tasks;
        for (size_t i = 0; i < p.size(); ++i) tasks.push_back({&p[i].x, &p[i].weight, &p[i].bias, &y[i]});
        core::affineBatch(tasks);
        for (size_t i = 0; i < p.size(); ++i)
            QVERIFY2(sameBits(y[i], alone[i], "batched product"), qPrintable(QString("product %1, %2 threads").arg(i).arg(threads)));
    }
}

void TestAffineBatch::batchIsTheProduct() {  // and not merely self-consistent
    const std::vector<Product> p = products();
    std::vector<core::Matrix> y(p.size());
    std::vector<core::AffineTask> tasks;
    for (size_t i = 0; i < p.size(); ++i) tasks.push_back({&p[i].x, &p[i].weight, &p[i].bias, &y[i]});
    core::affineBatch(tasks);
    for (size_t i = 0; i < p.size(); ++i) {
        const Eigen::MatrixXd reference = (p[i].x.cast<double>() * p[i].weight.cast<double>().transpose()).rowwise() +
                                          p[i].bias.cast<double>();
        QVERIFY((y[i].cast<double>() - reference).cwiseAbs().maxCoeff() < 1e-4);
    }
}

// Several 128-column blocks computed in one call (x packed once) round every number as the blocks
// one by one: the transformer's shapes, a depth that Eigen cuts into blocks (2048) and a last block
// narrower than 128.
void TestAffineBatch::sameBitsAsBlockwise_data() {
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("out");
    QTest::newRow("128 x 512 -> 512") << 128 << 512 << 512;
    QTest::newRow("128 x 512 -> 2048") << 128 << 512 << 2048;
    QTest::newRow("128 x 2048 -> 512") << 128 << 2048 << 512;
    QTest::newRow("512 x 512 -> 1536") << 512 << 512 << 1536;
    QTest::newRow("200 x 256 -> 1000") << 200 << 256 << 1000;
    QTest::newRow("37 x 64 -> 1000") << 37 << 64 << 1000;
    QTest::newRow("1 x 512 -> 4096") << 1 << 512 << 4096;  // one row: matrix-vector products
}

void TestAffineBatch::sameBitsAsBlockwise() {
    QFETCH(int, rows);
    QFETCH(int, in);
    QFETCH(int, out);
    core::Rng rng(13);
    const core::Matrix x = randomMatrix(rng, rows, in), weight = randomMatrix(rng, out, in);
    const core::RowVector bias = randomMatrix(rng, 1, out);
    const core::Matrix reference = blockwiseAffine(x, weight, bias);
    for (int threads : {1, 2, 3}) {
        core::setThreadCount(threads);
        QVERIFY2(sameBits(core::affine(x, weight, bias), reference, "affine"), qPrintable(QString("%1 threads").arg(threads)));
    }
}

void TestAffineBatch::backwardSameBitsAsBlockwise_data() { sameBitsAsBlockwise_data(); }

void TestAffineBatch::backwardSameBitsAsBlockwise() {
    QFETCH(int, rows);
    QFETCH(int, in);
    QFETCH(int, out);
    core::Rng rng(14);
    const core::Matrix x = randomMatrix(rng, rows, in), weight = randomMatrix(rng, out, in);
    const core::Matrix dy = randomMatrix(rng, rows, out), dWeight0 = randomMatrix(rng, out, in);
    const core::RowVector dBias0 = randomMatrix(rng, 1, out);
    core::Matrix dWeightRef = dWeight0;
    core::RowVector dBiasRef = dBias0;
    const core::Matrix dxRef = blockwiseAffineBackward(dy, x, weight, dWeightRef, dBiasRef);
    for (int threads : {1, 2, 3}) {
        core::setThreadCount(threads);
        core::Matrix dWeight = dWeight0;
        core::RowVector dBias = dBias0;
        const core::Matrix dx = core::affineBackward(dy, x, weight, dWeight, dBias);
        QVERIFY2(sameBits(dx, dxRef, "dx"), qPrintable(QString("%1 threads").arg(threads)));
        QVERIFY2(sameBits(dWeight, dWeightRef, "dWeight"), qPrintable(QString("%1 threads").arg(threads)));
        QVERIFY(std::memcmp(dBias.data(), dBiasRef.data(), sizeof(float) * size_t(dBias.size())) == 0);
    }
}

void TestAffineBatch::backwardBatchEqualsOneByOne() {
    const std::vector<Product> p = products();
    core::Rng rng(12);
    std::vector<core::Matrix> dy;
    for (const Product& q : p) dy.push_back(randomMatrix(rng, int(q.x.rows()), int(q.weight.rows())));
    std::vector<core::Matrix> dxAlone, dwAlone;
    std::vector<core::RowVector> dbAlone;
    core::setThreadCount(1);
    for (size_t i = 0; i < p.size(); ++i) {
        dwAlone.push_back(core::Matrix::Constant(p[i].weight.rows(), p[i].weight.cols(), 0.5f));
        dbAlone.push_back(core::RowVector::Constant(p[i].weight.rows(), 0.25f));
        dxAlone.push_back(core::affineBackward(dy[i], p[i].x, p[i].weight, dwAlone[i], dbAlone[i]));
    }
    for (int threads : {1, 2, 3}) {
        core::setThreadCount(threads);
        std::vector<core::Matrix> dx(p.size()), dw;
        std::vector<core::RowVector> db;
        for (const Product& q : p) {  // added into, as a gradient sum
            dw.push_back(core::Matrix::Constant(q.weight.rows(), q.weight.cols(), 0.5f));
            db.push_back(core::RowVector::Constant(q.weight.rows(), 0.25f));
        }
        std::vector<core::AffineBackwardTask> tasks;
        for (size_t i = 0; i < p.size(); ++i) tasks.push_back({&dy[i], &p[i].x, &p[i].weight, &dw[i], &db[i], &dx[i]});
        core::affineBackwardBatch(tasks);
        for (size_t i = 0; i < p.size(); ++i) {
            QVERIFY2(sameBits(dx[i], dxAlone[i], "dx"), qPrintable(QString("product %1, %2 threads").arg(i).arg(threads)));
            QVERIFY2(sameBits(dw[i], dwAlone[i], "dW"), qPrintable(QString("product %1, %2 threads").arg(i).arg(threads)));
            QVERIFY(std::memcmp(db[i].data(), dbAlone[i].data(), sizeof(float) * size_t(db[i].size())) == 0);
        }
    }
}

// Model::forward projects every decoder layer's cross-attention keys and values from the encoder's
// output in one job before the decoder runs; each layer computing its own gives the same bits.
void TestAffineBatch::crossAttentionKeysAheadEqualInLayer() {
    const core::ModelConfig c = wideConfig();
    const core::Weights w = core::initWeights(c, 3);
    const core::Model model(c, w);
    std::vector<int> src, tgt;
    for (int i = 0; i < 70; ++i) src.push_back(i % 9 == 8 ? 0 : 1 + (i * 7) % 49);  // some padding keys
    for (int i = 0; i < 45; ++i) tgt.push_back(1 + (i * 5) % 49);
    for (int threads : {1, 2}) {
        core::setThreadCount(threads);
        const core::Trace t = model.forward(src, tgt);
        core::Matrix y = t.decoder_input;
        const core::Matrix selfMask = core::causalMask(int(tgt.size()));
        const core::Matrix crossMask = core::paddingMask(int(tgt.size()), src, c.pad_id);
        for (int l = 0; l < c.decoder_layers; ++l) {
            core::DecoderLayerTrace lt;
            y = core::decoderLayer(y, t.encoder_output, w.decoder[size_t(l)], c, selfMask, crossMask, &lt);
            const core::DecoderLayerTrace& ahead = t.decoder[size_t(l)];
            for (int h = 0; h < c.heads; ++h) {
                QVERIFY(sameBits(ahead.cross_attn.k[size_t(h)], lt.cross_attn.k[size_t(h)], "cross-attention k"));
                QVERIFY(sameBits(ahead.cross_attn.v[size_t(h)], lt.cross_attn.v[size_t(h)], "cross-attention v"));
            }
            QVERIFY(sameBits(ahead.output, y, "decoder layer output"));
        }
    }
}

QTEST_APPLESS_MAIN(TestAffineBatch)
#include "tst_affine_batch.moc"
