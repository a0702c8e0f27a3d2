// The Debugger tab in the real main window, offscreen, on the post-norm golden model: F11 / F10 /
// Shift+F11 / Shift+F10 move as core's execution order says (and F11 / F5 do not reach the window's
// full-screen and presentation keys); the op view shows the formula, inputs and output of the op; F5
// stops at each breakpoint kind planted in the model (NaN from an overflowing weight, a huge bias, a collapsed head,
// a fully masked row) and not in the unmodified model; run to cursor stops at a breakpoint on the way;
// watches follow a new input (taken when the tab is shown).
#include "ui/analysis/heatmap_plot.h"
#include "ui/common/trace_session.h"
#include "ui/debugger/breakpoints_panel.h"
#include "ui/debugger/debugger_state.h"
#include "ui/debugger/debugger_view.h"
#include "ui/debugger/execution_tree.h"
#include "ui/debugger/op_view.h"
#include "ui/debugger/tensor_panel.h"
#include "ui/debugger/watches_panel.h"
#include "ui/main_window.h"
#include "../core/core_test_support.h"
#include "debugger_support.h"

#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

#include <QPushButton>

using namespace alab;
using namespace alab::ui;

namespace {

constexpr const char* GOLDEN_CASE = "postnorm_h2";
using Plant = std::function<void(core::NamedTensors& weights, std::vector<int>& src)>;

// Loads the golden post-norm model, after `plant` changed its weights or input, into the window's session.
QString loadGoldenInto(TraceSession& session, const Plant& plant = {}) {
    test::GoldenCase g = test::loadGolden(GOLDEN_CASE);
    if (!g.error.empty()) return QString::fromStdString(g.error);
    if (plant) plant(g.weights, g.src);
    core::LoadedModel loaded;
    loaded.model = std::make_shared<const core::Model>(g.config, core::fromNamedTensors(g.config, g.weights));
    loaded.name = GOLDEN_CASE;
    return session.loadModel(loaded, g.src, g.tgt, true);
}

}  // namespace

Q_DECLARE_METATYPE(Plant)

class TestDebugger : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests")); }
    void stepping();
    void opView();
    void breakpointKinds_data();
    void breakpointKinds();
    void runToCursor();
    void watchesFollowTheInput();
};

void TestDebugger::stepping() {
    MainWindow w(false);
    QCOMPARE(loadGoldenInto(*w.session()), QString());
    DebuggerView* view = test::openDebugger(w);
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    DebuggerState* st = view->state();
    QCOMPARE(st->currentName(), QStringLiteral("input.src_embedding"));
    view->tree()->setFocus();
    QTest::keyClick(view->tree(), Qt::Key_F11);
    QCOMPARE(st->currentName(), QStringLiteral("input.positional_encoding"));
    QVERIFY(!w.isFullScreen());  // F11 stepped, it did not toggle full screen
    QVERIFY(st->setCurrentByName(QStringLiteral("encoder.input")));
    QTest::keyClick(view->tree(), Qt::Key_F10);  // the whole of encoder layer 1 runs
    QCOMPARE(st->currentName(), QStringLiteral("encoder.1.self_attn.q"));
    QTest::keyClick(view->tree(), Qt::Key_F11);
    QTest::keyClick(view->tree(), Qt::Key_F11, Qt::ShiftModifier);  // out of self-attention
    QCOMPARE(st->currentName(), QStringLiteral("encoder.1.residual1"));
    QTest::keyClick(view->tree(), Qt::Key_F10, Qt::ShiftModifier);  // step back
    QCOMPARE(st->currentName(), QStringLiteral("encoder.1.self_attn.output"));
    QCOMPARE(view->tree()->cursorOp(), st->current());  // the tree follows
    QTest::keyClick(view->tree(), Qt::Key_F5);  // no breakpoints: to the end, not presentation mode
    QCOMPARE(st->current(), st->opCount() - 1);
    QVERIFY2(view->stopText().contains(QStringLiteral("No breakpoint")), qPrintable(view->stopText()));
    QVERIFY(!w.isFullScreen());
}

void TestDebugger::opView() {
    MainWindow w(false);
    QCOMPARE(loadGoldenInto(*w.session()), QString());
    DebuggerView* view = test::openDebugger(w);
    QVERIFY(view->state()->setCurrentByName(QStringLiteral("decoder.0.self_attn.weights")));
    OpView* op = view->opView();
    QCOMPARE(op->formulaText(), QStringLiteral("A = softmax(QKᵀ / √d_k), row by row"));
    QCOMPARE(op->shownTensors(), (QStringList{"decoder.0.self_attn.scaled", "decoder.0.self_attn.mask",
                                               "decoder.0.self_attn.weights"}));
    QVERIFY2(op->titleText().contains(QStringLiteral("decoder.0.self_attn.weights")), qPrintable(op->titleText()));
    QVERIFY(!op->outputPanel()->plot()->heatmap().isEmpty());
    QCOMPARE(op->outputPanel()->plot()->heatmap().head, 0);
    op->setHead(1);
    QCOMPARE(op->outputPanel()->plot()->heatmap().head, 1);
    // Statistics come from core: a causal softmax has no NaN, no +∞ and no −∞.
    const QString stats = op->outputPanel()->statsText();
    QVERIFY2(stats.contains(QStringLiteral("shape [2,4,4]")) && stats.contains(QStringLiteral("NaN 0")), qPrintable(stats));
    QVERIFY(view->state()->setCurrentByName(QStringLiteral("decoder.0.self_attn.scaled")));  // masked: −∞ counted
    QVERIFY2(!op->outputPanel()->statsText().contains(QStringLiteral("−∞ 0")), qPrintable(op->outputPanel()->statsText()));
}

void TestDebugger::breakpointKinds_data() {
    QTest::addColumn<Plant>("plant");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("condition");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QString>("stopsAt");
    QTest::addColumn<QString>("reason");
    // The engine refuses NaN weights, so a weight row near the float limit plants the NaN: its products
    // overflow to ±∞ and ∞ − ∞ is NaN.
    const auto overflow = [](const char* name) {
        return Plant([name](core::NamedTensors& w, std::vector<int>&) {
            for (int i = 0; i < 16; ++i) w.at(name).data[size_t(i)] = 3e38f;  // row 1 of a [rows, 16] weight
        });
    };
    QTest::newRow("NaN from a weight") << overflow("encoder.layers.1.linear1.weight")
        << "*" << int(core::BreakCondition::NanOrInf) << 0.0 << "encoder.1.ffn.pre_activation" << "NaN or infinite";
    QTest::newRow("huge bias")
        << Plant([](core::NamedTensors& w, std::vector<int>&) { w.at("decoder.layers.0.linear2.bias").data[3] = 1e6f; })
        << "*.ffn.*" << int(core::BreakCondition::AbsAbove) << 1e5 << "decoder.0.ffn.output" << "|x| = 1e+06";
    QTest::newRow("softmax row off 1")
        << overflow("encoder.layers.0.self_attn.in_proj_weight")
        << "*.weights" << int(core::BreakCondition::RowSumNotOne) << 1e-4 << "encoder.0.self_attn.weights" << "row 1 of head 1 sums to";
    QTest::newRow("collapsed head")  // head 2's queries scaled 1000×: each softmax row becomes one-hot
        << Plant([](core::NamedTensors& w, std::vector<int>&) {
               core::Tensor& in = w.at("encoder.layers.1.self_attn.in_proj_weight");  // [3·16, 16]: W_Q rows 8–15 are head 2
               for (int64_t i = 8 * 16; i < 16 * 16; ++i) in.data[size_t(i)] *= 1000.f;
           })
        << "encoder.*.self_attn.weights" << int(core::BreakCondition::LowEntropy) << 0.1 << "encoder.1.self_attn.weights"
        << "head 2 has collapsed";
    QTest::newRow("fully masked row")  // the padding model reading only padding: no key may be attended to
        << Plant([](core::NamedTensors&, std::vector<int>& src) { src.assign(src.size(), 0); })
        << "*.mask" << int(core::BreakCondition::FullyMaskedRow) << 0.0 << "encoder.0.self_attn.mask" << "is fully masked";
}

void TestDebugger::breakpointKinds() {
    QFETCH(Plant, plant);
    QFETCH(QString, pattern);
    QFETCH(int, condition);
    QFETCH(double, threshold);
    QFETCH(QString, stopsAt);
    QFETCH(QString, reason);
    MainWindow w(false);
    const bool masked = QString::fromLatin1(QTest::currentDataTag()) == QLatin1String("fully masked row");
    auto load = [&](const Plant& p) {  // the masked row needs the model with a padding id
        test::GoldenCase g = test::loadGolden(masked ? "padding_h1" : GOLDEN_CASE);
        if (p) p(g.weights, g.src);
        core::LoadedModel loaded;
        loaded.model = std::make_shared<const core::Model>(g.config, core::fromNamedTensors(g.config, g.weights));
        return w.session()->loadModel(loaded, g.src, g.tgt, true);
    };
    QCOMPARE(load({}), QString());
    DebuggerView* view = test::openDebugger(w);
    view->breakpointsPanel()->addBreakpoint(pattern, core::BreakCondition(condition), threshold);
    QCOMPARE(view->breakpointsPanel()->table()->rowCount(), 1);
    view->tree()->setFocus();
    QTest::keyClick(view->tree(), Qt::Key_F5);  // the unmodified model runs to its end
    QVERIFY2(view->state()->lastHit().op < 0, view->state()->lastHit().reason.c_str());
    QCOMPARE(load(plant), QString());
    view->state()->setCurrent(0);
    QTest::keyClick(view->tree(), Qt::Key_F5);
    QCOMPARE(view->state()->currentName(), stopsAt);
    QVERIFY2(view->stopText().contains(reason), qPrintable(view->stopText()));
    QVERIFY2(view->stopText().contains(stopsAt), qPrintable(view->stopText()));
}

void TestDebugger::runToCursor() {
    MainWindow w(false);
    QCOMPARE(loadGoldenInto(*w.session()), QString());
    DebuggerView* view = test::openDebugger(w);
    DebuggerState* st = view->state();
    const int target = st->order().indexOf("decoder.1.ffn.output");
    view->tree()->setCurrentItem(view->tree()->itemOf(target));
    view->runToCursor();
    QCOMPARE(st->current(), target);
    st->setCurrent(0);
    st->setBreakpoints({{"encoder.1.*", core::BreakCondition::Always, 0, true}});
    QVERIFY(view->tree()->itemOf(st->order().indexOf("encoder.1.ffn.hidden"))->text(0).contains(QStringLiteral("●")));
    view->tree()->setCurrentItem(view->tree()->itemOf(target));
    view->runToCursor();  // stops on the way
    QCOMPARE(st->currentName(), QStringLiteral("encoder.1.self_attn.q"));
    QVERIFY2(view->stopText().contains(QStringLiteral("by breakpoint 1")), qPrintable(view->stopText()));
}

void TestDebugger::watchesFollowTheInput() {
    MainWindow w(false);
    QCOMPARE(loadGoldenInto(*w.session()), QString());
    DebuggerView* view = test::openDebugger(w);
    view->state()->setCurrentByName(QStringLiteral("encoder.input"));
    view->watchesPanel()->findChild<QPushButton*>(QStringLiteral("watchCurrent"))->click();
    view->state()->addWatch(QStringLiteral("no.such.tensor"));
    QTableWidget* table = view->watchesPanel()->table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("encoder.input"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("[5,16]"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("not in this run"));
    const QString before = table->item(0, 4)->text();  // the mean
    QCOMPARE(loadGoldenInto(*w.session(), [](core::NamedTensors&, std::vector<int>& src) { src = {1, 2, 3}; }), QString());
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("[3,16]"));
    QVERIFY(table->item(0, 4)->text() != before);
    QCOMPARE(view->state()->currentName(), QStringLiteral("encoder.input"));  // kept by name
    // While another tab is shown a new trace is only noted; showing the debugger takes it.
    w.tabs()->setCurrentIndex(0);
    QCOMPARE(loadGoldenInto(*w.session(), [](core::NamedTensors&, std::vector<int>& src) { src = {1, 2}; }), QString());
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("[3,16]"));
    w.tabs()->setCurrentWidget(view);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("[2,16]"));
}

QTEST_MAIN(TestDebugger)
#include "tst_debugger.moc"
