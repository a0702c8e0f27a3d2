// The encoder-layer lesson, checked in core against the trace: every cell that names a tensor holds
// its value and shows its rounding; LayerNorm's mean, 1/σ and output recomputed row by row equal the
// trace's (norm1_mean, norm1_rstd, norm1); the sums on screen add up as displayed; the FFN and ReLU
// cells follow from the cells they read; re-running the stack reproduces the trace, so the other
// placement (pre- vs post-norm) is computed by code that is right on the model's own. Pinned numbers
// of Thinking Machines catch any change of a derived number. No Qt GUI.
#include "core/lessons/encoder_layer.h"
#include "core/lessons/registry.h"
#include "core/model_loader.h"
#include "core/presets.h"
#include "core/trace_names.h"

#include <QTest>

#include <cmath>

using namespace alab::core;

namespace {

struct Run {
    std::shared_ptr<const Model> model;
    Trace trace;
    Lesson lesson;
};

Run runCase(const QString& which) {
    if (which == "thinking-machines" || which == "six words") {
        const bool tm = which == "thinking-machines";
        const Preset p = tm ? thinkingMachinesPreset() : demoPreset(7);
        auto model = std::make_shared<const Model>(p.config, p.weights);
        const Tokenized tok = tokenize(p.vocab, tm ? "Thinking Machines" : "the cat sat on the mat");
        Trace trace = model->forward(tok.ids);
        Lesson lesson = buildLesson("encoder-layer", trace, *model, tok.tokens);
        return {model, std::move(trace), std::move(lesson)};
    }
    const std::string dir = std::string(ALAB_SOURCE_DIR) + "/tests/golden/" + which.toStdString() + "/";
    LoadedModel loaded;
    ModelSource source;
    source.weightsPath = dir + "weights.safetensors";
    source.configPath = dir + "config.json";
    if (const std::string err = loadModel(source, loaded); !err.empty()) qFatal("%s", err.c_str());
    const std::vector<int> ids = which == "padding_h1" ? std::vector<int>{4, 7, 7, 1, 5, 0, 0} : std::vector<int>{7, 5, 3, 14, 12, 4};
    Trace trace = loaded.model->forward(ids);
    std::vector<std::string> words;
    for (int id : ids) words.push_back("#" + std::to_string(id));
    Lesson lesson = buildLesson("encoder-layer", trace, *loaded.model, words);
    return {loaded.model, std::move(trace), std::move(lesson)};
}

double at(const Tensor& t, const std::vector<int64_t>& index) {
    int64_t flat = 0;
    for (size_t k = 0; k < index.size(); ++k) flat = flat * t.shape[k] + index[k];
    return t.data[size_t(flat)];
}

bool showsRounded(const std::string& text, double value) {
    const size_t dot = text.find('.');
    const int decimals = dot == std::string::npos ? 0 : int(text.size() - dot - 1);
    return std::abs(parseLessonNumber(text) - value) <= 0.5 * std::pow(10.0, -decimals) + 1e-9 * std::max(1.0, std::abs(value));
}

const LessonStep& step(const Lesson& l, const std::string& id) {
    for (const LessonStep& s : l.steps)
        if (s.id == id) return s;
    qFatal("no step %s", id.c_str());
}

bool close(double a, double b, double rel = 1e-5) { return std::abs(a - b) <= rel * std::max(1.0, std::abs(b)); }

}  // namespace

class TestEncoderLayerLesson : public QObject {
    Q_OBJECT
private slots:
    void cases_data() {
        QTest::addColumn<QString>("which");
        QTest::newRow("Thinking Machines") << "thinking-machines";
        QTest::newRow("six-word demo sentence, 2 layers") << "six words";
        QTest::newRow("pre-norm golden model") << "prenorm_h4";
        QTest::newRow("padded golden model") << "padding_h1";
    }

    void traceCellsShowTheTrace_data() { cases_data(); }
    void traceCellsShowTheTrace() {
        QFETCH(QString, which);
        const Run r = runCase(which);
        QCOMPARE(r.lesson.steps.size(), size_t(7));
        int checked = 0;
        for (const LessonStep& s : r.lesson.steps)
            for (const SceneGrid& g : s.scene.grids) {
                QCOMPARE(int(g.cells.size()), g.rows * g.cols);
                for (const SceneCell& c : g.cells) {
                    if (c.fromTrace) {
                        const auto t = findTensor(r.trace, c.tensor);
                        QVERIFY2(t.has_value(), c.tensor.c_str());
                        QCOMPARE(c.value, at(*t, c.index));
                        ++checked;
                    }
                    QVERIFY2(showsRounded(c.text, c.value), (s.id + ": " + c.text + " for " + std::to_string(c.value)).c_str());
                    QVERIFY2(c.text.find('-') == std::string::npos, c.text.c_str());
                    QVERIFY(c.appear >= 0 && c.appear + c.fade <= 1 + 1e-9);
                }
            }
        QVERIFY(checked > 40);
    }

    // Every row of every layer: μ and 1/σ as the lesson computes them are the trace's saved
    // statistics, its output is LayerNorm's, and after normalising the row has mean 0, variance 1.
    void layerNormRowsMatchTheTrace_data() { cases_data(); }
    void layerNormRowsMatchTheTrace() {
        QFETCH(QString, which);
        const Run r = runCase(which);
        const ModelConfig& c = r.model->config();
        for (size_t l = 0; l < r.trace.encoder.size(); ++l) {
            const EncoderLayerTrace& e = r.trace.encoder[l];
            const Matrix& in1 = c.norm_first ? (l == 0 ? r.trace.encoder_input : r.trace.encoder[l - 1].output) : e.residual1;
            const Matrix& in2 = c.norm_first ? e.add_norm1 : e.residual2;
            for (int i = 0; i < in1.rows(); ++i) {
                const LayerNormRow a = layerNormRow(in1.row(i), r.model->weights().encoder[l].norm1, c.layer_norm_eps);
                const LayerNormRow b = layerNormRow(in2.row(i), r.model->weights().encoder[l].norm2, c.layer_norm_eps);
                QVERIFY(close(a.mean, e.norm1_stats.mean(i, 0)));
                QVERIFY(close(a.rstd, e.norm1_stats.rstd(i, 0), 1e-4));
                QVERIFY(close(b.mean, e.norm2_stats.mean(i, 0)));
                QVERIFY(close(b.rstd, e.norm2_stats.rstd(i, 0), 1e-4));
                for (int k = 0; k < in1.cols(); ++k) {
                    QVERIFY(close(a.output[size_t(k)], e.norm1(i, k), 1e-4));
                    QVERIFY(close(b.output[size_t(k)], e.norm2(i, k), 1e-4));
                }
                QVERIFY(std::abs(a.meanAfter) < 1e-9);
                QVERIFY(std::abs(a.varianceAfter - a.variance / (a.variance + c.layer_norm_eps)) < 1e-9);
            }
        }
    }

    // What the screen says adds up: x + Attention(x) = v and FFN(x) + x = v digit for digit (unless
    // the scene writes ≈), and on Thinking Machines (all four numbers shown) the mean of the shown v is μ.
    void sumsAreTrueAsDisplayed_data() { cases_data(); }
    void sumsAreTrueAsDisplayed() {
        QFETCH(QString, which);
        const Run r = runCase(which);
        for (const std::string id : {"residual", "add-norm-2"}) {
            const Scene& sc = step(r.lesson, id).scene;
            const SceneGrid &x = sc.grids[0], &y = sc.grids[1], &z = sc.grids[2];
            for (int c = 0; c < z.cols; ++c) {
                const std::string& shown = z.cells[size_t(c)].text;
                const int decimals = int(shown.size() - shown.find('.') - 1);
                const double sum = parseLessonNumber(x.cells[size_t(c)].text) + parseLessonNumber(y.cells[size_t(c)].text);
                const bool approx = z.cells[size_t(c)].arithmetic.find("≈") != std::string::npos;
                QVERIFY2(approx || formatFixed(sum, decimals) == shown, (id + ": " + shown).c_str());
                QCOMPARE(z.cells[size_t(c)].sweep.size(), size_t(2));
            }
        }
        const Scene& first = step(r.lesson, "add-norm").scene;  // (v − μ)·(1/σ) from the numbers shown
        const SceneGrid &v1 = first.grids[0], &mu1 = first.grids[1], &rstd1 = first.grids[3], &z1 = first.grids[4];
        for (int c = 0; c < z1.cols; ++c) {
            const double product = (parseLessonNumber(v1.cells[size_t(c)].text) - parseLessonNumber(mu1.cells[0].text)) *
                                   parseLessonNumber(rstd1.cells[0].text);
            const bool approx = z1.cells[size_t(c)].arithmetic.find("≈") != std::string::npos;
            QVERIFY(!approx || which != "thinking-machines");
            if (!approx)
                QCOMPARE(formatLessonNumber(product), z1.cells[size_t(c)].text);
        }
        if (which != "thinking-machines") return;
        const Scene& norm = step(r.lesson, "add-norm").scene;
        const SceneGrid& v = norm.grids[0];
        const SceneGrid& mu = norm.grids[1];
        double sum = 0;
        for (const SceneCell& c : v.cells) sum += parseLessonNumber(c.text);
        const int decimals = int(mu.cells[0].text.size() - mu.cells[0].text.find('.') - 1);
        QCOMPARE(formatFixed(sum / v.cols, decimals), mu.cells[0].text);
        QCOMPARE(mu.cells[0].tensor, std::string("encoder.0.norm1_mean"));
    }

    // One equation, one colour scale: in the steps that add, normalise, bend or stack vectors every
    // coloured grid has the same range (a number is the same colour on both sides of + and =), and
    // that range holds every value shown; the lone statistics in other units (σ², 1/σ, the means and
    // variances after) are plain ink, not coloured on a scale of their own.
    void oneColourScalePerEquation_data() { cases_data(); }
    void oneColourScalePerEquation() {
        QFETCH(QString, which);
        const Run r = runCase(which);
        for (const std::string id : {"residual", "add-norm", "add-norm-2", "relu", "stack", "placement"}) {
            const Scene& sc = step(r.lesson, id).scene;
            const SceneGrid* first = nullptr;
            int plain = 0;
            for (const SceneGrid& g : sc.grids) {
                if (g.plain) {
                    ++plain;
                    continue;
                }
                if (!first) first = &g;
                QVERIFY2(g.lo == first->lo && g.hi == first->hi, (id + ": " + g.title).c_str());
                for (const SceneCell& c : g.cells) QVERIFY2(c.value >= g.lo - 1e-9 && c.value <= g.hi + 1e-9, id.c_str());
            }
            QVERIFY(first != nullptr);
            if (id == "add-norm") QCOMPARE(plain, 4);  // σ², 1/σ, μ after, σ² after
            if (id == "placement") QCOMPARE(plain, 4);  // μ and σ² of each placement
        }
    }

    // Step 7 writes each placement's row with its mean: when the whole row is on screen, the numbers
    // shown average to the μ shown (the decimals grow until they do).
    void placementMeansAreTrueAsDisplayed_data() { cases_data(); }
    void placementMeansAreTrueAsDisplayed() {
        QFETCH(QString, which);
        const Run r = runCase(which);
        const Scene& sc = step(r.lesson, "placement").scene;
        int rows = 0;
        for (size_t k = 0; k + 1 < sc.grids.size(); ++k) {
            const SceneGrid& row = sc.grids[k];
            if (row.plain || row.moreCols) continue;
            const SceneGrid& mu = sc.grids[k + 1];
            QCOMPARE(mu.rowLabels, std::vector<std::string>({"μ ="}));
            double sum = 0;
            for (const SceneCell& c : row.cells) sum += parseLessonNumber(c.text);
            const std::string& shown = mu.cells[0].text;
            QCOMPARE(formatFixed(sum / row.cols, int(shown.size() - shown.find('.') - 1)), shown);
            ++rows;
        }
        if (which == "thinking-machines") QCOMPARE(rows, 2);
    }

    // The wide FFN row is x·W₁ + b₁ of the row it lights; ReLU's cells are max(0, z) of the cell they
    // light, highlighted exactly where z < 0; the counts in the text are the trace's negatives.
    void ffnCellsFollowFromTheirSources_data() { cases_data(); }
    void ffnCellsFollowFromTheirSources() {
        QFETCH(QString, which);
        const Run r = runCase(which);
        const Linear& w1 = r.model->weights().encoder[0].linear1;
        const Scene& ffn = step(r.lesson, "ffn").scene;
        const SceneGrid &x = ffn.grids[0], &pre = ffn.grids[1];
        for (const SceneCell& c : pre.cells) {
            const SceneCell& row = x.at(c.sweep[0].row, 0);
            const RowVector in = findTensor(r.trace, row.tensor)->toMatrix().row(row.index[0]);
            QCOMPARE(c.index[0], row.index[0]);
            QVERIFY(close(c.value, in.dot(w1.weight.row(c.index[1])) + w1.bias[c.index[1]], 1e-4));
        }
        const LessonStep& relu = step(r.lesson, "relu");
        const SceneGrid &z = relu.scene.grids[0], &h = relu.scene.grids[1];
        for (const SceneCell& c : h.cells) {
            const SceneCell& src = z.at(c.sweep[0].row, c.sweep[0].col);
            QCOMPARE(src.index, c.index);
            QCOMPARE(c.highlight, src.value < 0);
            if (r.model->config().activation == Activation::Relu) QCOMPARE(c.value, std::max(0.0, src.value));
        }
        const Matrix& p = r.trace.encoder[0].ffn.pre_activation;
        int negatives = 0;
        for (int k = 0; k < p.cols(); ++k) negatives += p(0, k) < 0;
        QCOMPARE(relu.paragraphs[0].args[1], std::to_string(negatives));
    }

    // Re-running the stack with the model's own placement gives the trace's outputs; the other
    // placement is what the last step shows.
    void otherPlacementIsComputedFaithfully_data() { cases_data(); }
    void otherPlacementIsComputedFaithfully() {
        QFETCH(QString, which);
        const Run r = runCase(which);
        const std::vector<Matrix> own = stackOutputs(r.trace, *r.model, r.model->config().norm_first);
        QCOMPARE(own.size(), r.trace.encoder.size());
        for (size_t l = 0; l < own.size(); ++l) QVERIFY((own[l] - r.trace.encoder[l].output).cwiseAbs().maxCoeff() < 1e-5f);
        const Matrix other = otherPlacementOutputs(r.trace, *r.model).back();
        const Scene& sc = step(r.lesson, "placement").scene;
        const SceneGrid& shownOther = sc.grids[r.model->config().norm_first ? 0 : 3];
        for (int c = 0; c < shownOther.cols; ++c) QCOMPARE(shownOther.cells[size_t(c)].value, double(other(0, c)));
        QVERIFY(!shownOther.cells[0].fromTrace);
    }

    // The numbers of Thinking Machines as written on the stage and in the texts.
    void thinkingMachinesNumbers() {
        const Run r = runCase("thinking-machines");
        auto texts = [&](const std::string& id, int grid) {
            std::vector<std::string> out;
            for (const SceneCell& c : step(r.lesson, id).scene.grids[size_t(grid)].cells) out.push_back(c.text);
            return out;
        };
        QCOMPARE(texts("residual", 2), std::vector<std::string>({"4.69", "−0.20", "0.43", "−3.68"}));
        QCOMPARE(texts("add-norm", 1), std::vector<std::string>({"0.31"}));
        QCOMPARE(texts("add-norm", 2), std::vector<std::string>({"8.85"}));
        QCOMPARE(texts("add-norm", 4), std::vector<std::string>({"1.47", "−0.17", "0.04", "−1.34"}));
        QCOMPARE(texts("add-norm", 5), std::vector<std::string>({"0.00"}));
        QCOMPARE(texts("add-norm", 6), std::vector<std::string>({"1.00"}));
        QCOMPARE(step(r.lesson, "relu").paragraphs[0].args[4], std::string("15"));
        QCOMPARE(step(r.lesson, "ffn").paragraphs[1].args[3], std::string("148"));
        const std::vector<std::string>& stack = step(r.lesson, "stack").paragraphs[1].args;
        QCOMPARE(stack, std::vector<std::string>({"244", "3,152,384", "18,914,304"}));
        const std::vector<std::string>& placement = step(r.lesson, "placement").paragraphs[1].args;
        QCOMPARE(std::vector<std::string>(placement.begin() + 2, placement.end()),
                 std::vector<std::string>({"0.00", "1.00", "1.97", "3.84"}));
    }

    void badInputsAreRefused() {
        const Preset p = thinkingMachinesPreset();
        const Model model(p.config, p.weights);
        const Trace t = model.forward({4, 5});
        LessonOptions o;
        o.spec.layer = 1;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildLesson("encoder-layer", t, model, {"Thinking", "Machines"}, o));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildLesson("encoder-layer", t, model, {"Thinking"}));
    }
};

QTEST_APPLESS_MAIN(TestEncoderLayerLesson)
#include "tst_encoder_layer_lesson.moc"
