// The output lesson, steps 4-5 (see output_lesson_steps.h): the beam tree of core's beam search
// (K = 3) as one column of nodes per step, each node linked to its parent and showing its token and
// score (the sum of log-probabilities along its path), and the finished hypotheses ranked.
#include "core/lessons/output_example.h"
#include "core/lessons/output_lesson_steps.h"
#include "core/lessons/shown_arithmetic.h"
#include "core/train/task.h"

#include <cmath>

namespace alab::core {
namespace output_lesson {
namespace {

// The tokens from the root's child to tree[step][node].
std::vector<int> pathTo(const std::vector<std::vector<BeamNode>>& tree, int step, int node) {
    std::vector<int> out;
    for (int s = step; s > 0; --s) {
        out.insert(out.begin(), tree[size_t(s)][size_t(node)].token);
        node = tree[size_t(s)][size_t(node)].parent;
    }
    return out;
}

// Decimals of a score at which e^(the score as shown) rounds to the probability shown for it (two decimals).
int scoreDecimals(double score) {
    for (int d = 2; d < 4; ++d)
        if (formatShare(std::exp(parseLessonNumber(formatFixed(score, d)))) == formatShare(std::exp(score))) return d;
    return 4;
}

// "parent + (log p) = score" with as many decimals as make the shown numbers add up.
std::string sumShown(double parent, double logProb, double score) {
    const SumPrecision p = sumPrecision({{parent}, {logProb}}, {score});
    const int terms = p.terms < 0 ? 6 : p.terms, total = p.total < 0 ? 6 : p.total;
    return formatFixed(parent, terms) + " + (" + formatFixed(logProb, terms) + ") = " + formatFixed(score, total);
}

}  // namespace

LessonStep Steps::beam() {
    const DecodeResult result = exampleBeam(e);
    const auto& tree = result.tree;
    LessonStep step{"beam", QT_TRANSLATE_NOOP("Lesson", "Beam search: three hypotheses at a time"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Beam search keeps the %1 best partial translations. At each step it extends every one of them by every "
        "token, scores each extension by the sum of the log-probabilities of its tokens, and keeps the %1 best. A "
        "hypothesis that writes <eos> is finished and leaves the beam, which then keeps fewer."), {std::to_string(kOutputBeam)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Each node shows its token and its score; the line leads to the hypothesis it extends. Framed: the path of "
        "the best finished hypothesis. Log-probabilities are at most 0, so every token lowers the score."), {}});
    for (size_t s = 1; s < tree.size(); ++s)  // the first step whose two best nodes are close: e^(−2) ≈ 0.14 or nearer
        if (tree[s].size() >= 2 && tree[s][1].score - tree[s][0].score >= -2) {
            step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
                "At token %1 the beam really splits: “%2” scores %3 and “%4” %5, close enough that beam search keeps "
                "both and follows each of them."),
                {std::to_string(s), vocab.token(tree[s][0].token), formatFixed(tree[s][0].score, 2), vocab.token(tree[s][1].token),
                 formatFixed(tree[s][1].score, 2)}});
            break;
        }
    step.formula = "score(y_1 … y_t) = Σ_s log p(y_s | y_1 … y_(s−1), x)";
    const std::vector<int>& best = result.hypotheses.front().tokens;
    double lo = 0;
    for (const auto& nodes : tree)
        for (const BeamNode& n : nodes) lo = std::min(lo, n.score);
    SceneBuilder b;
    std::vector<SceneNode> columns;
    std::vector<int> grids;
    const int steps = std::min(int(tree.size()), cap + 1);
    for (int s = 0; s < steps; ++s) {
        std::vector<double> scores;
        for (const BeamNode& n : tree[size_t(s)]) scores.push_back(n.score);
        const int g = b.derived({}, {}, scores, {}, false, lo, -lo);
        SceneGrid& grid = b.grid(g);
        grid.rows = int(scores.size());
        grid.cols = 1;
        grid.colLabels = {s == 0 ? std::string() : std::to_string(s)};  // token 1, 2, …; <bos> is given
        grid.moreCols = s + 1 == steps && steps < int(tree.size());
        grid.whole = true;  // every hypothesis of the beam, however small the stage
        for (int k = 0; k < grid.rows; ++k) {
            const BeamNode& n = tree[size_t(s)][size_t(k)];
            SceneCell& c = grid.cells[size_t(k)];
            c.text = vocab.token(n.token) + " " + formatFixed(n.score, 2);
            c.appear = 0.9 * s / steps;
            c.fade = 0.9 / steps;
            const std::vector<int> path = pathTo(tree, s, k);
            c.highlight = path.size() <= best.size() && std::equal(path.begin(), path.end(), best.begin());
            if (s > 0) {
                const double parent = tree[size_t(s - 1)][size_t(n.parent)].score;
                c.arithmetic = "score + log p(" + vocab.token(n.token) + ") = " + sumShown(parent, n.logProb, n.score);
                b.link({grids.back(), n.parent, 0}, {g, k, 0}, c.appear);
            }
        }
        grids.push_back(g);
        columns.push_back(gridOf(g));
    }
    step.scene = b.finish(rowOf(columns, true), {}, 1000 + 450 * steps);
    return step;
}

// How beam search's best compares with greedy decoding's sentence.
LessonParagraph Steps::greedyVsBeam(const DecodeResult& result) const {
    const std::vector<int> greedyTokens(e.outputIds.begin(), e.outputIds.end());
    const std::vector<Hypothesis>& hyp = result.hypotheses;
    const Hypothesis& best = hyp.front();
    const auto score = [](double v) { return formatFixed(v, scoreDecimals(v)); };
    if (best.tokens != greedyTokens) {
        double greedy = 0;  // Σ log p of the tokens greedy wrote, from the rows of the example's trace
        for (int i = 0; i < T; ++i) greedy += logSoftmax(e.trace.logits.row(i))[size_t(e.outputIds[size_t(i)])];
        const auto split = std::mismatch(best.tokens.begin(), best.tokens.end(), greedyTokens.begin(), greedyTokens.end());
        return {QT_TRANSLATE_NOOP("Lesson",
            "Greedy decoding wrote “%1” instead, score %2: at token %3 it took the likelier token, and what followed "
            "scored lower in total. Beam search kept the other choice open and found the better sentence."),
            {text(greedyTokens), score(greedy), std::to_string(split.first - best.tokens.begin() + 1)}};
    }
    if (hyp.size() >= 2 && best.score - hyp[1].score < 2)
        return {QT_TRANSLATE_NOOP("Lesson",
            "Beam search agrees with greedy decoding here, but the runner-up “%1” stayed in the race to the end: "
            "score %2, a probability of %3 against %4 for the best."),
            {text(hyp[1].tokens), score(hyp[1].score), formatShare(std::exp(hyp[1].score)), formatShare(std::exp(best.score))}};
    return {QT_TRANSLATE_NOOP("Lesson",
        "Here beam search agrees with greedy decoding: this model is sure of its translation. On harder inputs the "
        "two can differ, and beam search then finds the sentence with the higher total score."), {}};
}

LessonStep Steps::hypotheses() {
    const DecodeResult result = exampleBeam(e);
    const Hypothesis& best = result.hypotheses.front();
    LessonStep step{"hypotheses", QT_TRANSLATE_NOOP("Lesson", "The finished hypotheses, best first"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "When no hypothesis is left in the beam, the finished ones are ranked by their scores. The best is “%1”, "
        "score %2 (a probability of e^(%2) = %3 for the whole sentence)."),
        {text(best.tokens), formatFixed(best.score, scoreDecimals(best.score)), formatShare(std::exp(best.score))}});
    step.paragraphs.push_back(greedyVsBeam(result));
    step.formula = "ŷ = argmax_y Σ_t log p(y_t | y_(<t), x)";
    SceneBuilder b;
    std::vector<std::string> sentences;
    std::vector<double> scores;
    std::vector<std::string> how;
    for (const Hypothesis& h : result.hypotheses) {
        sentences.push_back(text(h.tokens));
        scores.push_back(h.score);
        how.push_back("Σ log p = " + formatFixed(h.score, 4));
    }
    const int H = words(b, {}, sentences);
    const int S = b.derived({}, {}, scores, how, false, std::min(-1e-9, scores.back()), -std::min(-1e-9, scores.back()));
    for (size_t k = 0; k < scores.size(); ++k) b.grid(S).cells[k].text = formatFixed(scores[k], 2);  // as in the tree
    for (int g : {H, S}) {
        b.grid(g).rows = int(scores.size());
        b.grid(g).cols = 1;
        b.grid(g).whole = true;
    }
    std::vector<std::string> ranks;
    for (size_t k = 0; k < scores.size(); ++k) ranks.push_back(std::to_string(k + 1));
    b.grid(H).rowLabels = ranks;
    b.grid(H).colLabels = {QT_TRANSLATE_NOOP("Lesson", "hypothesis")};
    b.grid(S).colLabels = {QT_TRANSLATE_NOOP("Lesson", "score")};
    b.grid(H).cells[0].highlight = b.grid(S).cells[0].highlight = true;
    b.schedule(H, 0.05, 0.6, true);
    b.schedule(S, 0.3, 0.9, true);
    step.scene = b.finish(rowOf({gridOf(H), gridOf(S)}), {}, 3000);
    return step;
}

}  // namespace output_lesson

Lesson buildOutputLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                         const LessonOptions& options) {
    const TranslationExample e = translationExample(trace, model, words, kOutputSentence);
    Lesson l;
    l.spec = options.spec;
    l.words = e.src;
    l.ownSentence = e.ownTrace;
    l.d_k = e.model->config().headDim();
    l.d_model = e.model->config().d_model;
    l.hasPositionalEncoding = e.model->config().positional_encoding != PositionalEncoding::None;
    output_lesson::Steps steps(e, options);
    l.steps = {steps.logits(), steps.softmax(), steps.greedy(), steps.beam(), steps.hypotheses()};
    return l;
}

}  // namespace alab::core
