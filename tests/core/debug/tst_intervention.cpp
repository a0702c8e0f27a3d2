// Interventions on golden models. The hooked forward pass without hooks equals Model::forward on all
// five golden cases. Zeroing a head changes concat in exactly that head's columns, and the attention's
// output equals concat·W_Oᵀ + b recomputed here in double; downstream, the logits equal a plain forward
// pass of a copy of the model whose W_O columns of that head are zero. Scaling, setting one cell and
// patching from another run's folder are checked the same way (by hand, or against the other run).
// A spec written back by interventionSpec parses to the same intervention. Bad specs are one line naming the problem; the "changed by an intervention" breakpoint stops first
// at the changed tensor.
#include "core/debug/breakpoints.h"
#include "core/debug/hooked_forward.h"
#include "core/debug/intervention.h"
#include "core/debug/trace_run.h"
#include "core/trace_writer.h"
#include "../core_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace alab;

namespace {

struct Fixture {
    test::GoldenCase g;
    std::unique_ptr<core::Model> model;
    core::Trace baseline;
};

Fixture load(const std::string& name) {
    Fixture f;
    f.g = test::loadGolden(name);
    if (!f.g.error.empty()) return f;
    f.model = std::make_unique<core::Model>(f.g.config, core::fromNamedTensors(f.g.config, f.g.weights));
    f.baseline = f.model->forward(f.g.src, f.g.tgt);
    return f;
}

core::Trace intervene(const Fixture& f, const std::vector<std::string>& specs, std::string* error = nullptr) {
    std::vector<core::Intervention> list(specs.size());
    std::string err;
    for (size_t i = 0; i < specs.size() && err.empty(); ++i) err = core::parseIntervention(specs[i], list[i]);
    if (err.empty()) err = core::prepareInterventions(*f.model, f.g.src, f.g.tgt, list);
    if (error) *error = err;
    if (!err.empty()) return {};
    return core::runWithInterventions(*f.model, f.g.src, f.g.tgt, list);
}

double maxDiff(const core::Matrix& a, const core::Matrix& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) return 1e30;
    return (a - b).cwiseAbs().maxCoeff();
}

}  // namespace

class TestIntervention : public QObject {
    Q_OBJECT

private slots:
    void noHooksEqualsForward_data();
    void noHooksEqualsForward();
    void zeroHead();
    void scaleHeadAndSetCell();
    void patchFromAnotherRun();
    void specRoundTrip_data();
    void specRoundTrip();
    void badSpecs();
    void interventionBreakpoint();
};

void TestIntervention::noHooksEqualsForward_data() {
    QTest::addColumn<QString>("name");
    for (const char* c : {"postnorm_h2", "prenorm_h4", "padding_h1", "learned_pe_h8", "nope"}) QTest::newRow(c) << c;
}

void TestIntervention::noHooksEqualsForward() {
    QFETCH(QString, name);
    const Fixture f = load(name.toStdString());
    QVERIFY2(f.g.error.empty(), f.g.error.c_str());
    const core::TraceRun hooked = core::runFromTrace(core::hookedForward(*f.model, f.g.src, f.g.tgt, {}));
    const core::TraceRun plain = core::runFromTrace(f.baseline);
    QCOMPARE(hooked.names, plain.names);
    double worst = 0;
    for (const std::string& n : plain.names) {
        const double d = test::maxAbsDiff(*hooked.find(n), *plain.find(n));
        QVERIFY2(d >= 0, n.c_str());
        worst = std::max(worst, d);
    }
    qInfo("%s: largest difference to Model::forward %.3g", qPrintable(name), worst);
    QVERIFY(worst <= 1e-6);
}

void TestIntervention::zeroHead() {
    const Fixture f = load("postnorm_h2");
    QVERIFY2(f.g.error.empty(), f.g.error.c_str());
    const int h = 1, d_k = f.g.config.d_model / f.g.config.heads;
    const core::Trace t = intervene(f, {"decoder.0.cross_attn.head=1:zero"});
    const core::AttentionTrace &a = t.decoder[0].cross_attn, &b = f.baseline.decoder[0].cross_attn;
    // concat changes exactly in head h's columns, which are now zero; the other heads are untouched
    QCOMPARE(a.concat.middleCols(h * d_k, d_k).cwiseAbs().maxCoeff(), 0.0f);
    QVERIFY(b.concat.middleCols(h * d_k, d_k).cwiseAbs().maxCoeff() > 0.01f);
    QVERIFY(maxDiff(a.concat.leftCols(h * d_k), b.concat.leftCols(h * d_k)) <= 1e-6);
    // output = concat · W_Oᵀ + b, recomputed in double with plain loops
    const core::Linear& wo = f.model->weights().decoder[0].cross_attn.out;
    double worst = 0;
    for (Eigen::Index r = 0; r < a.concat.rows(); ++r)
        for (Eigen::Index o = 0; o < wo.weight.rows(); ++o) {
            double s = wo.bias(o);
            for (Eigen::Index c = 0; c < a.concat.cols(); ++c) s += double(a.concat(r, c)) * wo.weight(o, c);
            worst = std::max(worst, std::fabs(s - a.output(r, o)));
        }
    QVERIFY2(worst <= 1e-5, qPrintable(QString::number(worst)));
    // downstream: a plain forward pass of a model whose W_O columns of head h are zero
    core::Weights w = f.model->weights();
    w.decoder[0].cross_attn.out.weight.middleCols(h * d_k, d_k).setZero();
    const core::Trace byHand = core::Model(f.g.config, w).forward(f.g.src, f.g.tgt);
    QVERIFY(maxDiff(t.logits, byHand.logits) <= 1e-5);
    QVERIFY(maxDiff(t.logits, f.baseline.logits) > 1e-3);  // the head mattered
    QVERIFY(maxDiff(t.encoder_output, f.baseline.encoder_output) == 0);  // upstream untouched

    const core::InterventionReport r = core::reportIntervention(f.baseline, t);
    QCOMPARE(r.shifts.size(), f.g.tgt.size());
    QVERIFY(r.changedTensors > 0);
    QCOMPARE(r.changes.diffs[size_t(r.changes.firstDivergence)].name, std::string("decoder.0.cross_attn.context"));
    for (const core::ProbabilityShift& s : r.shifts)
        QVERIFY(std::fabs(s.pTopBeforeAfter - t.probs(s.position, s.topBefore)) < 1e-7);
}

void TestIntervention::scaleHeadAndSetCell() {
    const Fixture f = load("prenorm_h4");
    QVERIFY2(f.g.error.empty(), f.g.error.c_str());
    const int d_k = f.g.config.d_model / f.g.config.heads;
    const core::Trace s = intervene(f, {"encoder.1.self_attn.head=2:scale=0.5"});
    const core::Matrix& before = f.baseline.encoder[1].self_attn.concat;
    QVERIFY(maxDiff(s.encoder[1].self_attn.concat.middleCols(2 * d_k, d_k), 0.5f * before.middleCols(2 * d_k, d_k)) <= 1e-7);
    QVERIFY(maxDiff(s.encoder[1].self_attn.concat.leftCols(2 * d_k), before.leftCols(2 * d_k)) <= 1e-6);
    QVERIFY(core::reportIntervention(f.baseline, intervene(f, {"encoder.1.self_attn.head=2:scale=1"})).changedTensors == 0);

    // set one cell of the FFN's hidden layer: ffn.output moves by Δ · W2[:, j] in that row only
    const core::Trace c = intervene(f, {"decoder.1.ffn.hidden[1,3]:set=2.5"});
    const float delta = 2.5f - f.baseline.decoder[1].ffn.hidden(1, 3);
    const core::Matrix& w2 = f.model->weights().decoder[1].linear2.weight;
    core::Matrix expected = f.baseline.decoder[1].ffn.output;
    expected.row(1) += delta * w2.col(3).transpose();
    QVERIFY(maxDiff(c.decoder[1].ffn.output, expected) <= 1e-5);
    QCOMPARE(c.decoder[1].ffn.hidden(1, 3), 2.5f);
}

void TestIntervention::patchFromAnotherRun() {
    const Fixture f = load("postnorm_h2");
    QVERIFY2(f.g.error.empty(), f.g.error.c_str());
    std::vector<int> otherSrc = f.g.src;
    for (int& id : otherSrc) id = (id + 3) % f.g.config.src_vocab;
    const core::Trace other = f.model->forward(otherSrc, f.g.tgt);
    QTemporaryDir tmp;
    const std::string dir = tmp.filePath("other").toStdString();
    QVERIFY(core::writeTraceFolder(other, dir, {}, {}).empty());
    // the decoder sees the source only through encoder.output: patching it gives the other run's decoder
    const core::Trace t = intervene(f, {"encoder.output:patch-from=" + dir});
    QVERIFY(maxDiff(t.probs, other.probs) <= 1e-6);
    QVERIFY(maxDiff(t.probs, f.baseline.probs) > 1e-4);
    QVERIFY(maxDiff(t.encoder[1].output, f.baseline.encoder[1].output) == 0);
    // one head's context from the other run
    const core::Trace h = intervene(f, {"decoder.1.cross_attn.head=0:patch-from=" + dir});
    QVERIFY(maxDiff(h.decoder[1].cross_attn.context[0], other.decoder[1].cross_attn.context[0]) == 0);
    QVERIFY(maxDiff(h.decoder[1].cross_attn.context[1], f.baseline.decoder[1].cross_attn.context[1]) <= 1e-6);
}

void TestIntervention::specRoundTrip_data() {
    QTest::addColumn<QString>("spec");
    for (const char* s : {"encoder.1.self_attn.head=3:zero", "decoder.0.cross_attn.head=0:scale=0.5", "decoder.0.ffn.hidden[2,5]:set=-0.1",
                          "encoder.0.self_attn.weights[1,2,3]:set=1e-07", "decoder.0.cross_attn.weights:scale=3",
                          "encoder.output:patch-from=/tmp/runs/b", "decoder.1.self_attn.head=1:patch-from=runs/x y"})
        QTest::newRow(s) << s;
}

void TestIntervention::specRoundTrip() {
    QFETCH(QString, spec);
    core::Intervention a, b;
    QCOMPARE(core::parseIntervention(spec.toStdString(), a), std::string());
    const std::string written = core::interventionSpec(a);
    QCOMPARE(written, spec.toStdString());
    QCOMPARE(core::parseIntervention(written, b), std::string());
    QCOMPARE(b.tensor, a.tensor);
    QCOMPARE(b.head, a.head);
    QCOMPARE(b.cell, a.cell);
    QCOMPARE(int(b.action), int(a.action));
    QCOMPARE(b.value, a.value);
    QCOMPARE(b.patchDir, a.patchDir);
    // a value typed in a spin box survives to the last bit
    a.action = core::InterventionAction::Scale, a.value = 0.1 + 0.2, a.cell.clear();
    QCOMPARE(core::parseIntervention(core::interventionSpec(a), b), std::string());
    QCOMPARE(b.value, 0.1 + 0.2);
}

void TestIntervention::badSpecs() {
    const Fixture f = load("postnorm_h2");
    QVERIFY2(f.g.error.empty(), f.g.error.c_str());
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"encoder.1.self_attn.head=3", "expected TARGET:ACTION"},
        {"encoder.1.self_attn.head=x:zero", "head needs a whole number"},
        {"encoder.1.ffn.head=0:zero", "is not an attention"},
        {"encoder.1.ffn.hidden:scale=abc", "scale needs a finite number"},
        {"encoder.1.ffn.hidden:mute", "unknown action"},
        {"encoder.1.ffn.hidden:set=1", "give 2 indices"},
        {"encoder.1.ffn.hidden[1,99]:set=1", "outside the shape"},
        {"encoder.1.self_attn.head=2:zero", "head 2 is out of range"},
        {"encoder.1.ffn.hiden:zero", "no tensor encoder.1.ffn.hiden (nearest: encoder.1.ffn.hidden"},
        {"encoder.1.norm1_rstd:zero", "LayerNorm statistic"},
        {"encoder.output:patch-from=/nonexistent/run", "not a folder"},
        {"encoder.out\nput:zero", "without control characters"},
    };
    for (const auto& [spec, expected] : cases) {
        std::string err;
        intervene(f, {spec}, &err);
        QVERIFY2(err.find(expected) != std::string::npos, (spec + " → " + err).c_str());
        QVERIFY2(err.find('\n') == std::string::npos, err.c_str());
        QVERIFY2(err.find(spec) != std::string::npos || spec.find('\n') != std::string::npos, err.c_str());
    }
}

void TestIntervention::interventionBreakpoint() {
    const Fixture f = load("postnorm_h2");
    QVERIFY2(f.g.error.empty(), f.g.error.c_str());
    const core::TraceRun after = core::runFromTrace(intervene(f, {"encoder.1.ffn.hidden[2,5]:set=7"}));
    const core::TraceRun before = core::runFromTrace(f.baseline);
    const core::ExecutionOrder order = core::executionOrder(after.names);
    const std::vector<core::Breakpoint> bp = {{"*", core::BreakCondition::Intervened, 0}};
    const auto lookup = [&](const core::TraceRun& r) { return [&r](const std::string& n) { return r.find(n); }; };
    const auto hit = core::runToNextBreakpoint(order, lookup(after), bp, -1, lookup(before));
    QVERIFY(hit);
    QCOMPARE(hit->tensor, std::string("encoder.1.ffn.hidden"));
    QVERIFY2(hit->reason.find("1 value changed by the intervention") != std::string::npos, hit->reason.c_str());
    QVERIFY2(hit->reason.find("[3,6]") != std::string::npos, hit->reason.c_str());
    const auto next = core::runToNextBreakpoint(order, lookup(after), bp, hit->op, lookup(before));
    QVERIFY(next);
    QCOMPARE(next->tensor, std::string("encoder.1.ffn.output"));
    // without a baseline, or against itself, it never stops
    QVERIFY(!core::runToNextBreakpoint(order, lookup(after), bp, -1));
    QVERIFY(!core::runToNextBreakpoint(order, lookup(after), bp, -1, lookup(after)));
    QCOMPARE(core::breakConditionFromKey("intervened"), std::optional(core::BreakCondition::Intervened));
}

QTEST_APPLESS_MAIN(TestIntervention)
#include "tst_intervention.moc"
