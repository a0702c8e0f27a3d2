// The output lesson (see output_lesson.h): five steps — logits, softmax with top-k bars, greedy
// decoding token by token, the beam tree (K = 3) and its finished hypotheses. Logits and
// probabilities are cells of the example's trace; the beam tree is core's beam search (decode.h).
#include "core/lessons/output_lesson_steps.h"
#include "core/lessons/shown_arithmetic.h"
#include "core/train/task.h"

#include <cmath>

namespace alab::core {

int leastSureRow(const Trace& trace) {
    Eigen::Index row = 0;
    trace.probs.rowwise().maxCoeff().minCoeff(&row);
    return int(row);
}

std::vector<int> topTokens(const Trace& trace, int row, int k) {
    std::vector<int> ids(size_t(trace.logits.cols()));
    for (size_t v = 0; v < ids.size(); ++v) ids[v] = int(v);
    const auto& z = trace.logits;
    std::partial_sort(ids.begin(), ids.begin() + std::min<long>(k, long(ids.size())), ids.end(), [&](int a, int b) {
        return z(row, a) != z(row, b) ? z(row, a) > z(row, b) : a < b;
    });
    ids.resize(size_t(std::min<long>(k, long(ids.size()))));
    return ids;
}

DecodeResult lessonBeam(const Model& model, const Vocabulary& vocab, const std::vector<int>& src, int rows) {
    DecodeOptions o;
    o.beam = kOutputBeam;
    o.maxLen = std::max(rows + 4, 12);
    return decode(model, src, vocab.bos(), vocab.eos(), o);
}

DecodeResult exampleBeam(const TranslationExample& e) {
    return lessonBeam(*e.model, e.loaded->vocab, e.trace.src_ids, int(e.trace.tgt_ids.size()));
}

namespace output_lesson {

LessonStep Steps::logits() {
    LessonStep step{"logits", QT_TRANSLATE_NOOP("Lesson", "The last linear layer: one score per token"), {}, {}, {}, {}, {}, {}};
    const int V = int(e.trace.logits.cols()), d_model = int(e.trace.decoder_output.cols());
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "After the last decoder layer, each row is a vector y of %1 numbers. One linear layer, W of %2 × %1 plus a "
        "bias b, turns it into %2 scores, the logits: one for every token the model knows."), {std::to_string(d_model), std::to_string(V)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Shown: row %1 (%2), the row least sure of its token. Its %3 largest logits, largest first; “%4” wins with %5."),
        {std::to_string(r + 1), decoderRowLabel(e, r), std::to_string(kOutputTopK), vocab.token(top[0]),
         formatLessonNumber(e.trace.logits(r, top[0]))}});
    step.formula = "z = y·W^T + b,   W: " + std::to_string(V) + " × " + std::to_string(d_model);
    step.tensors = {"decoder.output", "output.logits"};
    SceneBuilder b;
    const int Y = b.matrix("y" + sub(r + 1), "decoder.output", {}, e.trace.decoder_output, {r}, colCap, {decoderRowLabel(e, r)}, !e.ownTrace);
    const int Z = rowCells(b, "z", "output.logits", e.trace.logits, top);
    for (SceneCell& c : b.grid(Z).cells) {
        c.arithmetic = "z = y" + sub(r + 1) + "·w + b = " + formatFixed(c.value, 4);
        c.sweep = {{Y, 0, -1}};
    }
    b.grid(Z).moreCols = true;
    b.grid(Z).moreNote = {QT_TRANSLATE_NOOP("Lesson", "%1 logits in all"), {std::to_string(V)}};
    b.schedule(Y, 0.02, 0.3);
    b.schedule(Z, 0.4, 0.95);
    step.scene = b.finish(columnOf({gridOf(Y), symbolOf("↓  ·W^T + b", 0.35), gridOf(Z)}), {}, 3500);
    return step;
}

LessonStep Steps::softmax() {
    LessonStep step{"softmax", QT_TRANSLATE_NOOP("Lesson", "Softmax: probabilities, the top five as bars"), {}, {}, {}, {}, {}, {}};
    std::vector<std::vector<double>> terms;  // the five bars and the rest: they add up to 1 as shown
    double shown = 0;
    for (int id : top) {
        terms.push_back({double(e.trace.probs(r, id))});
        shown += terms.back()[0];
    }
    terms.push_back({1 - shown});
    const int found = sumDecimals(terms, {1.0});
    const int d = found < 0 ? 4 : found;  // none up to 4 decimals: 4, the closest there is
    const auto p = [&](int k) { return formatFixed(terms[size_t(k)][0], d); };
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Softmax turns the logits into probabilities that add up to 1: p_v = e^(z_v) / Σ_u e^(z_u). A logit larger by "
        "1 means a probability e ≈ 2.72 times larger."), {}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Row %1 gives “%2” %3 and “%4” %5; the %6 other tokens share the remaining %7."),
        {std::to_string(r + 1), vocab.token(top[0]), p(0), vocab.token(top[1]), p(1),
         std::to_string(e.trace.probs.cols() - kOutputTopK), p(kOutputTopK)}});
    if (terms[0][0] < 0.9)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "So the model is torn here: “%1” is likelier, but “%2” is a real option. Whichever token is written now, "
            "every later row reads it, so this one choice can change the rest of the sentence."),
            {vocab.token(top[0]), vocab.token(top[1])}});
    step.formula = "p_v = e^(z_v) / Σ_u e^(z_u)";
    step.tensors = {"output.logits", "output.probs"};
    SceneBuilder b;
    const int Z = rowCells(b, "z", "output.logits", e.trace.logits, top);
    const int P = rowCells(b, "p", "output.probs", e.trace.probs, top);
    b.shares(P);
    b.grid(P).bars = true;
    for (int k = 0; k < kOutputTopK; ++k) {
        SceneCell& c = b.grid(P).cells[size_t(k)];
        c.sweep = {{Z, 0, k}};
        c.text = p(k);
        c.arithmetic = "e^(" + formatFixed(e.trace.logits(r, top[size_t(k)]), 2) + ") / Σ = " + formatFixed(c.value, 4);
    }
    const int R = b.derived({}, QT_TRANSLATE_NOOP("Lesson", "the rest"), {1 - shown}, {"1 − Σ = " + formatFixed(1 - shown, 4)}, false, 0, 1);
    b.shares(R);
    b.grid(R).bars = true;
    b.grid(R).cells[0].text = p(kOutputTopK);
    for (int g : {Z, P, R}) b.grid(g).widthGroup = 1;
    b.schedule(Z, 0.02, 0.2);
    b.schedule(P, 0.3, 0.85);
    b.schedule(R, 0.88, 0.97);
    step.scene = b.finish(columnOf({gridOf(Z), rowOf({gridOf(P), gridOf(R)})}, false), {}, 3500);
    return step;
}

LessonStep Steps::greedy() {
    LessonStep step{"greedy", QT_TRANSLATE_NOOP("Lesson", "Greedy decoding: the likeliest token, one at a time"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "To translate, the decoder starts from <bos> alone, takes the likeliest token, appends it to its input and "
        "runs again, until it writes <eos>. Here that takes %1 steps and gives “%2”. (In the formulas, x is the English "
        "sentence the encoder read.)"), {std::to_string(T), text(e.outputIds)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Below each chosen token, the runner-up. Greedy never goes back: where the runner-up was close (step %1), a "
        "different choice might have led to a better sentence. Beam search keeps a few choices open."), {std::to_string(r + 1)}});
    step.formula = "y_t = argmax_v p(v | <bos>, y_1 … y_(t−1), x)";
    SceneBuilder b;
    const int n = std::min(T, cap);
    std::vector<std::string> chosen, second, steps;
    std::vector<double> p1, p2;
    for (int i = 0; i < n; ++i) {
        const std::vector<int> best = topTokens(e.trace, i, 2);
        chosen.push_back(vocab.token(best[0]));
        second.push_back(vocab.token(best[1]));
        p1.push_back(double(e.trace.probs(i, best[0])));
        p2.push_back(double(e.trace.probs(i, best[1])));
        steps.push_back(std::to_string(i + 1));
    }
    const int C = words(b, QT_TRANSLATE_NOOP("Lesson", "chosen"), chosen);
    const int P1 = b.derived({}, "p", p1, {}, n < T, 0, 1);
    const int S2 = words(b, QT_TRANSLATE_NOOP("Lesson", "runner-up"), second);
    const int P2 = b.derived({}, "p", p2, {}, n < T, 0, 1);
    b.grid(C).colLabels = steps;
    for (int g : {P1, P2}) b.shares(g);
    b.grid(P1).bars = true;
    for (int g : {C, P1, S2, P2}) {
        b.grid(g).widthGroup = 1;
        b.grid(g).moreCols = n < T;
    }
    for (int i = 0; i < n; ++i) {
        b.grid(C).cells[size_t(i)].highlight = i == r;
        b.grid(C).cells[size_t(i)].appear = b.grid(P1).cells[size_t(i)].appear = 0.9 * i / n;
        b.grid(S2).cells[size_t(i)].appear = b.grid(P2).cells[size_t(i)].appear = 0.9 * i / n + 0.05;
    }
    step.scene = b.finish(columnOf({gridOf(C), gridOf(P1), gridOf(S2), gridOf(P2)}), {}, 1000 + 500 * n);
    return step;
}

}  // namespace output_lesson
}  // namespace alab::core
