// The multi-head lesson, checked in core: the split of d_model is the config's (the paper's
// 512 = 8 × 64 from a base-size config, the shown model's own); the query rows of the split are the
// full projection x·W^Q + b cut into heads, recomputed here; every head map is that head's weights
// and the heads differ; the concat is the heads' outputs side by side; Concat·W^O + b is the trace's
// output, recomputed; the window's trace is used when its model has heads and positions, else the
// trained en→zh model on kCourseSentence, whose cells then claim no trace. No Qt GUI.
#include "core/lessons/course_model.h"
#include "core/lessons/encoder_layer.h"
#include "core/lessons/multi_head.h"
#include "core/lessons/registry.h"
#include "core/presets.h"

#include <QTest>

#include <set>

using namespace alab::core;

namespace {

struct Run {
    std::shared_ptr<const Model> model;
    Trace trace;
    std::vector<std::string> words;
};

Run thinking() {
    const Preset p = thinkingMachinesPreset();
    auto model = std::make_shared<const Model>(p.config, p.weights);
    return {model, model->forward({p.vocab.id("Thinking"), p.vocab.id("Machines")}), {"Thinking", "Machines"}};
}

Run demo() {
    const Preset p = demoPreset();
    auto model = std::make_shared<const Model>(p.config, p.weights);
    const Tokenized tok = tokenize(p.vocab, "the cat sat on the mat");
    return {model, model->forward(tok.ids), tok.tokens};
}

const LessonStep& step(const Lesson& l, const std::string& id) {
    for (const LessonStep& s : l.steps)
        if (s.id == id) return s;
    qFatal("no step %s", id.c_str());
}

// The input of encoder layer `l` (post-norm: the previous layer's output).
Matrix layerInput(const Trace& t, int l) { return l == 0 ? t.encoder_input : t.encoder[size_t(l - 1)].output; }

}  // namespace

class TestMultiHeadLesson : public QObject {
    Q_OBJECT
private slots:
    void splitComesFromTheConfig() {
        const ModelConfig base = baseModelConfig();
        QCOMPARE(base.d_model, 512);
        QCOMPARE(base.heads, 8);
        QCOMPARE(base.headDim(), 64);
        const Run r = thinking();
        const Lesson l = buildLesson("multi-head", r.trace, *r.model, r.words);
        const LessonStep& s = step(l, "split");
        QCOMPARE(s.paragraphs[0].args, (std::vector<std::string>{"512", "8", "64"}));
        const ExampleRun run = courseRun(r.trace, *r.model, r.words);
        const ModelConfig& c = run.model->config();
        QCOMPARE(c.heads * c.headDim(), c.d_model);
        QCOMPARE(s.paragraphs[1].args[0], std::to_string(c.d_model));
        QCOMPARE(s.paragraphs[1].args[1], std::to_string(c.heads));
        QCOMPARE(s.paragraphs[1].args[2], std::to_string(c.headDim()));
        QCOMPARE(std::string(step(l, "output").paragraphs[1].args[3]), std::string("262,144"));  // 512 × 512
    }

    // Row h of the split is columns h·d_k … of the full query x·W^Q + b, computed here from the weights.
    void splitRowsAreTheFullQueryCut() {
        const Run r = thinking();
        const ExampleRun run = courseRun(r.trace, *r.model, r.words);
        const Lesson l = buildLesson("multi-head", r.trace, *r.model, r.words);
        const int L = multiHeadLayer(*run.trace), F = multiHeadFocus(*run.trace, L), d_k = run.model->config().headDim();
        const MhaWeights& w = run.model->weights().encoder[size_t(L)].self_attn;
        const RowVector q = layerInput(*run.trace, L).row(F) * w.wq.transpose() + w.bq;  // [h·d_k]
        const SceneGrid& g = step(l, "split").scene.grids[0];
        QCOMPARE(g.rows, run.model->config().heads);
        for (int h = 0; h < g.rows; ++h)
            for (int c = 0; c < g.cols; ++c) {
                QVERIFY(std::abs(g.at(h, c).value - q[h * d_k + c]) < 1e-4);
                QCOMPARE(g.at(h, c).value, double(run.trace->encoder[size_t(L)].self_attn.q[size_t(h)](F, c)));
            }
    }

    // Each map is its head's weights (rows sum to 1); the heads do not all look alike; the text names
    // each head's strongest word for the focus word.
    void eachHeadHasItsOwnPattern() {
        const Run r = thinking();
        const ExampleRun run = courseRun(r.trace, *r.model, r.words);
        const Lesson l = buildLesson("multi-head", r.trace, *r.model, r.words);
        const int L = multiHeadLayer(*run.trace), F = multiHeadFocus(*run.trace, L);
        const AttentionTrace& a = run.trace->encoder[size_t(L)].self_attn;
        const LessonStep& s = step(l, "patterns");
        QCOMPARE(int(s.scene.grids.size()), run.model->config().heads);
        double spread = 0;
        for (int h = 0; h < int(s.scene.grids.size()); ++h) {
            const SceneGrid& g = s.scene.grids[size_t(h)];
            // the whole map, never cut on a small stage, with the focus word's row framed
            QCOMPARE(g.rows, int(run.words.size()));
            QCOMPARE(g.cols, int(run.words.size()));
            QVERIFY(g.whole && g.rowAxis == SceneAxis::Words && g.colAxis == SceneAxis::Words);
            QCOMPARE(g.focusRow, F);
            for (int i = 0; i < g.rows; ++i) {
                double sum = 0;
                for (int j = 0; j < g.cols; ++j) {
                    QCOMPARE(g.at(i, j).value, double(a.weights[size_t(h)](i, j)));
                    sum += g.at(i, j).value;
                }
                QVERIFY(std::abs(sum - 1) < 1e-5);
            }
            if (h) spread = std::max(spread, double((a.weights[size_t(h)] - a.weights[0]).cwiseAbs().maxCoeff()));
            Eigen::Index best = 0;
            a.weights[size_t(h)].row(F).maxCoeff(&best);
            const std::string expected = "head" + subscriptNumber(h + 1) + ": “" + run.words[size_t(best)] + "”";  // head₁, as the map's title
            QVERIFY2(s.paragraphs[1].args[2].find(expected) != std::string::npos, expected.c_str());
        }
        QVERIFY(spread > 0.2);
        // the focus word is the one whose heads' strongest words differ most: "cake", four different words
        QCOMPARE(run.words[size_t(F)], std::string("cake"));
        const std::vector<int> keys = strongestKeys(*run.trace, L, F);
        QCOMPARE(int(std::set<int>(keys.begin(), keys.end()).size()), 4);
        QCOMPARE(step(l, "why-heads").paragraphs[0].args[2], std::string("4"));
    }

    // Concat puts the heads' z side by side: the trace's concat row is every head's context in turn.
    void concatIsTheHeadsSideBySide() {
        const Run r = thinking();
        const ExampleRun run = courseRun(r.trace, *r.model, r.words);
        const Lesson l = buildLesson("multi-head", r.trace, *r.model, r.words);
        const int L = multiHeadLayer(*run.trace), F = multiHeadFocus(*run.trace, L), d_k = run.model->config().headDim();
        const AttentionTrace& a = run.trace->encoder[size_t(L)].self_attn;
        for (int h = 0; h < run.model->config().heads; ++h)
            QVERIFY((a.concat.row(F).segment(h * d_k, d_k) - a.context[size_t(h)].row(F)).cwiseAbs().maxCoeff() == 0);
        const LessonStep& s = step(l, "concat");
        const int heads = run.model->config().heads;
        QCOMPARE(int(s.scene.grids.size()), 2 * heads);  // each head's z, then its group of the concat row
        const SceneGrid& later = step(l, "output").scene.grids[0];  // the same concat row in step 4
        for (int h = 0; h < heads; ++h) {
            const SceneGrid& c = s.scene.grids[size_t(heads + h)];
            QVERIFY(c.moreCols);  // "…" between one head's numbers and the next head's
            for (int col = 0; col < c.cols; ++col) {
                QCOMPARE(c.cells[size_t(col)].value, double(a.concat(F, h * d_k + col)));
                QCOMPARE(c.colLabels[size_t(col)], std::to_string(h * d_k + col + 1));
                QCOMPARE(c.cells[size_t(col)].text, s.scene.grids[size_t(h)].cells[size_t(col)].text);
            }
            for (const SceneGrid* g : {&c, &s.scene.grids[size_t(h)]}) {  // one colour scale for one tensor, in both steps
                QCOMPARE(g->lo, later.lo);
                QCOMPARE(g->hi, later.hi);
            }
        }
        QCOMPARE(later.lo, double(a.concat.minCoeff()));
        QCOMPARE(later.hi, double(a.concat.maxCoeff()));
    }

    // Concat·W^O + b, recomputed from the weights, is the trace's output and the numbers shown.
    void outputIsConcatTimesWO() {
        const Run r = thinking();
        const ExampleRun run = courseRun(r.trace, *r.model, r.words);
        const Lesson l = buildLesson("multi-head", r.trace, *r.model, r.words);
        const int L = multiHeadLayer(*run.trace), F = multiHeadFocus(*run.trace, L);
        const AttentionTrace& a = run.trace->encoder[size_t(L)].self_attn;
        const Linear& wo = run.model->weights().encoder[size_t(L)].self_attn.out;
        const RowVector out = a.concat.row(F) * wo.weight.transpose() + wo.bias;
        QVERIFY((out - a.output.row(F)).cwiseAbs().maxCoeff() < 1e-4);
        const SceneGrid& g = step(l, "output").scene.grids[1];
        for (int c = 0; c < g.cols; ++c) QVERIFY(std::abs(g.cells[size_t(c)].value - out[c]) < 1e-4);
        const int64_t d = run.model->config().d_model;
        QCOMPARE(step(l, "output").paragraphs[1].args[2], groupedNumber(d * d));
    }

    // Thinking Machines has one head: the lesson shows the en→zh model, and no cell claims the
    // window's trace. The demo model has four heads and positions: its own trace is shown.
    void whichTraceIsShown() {
        const Run t = thinking();
        const Lesson stand = buildLesson("multi-head", t.trace, *t.model, t.words);
        QCOMPARE(stand.words.size(), size_t(6));
        QCOMPARE(stand.words[1], std::string("brother"));
        QVERIFY(stand.ownSentence);  // the sentence bar shows it as the lesson's example
        for (const LessonStep& s : stand.steps)
            for (const SceneGrid& g : s.scene.grids)
                for (const SceneCell& c : g.cells) QVERIFY(!c.fromTrace && c.tensor.empty());
        const Run d = demo();
        QVERIFY(hasHeadsAndPositions(*d.model));
        const Lesson own = buildLesson("multi-head", d.trace, *d.model, d.words);
        QCOMPARE(own.words, d.words);
        QVERIFY(!own.ownSentence);
        int claimed = 0;
        for (const LessonStep& s : own.steps)
            for (const SceneGrid& g : s.scene.grids)
                for (const SceneCell& c : g.cells) {
                    if (!c.fromTrace) continue;
                    const std::optional<Tensor> tensor = findTensor(d.trace, c.tensor);
                    QVERIFY2(tensor.has_value(), c.tensor.c_str());
                    int64_t flat = 0;
                    for (size_t k = 0; k < c.index.size(); ++k) flat = flat * tensor->shape[k] + c.index[k];
                    QCOMPARE(double(tensor->data[size_t(flat)]), c.value);
                    ++claimed;
                }
        QVERIFY(claimed > 50);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildLesson("multi-head", d.trace, *d.model, {"too", "few"}));
    }
};

QTEST_APPLESS_MAIN(TestMultiHeadLesson)
#include "tst_multi_head_lesson.moc"
