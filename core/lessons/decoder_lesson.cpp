// The decoder lesson (see decoder_lesson.h): six steps on the trained en→zh model. The numbers are
// cells of the example's trace (fromTrace when that is the window's own trace) or derived here from
// it and from two more runs of the same model: one input token changed, the source padded.
#include "core/lessons/decoder_lesson_steps.h"
#include "core/trace_names.h"

#include <cmath>
#include <limits>

namespace alab::core {

FutureChange changeOneInput(const TranslationExample& e, int position) {
    const int T = int(e.trace.tgt_ids.size());
    if (position < 1 || position >= T) throw InvalidArgument("lesson: no decoder input " + std::to_string(position + 1) + " to change");
    FutureChange f;
    f.position = position;
    f.oldToken = e.trace.tgt_ids[size_t(position)];
    RowVector row = e.trace.logits.row(position - 1);  // the second choice of the row that wrote it
    row(f.oldToken) = -std::numeric_limits<float>::infinity();
    Eigen::Index second = 0;
    row.maxCoeff(&second);
    f.newToken = int(second);
    std::vector<int> tgt = e.trace.tgt_ids;
    tgt[size_t(position)] = f.newToken;
    const Trace changed = e.model->forward(e.trace.src_ids, tgt, CapturePolicy::none());
    for (int i = 0; i < T; ++i) f.rowChange.push_back(double((changed.logits.row(i) - e.trace.logits.row(i)).cwiseAbs().maxCoeff()));
    return f;
}

Trace paddedSourceTrace(const TranslationExample& e, int pads) {
    std::vector<int> src = e.trace.src_ids;
    src.insert(src.end(), size_t(pads), e.model->config().pad_id);
    return e.model->forward(src, e.trace.tgt_ids);
}

double paddingLogitChange(const TranslationExample& e, const Trace& padded) {
    return double((padded.logits - e.trace.logits).cwiseAbs().maxCoeff());
}

int sharpestCrossHead(const Trace& trace, int layer) {
    const HeadStack& w = trace.decoder[size_t(layer)].cross_attn.weights;
    int best = 0;
    double bestMean = -1;
    for (int h = 0; h < int(w.size()); ++h) {
        const double mean = double(w[size_t(h)].rowwise().maxCoeff().mean());
        if (mean > bestMean) best = h, bestMean = mean;
    }
    return best;
}

Matrix meanCrossWeights(const Trace& trace, int layer) {
    const HeadStack& w = trace.decoder[size_t(layer)].cross_attn.weights;
    Matrix sum = Matrix::Zero(w[0].rows(), w[0].cols());
    for (const Matrix& m : w) sum += m;
    return sum / float(w.size());
}

namespace decoder_lesson {

LessonStep Steps::shifted() {
    LessonStep step{"shifted", QT_TRANSLATE_NOOP("Lesson", "The decoder reads its translation so far"), {}, {}, {}, {}, {}, {}};
    if (e.ownTrace)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "This lesson runs the trained en→zh model on a sentence it never saw in training, “%1”, which it translates "
            "as “%2”. (Type an English sentence of its grammar below to see your own.)"), {joinTokens(e.src), translation()}});
    else
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson", "The trained en→zh model translates “%1” as “%2”."),
                                   {joinTokens(e.src), translation()}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "The decoder’s input is <bos> (“begin”) followed by the translation so far. Row i reads input token i and "
        "predicts the next token: row 1 reads <bos> and writes “%1”; row %2 reads “%3” and writes %4, the end. "
        "The bars are the probability the model gave each written token."),
        {e.output[0], std::to_string(T), e.input[size_t(T - 1)], e.output[size_t(T - 1)]}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "In training the input is the reference translation shifted right by one, and all %1 rows are computed at "
        "once. Labels such as “%2” below name a row by what it reads → what it writes."), {std::to_string(T), decoderRowLabel(e, 0)}});
    step.formula = "<bos>, y_1 … y_(T−1)   →   y_1, y_2 … y_T";
    SceneBuilder b;
    const int n = std::min(T, cap);
    const int I = words(b, QT_TRANSLATE_NOOP("Lesson", "reads"), {e.input.begin(), e.input.begin() + n});
    const int O = words(b, QT_TRANSLATE_NOOP("Lesson", "writes"), {e.output.begin(), e.output.begin() + n});
    std::vector<double> p;
    for (int i = 0; i < n; ++i) p.push_back(double(e.trace.probs(i, e.outputIds[size_t(i)])));
    const int P = b.derived({}, "p", p, {}, n < T, 0, 1);
    b.shares(P);
    b.grid(P).bars = true;
    std::vector<std::string> positions;
    for (int i = 0; i < n; ++i) positions.push_back(std::to_string(i + 1));
    b.grid(I).colLabels = positions;
    for (int i = 0; i < n; ++i) {
        SceneCell& c = b.grid(P).cells[size_t(i)];
        c.tensor = "output.probs";
        c.index = {i, e.outputIds[size_t(i)]};
        c.fromTrace = !e.ownTrace;
        c.arithmetic = "p(" + e.output[size_t(i)] + " | " + e.input[size_t(i)] + ") = " + formatFixed(c.value, 4);
        b.grid(O).cells[size_t(i)].sweep = {{I, 0, i}};
    }
    for (int g : {I, O, P}) {
        b.grid(g).widthGroup = 1;
        b.grid(g).moreCols = n < T;
    }
    b.schedule(I, 0.02, 0.3);
    b.schedule(O, 0.35, 0.75);
    b.schedule(P, 0.75, 0.97);
    const SceneNode source = textOf({quoted(joinTokens(e.src)), {}}, 0, 1.1);
    step.scene = b.finish(columnOf({source, gridOf(I), gridOf(O), gridOf(P)}), {}, 4000);
    return step;
}

LessonStep Steps::causal() {
    LessonStep step{"causal-mask", QT_TRANSLATE_NOOP("Lesson", "The causal mask: −∞ before the softmax, 0 after"), {}, {}, {}, {}, {}, {}};
    const std::string scaled = attentionTensorName(AttentionKind::DecoderSelf, 0, "scaled");
    const std::string weights = attentionTensorName(AttentionKind::DecoderSelf, 0, "weights");
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "The decoder’s self-attention (layer 1, head 1) lets row i read inputs 1 … i only. Before the softmax the mask "
        "sets the score of every later input to −∞ (%1 of all %2 cells); e^(−∞) = 0, so those shares are exactly "
        "0 and each row’s shares still add up to 1."), {std::to_string(T * (T - 1) / 2), std::to_string(T * T)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Row 1 sees only <bos>, so its one share is 1.00. The last row sees every input."), {}});
    step.formula = "softmax(Q·K^T / √d_k + M),   M_ij = 0 (j ≤ i),  −∞ (j > i)";
    step.tensors = {scaled, weights};
    const AttentionTrace& a = e.trace.decoder[0].self_attn;
    SceneBuilder b;
    const int n = T;  // the whole triangle: a small stage draws the two maps smaller, never cut
    const std::vector<int> rows = firstRows(T, n);
    const int Sg = b.matrix("QKᵀ/√d_k + M", scaled, {0}, a.scaled[0], rows, n, rowLabels(n), !e.ownTrace);
    const int W = b.matrix("α = softmax(·)", weights, {0}, a.weights[0], rows, n, rowLabels(n), !e.ownTrace);
    b.shares(W);
    std::vector<std::string> cols(e.input.begin(), e.input.begin() + n);
    for (int g : {Sg, W}) {
        b.grid(g).colLabels = cols;
        b.grid(g).widthGroup = 1;
        b.grid(g).colAxis = SceneAxis::Words;
        b.grid(g).whole = true;
    }
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            SceneCell& w = b.grid(W).at(i, j);
            w.sweep = {{Sg, i, -1}};
            if (j > i) {
                w.arithmetic = "e^(−∞) / Σ = 0";
                w.masked = true;  // hatched like its −∞ score: a share the mask made 0, not one that came out small
            }
        }
    b.grid(W).rowLabels.clear();  // beside the scores, whose labels name the same rows
    b.schedule(Sg, 0.02, 0.4, true);
    b.schedule(W, 0.5, 0.95, true);
    step.scene = b.finish(rowOf({gridOf(Sg), symbolOf("→", 0.45), gridOf(W)}),  // or one above the other, on a tall stage
                          columnOf({gridOf(Sg), symbolOf("↓", 0.45), gridOf(W)}), 4500);
    return step;
}

LessonStep Steps::future() {
    const FutureChange f = changeOneInput(e, std::max(1, T / 2));
    const std::string oldWord = e.loaded->vocab.token(f.oldToken), newWord = e.loaded->vocab.token(f.newToken);
    LessonStep step{"future", QT_TRANSLATE_NOOP("Lesson", "Why: a row must not read the future"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "In training, row i must predict input i + 1 while all rows run at once. If it could read input i + 1 it would "
        "copy the answer and learn nothing; when translating, that input does not exist yet."), {}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "The mask makes sure of it. Here input %1 is changed from “%2” to “%3” and the model runs again: the largest "
        "change of any logit is exactly 0 in rows 1 … %4, which cannot see input %1, and up to %5 from row %1 on."),
        {std::to_string(f.position + 1), oldWord, newWord, std::to_string(f.position),
         formatFixed(*std::max_element(f.rowChange.begin(), f.rowChange.end()), 2)}});
    step.formula = "max_v |Δ logit_iv|,   " + std::to_string(f.position + 1) + ": " + oldWord + " → " + newWord;
    SceneBuilder b;
    const int n = std::min(T, cap);
    std::vector<std::string> how;
    for (int i = 0; i < n; ++i) how.push_back("max_v |Δ logit" + sub(i + 1) + "ᵥ| = " + formatFixed(f.rowChange[size_t(i)], 6));
    const int D = b.derived("max |Δ logit|", {}, {f.rowChange.begin(), f.rowChange.begin() + n}, how, false, 0,
                            std::max(1e-9, *std::max_element(f.rowChange.begin(), f.rowChange.end())));
    SceneGrid& g = b.grid(D);
    g.colors = SceneColors::Shares;
    standUp(g, n);
    for (SceneCell& c : g.cells) c.text = formatFixed(c.value, 2);
    for (int i = f.position; i < n; ++i) g.cells[size_t(i)].highlight = true;
    b.schedule(D, 0.1, 0.9);
    step.scene = b.finish(rowOf({gridOf(D)}), {}, 3500);
    return step;
}

}  // namespace decoder_lesson
}  // namespace alab::core
