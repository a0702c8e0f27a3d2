// The Trainer: two runs with the same options give byte-identical weights (and a different seed
// does not), a tiny model's loss on the reverse task falls well below its start within a few dozen
// steps, bad options are refused with a message, and a cancelled trainer refuses to step.
#include "core/tensor.h"
#include "core/train/optimizer.h"
#include "core/train/trainer.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace alab::core;

namespace {

TrainerOptions tiny(uint64_t seed)
{
    TrainerOptions o;
    o.task = "reverse";
    o.d_model = 16;
    o.heads = 2;
    o.layers = 1;
    o.d_ff = 32;
    o.steps = 6;
    o.batch = 4;
    o.warmup = 4;
    o.seed = seed;
    o.evalExamples = 5;
    return o;
}

std::vector<char> bytesOf(const Trainer& t)
{
    Weights w = t.weights();
    std::vector<char> out;
    for (const ParamSpan& s : parameterSpans(t.config(), w)) {
        const char* p = reinterpret_cast<const char*>(s.data);
        out.insert(out.end(), p, p + s.size * sizeof(float));
    }
    return out;
}

std::vector<char> run(uint64_t seed)
{
    Trainer t(tiny(seed));
    while (!t.done())
        t.step();
    return bytesOf(t);
}

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameBytes() {
        const std::vector<char> a = run(7), b = run(7), c = run(8);
        QVERIFY(!a.empty());
        QVERIFY(a == b);
        QVERIFY(a != c);
    }
    void weightsChangeWhenStepping() {
        Trainer t(tiny(3));
        const std::vector<char> before = bytesOf(t);
        const StepRecord r = t.step();
        QCOMPARE(r.step, 1);
        QVERIFY(r.lr > 0 && std::isfinite(r.loss) && r.grad_norm > 0);
        QVERIFY(bytesOf(t) != before);
    }
    void lossFalls() {
        TrainerOptions o = tiny(5);
        o.d_model = 64;
        o.d_ff = 128;
        o.steps = 400;
        o.batch = 16;
        o.warmup = 100;
        o.lr_scale = 0.5f;
        o.label_smoothing = 0.0f;
        Trainer t(o);
        const double start = t.evaluate().loss;
        while (!t.done())
            t.step();
        const double end = t.evaluate().loss;
        qInfo("held-out loss %f -> %f", start, end);
        QVERIFY2(end < 0.6 * start, qPrintable(QString("held-out loss %1 -> %2").arg(start).arg(end)));
    }
    void badOptionsThrow() {
        TrainerOptions o = tiny(1);
        o.steps = 0;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, Trainer{o});
        o = tiny(1);
        o.lr_scale = std::numeric_limits<float>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, Trainer{o});
        o.lr_scale = -1;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, Trainer{o});
        o = tiny(1);
        o.task = "no-such-task";
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, Trainer{o});
    }
    void cancelStopsStepping() {
        Trainer t(tiny(2));
        t.step();
        t.cancel();
        QVERIFY(t.cancelled());
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, t.step());
        QCOMPARE(t.stepsDone(), 1);
    }
};

QTEST_APPLESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
