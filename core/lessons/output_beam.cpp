// The output lesson, steps 4-5 (see output_lesson_steps.h): the beam tree of core's beam search
// (K = 3) as one column of nodes per step, each node linked to its parent and showing its token and
// score (the sum of log-probabilities along its path), and the finished hypotheses ranked.
#include "core/lessons/output_lesson_steps.h"
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
    step.formula = "score(y_1 … y_t) = Σ_s log p(y_s | y_1 … y_(s−1), source)";
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
                c.arithmetic = formatFixed(parent, 4) + " + log p(" + vocab.token(n.token) + ") = " + formatFixed(parent, 4) + " + (" +
                               formatFixed(n.logProb, 4) + ") = " + formatFixed(n.score, 4);
                b.link({grids.back(), n.parent, 0}, {g, k, 0}, c.appear);
            }
        }
        grids.push_back(g);
        columns.push_back(gridOf(g));
    }
    step.scene = b.finish(rowOf(columns, true), {}, 1000 + 450 * steps);
    return step;
}

LessonStep Steps::hypotheses() {
    const DecodeResult result = exampleBeam(e);
    const std::vector<int> greedyTokens(e.outputIds.begin(), e.outputIds.end());
    const Hypothesis& best = result.hypotheses.front();
    LessonStep step{"hypotheses", QT_TRANSLATE_NOOP("Lesson", "The finished hypotheses, best first"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "When no hypothesis is left in the beam, the finished ones are ranked by their scores. The best is “%1”, "
        "score %2 (a probability of e^(%2) = %3 for the whole sentence)."),
        {text(best.tokens), formatFixed(best.score, 2), formatShare(std::exp(best.score))}});
    if (best.tokens == greedyTokens)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "Here beam search agrees with greedy decoding: this model is sure of its translation. On harder inputs the "
            "two can differ, and beam search then finds the sentence with the higher total score."), {}});
    else
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "Greedy decoding wrote “%1” instead: a token that looked best at its step led to a lower total score."),
            {text(greedyTokens)}});
    step.formula = "best = argmax_y Σ_t log p(y_t | y_(<t), source)";
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
    for (int g : {H, S}) {
        b.grid(g).rows = int(scores.size());
        b.grid(g).cols = 1;
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
    const TranslationExample e = translationExample(trace, model, words);
    Lesson l;
    l.spec = options.spec;
    l.words = e.src;
    l.d_k = e.model->config().headDim();
    l.d_model = e.model->config().d_model;
    l.hasPositionalEncoding = e.model->config().positional_encoding != PositionalEncoding::None;
    output_lesson::Steps steps(e, options);
    l.steps = {steps.logits(), steps.softmax(), steps.greedy(), steps.beam(), steps.hypotheses()};
    return l;
}

}  // namespace alab::core
