// Threads: the engine's thread count is set and read back; a batch's gradients and a forward trace are
// bit-identical on 1, 2 and 3 threads (a batch is cut into chunks by its shapes, never by the thread
// count) and a forward trace is the same up to float rounding; an error in a later example still names
// it; parallelFor runs every index once, nests serially and passes an exception on.
#include "core/model.h"
#include "core/parallel.h"
#include "core/train/optimizer.h"
#include "core/train/train_step.h"
#include "../core_test_support.h"

#include <QtTest>

#include <atomic>
#include <stdexcept>

using namespace alab;

namespace {

core::ModelConfig smallConfig() {
    core::ModelConfig c;
    c.d_model = 32, c.heads = 4, c.d_ff = 64, c.encoder_layers = 2, c.decoder_layers = 2;
    c.src_vocab = 12, c.tgt_vocab = 12, c.max_len = 64, c.pad_id = 0;
    return c;
}

// Seven pairs of different lengths (shares of unequal size), one with padding.
std::vector<core::TrainingPair> batchOf7() {
    std::vector<core::TrainingPair> b;
    for (int i = 0; i < 7; ++i) {
        core::TrainingPair p;
        for (int t = 0; t < 3 + i; ++t) p.src.push_back(2 + (t * 5 + i) % 10);
        p.tgt.push_back(1);
        for (int t = 0; t < 2 + i; ++t) p.tgt.push_back(2 + (t * 3 + i) % 10);
        p.labels.assign(p.tgt.begin() + 1, p.tgt.end());
        p.labels.push_back(2);
        if (i == 3) p.labels.back() = 0;  // a padded label: not counted
        b.push_back(p);
    }
    return b;
}

std::vector<float> flatGradients(const core::ModelConfig& c, const core::Weights& w, int threads, float& loss) {
    core::setThreadCount(threads);
    int tokens = 0;
    core::Weights g = core::batchGradients(c, w, batchOf7(), 0.1f, loss, tokens);
    std::vector<float> flat;
    for (const core::ParamSpan& s : core::parameterSpans(c, g)) flat.insert(flat.end(), s.data, s.data + s.size);
    return flat;
}

double maxRelative(const std::vector<float>& a, const std::vector<float>& b) {
    double scale = 1e-12, diff = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        scale = std::max(scale, double(std::abs(a[i])));
        diff = std::max(diff, double(std::abs(a[i] - b[i])));
    }
    return diff / scale;
}

}  // namespace

class TestParallel : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { core::setThreadCount(0); }
    void threadCountIsSetAndRead();
    void batchGradientsDoNotDependOnThreads();
    void laterShareErrorNamesItsExample();
    void forwardDoesNotDependOnThreads();
    void parallelForRunsEveryIndexOnce();
};

void TestParallel::threadCountIsSetAndRead() {
    core::setThreadCount(3);
    QCOMPARE(core::threadCount(), 3);
    core::setThreadCount(0);
    QCOMPARE(core::threadCount(), core::availableCores());
}

void TestParallel::batchGradientsDoNotDependOnThreads() {
    const core::ModelConfig c = smallConfig();
    const core::Weights w = core::initWeights(c, 5);
    float loss1 = 0, loss1b = 0, loss2 = 0, loss3 = 0;
    const std::vector<float> one = flatGradients(c, w, 1, loss1);
    const std::vector<float> oneAgain = flatGradients(c, w, 1, loss1b);
    QVERIFY(one == oneAgain);  // same count: bit-identical
    QCOMPARE(loss1, loss1b);
    const std::vector<float> two = flatGradients(c, w, 2, loss2);
    const std::vector<float> three = flatGradients(c, w, 3, loss3);
    QVERIFY2(one == two, qPrintable(QString::number(maxRelative(one, two))));
    QVERIFY2(one == three, qPrintable(QString::number(maxRelative(one, three))));
    QCOMPARE(loss1, loss2);
    QCOMPARE(loss1, loss3);
}

void TestParallel::laterShareErrorNamesItsExample() {
    const core::ModelConfig c = smallConfig();
    const core::Weights w = core::initWeights(c, 5);
    std::vector<core::TrainingPair> b = batchOf7();
    b[5].labels.back() = 99;  // out of the vocabulary: example 6 of the batch
    for (int threads : {1, 3}) {
        core::setThreadCount(threads);
        float loss = 0;
        int tokens = 0;
        try {
            core::batchGradients(c, w, b, 0.0f, loss, tokens);
            QFAIL("a label outside the vocabulary was accepted");
        } catch (const core::InvalidArgument& e) {
            QVERIFY2(std::string(e.what()).rfind("example 6 of the batch", 0) == 0, e.what());
        }
    }
}

void TestParallel::forwardDoesNotDependOnThreads() {
    core::ModelConfig c = smallConfig();
    c.d_model = 128, c.heads = 8, c.d_ff = 256;  // big enough for heads to run in parallel
    const core::Model model(c, core::initWeights(c, 9));
    std::vector<int> src, tgt;
    for (int i = 0; i < 60; ++i) src.push_back(1 + i % 11), tgt.push_back(1 + (i * 7) % 11);
    core::setThreadCount(1);
    const core::Trace a = model.forward(src, tgt);
    core::setThreadCount(2);
    const core::Trace b = model.forward(src, tgt);
    const core::Trace b2 = model.forward(src, tgt);
    QVERIFY(b.logits == b2.logits);
    QVERIFY((a.logits - b.logits).cwiseAbs().maxCoeff() < 1e-4f * std::max(1.0f, a.logits.cwiseAbs().maxCoeff()));
    for (size_t h = 0; h < 8; ++h)
        QVERIFY((a.decoder[1].cross_attn.weights[h] - b.decoder[1].cross_attn.weights[h]).cwiseAbs().maxCoeff() < 1e-5f);
}

void TestParallel::parallelForRunsEveryIndexOnce() {
    core::setThreadCount(3);
    std::vector<std::atomic<int>> hits(1000);
    std::atomic<int> inner{0};
    core::parallelFor(1000, [&](int i) {
        ++hits[size_t(i)];
        if (i % 100 == 0) core::parallelFor(4, [&](int) { ++inner; });  // nested: serial, still complete
    });
    for (const std::atomic<int>& h : hits) QCOMPARE(h.load(), 1);
    QCOMPARE(inner.load(), 40);
    std::atomic<int> ran{0};
    bool thrown = false;
    try {
        core::parallelFor(50, [&](int i) {
            ++ran;
            if (i == 17) throw std::runtime_error("index 17");
        });
    } catch (const std::runtime_error& e) {
        thrown = std::string(e.what()) == "index 17";
    }
    QVERIFY(thrown);
    QCOMPARE(ran.load(), 50);  // the other indices still ran
}

QTEST_APPLESS_MAIN(TestParallel)
#include "tst_parallel.moc"
