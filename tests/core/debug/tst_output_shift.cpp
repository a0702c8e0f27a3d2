// The "before → after" table of output probabilities: on hand-made rows the tokens come out ranked by
// the larger of their two probabilities, with ties by id and NaN last; bad shapes and positions throw
// naming both shapes. On the golden post-norm model with a cross-attention head zeroed, every entry
// equals the two runs' output.probs at that position, and the top token of each run is in the list.
#include "core/debug/intervention.h"
#include "core/debug/output_shift.h"
#include "../core_test_support.h"

#include <QtTest>

#include <cmath>

using namespace alab;

Q_DECLARE_METATYPE(alab::core::Tensor)

namespace {

core::Tensor probs(std::vector<int64_t> shape, std::vector<float> data) { return core::Tensor{std::move(shape), std::move(data)}; }

}  // namespace

class TestOutputShift : public QObject {
    Q_OBJECT

private slots:
    void rankedByEitherRun() {
        // two positions, five tokens; position 2 (row 1) is the one asked for
        const core::Tensor before = probs({2, 5}, {0.2f, 0.2f, 0.2f, 0.2f, 0.2f, 0.50f, 0.30f, 0.10f, 0.05f, 0.05f});
        const core::Tensor after = probs({2, 5}, {0.2f, 0.2f, 0.2f, 0.2f, 0.2f, 0.05f, 0.25f, 0.10f, 0.55f, 0.05f});
        const std::vector<core::TokenShift> top = core::topTokenShifts(before, after, 1, 3);
        QCOMPARE(top.size(), size_t(3));
        QCOMPARE(top[0].token, 3);  // 0.55 after
        QCOMPARE(top[1].token, 0);  // 0.50 before
        QCOMPARE(top[2].token, 1);  // 0.30 before
        QCOMPARE(top[0].before, double(0.05f));
        QCOMPARE(top[0].after, double(0.55f));
        QCOMPARE(top[1].after, double(0.05f));
        // ties by id; more than the vocabulary gives all of it
        const std::vector<core::TokenShift> flat = core::topTokenShifts(before, after, 0, 9);
        QCOMPARE(flat.size(), size_t(5));
        for (int j = 0; j < 5; ++j) QCOMPARE(flat[size_t(j)].token, j);
        QVERIFY(core::topTokenShifts(before, after, 0, 0).empty());
    }

    void nanRanksLast() {
        const float nan = std::nanf("");
        const core::Tensor before = probs({1, 3}, {nan, 0.1f, 0.9f});
        const core::Tensor after = probs({1, 3}, {nan, 0.2f, 0.8f});
        const std::vector<core::TokenShift> top = core::topTokenShifts(before, after, 0, 3);
        QCOMPARE(top[0].token, 2);
        QCOMPARE(top[1].token, 1);
        QCOMPARE(top[2].token, 0);
    }

    void badArguments_data() {
        QTest::addColumn<core::Tensor>("a");
        QTest::addColumn<core::Tensor>("b");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("message");
        const core::Tensor ok = probs({2, 2}, {0.5f, 0.5f, 0.5f, 0.5f});
        QTest::newRow("shapes differ") << ok << probs({1, 4}, {0.25f, 0.25f, 0.25f, 0.25f}) << 0 << "[2,2] and [1,4]";
        QTest::newRow("not a matrix") << probs({4}, {0.25f, 0.25f, 0.25f, 0.25f}) << probs({4}, {0.25f, 0.25f, 0.25f, 0.25f}) << 0
                                      << "[4] and [4]";
        QTest::newRow("position past the end") << ok << ok << 2 << "position 2 is outside the 2 target positions";
        QTest::newRow("negative position") << ok << ok << -1 << "position -1 is outside";
    }

    void badArguments() {
        QFETCH(core::Tensor, a);
        QFETCH(core::Tensor, b);
        QFETCH(int, position);
        QFETCH(QString, message);
        try {
            core::topTokenShifts(a, b, position, 3);
            QFAIL("no exception");
        } catch (const core::InvalidArgument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
        }
    }

    void goldenZeroedHead() {
        const test::GoldenCase g = test::loadGolden("postnorm_h2");
        QVERIFY2(g.error.empty(), g.error.c_str());
        const core::Model model(g.config, core::fromNamedTensors(g.config, g.weights));
        std::vector<core::Intervention> list(1);
        QCOMPARE(core::parseIntervention("decoder.1.cross_attn.head=0:zero", list[0]), std::string());
        QCOMPARE(core::prepareInterventions(model, g.src, g.tgt, list), std::string());
        const core::Trace before = model.forward(g.src, g.tgt);
        const core::Trace after = core::runWithInterventions(model, g.src, g.tgt, list);
        const core::Tensor a = core::Tensor::fromMatrix(before.probs), b = core::Tensor::fromMatrix(after.probs);
        double moved = 0;
        for (int t = 0; t < int(g.tgt.size()); ++t) {
            const std::vector<core::TokenShift> top = core::topTokenShifts(a, b, t, 5);
            QCOMPARE(top.size(), size_t(5));
            Eigen::Index argBefore = 0, argAfter = 0;
            before.probs.row(t).maxCoeff(&argBefore);
            after.probs.row(t).maxCoeff(&argAfter);
            QCOMPARE(top[0].token, int(std::max(before.probs(t, argBefore), after.probs(t, argAfter)) == before.probs(t, argBefore)
                                           ? argBefore : argAfter));
            bool hasBefore = false, hasAfter = false;
            for (const core::TokenShift& s : top) {
                QCOMPARE(s.before, double(before.probs(t, s.token)));
                QCOMPARE(s.after, double(after.probs(t, s.token)));
                hasBefore |= s.token == int(argBefore), hasAfter |= s.token == int(argAfter);
                moved = std::max(moved, std::fabs(s.after - s.before));
            }
            QVERIFY(hasBefore && hasAfter);
        }
        QVERIFY2(moved > 1e-4, qPrintable(QString::number(moved)));  // the head mattered
    }
};

QTEST_APPLESS_MAIN(TestOutputShift)
#include "tst_output_shift.moc"
