// The why-attention lesson and its tiny RNN, checked in core: the RNN's states are tanh of the sum
// it records, step by step; ∂h_n/∂h_t as a product of Jacobians equals central finite differences
// of the RNN itself; the bars show ‖∂h_n/∂h_t‖ recomputed, shrinking with distance; the one step on
// screen adds up as displayed; the attention shares are the trace's; pinned numbers of Thinking
// Machines and of a twelve-word demo sentence catch any change of a derived number. No Qt GUI.
#include "core/lessons/registry.h"
#include "core/lessons/why_attention.h"
#include "core/presets.h"

#include <QTest>

#include <cmath>

using namespace alab::core;

namespace {

const char* kLong = "the cat sat on the mat and the big dog sat on";

struct Run {
    std::shared_ptr<const Model> model;
    Trace trace;
    Lesson lesson;
};

Run runCase(bool thinking) {
    const Preset p = thinking ? thinkingMachinesPreset() : demoPreset();
    auto model = std::make_shared<const Model>(p.config, p.weights);
    const Tokenized tok = tokenize(p.vocab, thinking ? "Thinking Machines" : kLong);
    Trace trace = model->forward(tok.ids);
    Lesson lesson = buildLesson("why-attention", trace, *model, tok.tokens);
    return {model, std::move(trace), std::move(lesson)};
}

const LessonStep& step(const Lesson& l, const std::string& id) {
    for (const LessonStep& s : l.steps)
        if (s.id == id) return s;
    qFatal("no step %s", id.c_str());
}

}  // namespace

class TestWhyAttentionLesson : public QObject {
    Q_OBJECT
private slots:
    void rnnStatesFollowTheFormula() {
        const Run r = runCase(false);
        const TinyRnn rnn = whyAttentionRnn(r.model->config().d_model);
        const Eigen::MatrixXd xs = whyAttentionInputs(r.trace);
        const TinyRnnTrace t = runTinyRnn(rnn, xs);
        Eigen::VectorXd h = Eigen::VectorXd::Zero(kWhyRnnHidden);
        for (int s = 0; s < xs.rows(); ++s) {
            h = tinyRnnStep(rnn, h, xs.row(s).transpose());
            QVERIFY((t.h.row(s).transpose() - h).cwiseAbs().maxCoeff() < 1e-12);
            QVERIFY((t.recurrent.row(s) + t.input.row(s) + rnn.b.transpose() - t.pre.row(s)).cwiseAbs().maxCoeff() < 1e-12);
        }
        QVERIFY(std::abs(spectralNorm(rnn.w_h) - kWhyRnnStretch) < 1e-12);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, runTinyRnn(rnn, Eigen::MatrixXd::Zero(3, 5)));
    }

    // Column k of ∂h_n/∂h_t is how h_n moves when h_t moves along e_k: central differences, run by
    // stepping the RNN itself from a nudged h_t, agree with the product of Jacobians.
    void jacobianProductMatchesFiniteDifferences() {
        const Run r = runCase(false);
        const TinyRnn rnn = whyAttentionRnn(r.model->config().d_model);
        const Eigen::MatrixXd xs = whyAttentionInputs(r.trace);
        const TinyRnnTrace t = runTinyRnn(rnn, xs);
        const int n = int(xs.rows()) - 1;
        const double eps = 1e-6;
        for (int from : {0, 3, n - 1, n}) {
            const Eigen::MatrixXd j = stateJacobian(rnn, t, n, from);
            for (int k = 0; k < kWhyRnnHidden; ++k) {
                Eigen::VectorXd up = t.h.row(from).transpose(), down = up;
                up[k] += eps;
                down[k] -= eps;
                for (int s = from + 1; s <= n; ++s) {
                    up = tinyRnnStep(rnn, up, xs.row(s).transpose());
                    down = tinyRnnStep(rnn, down, xs.row(s).transpose());
                }
                const Eigen::VectorXd numeric = (up - down) / (2 * eps);
                const double diff = (numeric - j.col(k)).cwiseAbs().maxCoeff();
                QVERIFY2(diff < 1e-7, QByteArray::number(diff).constData());
            }
        }
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, stateJacobian(rnn, t, 2, 3));
    }

    // The bars are ‖∂h_n/∂h_t‖ recomputed; each is below the next one towards the last word (every
    // factor stretches by at most 0.9), and the last one is the identity's 1.
    void gradientBarsShrinkWithDistance() {
        const Run r = runCase(false);
        const TinyRnn rnn = whyAttentionRnn(r.model->config().d_model);
        const TinyRnnTrace t = runTinyRnn(rnn, whyAttentionInputs(r.trace));
        const SceneGrid& bars = step(r.lesson, "gradient").scene.grids[0];
        QVERIFY(bars.bars);
        QCOMPARE(bars.cols, 12);
        const int n = int(t.h.rows()) - 1;
        for (int c = 0; c < bars.cols; ++c) {
            QCOMPARE(bars.cells[size_t(c)].value, spectralNorm(stateJacobian(rnn, t, n, c)));
            QVERIFY(std::abs(parseLessonNumber(bars.cells[size_t(c)].text) - bars.cells[size_t(c)].value) < 0.005 + 1e-12);
            if (c + 1 < bars.cols) QVERIFY(bars.cells[size_t(c)].value < kWhyRnnStretch * bars.cells[size_t(c + 1)].value + 1e-12);
        }
        QCOMPARE(bars.cells.back().text, std::string("1.00"));
        const SceneGrid& factors = step(r.lesson, "jacobian").scene.grids[0];
        const SceneGrid& bound = step(r.lesson, "jacobian").scene.grids[1];
        for (int c = 0; c < bound.cols; ++c) QVERIFY(bars.cells[size_t(c)].value <= bound.cells[size_t(c)].value + 1e-12);
        for (int c = 0; c + 1 < bound.cols; ++c) {  // as displayed: bound_t = ‖J_(t+1)‖ · bound_(t+1)
            QCOMPARE(factors.cells[size_t(c)].value, spectralNorm(stepJacobian(rnn, t, c + 1)));
            if (bound.title.find("≈") != std::string::npos) continue;
            const double product = parseLessonNumber(factors.cells[size_t(c)].text) * parseLessonNumber(bound.cells[size_t(c + 1)].text);
            const std::string& shown = bound.cells[size_t(c)].text;
            QCOMPARE(formatFixed(product, int(shown.size() - shown.find('.') - 1)), shown);
        }
    }

    // W_h·h₁ + W_x·x₂ + b, as written, adds up to the sum written under it (or the scene says ≈),
    // and h₂ = tanh of that sum; the attention shares are the trace's row of the last word.
    void shownNumbersAreTrue_data() {
        QTest::addColumn<bool>("thinking");
        QTest::newRow("Thinking Machines") << true;
        QTest::newRow("twelve demo words") << false;
    }
    void shownNumbersAreTrue() {
        QFETCH(bool, thinking);
        const Run r = runCase(thinking);
        const Scene& sc = step(r.lesson, "rnn-step").scene;
        const SceneGrid& sum = sc.grids[3];
        for (int c = 0; c < sum.cols; ++c) {
            double total = 0;
            for (int k = 0; k < 3; ++k) total += parseLessonNumber(sc.grids[size_t(k)].cells[size_t(c)].text);
            const std::string& shown = sum.cells[size_t(c)].text;
            if (sum.rowLabels[0] == "=") QCOMPARE(formatFixed(total, int(shown.size() - shown.find('.') - 1)), shown);
            QVERIFY(std::abs(sc.grids[4].cells[size_t(c)].value - std::tanh(sum.cells[size_t(c)].value)) < 1e-12);
        }
        const SceneGrid& shares = step(r.lesson, "path").scene.grids[2];
        const int S = int(r.lesson.words.size());
        for (int j = 0; j < shares.cols; ++j) {
            QVERIFY(shares.cells[size_t(j)].fromTrace);
            QCOMPARE(shares.cells[size_t(j)].value, double(r.trace.encoder[0].self_attn.weights[0](S - 1, j)));
        }
        const SceneGrid& rnnSteps = step(r.lesson, "path").scene.grids[0];
        for (int j = 0; j < rnnSteps.cols; ++j) QCOMPARE(rnnSteps.cells[size_t(j)].value, double(S - 1 - j));
        for (const LessonStep& s : r.lesson.steps)
            for (const SceneGrid& g : s.scene.grids)
                for (const SceneCell& c : g.cells) {
                    QVERIFY2(c.text.find('-') == std::string::npos, c.text.c_str());
                    QVERIFY(c.appear >= 0 && c.appear + c.fade <= 1 + 1e-9);
                }
    }

    void pinnedNumbers() {
        const Run tm = runCase(true);
        std::vector<std::string> h2;
        for (const SceneCell& c : step(tm.lesson, "rnn-step").scene.grids[4].cells) h2.push_back(c.text);
        QCOMPARE(h2, std::vector<std::string>({"0.69", "−0.49", "0.28", "0.12"}));
        QCOMPARE(step(tm.lesson, "gradient").scene.grids[0].cells[0].text, std::string("0.77"));
        const Run longer = runCase(false);
        QCOMPARE(step(longer.lesson, "gradient").paragraphs[0].args[2], std::string("0.0027"));
        LessonOptions projector;  // four words a row: the farthest and the three nearest keep the story
        projector.rows = 4;
        const Lesson compact = buildLesson("why-attention", longer.trace, *longer.model, longer.lesson.words, projector);
        std::vector<std::string> bars;
        for (const SceneCell& c : step(compact, "gradient").scene.grids[0].cells) bars.push_back(c.text);
        QCOMPARE(bars, std::vector<std::string>({"0.0027", "0.57", "0.89", "1.00"}));
        QCOMPARE(step(compact, "gradient").scene.grids[0].colLabels[1], std::string("“dog”"));
    }

    void shortSentencesAreRefused() {
        const Preset p = thinkingMachinesPreset();
        const Model model(p.config, p.weights);
        const Trace t = model.forward({4});
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildLesson("why-attention", t, model, {"Thinking"}));
    }
};

QTEST_APPLESS_MAIN(TestWhyAttentionLesson)
#include "tst_why_attention_lesson.moc"
