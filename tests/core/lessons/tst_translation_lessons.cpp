// The decoder and output lessons, checked in core against the trained en→zh model's trace and its
// decoder: the lessons' own sentence is held out from training; every cell naming a tensor holds
// that tensor's value; row labels say what a row reads and the word it writes (row i reads input i,
// writes the argmax of logits row i = input i + 1); masked scores are −∞ and their weights exactly
// 0; changing a later input changes no earlier row; padding changes no logit; greedy is core's
// decode; every beam node's score is its parent's plus a log-probability recomputed by a forward
// pass; the output lesson's own sentence (another one, where the model hesitates) shows shares that
// add up as shown and scores whose e^ is the probability shown. Pinned texts catch any change of a
// derived number. No Qt GUI.
#include "core/lessons/decoder_lesson.h"
#include "core/lessons/output_example.h"
#include "core/lessons/output_lesson.h"
#include "core/lessons/registry.h"
#include "core/presets.h"
#include "core/train/task.h"

#include <QTest>

#include <cmath>

using namespace alab::core;

namespace {

struct Run {
    std::shared_ptr<const Model> tm;  // the Thinking Machines preset the window starts with
    Trace tmTrace;
    TranslationExample example;
};

Run ownExample() {
    const Preset p = thinkingMachinesPreset();
    auto model = std::make_shared<const Model>(p.config, p.weights);
    Trace t = model->forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
    TranslationExample e = translationExample(t, *model, {"Thinking", "Machines"});
    return {model, std::move(t), std::move(e)};
}

// The output lesson's own sentence, where the model hesitates (core/lessons/output_example.h).
Run outputExample() {
    Run r = ownExample();
    r.example = translationExample(r.tmTrace, *r.tm, {"Thinking", "Machines"}, kOutputSentence);
    return r;
}

Lesson lessonOn(const Run& r, const std::string& id) { return buildLesson(id, r.tmTrace, *r.tm, {"Thinking", "Machines"}); }

const LessonStep& step(const Lesson& l, const std::string& id) {
    for (const LessonStep& s : l.steps)
        if (s.id == id) return s;
    qFatal("no step %s", id.c_str());
}

// The texts of a grid's cells joined by spaces.
std::string texts(const SceneGrid& g) {
    std::string out;
    for (const SceneCell& c : g.cells) out += (out.empty() ? "" : " ") + c.text;
    return out;
}

// Every cell of every step that names a trace tensor holds that tensor's value.
void checkTensorCells(const Lesson& l, const Trace& trace, int atLeast) {
    int checked = 0;
    for (const LessonStep& s : l.steps)
        for (const SceneGrid& g : s.scene.grids)
            for (const SceneCell& c : g.cells) {
                if (c.tensor.empty()) continue;
                const auto t = findTensor(trace, c.tensor);
                QVERIFY2(t.has_value(), c.tensor.c_str());
                int64_t flat = 0;
                for (size_t k = 0; k < c.index.size(); ++k) flat = flat * t->shape[k] + c.index[k];
                QCOMPARE(double(t->data[size_t(flat)]), c.value);
                ++checked;
            }
    QVERIFY(checked >= atLeast);
}

}  // namespace

class TestTranslationLessons : public QObject {
    Q_OBJECT
private slots:
    void exampleIsHeldOutAndShifted() {
        const Run r = ownExample();
        const TranslationExample& e = r.example;
        QVERIFY(e.ownTrace);
        QVERIFY(splitOf(e.src) == Split::HeldOut);
        QCOMPARE(joinTokens(e.src), std::string(kExampleSentence));
        const Vocabulary& v = e.loaded->vocab;
        const int T = int(e.input.size());
        QCOMPARE(e.input.front(), std::string("<bos>"));
        QCOMPARE(e.output.back(), std::string("<eos>"));
        for (int i = 0; i + 1 < T; ++i) QCOMPARE(e.output[size_t(i)], e.input[size_t(i + 1)]);  // row i writes input i + 1
        QCOMPARE(decoderRowLabel(e, 0), "<bos> → " + e.output[0]);
        DecodeOptions o;
        const DecodeResult greedy = decode(*e.model, e.trace.src_ids, v.bos(), v.eos(), o);
        QCOMPARE(greedy.hypotheses.front().tokens, e.outputIds);
        std::string zh;
        for (int i = 1; i < T; ++i) zh += e.input[size_t(i)];
        QCOMPARE(zh, std::string("厨师在厨房喝茶。"));
    }

    // A trace of the shipped model with a decoder input is used as it is; another model's is not.
    void usesTheGivenTranslationTrace() {
        const auto shipped = shippedTranslationModel();
        const Tokenized tok = tokenize(shipped->vocab, "my mother will eat the rice in the park tomorrow .");
        const std::vector<int> tgt = {shipped->vocab.bos(), shipped->vocab.id("我"), shipped->vocab.id("的")};
        const Trace t = shipped->model->forward(tok.ids, tgt);
        const TranslationExample e = translationExample(t, *shipped->model, tok.tokens);
        QVERIFY(!e.ownTrace);
        QCOMPARE(e.src, tok.tokens);
        QCOMPARE(e.input, (std::vector<std::string>{"<bos>", "我", "的"}));
        const Lesson l = buildLesson("decoder", t, *shipped->model, tok.tokens);
        checkTensorCells(l, t, 50);
        for (const SceneCell& c : step(l, "causal-mask").scene.grids[0].cells) QVERIFY(c.fromTrace);
        const Run r = ownExample();
        const Lesson own = lessonOn(r, "decoder");
        for (const SceneCell& c : step(own, "causal-mask").scene.grids[0].cells) QVERIFY(!c.fromTrace);
        QVERIFY(!l.ownSentence && own.ownSentence);  // the sentence bar shows the lesson's own as its example
        QVERIFY(!buildLesson("output", t, *shipped->model, tok.tokens).ownSentence);
        const Lesson output = lessonOn(r, "output");
        QVERIFY(output.ownSentence);
        QCOMPARE(joinTokens(output.words), std::string(kOutputSentence));
    }

    void decoderCellsAreTheTraces() {
        const Run r = ownExample();
        checkTensorCells(lessonOn(r, "decoder"), r.example.trace, 6 * 6 * 2 + 9 * 8);
        const Run o = outputExample();
        checkTensorCells(lessonOn(o, "output"), o.example.trace, 6 + 5 + 5 + 5);
    }

    void causalMaskIsMinusInfinityThenZero() {
        const Run r = ownExample();
        const AttentionTrace& a = r.example.trace.decoder[0].self_attn;
        const Lesson l = lessonOn(r, "decoder");
        const LessonStep& s = step(l, "causal-mask");
        const SceneGrid& scaled = s.scene.grids[0];
        const SceneGrid& weights = s.scene.grids[1];
        const int T = int(r.example.input.size());  // the whole triangle, as the text counts its cells
        for (const SceneGrid* g : {&scaled, &weights}) {
            QCOMPARE(g->rows, T);
            QCOMPARE(g->cols, T);
            QVERIFY(g->whole && g->colAxis == SceneAxis::Words);
        }
        QCOMPARE(s.paragraphs[0].args, (std::vector<std::string>{std::to_string(T * (T - 1) / 2), std::to_string(T * T)}));
        int masked = 0;
        for (const SceneCell& c : scaled.cells) masked += c.masked;
        QCOMPARE(std::to_string(masked), s.paragraphs[0].args[0]);
        for (int i = 0; i < scaled.rows; ++i) {
            QVERIFY(std::abs(a.weights[0].row(i).sum() - 1) < 1e-5);
            QVERIFY2(scaled.rowLabels[size_t(i)] == decoderRowLabel(r.example, i), (scaled.rowLabels[size_t(i)] + " | " + decoderRowLabel(r.example, i)).c_str());
            for (int j = 0; j < scaled.cols; ++j) {
                QCOMPARE(scaled.at(i, j).masked, j > i);
                QCOMPARE(scaled.at(i, j).text == "−∞", j > i);
                if (j > i) QCOMPARE(weights.at(i, j).value, 0.0);
                QCOMPARE(weights.at(i, j).masked, j > i);  // the shares the mask made 0 are hatched like their scores
            }
        }
        QCOMPARE(texts(weights).substr(0, 24), std::string("1.00 0.00 0.00 0.00 0.00"));
    }

    void laterInputsChangeNoEarlierRow() {
        const Run r = ownExample();
        const FutureChange f = changeOneInput(r.example, 4);
        QCOMPARE(f.position, 4);
        QCOMPARE(r.example.loaded->vocab.token(f.newToken), std::string("公"));
        for (int i = 0; i < int(f.rowChange.size()); ++i) {
            if (i < 4) QCOMPARE(f.rowChange[size_t(i)], 0.0);
            else QVERIFY(f.rowChange[size_t(i)] > 0.1);
        }
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, changeOneInput(r.example, 0));
        const Lesson l = lessonOn(r, "decoder");
        const LessonStep& s = step(l, "future");
        QCOMPARE(texts(s.scene.grids[0]), std::string("0.00 0.00 0.00 0.00 12.98 1.39 0.43 0.62 1.17"));
    }

    void paddingChangesNoLogit() {
        const Run r = ownExample();
        const Trace padded = paddedSourceTrace(r.example, 2);
        const int S = int(r.example.src.size());
        QVERIFY(paddingLogitChange(r.example, padded) < 1e-4);
        for (const DecoderLayerTrace& d : padded.decoder)
            for (const Matrix& w : d.cross_attn.weights)
                for (int i = 0; i < w.rows(); ++i) QCOMPARE(double(w(i, S) + w(i, S + 1)), 0.0);
        const Lesson l = lessonOn(r, "decoder");
        const LessonStep& s = step(l, "padding-mask");
        QCOMPARE(texts(s.scene.grids[0]), std::string("0 0 0 0 0 0 0 0 −∞ −∞"));  // M is added to the scores
        for (int j = 0; j < s.scene.grids[0].cols; ++j) QCOMPARE(s.scene.grids[0].cells[size_t(j)].masked, j >= S);
        QCOMPARE(texts(s.scene.grids[1]), std::string("0.08 0.01 0.07 0.07 0.03 0.19 0.19 0.36 0.00 0.00"));
        QCOMPARE(texts(s.scene.grids[2]), std::string("0.0000"));
    }

    void crossAttentionAlignment() {
        const Run r = ownExample();
        const Trace& t = r.example.trace;
        const int last = int(t.decoder.size()) - 1;
        const int h = sharpestCrossHead(t, last);
        for (const Matrix& w : t.decoder[size_t(last)].cross_attn.weights)
            QVERIFY(w.rowwise().maxCoeff().mean() <= t.decoder[size_t(last)].cross_attn.weights[size_t(h)].rowwise().maxCoeff().mean());
        const Matrix mean = meanCrossWeights(t, last);
        for (int i = 0; i < mean.rows(); ++i) QVERIFY(std::abs(mean.row(i).sum() - 1) < 1e-5);
        const Lesson l = lessonOn(r, "decoder");
        const LessonStep& a = step(l, "alignment");
        QVERIFY(a.paragraphs[0].args[2].find("厨 ← “cook”, 师 ← “cook”, 在 ← “in”, 厨 ← “kitchen”") == 0);
        const SceneGrid& g = a.scene.grids[0];
        QCOMPARE(g.rows * g.cols, int(mean.size()));
        for (int i = 0; i < g.rows; ++i)
            for (int j = 0; j < g.cols; ++j) QCOMPARE(g.at(i, j).value, double(mean(i, j)));
        QCOMPARE(step(l, "cross-attention").paragraphs[1].args[1], std::to_string(h + 1));
        QCOMPARE(texts(step(l, "shifted").scene.grids[2]), std::string("1.00 1.00 1.00 1.00 1.00 1.00 1.00 1.00 1.00"));
    }

    // The output lesson runs on its own sentence, where the model hesitates at row 4: "教" or "在".
    void outputLogitsAndSoftmax() {
        const Run r = outputExample();
        const Trace& t = r.example.trace;
        const int row = leastSureRow(t);
        QCOMPARE(row, 3);
        double least = 2;  // recomputed: the row whose largest probability is smallest
        int argLeast = -1;
        for (int i = 0; i < t.logits.rows(); ++i) {
            const std::vector<double> lp = logSoftmax(t.logits.row(i));
            const double top = std::exp(*std::max_element(lp.begin(), lp.end()));
            if (top < least) least = top, argLeast = i;
        }
        QCOMPARE(argLeast, row);
        const std::vector<int> top = topTokens(t, row, kOutputTopK);
        for (int v = 0; v < t.logits.cols(); ++v)
            if (std::find(top.begin(), top.end(), v) == top.end()) QVERIFY(t.logits(row, v) <= t.logits(row, top.back()));
        const std::vector<double> lp = logSoftmax(t.logits.row(row));
        const Lesson l = lessonOn(r, "output");
        const LessonStep& s = step(l, "softmax");
        double sum = 0, shownSum = 0;
        std::vector<double> shares;
        for (int k = 0; k < kOutputTopK; ++k) {
            QVERIFY(std::abs(std::exp(lp[size_t(top[size_t(k)])]) - s.scene.grids[1].cells[size_t(k)].value) < 1e-6);
            sum += s.scene.grids[1].cells[size_t(k)].value;
            shares.push_back(s.scene.grids[1].cells[size_t(k)].value);
        }
        QCOMPARE(s.scene.grids[2].cells[0].value, 1 - sum);
        shares.push_back(1 - sum);
        // The bars and the rest add up to 1 as shown, with the fewest decimals that do: 2 and 3 do not here.
        for (int d : {2, 3}) {
            double rounded = 0;
            for (double v : shares) rounded += parseLessonNumber(formatFixed(v, d));
            QVERIFY(std::abs(rounded - 1) > 1e-9);
        }
        for (const SceneGrid* g : {&s.scene.grids[1], &s.scene.grids[2]})
            for (const SceneCell& c : g->cells) shownSum += parseLessonNumber(c.text);
        QVERIFY(std::abs(shownSum - 1) < 1e-9);
        QCOMPARE(texts(s.scene.grids[0]), std::string("7.30 6.56 5.12 4.55 4.06"));
        QCOMPARE(texts(s.scene.grids[1]), std::string("0.5735 0.2738 0.0647 0.0366 0.0226"));
        QCOMPARE(texts(s.scene.grids[2]), std::string("0.0288"));
        QCOMPARE(s.paragraphs[1].args[2], s.scene.grids[1].cells[0].text);  // the text says what the bars show
        QCOMPARE(s.paragraphs[1].args[6], s.scene.grids[2].cells[0].text);
        QCOMPARE(s.paragraphs.size(), size_t(3));  // p < 0.9: the model is torn, and the lesson says so
        std::string labels;
        for (const std::string& w : s.scene.grids[0].colLabels) labels += w + " ";
        QVERIFY2(labels.rfind("教 在 ", 0) == 0, labels.c_str());
        const LessonStep& g = step(l, "greedy");
        QCOMPARE(texts(g.scene.grids[0]), std::string("他 周 末 教 老 板 吗 ？ <eos>"));
        QCOMPARE(texts(g.scene.grids[1]), std::string("1.00 1.00 1.00 0.57 1.00 1.00 0.98 1.00 1.00"));
        QCOMPARE(texts(g.scene.grids[2]), std::string("间 吃 王 在 板 告 昨 星 星"));
        QVERIFY(g.scene.grids[0].cells[size_t(row)].highlight);
    }

    // Each node's score is its parent's plus log p(token | path), recomputed by a forward pass.
    void beamScoresAreSummedLogProbabilities() {
        const Run r = outputExample();
        const TranslationExample& e = r.example;
        const DecodeResult beam = exampleBeam(e);
        QCOMPARE(int(beam.tree[1].size()), kOutputBeam);
        for (size_t s = 1; s < beam.tree.size(); ++s)
            for (const BeamNode& n : beam.tree[s]) {
                std::vector<int> prefix;
                for (int k = int(s) - 1, p = n.parent; k >= 0; p = beam.tree[size_t(k)][size_t(p)].parent, --k)
                    prefix.insert(prefix.begin(), beam.tree[size_t(k)][size_t(p)].token);
                const Trace t = e.model->forward(e.trace.src_ids, prefix, CapturePolicy::none());
                const double lp = logSoftmax(t.logits.row(t.logits.rows() - 1))[size_t(n.token)];
                QVERIFY(std::abs(lp - n.logProb) < 1e-9);
                QCOMPARE(n.score, beam.tree[s - 1][size_t(n.parent)].score + n.logProb);
            }
        for (size_t k = 1; k < beam.hypotheses.size(); ++k) QVERIFY(beam.hypotheses[k - 1].score >= beam.hypotheses[k].score);
        const Lesson l = lessonOn(r, "output");
        const LessonStep& tree = step(l, "beam");
        QCOMPARE(tree.scene.grids.size(), beam.tree.size());
        QCOMPARE(texts(tree.scene.grids[3]), std::string("末 0.00 ？ −13.52 星 −15.61"));
        QCOMPARE(texts(tree.scene.grids[4]), std::string("教 −0.56 在 −1.30 农 −2.74"));  // where the beam splits
        QCOMPARE(texts(tree.scene.grids[9]), std::string("<eos> −0.57 板 −1.30 吗 −3.09"));
        QCOMPARE(tree.paragraphs[2].args, (std::vector<std::string>{"4", "教", "−0.56", "在", "−1.30"}));
        int links = 0;
        for (size_t s = 1; s < beam.tree.size(); ++s) links += int(beam.tree[s].size());
        QCOMPARE(int(tree.scene.links.size()), links);
        for (const SceneLink& k : tree.scene.links)
            QCOMPARE(k.from.row, beam.tree[size_t(k.to.grid)][size_t(k.to.row)].parent);
        int framed = 0;
        for (const SceneGrid& g : tree.scene.grids) framed += g.cells[0].highlight;
        QCOMPARE(framed, 10);  // <bos> and the 9 tokens of the best hypothesis
        const LessonStep& h = step(l, "hypotheses");
        QCOMPARE(texts(h.scene.grids[0]), std::string("他周末教老板吗？ 他周末在农场教老板吗？ 他周末农场教老板吗？"));
        QCOMPARE(texts(h.scene.grids[1]), std::string("−0.57 −1.30 −3.09"));
        // Greedy (K = 1) writes the best hypothesis; the runner-up is named with its probability.
        DecodeOptions o;
        QCOMPARE(decode(*e.model, e.trace.src_ids, e.loaded->vocab.bos(), e.loaded->vocab.eos(), o).hypotheses.front().tokens,
                 beam.hypotheses.front().tokens);
        const std::vector<std::string>& best = h.paragraphs[0].args;
        QCOMPARE(best[1], std::string("−0.572"));  // e^(−0.57) would round to 0.57: three decimals keep e^(shown) = shown
        QCOMPARE(formatShare(std::exp(parseLessonNumber(best[1]))), best[2]);
        QCOMPARE(best[2], formatShare(std::exp(beam.hypotheses[0].score)));
        const std::vector<std::string>& second = h.paragraphs[1].args;
        QCOMPARE(second[0], std::string("他周末在农场教老板吗？"));
        QCOMPARE(formatShare(std::exp(parseLessonNumber(second[1]))), second[2]);
        QCOMPARE(second[2], formatShare(std::exp(beam.hypotheses[1].score)));
    }
};

QTEST_APPLESS_MAIN(TestTranslationLessons)
#include "tst_translation_lessons.moc"
