// Every number the lesson's scenes show, checked in core: cells that name a trace tensor hold its
// value and show its rounding; W^Q/W^K/W^V cells name the right element of PyTorch's
// in_proj_weight; derived numbers (products, e^(s − max), α·v) are recomputed from the cells they
// are made of; and sums and quotients are true as displayed. Runs on Thinking Machines, a six-word
// demo sentence, a pre-norm golden model and a padded one (masks). No Qt GUI.
#include "core/lessons/registry.h"
#include "core/lessons/shown_arithmetic.h"
#include "core/model_loader.h"
#include "core/presets.h"
#include "core/weights.h"

#include <QTest>

#include <cmath>

using namespace alab::core;

namespace {

struct Run {
    std::shared_ptr<const Model> model;
    Trace trace;
    Lesson lesson;
};

Run runPreset(const Preset& p, const std::string& text, WeightsOrigin origin) {
    auto model = std::make_shared<const Model>(p.config, p.weights);
    const Tokenized tok = tokenize(p.vocab, text);
    Trace trace = model->forward(tok.ids);
    LessonOptions o;
    o.origin = origin;
    Lesson lesson = buildLesson("thinking-machines", trace, *model, tok.tokens, o);
    return {model, std::move(trace), std::move(lesson)};
}

Run runGolden(const std::string& name) {
    const std::string dir = std::string(ALAB_SOURCE_DIR) + "/tests/golden/" + name + "/";
    LoadedModel loaded;
    ModelSource source;
    source.weightsPath = dir + "weights.safetensors";
    source.configPath = dir + "config.json";
    if (const std::string err = loadModel(source, loaded); !err.empty()) qFatal("%s", err.c_str());
    const std::vector<int> ids = name == "padding_h1" ? std::vector<int>{4, 7, 7, 1, 5, 0, 0} : std::vector<int>{7, 5, 3, 14, 12, 4};
    Trace trace = loaded.model->forward(ids);
    std::vector<std::string> words;
    for (int id : ids) words.push_back("#" + std::to_string(id));
    Lesson lesson = buildLesson("thinking-machines", trace, *loaded.model, words);
    return {loaded.model, std::move(trace), std::move(lesson)};
}

Run runCase(const QString& which) {
    if (which == "thinking-machines") return runPreset(thinkingMachinesPreset(), "Thinking Machines", WeightsOrigin::HandPicked);
    if (which == "six words") return runPreset(demoPreset(7), "the cat sat on the mat", WeightsOrigin::Random);
    return runGolden(which.toStdString());
}

double at(const Tensor& t, const std::vector<int64_t>& index) {
    int64_t flat = 0;
    for (size_t k = 0; k < index.size(); ++k) flat = flat * t.shape[k] + index[k];
    return t.data[size_t(flat)];
}

// The text shows the value rounded: off by at most half a unit of its last decimal.
bool showsRounded(const std::string& text, double value) {
    if (std::isinf(value)) return text == formatLessonNumber(value);
    const size_t dot = text.find('.');
    const size_t end = text.find("·10");
    const int decimals = dot == std::string::npos ? 0 : int((end == std::string::npos ? text.size() : end) - dot - 1);
    const double unit = end == std::string::npos ? std::pow(10.0, -decimals) : std::abs(value) * 0.1;
    return std::abs(parseLessonNumber(text) - value) <= unit * 0.5 + 1e-9 * std::max(1.0, std::abs(value));
}

const LessonStep& step(const Lesson& l, const std::string& id) {
    for (const LessonStep& s : l.steps)
        if (s.id == id) return s;
    qFatal("no step %s", id.c_str());
}

}  // namespace

class TestLessonScenes : public QObject {
    Q_OBJECT
private slots:
    void cases_data() {
        QTest::addColumn<QString>("which");
        QTest::newRow("Thinking Machines") << "thinking-machines";
        QTest::newRow("six-word demo sentence") << "six words";
        QTest::newRow("pre-norm golden model") << "prenorm_h4";
        QTest::newRow("padded golden model") << "padding_h1";
    }

    void traceCellsShowTheTrace_data() { cases_data(); }
    void traceCellsShowTheTrace() {
        QFETCH(QString, which);
        const Run r = runCase(which);
        const NamedTensors weights = toNamedTensors(r.model->config(), r.model->weights());
        int checked = 0, weightCells = 0;
        for (const LessonStep& s : r.lesson.steps)
            for (const SceneGrid& g : s.scene.grids) {
                QCOMPARE(int(g.cells.size()), g.rows * g.cols);
                for (const SceneCell& c : g.cells) {
                    if (c.fromTrace) {
                        const auto t = findTensor(r.trace, c.tensor);
                        QVERIFY2(t.has_value(), c.tensor.c_str());
                        QCOMPARE(c.value, at(*t, c.index));
                        ++checked;
                    } else if (!c.tensor.empty()) {  // a weight, by its PyTorch name
                        QVERIFY2(weights.count(c.tensor), c.tensor.c_str());
                        QCOMPARE(c.value, at(weights.at(c.tensor), c.index));
                        ++weightCells;
                    }
                    QVERIFY2(showsRounded(c.text, c.value), (s.id + ": " + c.text + " for " + std::to_string(c.value)).c_str());
                    QVERIFY2(c.text.find('-') == std::string::npos, c.text.c_str());  // a real minus sign
                    QVERIFY(c.appear >= 0 && c.appear + c.fade <= 1 + 1e-9);
                }
            }
        QVERIFY(checked > 50);
        QVERIFY(weightCells > 10);
    }

    // Hovering W^Q row 4, column 2 (1-based) of Thinking Machines names in_proj_weight[1][3]; W^K's
    // first cell sits after all of W^Q's rows.
    void projectionCellsNameTheirPyTorchElement() {
        const Run r = runCase("thinking-machines");
        const LessonStep& s = step(r.lesson, "project");
        const SceneGrid& wq = s.scene.grids[1];
        const SceneGrid& wk = s.scene.grids[3];
        QCOMPARE(wq.title, std::string("W^Q"));
        QCOMPARE(wk.title, std::string("W^K"));
        QCOMPARE(wq.at(3, 1).index, std::vector<int64_t>({1, 3}));
        QCOMPARE(wq.at(3, 1).arithmetic.substr(0, 12), std::string("W^Q[4][2] = "));
        const int p = r.model->config().projDim();
        QCOMPARE(wk.at(0, 0).index, std::vector<int64_t>({p, 0}));
    }

    // Products, exponentials and weighted values are what they claim to be, from the cells they read.
    void derivedNumbersFollowFromTheirSources_data() { cases_data(); }
    void derivedNumbersFollowFromTheirSources() {
        QFETCH(QString, which);
        const Run r = runCase(which);
        const AttentionTrace& a = r.trace.encoder[0].self_attn;
        const int F = r.lesson.spec.focus, S = int(r.lesson.words.size());
        int checked = 0;
        for (const std::string id : {"scores", "weigh"}) {  // q[c]·k[c] and α·v[c]
            const Scene& sc = step(r.lesson, id).scene;
            for (const SceneGrid& g : sc.grids)
                for (const SceneCell& c : g.cells) {
                    if (!c.tensor.empty() || c.sweep.size() != 2) continue;
                    const CellSource x = c.sweep[0], y = c.sweep[1];
                    const double product = sc.grids[size_t(x.grid)].at(x.row, x.col).value * sc.grids[size_t(y.grid)].at(y.row, y.col).value;
                    QVERIFY2(std::abs(c.value - product) <= 1e-6 * std::max(1.0, std::abs(product)), id.c_str());
                    ++checked;
                }
        }
        const Scene& soft = step(r.lesson, "softmax").scene;  // e^(s − max), from the row of scaled scores
        const SceneGrid& scaled = soft.grids[0];
        const SceneGrid& e = soft.grids[1];
        double max = -INFINITY;
        for (int j = 0; j < S; ++j) max = std::max(max, double(a.scaled[0](F, j)));
        for (int j = 0; j < e.cols; ++j) {
            QCOMPARE(e.cells[size_t(j)].value, std::exp(scaled.cells[size_t(j)].value - max));
            ++checked;
        }
        const Scene& sum = step(r.lesson, "sum").scene;  // the terms of z₁ are α₁ⱼ·v_j of the trace
        const SceneGrid& z1 = sum.grids[size_t(S)];
        QCOMPARE(z1.cells[0].tensor, r.lesson.steps[0].scene.grids.empty() ? std::string() : std::string("encoder.0.self_attn.context"));
        for (int c = 0; c < z1.cols; ++c)
            for (int j = 0; j < S; ++j) {
                const CellSource src = z1.cells[size_t(c)].sweep[size_t(j)];
                QCOMPARE(sum.grids[size_t(src.grid)].at(0, src.col).value, double(a.weights[0](F, j)) * a.v[0](j, c));
                ++checked;
            }
        QVERIFY(checked > 10);
    }

    // What is written adds up: the shown terms of z₁ sum to the shown z₁ (unless it says ≈), and the
    // shown e^(s − max) divided by the shown Σ round to the shown shares.
    void arithmeticIsTrueAsDisplayed_data() { cases_data(); }
    void arithmeticIsTrueAsDisplayed() {
        QFETCH(QString, which);
        const Run r = runCase(which);
        const int S = int(r.lesson.words.size());
        const Scene& sum = step(r.lesson, "sum").scene;
        const SceneGrid& z1 = sum.grids[size_t(S)];
        if (z1.rowLabels[0].rfind("≈", 0) != 0)
            for (int c = 0; c < z1.cols; ++c) {
                double total = 0;
                for (const CellSource& src : z1.cells[size_t(c)].sweep) total += parseLessonNumber(sum.grids[size_t(src.grid)].at(0, src.col).text);
                const std::string& shown = z1.cells[size_t(c)].text;
                const int decimals = int(shown.size() - shown.find('.') - 1);
                QCOMPARE(formatFixed(total, decimals), shown);
            }
        const Scene& soft = step(r.lesson, "softmax").scene;
        const SceneGrid& e = soft.grids[1];
        const SceneGrid& w = soft.grids[2];
        const std::string divide = soft.root.children[2].text.args[0];
        for (int j = 0; j < w.cols; ++j)
            QCOMPARE(formatShare(parseLessonNumber(e.cells[size_t(j)].text) / parseLessonNumber(divide)), w.cells[size_t(j)].text);
    }

    // Step 6 multiplies as written: the share shown times each value shown, rounded as the product is
    // shown, is the product shown (unless the row says ≈).
    void productIsTrueAsDisplayed_data() { cases_data(); }
    void productIsTrueAsDisplayed() {
        QFETCH(QString, which);
        const Run r = runCase(which);
        const Scene& sc = step(r.lesson, "weigh").scene;
        int checked = 0;
        for (const SceneGrid& g : sc.grids) {
            if (g.rowLabels.empty() || g.rowLabels[0] != "=") continue;
            for (const SceneCell& c : g.cells) {
                const CellSource alpha = c.sweep[0], v = c.sweep[1];
                const double product = parseLessonNumber(sc.grids[size_t(alpha.grid)].at(alpha.row, alpha.col).text) *
                                       parseLessonNumber(sc.grids[size_t(v.grid)].at(v.row, v.col).text);
                const size_t dot = c.text.find('.');
                QCOMPARE(formatFixed(product, dot == std::string::npos ? 0 : int(c.text.size() - dot - 1)), c.text);
                ++checked;
            }
        }
        QVERIFY(checked >= 2 * 3);
    }

    // The fewest decimals of the factor that make every written product true: α₂ = 1/(1 + e²) = 0.119203
    // of Thinking Machines needs four (0.12 × 9 = 1.08 and 0.119 × 6 = 0.714 round wrong; 0.1192 × 9 =
    // 1.0728 and 0.1192 × 6 = 0.7152 round right), α₁ = 0.880797 two, 0.1234 × 9 = 1.1106 three.
    void productDecimalsPicksTheFewest() {
        const double a2 = 1 / (1 + std::exp(2.0)), a1 = 1 - a2;
        QCOMPARE(productDecimals(a2, {"6", "3", "3", "9", "−5", "1"}, {"0.72", "0.36", "0.36", "1.07", "−0.60", "0.12"}), 4);
        QCOMPARE(productDecimals(a1, {"3", "4", "1", "6", "−2", "−2"}, {"2.64", "3.52", "0.88", "5.28", "−1.76", "−1.76"}), 2);
        QCOMPARE(productDecimals(0.1234, {"9"}, {"1.11"}), 3);
        QCOMPARE(productDecimals(0.5, {"3"}, {"9.99"}), -1);
        QCOMPARE(productDecimals(0.5, {"3", "1"}, {"1.50"}), -1);  // a product missing
    }

    // On a projector (4 words of a sentence) or with twelve words the sum of step 7 still adds up as
    // written, and says "=": the words not shown are one row of their terms added up. Over many seeded
    // demo models, "≈" never appears.
    void sumIsExactWithWordsHidden() {
        int checked = 0;
        for (uint64_t seed = 1; seed <= 60; ++seed)
            for (const char* text : {"the cat sat on the mat", "the cat sat on the mat and the dog ate the big fish"}) {
                const Preset p = demoPreset(seed);
                const Model model(p.config, p.weights);
                const Tokenized tok = tokenize(p.vocab, text);
                const Trace trace = model.forward(tok.ids);
                LessonOptions o;
                o.origin = WeightsOrigin::Random;
                o.rows = seed % 2 ? 4 : 12;
                o.columns = seed % 2 ? 4 : 6;
                const Lesson lesson = buildLesson("thinking-machines", trace, model, tok.tokens, o);
                const Scene& sum = step(lesson, "sum").scene;
                const SceneGrid* z1 = nullptr;
                for (const SceneGrid& g : sum.grids)
                    if (!g.rowLabels.empty() && g.rowLabels[0].find(" z") != std::string::npos && g.title.empty()) z1 = &g;
                QVERIFY(z1);
                QVERIFY2(z1->rowLabels[0].rfind("= z", 0) == 0, (z1->rowLabels[0] + " seed " + std::to_string(seed)).c_str());
                const size_t terms = z1->cells[0].sweep.size();
                QCOMPARE(int(terms), std::min(int(tok.tokens.size()), o.rows) + (int(tok.tokens.size()) > o.rows ? 1 : 0));
                for (int c = 0; c < z1->cols; ++c) {
                    double total = 0;
                    for (const CellSource& src : z1->cells[size_t(c)].sweep) total += parseLessonNumber(sum.grids[size_t(src.grid)].at(0, src.col).text);
                    const std::string& shown = z1->cells[size_t(c)].text;
                    QCOMPARE(formatFixed(total, int(shown.size() - shown.find('.') - 1)), shown);
                    ++checked;
                }
            }
        QVERIFY(checked > 200);
    }

    // The numbers of the article, and of the derived rows, as they are written on the stage.
    void thinkingMachinesNumbers() {
        const Run r = runCase("thinking-machines");
        auto texts = [&](const std::string& id, int grid) {
            std::vector<std::string> out;
            for (const SceneCell& c : step(r.lesson, id).scene.grids[size_t(grid)].cells) out.push_back(c.text);
            return out;
        };
        QCOMPARE(texts("scores", 3), std::vector<std::string>({"112"}));
        QCOMPARE(texts("scores", 6), std::vector<std::string>({"96"}));
        QCOMPARE(texts("scale", 1), std::vector<std::string>({"14", "12"}));
        QCOMPARE(texts("softmax", 1), std::vector<std::string>({"1.00", "0.14"}));
        QCOMPARE(texts("softmax", 2), std::vector<std::string>({"0.88", "0.12"}));
        QCOMPARE(step(r.lesson, "softmax").scene.root.children[2].text.args[0], std::string("1.14"));
        QCOMPARE(texts("weigh", 2), std::vector<std::string>({"2.64", "3.52", "0.88", "5.28", "−1.76", "−1.76"}));
        // step 2: d_model 4 but d_k 64 (one head); the paper's d_k is 512 / 8 = 64, not d_model / h of this model
        const LessonParagraph& widths = step(r.lesson, "project").paragraphs.back();
        QVERIFY(widths.source.find("The paper splits") != std::string::npos);
        QCOMPARE(widths.args, std::vector<std::string>({"4", "64", "512", "8", "64", "1"}));
        QCOMPARE(texts("weigh", 0), std::vector<std::string>({"0.88"}));    // α₁₁: two decimals make 0.88 × 3 = 2.64 …
        QCOMPARE(texts("weigh", 3), std::vector<std::string>({"0.1192"}));  // α₁₂: 0.1192 × 9 = 1.07 (0.12 × 9 would be 1.08)
        QCOMPARE(texts("weigh", 5), std::vector<std::string>({"0.72", "0.36", "0.36", "1.07", "−0.60", "0.12"}));
        QCOMPARE(texts("sum", 0), std::vector<std::string>({"2.6424", "3.5232", "0.8808", "5.2848", "−1.7616", "−1.7616"}));
        QCOMPARE(texts("sum", 2), std::vector<std::string>({"3.3576", "3.8808", "1.2384", "6.3576", "−2.3576", "−1.6424"}));
    }

    // Six words: the texts name every word's share, not two.
    void textsCoverEveryWord() {
        const Run r = runCase("six words");
        const AttentionTrace& a = r.trace.encoder[0].self_attn;
        const std::string weigh = step(r.lesson, "weigh").paragraphs[0].args[0];
        for (int j = 0; j < 6; ++j) QVERIFY2(weigh.find("·v" + subscriptNumber(j + 1)) != std::string::npos, weigh.c_str());
        const std::string shares = step(r.lesson, "sum").paragraphs[0].args[4];
        for (int j = 0; j < 6; ++j) QVERIFY2(shares.find(formatShare(a.weights[0](1, j))) != std::string::npos, shares.c_str());
        QCOMPARE(step(r.lesson, "sum").paragraphs[0].args[2], std::string("6"));
    }

    // Pre-norm: step 1 says what X is and shows LayerNorm's output as X; a padded input explains −∞.
    void preNormAndMasksAreExplained() {
        const Run pre = runCase("prenorm_h4");
        const LessonStep& embed = step(pre.lesson, "embed");
        bool saysNorm = false;
        for (const LessonText& p : embed.paragraphs)
            for (const std::string& arg : p.args) saysNorm |= arg == "encoder.0.norm1";
        QVERIFY(saysNorm);
        QCOMPARE(embed.scene.grids.back().cells[0].tensor, std::string("encoder.0.norm1"));
        const Run pad = runCase("padding_h1");
        const LessonStep& scale = step(pad.lesson, "scale");
        QVERIFY(scale.paragraphs.back().source.find("−∞") != std::string::npos);
        bool masked = false;
        for (const SceneCell& c : scale.scene.grids[1].cells) masked |= c.masked && c.text == "−∞";
        QVERIFY(masked);
        QVERIFY(std::isfinite(scale.scene.grids[1].lo) && std::isfinite(scale.scene.grids[1].hi));
    }

    // What if: without ÷√d_k, softmax(112, 96) ≈ (1, 1.1·10⁻⁷); a temperature evens the shares out.
    void whatIfSwitches() {
        const Preset p = thinkingMachinesPreset();
        const Model model(p.config, p.weights);
        const Trace t = model.forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
        LessonOptions o;
        o.scale = false;
        const Lesson raw = buildLesson("thinking-machines", t, model, {"Thinking", "Machines"}, o);
        const SceneGrid& w = step(raw, "softmax").scene.grids[2];
        QVERIFY(std::abs(w.cells[1].value - 1.125e-7) < 0.01e-7);
        QCOMPARE(w.cells[0].text, std::string("1.00"));
        o.scale = true;
        o.temperature = 4;
        const Lesson warm = buildLesson("thinking-machines", t, model, {"Thinking", "Machines"}, o);
        QVERIFY(std::abs(step(warm, "softmax").scene.grids[2].cells[1].value - 1 / (1 + std::exp(0.5))) < 1e-9);
    }
};

QTEST_APPLESS_MAIN(TestLessonScenes)
#include "tst_lesson_scenes.moc"
