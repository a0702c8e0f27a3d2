// The decoder lesson, steps 4-6 (see decoder_lesson_steps.h): the padding mask on a padded copy of
// the source, cross-attention's Q (decoder) and K (encoder output) with the weights of its sharpest
// head, and the head-averaged weights of the last layer: which source word each target word reads.
#include "core/lessons/decoder_lesson_steps.h"
#include "core/trace_names.h"

#include <cmath>
#include <limits>

namespace alab::core {
namespace decoder_lesson {

LessonStep Steps::padding() {
    constexpr int kPads = 2;
    const Trace padded = paddedSourceTrace(e, kPads);
    const double change = paddingLogitChange(e, padded);
    const int r = std::min(T, cap) - 1;  // the row shown: the last one on the stage
    LessonStep step{"padding-mask", QT_TRANSLATE_NOOP("Lesson", "The padding mask: <pad> is never read"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Training runs many sentences at once, so shorter ones are filled up with <pad> tokens to one length. A second "
        "mask hides them: here the source gets %1 <pad> tokens, and the mask row M has −∞ in their columns. Their scores "
        "become −∞ in the encoder and in cross-attention, so row %2 (%3) gives them shares of exactly 0."),
        {std::to_string(kPads), std::to_string(r + 1), decoderRowLabel(e, r)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "So the padding changes nothing: the largest difference of any logit between the padded run and the first one "
        "is %1."), {formatFixed(change, 4)}});
    step.formula = "softmax(Q·K^T / √d_k + M),   M_ij = −∞ (j: <pad>),  0 (else)";
    SceneBuilder b;
    const AttentionTrace& a = padded.decoder[0].cross_attn;
    // The trace keeps which keys may be read (1) or not (0); the stage writes the M that is added to
    // the scores, as in the causal mask of step 2: 0 where read, −∞ where hidden.
    std::vector<double> added;
    for (int j = 0; j < a.mask.cols(); ++j) added.push_back(a.mask(r, j) != 0 ? 0.0 : -std::numeric_limits<double>::infinity());
    const int M = b.derived({}, "M", std::vector<double>(added.size(), 0.0), {}, false, 0, 1);
    b.plainNumber(M);
    for (size_t j = 0; j < added.size(); ++j) {
        SceneCell& c = b.grid(M).cells[j];
        c.masked = std::isinf(added[j]);
        c.value = added[j];
    }
    const int W = b.derived({}, "α", std::vector<double>(a.weights[0].row(r).data(), a.weights[0].row(r).data() + a.weights[0].cols()),
                            {}, false, 0, 1);
    b.shares(W);
    b.grid(W).bars = true;
    for (SceneCell& c : b.grid(M).cells) c.text = formatLessonNumber(c.value);
    b.grid(M).colLabels = srcLabels(S + kPads);
    for (int j = 0; j < S + kPads; ++j) {
        SceneCell& w = b.grid(W).cells[size_t(j)];
        w.sweep = {{M, 0, j}};
        w.highlight = j >= S;
        w.arithmetic = "α" + sub(r + 1) + sub(j + 1) + " = " + formatFixed(w.value, 4);
    }
    const int D = b.derived("max |Δ logit|", {}, {change}, {"max |Δ logit| = " + formatFixed(change, 8)}, false, 0, 1);
    b.grid(D).colors = SceneColors::Shares;
    b.grid(D).cells[0].text = formatFixed(change, 4);
    b.grid(M).widthGroup = b.grid(W).widthGroup = 1;
    b.schedule(M, 0.05, 0.4);
    b.schedule(W, 0.45, 0.8);
    b.schedule(D, 0.85, 0.97);
    step.scene = b.finish(columnOf({gridOf(M), gridOf(W), gridOf(D)}), {}, 4000);
    return step;
}

LessonStep Steps::cross() {
    const int h = sharpestCrossHead(e.trace, last);
    const std::string q = attentionTensorName(AttentionKind::Cross, last, "q"), k = attentionTensorName(AttentionKind::Cross, last, "k");
    const std::string w = attentionTensorName(AttentionKind::Cross, last, "weights");
    LessonStep step{"cross-attention", QT_TRANSLATE_NOOP("Lesson", "Cross-attention: Q from the decoder, K and V from the encoder"),
                    {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Between its self-attention and its FFN, every decoder layer attends to the source. The queries come from the "
        "decoder’s rows; the keys and values come from the encoder’s output H, one row per English word. So the shares "
        "of row i say which English words the row that writes the next Chinese character reads."), {}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Shown: layer %1, head %2, the head whose rows are most decided (the largest mean of each row’s top share). "
        "Q has %3 rows and K has %4, so the weights are %3 × %4."), {std::to_string(last + 1), std::to_string(h + 1),
                                                                     std::to_string(T), std::to_string(S)}});
    step.formula = "Q = Y·W^Q,  K = H·W^K,  V = H·W^V,  Z = softmax(Q·K^T / √d_k)·V";
    step.tensors = {q, k, w};
    const AttentionTrace& a = e.trace.decoder[size_t(last)].cross_attn;
    SceneBuilder b;
    const int n = std::min(T, cap), s = std::min(S, cap);
    const int d_k = int(a.q[size_t(h)].cols());
    const std::string shapes = "Q: " + std::to_string(T) + " × " + std::to_string(d_k) + ",  K, V: " + std::to_string(S) + " × " +
                               std::to_string(d_k);  // the shapes in symbols: the paragraph says where each comes from
    const int W = b.matrix("α = softmax(Q·Kᵀ/√d_k),  " + shapes, w, {h}, a.weights[size_t(h)], firstRows(T, n), s, rowLabels(n), !e.ownTrace);
    b.shares(W);
    b.grid(W).colLabels = srcLabels(s);
    b.grid(W).colAxis = SceneAxis::Words;
    b.grid(W).whole = true;  // every row: which English words the row writing each token reads
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < s; ++j)
            b.grid(W).at(i, j).arithmetic = "softmax(q" + sub(i + 1) + "·k" + sub(j + 1) + "/√" + std::to_string(d_k) + ") = " +
                                            formatFixed(a.weights[size_t(h)](i, j), 4);
    b.schedule(W, 0.3, 0.95, true);
    step.scene = b.finish(rowOf({gridOf(W)}), {}, 4500);
    return step;
}

LessonStep Steps::alignment() {
    const Matrix mean = meanCrossWeights(e.trace, last);  // [T, S]
    const int heads = int(e.trace.decoder[size_t(last)].cross_attn.weights.size());
    LessonStep step{"alignment", QT_TRANSLATE_NOOP("Lesson", "Which English word each Chinese token reads"), {}, {}, {}, {}, {}, {}};
    std::string pairs;
    const int n = std::min(T, cap), s = std::min(S, cap);
    for (int i = 0; i < n; ++i) {
        Eigen::Index j = 0;
        mean.row(i).maxCoeff(&j);
        pairs += (i ? ", " : "") + e.output[size_t(i)] + " ← " + quoted(e.src[size_t(j)]);
    }
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "The cross-attention shares of layer %1, averaged over its %2 heads. Each row is labelled by what it reads → "
        "what it writes, and its largest share is framed: the English word it mostly reads while writing: %3."),
        {std::to_string(last + 1), std::to_string(heads), pairs}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Nobody told the model which words belong together; it learned these links from sentence pairs alone. Word "
        "order differs, too: Chinese puts the place before the verb."), {}});
    step.formula = "ᾱ_ij = (1/h)·Σ_(n = 1 … h) α^(n)_ij";
    SceneBuilder b;
    std::vector<double> values;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < s; ++j) values.push_back(double(mean(i, j)));
    const int A = b.derived("ᾱ", {}, values, {}, false, 0, 1);
    SceneGrid& g = b.grid(A);
    g.rows = n;
    g.cols = s;
    g.moreRows = n < T;
    g.moreCols = s < S;
    g.rowLabels = rowLabels(n);
    g.colLabels = srcLabels(s);
    g.colAxis = SceneAxis::Words;
    g.whole = true;  // the text names the word each row reads
    b.shares(A);
    for (int i = 0; i < n; ++i) {
        Eigen::Index best = 0;
        mean.row(i).maxCoeff(&best);
        for (int j = 0; j < s; ++j) {
            g.at(i, j).highlight = j == int(best);
            g.at(i, j).arithmetic = "ᾱ" + sub(i + 1) + sub(j + 1) + " = " + formatFixed(mean(i, j), 4);
        }
    }
    b.schedule(A, 0.05, 0.95, true);
    step.scene = b.finish(rowOf({gridOf(A)}), {}, 4000);
    return step;
}

}  // namespace decoder_lesson

Lesson buildDecoderLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                          const LessonOptions& options) {
    const TranslationExample e = translationExample(trace, model, words);
    Lesson l;
    l.spec = options.spec;
    l.words = e.src;
    l.ownSentence = e.ownTrace;
    l.d_k = e.model->config().headDim();
    l.d_model = e.model->config().d_model;
    l.hasPositionalEncoding = e.model->config().positional_encoding != PositionalEncoding::None;
    decoder_lesson::Steps steps(e, options);
    l.steps = {steps.shifted(), steps.causal(), steps.future(), steps.padding(), steps.cross(), steps.alignment()};
    return l;
}

}  // namespace alab::core
