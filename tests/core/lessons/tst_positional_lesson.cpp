// The positional-encoding lesson, checked in core: with positions switched off, shuffling the words
// only permutes the attention weights and the outputs (two traces, for the trained en→zh model and
// the demo model), while with them on it does not; the maps shown are those two traces; the waves
// are the paper's formula, recomputed here and equal to the trace's PE; embedding + PE adds up as
// shown; M_k is the core's shift transposed, block-diagonal, a rotation, and moves PE(p) to
// PE(p + k) for many p and k, as shown; PE(p)·PE(p + k) depends on k only. No Qt GUI.
#include "core/lessons/course_model.h"
#include "core/lessons/positional_lesson.h"
#include "core/lessons/registry.h"
#include "core/positional_encoding.h"
#include "core/presets.h"

#include <QTest>

#include <cmath>

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

double paperPe(int p, int j, int d_model) {  // the paper's formula, written out again
    const double angle = p / std::pow(10000.0, double(2 * (j / 2)) / d_model);
    return j % 2 == 0 ? std::sin(angle) : std::cos(angle);
}

}  // namespace

class TestPositionalLesson : public QObject {
    Q_OBJECT
private slots:
    void shufflingOnlyPermutesWithoutPositions_data() {
        QTest::addColumn<bool>("trained");
        QTest::newRow("trained en→zh") << true;
        QTest::newRow("untrained demo") << false;
    }
    void shufflingOnlyPermutesWithoutPositions() {
        QFETCH(bool, trained);
        const Run t = thinking(), d = demo();
        const ExampleRun run = trained ? courseRun(t.trace, *t.model, t.words) : courseRun(d.trace, *d.model, d.words);
        QCOMPARE(run.ownSentence, trained);
        const Model bare = withoutPositions(*run.model);
        QCOMPARE(bare.config().positional_encoding, PositionalEncoding::None);
        const std::vector<int> ids = run.trace->src_ids, order = shuffledOrder(int(ids.size()));
        std::vector<int> shuffled;
        for (int k : order) shuffled.push_back(ids[size_t(k)]);
        QVERIFY(shuffled != ids);
        const Trace a = bare.forward(ids), b = bare.forward(shuffled);
        QVERIFY(permutedWeightsGap(a, b, order) < 1e-5);
        for (int i = 0; i < int(order.size()); ++i)  // every word's output too, at its new place
            QVERIFY((b.encoder_output.row(i) - a.encoder_output.row(order[size_t(i)])).cwiseAbs().maxCoeff() < 1e-4);
        std::vector<int> identity(order.size());
        for (size_t k = 0; k < identity.size(); ++k) identity[k] = int(k);
        QVERIFY(permutedWeightsGap(a, b, identity) > 0.01);  // the gap does see a wrong order
        const Trace withPe = run.model->forward(shuffled);
        QVERIFY(permutedWeightsGap(*run.trace, withPe, order) > 0.05);  // positions on: order matters
    }

    // The two maps are those traces' head 1 of layer 1, rows labelled in their sentences' order.
    void orderStepShowsTheTwoTraces() {
        const Run t = thinking();
        const ExampleRun run = courseRun(t.trace, *t.model, t.words);
        const Lesson l = buildLesson("positional-encoding", t.trace, *t.model, t.words);
        const Model bare = withoutPositions(*run.model);
        const std::vector<int> ids = run.trace->src_ids, order = shuffledOrder(int(ids.size()));
        std::vector<int> shuffled;
        for (int k : order) shuffled.push_back(ids[size_t(k)]);
        const Trace a = bare.forward(ids), b = bare.forward(shuffled);
        const LessonStep& s = step(l, "order-blind");
        const SceneGrid &A = s.scene.grids[0], &B = s.scene.grids[1];
        for (int i = 0; i < A.rows; ++i) {
            QCOMPARE(A.rowLabels[size_t(i)], "“" + run.words[size_t(i)] + "”");
            QCOMPARE(B.rowLabels[size_t(i)], "“" + run.words[size_t(order[size_t(i)])] + "”");
            for (int j = 0; j < A.cols; ++j) {
                QCOMPARE(A.at(i, j).value, double(a.encoder[0].self_attn.weights[0](i, j)));
                QCOMPARE(B.at(i, j).value, double(b.encoder[0].self_attn.weights[0](i, j)));
                QVERIFY(!A.at(i, j).fromTrace && !B.at(i, j).fromTrace);
            }
        }
        QCOMPARE(s.paragraphs[0].args[1], std::string(". cake the ate brother my"));
        QCOMPARE(shuffledOrder(2), (std::vector<int>{1, 0}));
        QCOMPARE(shuffledOrder(8), (std::vector<int>{3, 2, 1, 0, 4, 5, 6, 7}));  // the change stays in view
    }

    // The waves are the formula, and for the sentence's positions the trace's PE.
    void wavesAreTheFormula() {
        const Run t = thinking();
        const ExampleRun run = courseRun(t.trace, *t.model, t.words);
        const Lesson l = buildLesson("positional-encoding", t.trace, *t.model, t.words);
        const int d = run.model->config().d_model, S = int(run.words.size());
        const LessonStep& s = step(l, "waves");
        const std::vector<std::vector<int>> dims = {{0, 1, 2, 3}, {d - 2, d - 1}};
        QCOMPARE(s.scene.grids.size(), size_t(2));
        for (size_t g = 0; g < 2; ++g) {
            const SceneGrid& grid = s.scene.grids[g];
            for (int r = 0; r < grid.rows; ++r)
                for (int p = 0; p < grid.cols; ++p) {
                    const int j = dims[g][size_t(r)];
                    QVERIFY(std::abs(grid.at(r, p).value - paperPe(p, j, d)) < 1e-12);
                    if (p < S) QVERIFY(std::abs(grid.at(r, p).value - run.trace->src_positional_encoding(p, j)) < 1e-6);
                }
        }
        const Matrix core = sinusoidalEncoding(40, d);
        for (int p = 0; p < 40; ++p)
            QVERIFY((sinusoid(p, d).cast<float>().transpose() - core.row(p)).cwiseAbs().maxCoeff() < 1e-6);
    }

    // embedding + PE = x, from the trace, and the numbers shown add up (or the scene says ≈).
    void embeddingPlusPeAddsUp() {
        const Run d = demo();
        const Lesson l = buildLesson("positional-encoding", d.trace, *d.model, d.words);
        const LessonStep& s = step(l, "add");
        const SceneGrid &X = s.scene.grids[0], &Y = s.scene.grids[1], &Z = s.scene.grids[2];
        const int F = std::stoi(s.paragraphs[0].args[1]) - 1;  // “%1” is word %2
        QCOMPARE(F, positionalAddFocus(d.trace, 6));
        for (int c = 0; c < Z.cols; ++c) {
            QCOMPARE(X.cells[size_t(c)].value, double(d.trace.src_embedding(F, c)));
            QCOMPARE(Y.cells[size_t(c)].value, double(d.trace.src_positional_encoding(F, c)));
            QCOMPARE(Z.cells[size_t(c)].value, double(d.trace.encoder_input(F, c)));
            QVERIFY(X.cells[size_t(c)].fromTrace && Z.cells[size_t(c)].tensor == "encoder.input");
            const bool exact = Z.cells[size_t(c)].arithmetic.find(" = ") != std::string::npos;
            const std::string& shown = Z.cells[size_t(c)].text;
            const int decimals = int(shown.size() - shown.find('.') - 1);
            if (exact)
                QCOMPARE(formatFixed(parseLessonNumber(X.cells[size_t(c)].text) + parseLessonNumber(Y.cells[size_t(c)].text), decimals), shown);
        }
    }

    // M_k: the core's sinusoidalShift transposed; 2 × 2 rotation blocks, zero elsewhere; moves PE(p)
    // to PE(p + k) for every p and k tried.
    void relativeShiftIsABlockRotation() {
        for (int d : {4, 16, 64}) {
            for (int k = 0; k <= 10; ++k) {
                const Eigen::MatrixXd M = relativeShift(k, d);
                QVERIFY((M.cast<float>() - sinusoidalShift(k, d).transpose()).cwiseAbs().maxCoeff() < 1e-6);
                QVERIFY((M.transpose() * M - Eigen::MatrixXd::Identity(d, d)).cwiseAbs().maxCoeff() < 1e-12);
                for (int r = 0; r < d; ++r)
                    for (int c = 0; c < d; ++c)
                        if (r / 2 != c / 2) QCOMPARE(M(r, c), 0.0);
                for (int j = 0; j < d; j += 2) QVERIFY(std::abs(M(j, j) * M(j + 1, j + 1) - M(j, j + 1) * M(j + 1, j) - 1) < 1e-12);
                for (int p = 0; p < 30; ++p) QVERIFY((M * sinusoid(p, d) - sinusoid(p + k, d)).cwiseAbs().maxCoeff() < 1e-9);
            }
        }
    }

    // The relative step's numbers: M_k and PE from the formula, and M_k·PE(p) as shown multiplies out.
    void relativeStepMultipliesOutAsShown() {
        const Run t = thinking();
        const Lesson l = buildLesson("positional-encoding", t.trace, *t.model, t.words);
        const LessonStep& s = step(l, "relative");
        const int p = std::stoi(s.paragraphs[1].args[0]), k = std::stoi(s.paragraphs[1].args[2]), d = 64;
        const SceneGrid &M = s.scene.grids[0], &X = s.scene.grids[1], &Y = s.scene.grids[2], &Z = s.scene.grids[3];
        QCOMPARE(M.rows, 4);
        for (int r = 0; r < 4; ++r) {
            QVERIFY(std::abs(X.cells[size_t(r)].value - paperPe(p, r, d)) < 1e-12);
            QVERIFY(std::abs(Z.cells[size_t(r)].value - paperPe(p + k, r, d)) < 1e-12);
            double sum = 0;
            for (int c = 0; c < 4; ++c) {
                QVERIFY(std::abs(M.at(r, c).value - relativeShift(k, d)(r, c)) < 1e-15);
                sum += parseLessonNumber(M.at(r, c).text) * parseLessonNumber(X.cells[size_t(c)].text);
            }
            const std::string& shown = Y.cells[size_t(r)].text;
            QCOMPARE(shown, Z.cells[size_t(r)].text);
            QCOMPARE(formatFixed(sum, int(shown.size() - shown.find('.') - 1)), shown);  // "=" on the stage, so exact
        }
    }

    // One index base for a reader: words and numbers of PE count from 1, and wherever the formula's
    // 0-based p appears the word it belongs to is named (p = t − 1). The sum of step 3 has one colour
    // scale, and M_k is applied with a "×" that cannot pass for a full stop.
    void labelsCountFromOne() {
        const Run d = demo();
        const Lesson l = buildLesson("positional-encoding", d.trace, *d.model, d.words);
        const LessonStep& waves = step(l, "waves");
        const SceneNode& cols = waves.scene.root.children.at(0);
        QCOMPARE(int(cols.kind), int(SceneNode::Text));
        const int P = waves.scene.grids[0].cols;
        QCOMPARE(cols.text.args, std::vector<std::string>({std::to_string(P), std::to_string(P - 1)}));
        QCOMPARE(waves.scene.grids[0].colLabels.front(), std::string("1"));
        QCOMPARE(waves.scene.grids[0].rowLabels.front(), std::string("1 sin"));  // number 1 = the formula's 2i = 0
        QVERIFY(waves.paragraphs[1].source.find("counts from 0") != std::string::npos);

        const LessonStep& add = step(l, "add");
        const int F = std::stoi(add.paragraphs[0].args[1]) - 1;  // “%1” is word %2, so in the formula p = %3
        QCOMPARE(add.paragraphs[0].args[2], std::to_string(F));
        const SceneGrid &X = add.scene.grids[0], &Y = add.scene.grids[1], &Z = add.scene.grids[2];
        QCOMPARE(Y.rowLabels[0], "PE(p = " + std::to_string(F) + ")");
        QCOMPARE(Z.rowLabels[0], "x" + subscriptNumber(F + 1));
        for (const SceneGrid* g : {&X, &Y}) {
            QCOMPARE(g->lo, Z.lo);
            QCOMPARE(g->hi, Z.hi);
        }
        QCOMPARE(Z.lo, -Z.hi);
        for (const SceneGrid* g : {&X, &Y, &Z})
            for (const SceneCell& c : g->cells) QVERIFY(std::abs(c.value) <= Z.hi);

        const LessonStep& rel = step(l, "relative");
        const int p = std::stoi(rel.paragraphs[1].args[0]), k = std::stoi(rel.paragraphs[1].args[2]);
        QCOMPARE(rel.paragraphs[1].args[6], std::to_string(p + 1));
        const SceneNode& where = rel.scene.root.children.at(0);
        QCOMPARE(where.text.args, std::vector<std::string>({std::to_string(p), std::to_string(p + 1), rel.paragraphs[1].args[1],
                                                            std::to_string(p + k), std::to_string(p + k + 1)}));
        QCOMPARE(rel.scene.root.children.at(1).children.at(1).text.source, std::string("×"));
    }

    void dotProductDependsOnDistanceOnly() {
        const Run t = thinking();
        const Lesson l = buildLesson("positional-encoding", t.trace, *t.model, t.words);
        const LessonStep& s = step(l, "learned");
        const SceneGrid &a = s.scene.grids[0], &b = s.scene.grids[1];
        for (int k = 0; k < a.cols; ++k) {
            double expected = 0;
            for (int i = 0; i < 32; ++i) expected += std::cos(k / std::pow(10000.0, 2.0 * i / 64));
            QVERIFY(std::abs(a.cells[size_t(k)].value - expected) < 1e-9);
            QVERIFY(std::abs(b.cells[size_t(k)].value - expected) < 1e-9);
            QCOMPARE(a.cells[size_t(k)].text, b.cells[size_t(k)].text);
        }
        QCOMPARE(s.paragraphs[0].args[0], std::string("16,384"));    // the shipped config's max_len
        QCOMPARE(s.paragraphs[0].args[2], std::string("1,048,576"));  // max_len 16 384 × d_model 64
    }
};

QTEST_APPLESS_MAIN(TestPositionalLesson)
#include "tst_positional_lesson.moc"
