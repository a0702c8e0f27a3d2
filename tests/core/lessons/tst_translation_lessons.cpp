// The decoder and output lessons, checked in core against the trained en→zh model's trace and its
// decoder: the lessons' own sentence is held out from training; every cell naming a tensor holds
// that tensor's value; row labels say what a row reads and the word it writes (row i reads input i,
// writes the argmax of logits row i = input i + 1); masked scores are −∞ and their weights exactly
// 0; changing a later input changes no earlier row; padding changes no logit; greedy is core's
// decode; every beam node's score is its parent's plus a log-probability recomputed by a forward
// pass. Pinned texts catch any change of a derived number. No Qt GUI.
#include "core/lessons/decoder_lesson.h"
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
    }

    void decoderCellsAreTheTraces() {
        const Run r = ownExample();
        checkTensorCells(lessonOn(r, "decoder"), r.example.trace, 6 * 6 * 2 + 9 * 8);
        checkTensorCells(lessonOn(r, "output"), r.example.trace, 6 + 5 + 5 + 5);
    }

    void causalMaskIsMinusInfinityThenZero() {
        const Run r = ownExample();
        const AttentionTrace& a = r.example.trace.decoder[0].self_attn;
        const Lesson l = lessonOn(r, "decoder");
        const LessonStep& s = step(l, "causal-mask");
        const SceneGrid& scaled = s.scene.grids[0];
        const SceneGrid& weights = s.scene.grids[1];
        QCOMPARE(scaled.rows, 6);
        for (int i = 0; i < scaled.rows; ++i) {
            QVERIFY(std::abs(a.weights[0].row(i).sum() - 1) < 1e-5);
            QVERIFY2(scaled.rowLabels[size_t(i)] == decoderRowLabel(r.example, i), (scaled.rowLabels[size_t(i)] + " | " + decoderRowLabel(r.example, i)).c_str());
            for (int j = 0; j < scaled.cols; ++j) {
                QCOMPARE(scaled.at(i, j).masked, j > i);
                QCOMPARE(scaled.at(i, j).text == "−∞", j > i);
                if (j > i) QCOMPARE(weights.at(i, j).value, 0.0);
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
        QCOMPARE(texts(s.scene.grids[0]), std::string("1 1 1 1 1 1 1 1 0 0"));
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

    void outputLogitsAndSoftmax() {
        const Run r = ownExample();
        const Trace& t = r.example.trace;
        const int row = leastSureRow(t);
        QCOMPARE(row, 3);
        const std::vector<int> top = topTokens(t, row, kOutputTopK);
        for (int v = 0; v < t.logits.cols(); ++v)
            if (std::find(top.begin(), top.end(), v) == top.end()) QVERIFY(t.logits(row, v) <= t.logits(row, top.back()));
        const std::vector<double> lp = logSoftmax(t.logits.row(row));
        const Lesson l = lessonOn(r, "output");
        const LessonStep& s = step(l, "softmax");
        double sum = 0;
        for (int k = 0; k < kOutputTopK; ++k) {
            QVERIFY(std::abs(std::exp(lp[size_t(top[size_t(k)])]) - s.scene.grids[1].cells[size_t(k)].value) < 1e-6);
            sum += s.scene.grids[1].cells[size_t(k)].value;
        }
        QCOMPARE(s.scene.grids[2].cells[0].value, 1 - sum);
        QCOMPARE(texts(s.scene.grids[0]), std::string("14.4 6.07 5.82 5.13 5.13"));
        QCOMPARE(texts(s.scene.grids[1]), std::string("1.00 0.00 0.00 0.00 0.00"));
        std::string labels;
        for (const std::string& w : s.scene.grids[0].colLabels) labels += w + " ";
        QVERIFY2(labels == "厨 公 广 家 办 ", labels.c_str());
        const LessonStep& g = step(l, "greedy");
        QCOMPARE(texts(g.scene.grids[0]), std::string("厨 师 在 厨 房 喝 茶 。 <eos>"));
        QCOMPARE(texts(g.scene.grids[2]), std::string("她 条 喝 公 饿 卖 礼 吗 授"));
    }

    // Each node's score is its parent's plus log p(token | path), recomputed by a forward pass.
    void beamScoresAreSummedLogProbabilities() {
        const Run r = ownExample();
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
        QCOMPARE(texts(tree.scene.grids[7]), std::string("茶 0.00 茶 −8.31 茶 −8.54"));
        QCOMPARE(texts(tree.scene.grids[9]), std::string("<eos> 0.00 <eos> −8.31 <eos> −8.54"));
        int links = 0;
        for (size_t s = 1; s < beam.tree.size(); ++s) links += int(beam.tree[s].size());
        QCOMPARE(int(tree.scene.links.size()), links);
        for (const SceneLink& k : tree.scene.links)
            QCOMPARE(k.from.row, beam.tree[size_t(k.to.grid)][size_t(k.to.row)].parent);
        int framed = 0;
        for (const SceneGrid& g : tree.scene.grids) framed += g.cells[0].highlight;
        QCOMPARE(framed, 10);  // <bos> and the 9 tokens of the best hypothesis
        const LessonStep& h = step(l, "hypotheses");
        QCOMPARE(texts(h.scene.grids[0]), std::string("厨师在厨房喝茶。 厨师在公室喝茶。 厨师在广场喝茶。"));
        QCOMPARE(texts(h.scene.grids[1]), std::string("0.00 −8.31 −8.54"));
    }
};

QTEST_APPLESS_MAIN(TestTranslationLessons)
#include "tst_translation_lessons.moc"
