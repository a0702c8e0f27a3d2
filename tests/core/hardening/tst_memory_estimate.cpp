// The memory estimate that guards a forward pass and an exported image: traceBytes is at least what
// the trace really holds (every tensor visitTrace yields) and not wildly more; a huge input is refused
// with the estimate in the message; ALAB_MEMORY_LIMIT overrides what is available; image sizes are
// capped at kMaxImageSide a side and kMaxImagePixels in all.
#include "core/model.h"
#include "core/model/memory_estimate.h"
#include "core/presets.h"

#include <QtTest>

#include <cstdlib>

using namespace alab;

namespace {

double recordedBytes(const core::Trace& t) {
    double bytes = 0;
    for (const core::TensorInfo& info : core::traceShapes(t)) {
        double n = 1;
        for (int64_t s : info.shape) n *= double(s);
        bytes += n * sizeof(float);
    }
    return bytes;
}

}  // namespace

class TestMemoryEstimate : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { ::unsetenv("ALAB_MEMORY_LIMIT"); }
    void boundsTheRealTrace_data();
    void boundsTheRealTrace();
    void capturePolicyLowersIt();
    void refusesAHugeInput();
    void limitFromTheEnvironment();
    void capsImageSizes();
};

void TestMemoryEstimate::boundsTheRealTrace_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("S");
    QTest::addColumn<int>("T");
    QTest::newRow("thinking-machines S=2") << "thinking-machines" << 2 << 0;
    QTest::newRow("demo S=5 T=4") << "demo" << 5 << 4;
    QTest::newRow("demo S=300 T=200") << "demo" << 300 << 200;
    QTest::newRow("demo S=1 T=600") << "demo" << 1 << 600;
}

void TestMemoryEstimate::boundsTheRealTrace() {
    QFETCH(QString, preset);
    QFETCH(int, S);
    QFETCH(int, T);
    const std::optional<core::Preset> p = core::presetByName(preset.toStdString(), 2017);
    QVERIFY(p.has_value());
    const core::Model model(p->config, p->weights);
    const core::Trace trace = model.forward(std::vector<int>(size_t(S), 1), std::vector<int>(size_t(T), 1));
    const double real = recordedBytes(trace), estimate = core::traceBytes(p->config, S, T);
    qInfo("recorded %.0f bytes, estimated %.0f (x%.2f)", real, estimate, estimate / real);
    QVERIFY2(estimate >= real, qPrintable(QString::number(estimate) + " < " + QString::number(real)));
    QVERIFY2(estimate <= 3 * real, qPrintable(QString::number(estimate) + " > 3 x " + QString::number(real)));
}

void TestMemoryEstimate::capturePolicyLowersIt() {
    const core::ModelConfig c = core::demoPreset().config;
    QVERIFY(core::traceBytes(c, 100, 100, core::CapturePolicy::none()) < core::traceBytes(c, 100, 100) / 2);
}

// max_len 10^9 lets 30 000 ids through; one [S, S] matrix alone is 3.6 GB.
void TestMemoryEstimate::refusesAHugeInput() {
    core::ModelConfig c = core::demoPreset().config;
    c.max_len = 1000000000;
    QVERIFY(core::traceBytes(c, 30000, 0) > 30000.0 * 30000 * 4 * c.heads * 3 * c.encoder_layers);
    ::setenv("ALAB_MEMORY_LIMIT", "16G", 1);
    const std::string err = core::checkTraceMemory(c, 30000, 0);
    QVERIFY2(QString::fromStdString(err).contains(QRegularExpression("needs about [0-9.]+ (GB|TB) of memory")), err.c_str());
    QVERIFY2(QString::fromStdString(err).contains("17.2 GB is available"), err.c_str());
    QCOMPARE(core::checkTraceMemory(c, 30, 0), std::string());
    QVERIFY(std::isfinite(core::traceBytes(c, int64_t(1) << 40, int64_t(1) << 40)));  // saturates, never wraps
}

void TestMemoryEstimate::limitFromTheEnvironment() {
    ::setenv("ALAB_MEMORY_LIMIT", "512M", 1);
    QCOMPARE(core::availableMemoryBytes(), 512.0 * 1024 * 1024);
    ::setenv("ALAB_MEMORY_LIMIT", "1000", 1);
    QCOMPARE(core::availableMemoryBytes(), 1000.0);
    ::unsetenv("ALAB_MEMORY_LIMIT");
    QVERIFY(core::availableMemoryBytes() > 0);  // /proc/meminfo on Linux
}

void TestMemoryEstimate::capsImageSizes() {
    QCOMPARE(core::checkImageSize(1200, 900, 2), std::string());
    QCOMPARE(core::checkImageSize(8192, 2048, 2), std::string());    // 16384 x 4096: both caps exactly
    QCOMPARE(core::checkImageSize(4096, 4096, 2), std::string());    // 8192 x 8192: the pixel cap exactly
    QVERIFY(!core::checkImageSize(4097, 4096, 2).empty());           // 8194 x 8192: too many pixels
    QVERIFY(!core::checkImageSize(16385, 16, 1).empty());            // one side too long
    const std::string err = core::checkImageSize(20000, 20000, 8);
    QVERIFY2(QString::fromStdString(err).contains("160000 x 160000 pixels (102 GB)"), err.c_str());
    ::setenv("ALAB_MEMORY_LIMIT", "10M", 1);
    QVERIFY(QString::fromStdString(core::checkImageSize(2000, 2000, 1)).contains("of memory"));
}

QTEST_APPLESS_MAIN(TestMemoryEstimate)
#include "tst_memory_estimate.moc"
