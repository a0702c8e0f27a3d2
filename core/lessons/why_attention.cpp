// The why-attention lesson (see why_attention.h): five steps — the RNN reads word by word, one step
// of it in detail, path lengths (n − t steps against 1, with the Transformer's attention shares),
// ‖∂h_n/∂h_t‖ as bars, and where the shrinking comes from (the step Jacobians). Every number is
// computed here from the trace's word vectors and the seeded RNN, or read from the trace.
#include "core/lessons/why_attention.h"

#include "core/lessons/scene_builder.h"
#include "core/lessons/why_attention_example.h"
#include "core/lessons/shown_arithmetic.h"

#include <algorithm>
#include <cmath>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace alab::core {

TinyRnn whyAttentionRnn(int d_model) { return makeTinyRnn(d_model, kWhyRnnHidden, kWhyRnnSeed, kWhyRnnStretch); }

Eigen::MatrixXd whyAttentionInputs(const Trace& trace) { return trace.src_embedding.cast<double>(); }

std::vector<double> gradientNorms(const TinyRnn& rnn, const TinyRnnTrace& trace) {
    std::vector<double> out;
    const int n = int(trace.h.rows()) - 1;
    for (int t = 0; t <= n; ++t) out.push_back(spectralNorm(stateJacobian(rnn, trace, n, t)));
    return out;
}

namespace why_attention {
namespace {

std::string sub(int n) { return subscriptNumber(n); }
std::string quoted(const std::string& w) { return "“" + w + "”"; }
// The fewest decimals d in [2, 4] for the step norms at which each shown bound is the shown factor times
// the shown bound to its right (the last factor alone when it has none), as formatNorm writes them.
// factors[c] and bound[c] belong to word c + 1; bound has the first columns only. -1 when none.
std::string formatNorm(double v);
int boundDecimals(const std::vector<double>& factors, const std::vector<double>& bound) {
    for (int d = 2; d <= 4; ++d) {
        bool ok = true;
        double running = 1;
        for (int c = int(factors.size()) - 1; c >= 0 && ok; --c) {
            running = parseLessonNumber(formatNorm(running * parseLessonNumber(formatFixed(factors[size_t(c)], d))));
            if (size_t(c) < bound.size()) ok = formatNorm(running) == formatNorm(bound[size_t(c)]);
        }
        if (ok) return d;
    }
    return -1;
}

// A norm with enough decimals to show two significant digits (up to 4 decimals).
std::string formatNorm(double v) {
    const int d = v > 0 ? std::clamp(1 - int(std::floor(std::log10(v))), 2, 4) : 2;
    return formatFixed(v, d);
}

class Steps {
public:
    Steps(const ExampleRun& r, const LessonOptions& o)
        : t(*r.trace), words(r.words), S(int(words.size())), shown(std::min(S, std::max(2, o.rows))), own(r.ownSentence),
          rnn(whyAttentionRnn(r.model->config().d_model)), xs(whyAttentionInputs(t)), run(runTinyRnn(rnn, xs)),
          norms(gradientNorms(rnn, run)) {}

    LessonStep read();
    LessonStep oneStep();
    LessonStep path();
    LessonStep gradient();
    LessonStep jacobian();

private:
    std::vector<std::string> wordLabels(int count) const {
        std::vector<std::string> out;
        for (int i = 0; i < count; ++i) out.push_back(quoted(words[size_t(i)]));
        return out;
    }
    std::string joined() const {
        std::string s;
        for (const std::string& w : words) s += (s.empty() ? "" : " ") + w;
        return s;
    }
    // The step's picture, under the name of the lesson's own sentence when it reads one.
    SceneNode onStage(SceneNode root) const {
        if (!own) return root;
        return columnOf({textOf({QT_TRANSLATE_NOOP("Lesson", "the lesson’s sentence: “%1”"), {joined()}}, 0, 1.0), root});
    }

    const Trace& t;
    const std::vector<std::string>& words;
    const int S, shown;
    const bool own;  // the lesson's own sentence on the demo model
    const TinyRnn rnn;
    const Eigen::MatrixXd xs;      // [S, d_model]
    const TinyRnnTrace run;
    const std::vector<double> norms;  // [S] ‖∂h_S/∂h_t‖
};

LessonStep Steps::read() {
    LessonStep step{"rnn-read", QT_TRANSLATE_NOOP("Lesson", "An RNN reads one word at a time"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Before the Transformer, translation models read a sentence as we read aloud: one word after the other. A "
        "recurrent network (RNN) keeps a state h of %1 numbers and updates it with every word, so h₁ has seen “%2”, "
        "h₂ the first two words, and h%3 the whole sentence."), {std::to_string(kWhyRnnHidden), words[0], sub(S)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Each state needs the one before it, so the %1 steps must run one after another: they cannot be computed at "
        "the same time. This tiny RNN has seeded random weights; it shows the shape of the computation, not a "
        "trained model."), {std::to_string(S)}});
    if (own)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "With fewer than %1 words there are no long paths to show, so this lesson reads its own sentence of %2 "
            "words (named on the stage) on the seeded demo model. Type %1 words or more in the bar at the bottom to "
            "use yours."), {std::to_string(kWhyMinWords), std::to_string(S)}});
    step.formula = "h_t = tanh(W_h·h_(t−1) + W_x·x_t + b)";
    SceneBuilder b;  // one column per word, filled in word by word: h_t is column t
    std::vector<double> first;
    for (int c = 0; c < kWhyRnnHidden; ++c)
        for (int i = 0; i < shown; ++i) first.push_back(run.h(i, c));
    const int H = b.derived("h" + sub(1) + (shown == 2 ? ", h" : " … h") + sub(shown), {}, first, {}, shown < S, -1, 1);
    SceneGrid& g = b.grid(H);
    g.rows = kWhyRnnHidden;
    g.cols = shown;
    g.moreCols = shown < S;
    g.moreRows = false;
    g.rowLabels.clear();
    for (int c = 0; c < kWhyRnnHidden; ++c) g.rowLabels.push_back("[" + std::to_string(c + 1) + "]");
    g.colLabels = wordLabels(shown);
    const double slot = 0.95 / shown;
    for (int c = 0; c < kWhyRnnHidden; ++c)
        for (int i = 0; i < shown; ++i) {
            SceneCell& cell = g.at(c, i);
            cell.appear = 0.02 + slot * i;
            cell.fade = slot * 0.8;
            cell.arithmetic = "h" + sub(i + 1) + "[" + std::to_string(c + 1) + "] = tanh(" + formatFixed(run.pre(i, c), 4) + ") = " +
                              formatFixed(run.h(i, c), 4);
            if (i > 0) cell.sweep = {{H, -1, i - 1}};
        }
    step.scene = b.finish(onStage(rowOf({gridOf(H)})), {}, 1000 + 600 * shown);
    return step;
}

LessonStep Steps::oneStep() {
    const int s = 1;  // the second word: h₂ from h₁ and x₂
    LessonStep step{"rnn-step", QT_TRANSLATE_NOOP("Lesson", "One step of the RNN"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "To read “%1” the RNN mixes what it remembers, W_h·h₁, with the new word, W_x·x₂ (x₂ is the model’s %2-number "
        "vector for “%1”), adds b, and squashes every number into (−1, 1) with tanh. Only h₂ is passed on."),
        {words[size_t(s)], std::to_string(xs.cols())}});
    step.formula = "h_2 = tanh(W_h·h_1 + W_x·x_2 + b)";
    SceneBuilder b;
    std::vector<std::vector<double>> terms(3);
    std::vector<double> pre, h;
    for (int c = 0; c < kWhyRnnHidden; ++c) {
        terms[0].push_back(run.recurrent(s, c));
        terms[1].push_back(run.input(s, c));
        terms[2].push_back(rnn.b[c]);
        pre.push_back(run.pre(s, c));
        h.push_back(run.h(s, c));
    }
    const int d = sumDecimals(terms, pre);
    const int decimals = d < 0 ? 2 : d;
    const char* labels[] = {"Wₕ·h₁", "Wₓ·x₂", "b"};
    std::vector<int> grids;
    for (int k = 0; k < 3; ++k) grids.push_back(b.derived({}, labels[k], terms[size_t(k)], {}, false, -2, 2));
    grids.push_back(b.derived({}, d < 0 ? "≈" : "=", pre, {}, false, -2, 2));
    const int Hg = b.derived({}, "h₂ = tanh(·)", h, {}, false, -1, 1);
    for (size_t k = 0; k < grids.size(); ++k) {
        b.grid(grids[k]).widthGroup = 1;
        for (SceneCell& c : b.grid(grids[k]).cells) c.text = formatFixed(c.value, decimals);
        b.schedule(grids[k], 0.2 * double(k), 0.2 * double(k) + 0.15);
    }
    b.grid(Hg).widthGroup = 1;
    for (int c = 0; c < kWhyRnnHidden; ++c) {
        SceneCell& sum = b.grid(grids[3]).cells[size_t(c)];
        sum.sweep = {{grids[0], 0, c}, {grids[1], 0, c}, {grids[2], 0, c}};
        SceneCell& out = b.grid(Hg).cells[size_t(c)];
        out.sweep = {{grids[3], 0, c}};
        out.arithmetic = "tanh(" + formatFixed(pre[size_t(c)], 4) + ") = " + formatFixed(h[size_t(c)], 4);
    }
    b.schedule(Hg, 0.82, 0.97);
    std::vector<SceneNode> lines;
    for (int g : grids) lines.push_back(gridOf(g));
    lines.push_back(gridOf(Hg));
    step.scene = b.finish(onStage(columnOf({textOf({quoted(words[size_t(s)]), {}}, 0, 1.2), columnOf(lines, false)})), {}, 4000);
    return step;
}

LessonStep Steps::path() {
    LessonStep step{"path", QT_TRANSLATE_NOOP("Lesson", "Path length: n − t steps against 1"), {}, {}, {}, {}, {}, {}};
    const AttentionTrace& a = t.encoder[0].self_attn;
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "For the last word to use the first one, the RNN must carry it through the state from step to step: from “%2” "
        "to “%3” the path has length %1, and in general n − t. Attention joins any two words in one step: “%3” reads "
        "every word directly, with the shares drawn on the stage (the Transformer’s layer 1, head 1)."),
        {std::to_string(S - 1), words[0], words[size_t(S - 1)]}});
    step.formula = "RNN: h_t → h_(t+1) → … → h_n    Attention: z_n = Σ_t α_nt·v_t";
    SceneBuilder b;
    std::vector<double> rnnSteps, attnSteps;
    for (int j = 0; j < shown; ++j) rnnSteps.push_back(S - 1 - j), attnSteps.push_back(j == S - 1 ? 0 : 1);
    const int R = b.derived({}, "RNN", rnnSteps, {}, shown < S, 0, std::max(1, S - 1));
    const int A = b.derived({}, QT_TRANSLATE_NOOP("Lesson", "Attention"), attnSteps, {}, shown < S, 0, std::max(1, S - 1));
    b.grid(R).colLabels = wordLabels(shown);
    const int W = b.matrix("α" + sub(S) + "ⱼ", "encoder.0.self_attn.weights", {0}, a.weights[0], {S - 1}, shown, {quoted(words[size_t(S - 1)])}, !own);
    if (own)  // the lesson's own run: its cells point at no tensor of the window's trace
        for (SceneCell& c : b.grid(W).cells) c.tensor.clear(), c.index.clear();
    b.shares(W);
    b.grid(W).bars = true;
    b.grid(W).colLabels = wordLabels(shown);
    for (int g : {R, A, W}) b.grid(g).widthGroup = 1;
    b.schedule(R, 0.05, 0.45);
    b.schedule(A, 0.5, 0.65);
    b.schedule(W, 0.7, 0.97);
    const SceneNode note = textOf({QT_TRANSLATE_NOOP("Lesson", "steps from each word to “%1”"), {words[size_t(S - 1)]}}, 0, 1.0);
    step.scene = b.finish(onStage(columnOf({note, gridOf(R), gridOf(A), gridOf(W)})), {}, 4000);
    return step;
}

LessonStep Steps::gradient() {
    LessonStep step{"gradient", QT_TRANSLATE_NOOP("Lesson", "The gradient fades with distance"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "How much does the last state h%1 still depend on an earlier state h_t? The size of the derivative ‖∂h%1/∂h_t‖ "
        "says it; in training it is also how much of the error signal gets back to word t. It is %2 for the last word "
        "itself and %3 for “%4”, at distance %5."), {sub(S), formatNorm(norms.back()), formatNorm(norms.front()), words[0],
                                                     std::to_string(S - 1)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Early words fade from the gradient, so an RNN learns long-range links slowly. In attention every word is one "
        "step from every other, whatever the distance."), {}});
    step.formula = "‖∂h_n/∂h_t‖,  t = 1 … n";
    SceneBuilder b;
    std::vector<int> picks = {0};  // too many words: the first (the farthest) and the last ones
    for (int j = S - shown + 1; j < S; ++j) picks.push_back(j);
    if (shown == S) picks = firstRows(S, S);
    std::vector<double> values;
    std::vector<std::string> how, labels;
    for (int j : picks) {
        values.push_back(norms[size_t(j)]);
        how.push_back("‖∂h" + sub(S) + "/∂h" + sub(j + 1) + "‖ = " + formatFixed(norms[size_t(j)], 4));
        labels.push_back(quoted(words[size_t(j)]) + (j == 0 && shown < S ? "  …" : ""));
    }
    const int G = b.derived("‖∂h" + sub(S) + "/∂hₜ‖", {}, values, how, false, 0, 1);
    SceneGrid& g = b.grid(G);
    g.colors = SceneColors::Shares;
    g.bars = true;
    g.colLabels = labels;
    for (SceneCell& c : g.cells) c.text = formatNorm(c.value);
    b.schedule(G, 0.05, 0.95);
    step.scene = b.finish(onStage(rowOf({gridOf(G)})), {}, 3500);
    return step;
}

LessonStep Steps::jacobian() {
    LessonStep step{"jacobian", QT_TRANSLATE_NOOP("Lesson", "Why it fades: a product of Jacobians"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "By the chain rule, ∂h_n/∂h_t is a product of one factor per step, J_s = ∂h_s/∂h_(s−1) = diag(1 − h_s ⊙ h_s)·W_h "
        "(⊙: number by number). tanh’s slope 1 − h² is at most 1 and W_h scales the length of a vector by at most %1, so "
        "no factor is larger than %1 and the product shrinks about geometrically: ‖∂h_n/∂h_t‖ ≤ ‖J_n‖ ⋯ ‖J_(t+1)‖."),
        {formatFixed(kWhyRnnStretch, 2)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Each column is one word t. The last word, “%1”, has no column: from h_n to itself there is no step, no factor, "
        "and ∂h_n/∂h_n is the identity, of norm 1."), {words[size_t(S - 1)]}});
    step.formula = "∂h_n/∂h_t = J_n·J_(n−1) ⋯ J_(t+1),   J_s = diag(1 − h_s ⊙ h_s)·W_h";
    SceneBuilder b;
    std::vector<double> factors;  // factors[c]: ‖J_(c+2)‖, the step from word c + 1 to word c + 2 (1-based)
    for (int j = 1; j < S; ++j) factors.push_back(spectralNorm(stepJacobian(rnn, run, j)));
    const int cols = std::min(shown, S - 1);  // words 1 … n − 1: the last word has no factor
    std::vector<double> bound(size_t(cols), 0.0);  // bound[c]: ‖J_n‖ ⋯ ‖J_(c+2)‖
    double running = 1;
    for (int c = S - 2; c >= 0; --c) {
        running *= factors[size_t(c)];
        if (c < cols) bound[size_t(c)] = running;
    }
    const int d = boundDecimals(factors, bound);
    const bool more = cols < S - 1;
    const int J = b.derived("‖Jₜ₊₁‖", {}, std::vector<double>(factors.begin(), factors.begin() + cols), {}, more, 0, 1);
    const int P = b.derived(d < 0 ? "‖Jₙ‖ ⋯ ‖Jₜ₊₁‖  (≈)" : "‖Jₙ‖ ⋯ ‖Jₜ₊₁‖", {}, bound, {}, more, 0, 1);
    const int G = b.derived("‖∂h" + sub(S) + "/∂hₜ‖", {}, std::vector<double>(norms.begin(), norms.begin() + cols), {}, more, 0, 1);
    for (int g : {J, P, G}) {
        b.grid(g).colors = SceneColors::Shares;
        b.grid(g).widthGroup = 1;
        b.grid(g).colLabels = wordLabels(cols);
        for (SceneCell& c : b.grid(g).cells) c.text = formatNorm(c.value);
    }
    for (SceneCell& c : b.grid(J).cells) c.text = formatFixed(c.value, d < 0 ? 2 : d);  // (≈): products of rounded norms drift
    for (int c = 0; c < cols; ++c)
        b.grid(J).cells[size_t(c)].arithmetic =
            "‖J" + sub(c + 2) + "‖ = ‖diag(1 − h" + sub(c + 2) + " ⊙ h" + sub(c + 2) + ")·Wₕ‖ = " + formatFixed(factors[size_t(c)], 4);
    b.schedule(J, 0.05, 0.35);
    b.schedule(P, 0.4, 0.65);
    b.schedule(G, 0.7, 0.95);
    for (int c = 0; c < cols; ++c) {
        b.grid(G).cells[size_t(c)].sweep = {{P, 0, c}};
        b.grid(P).cells[size_t(c)].sweep = {{J, 0, c}};
        if (c + 1 < cols) b.grid(P).cells[size_t(c)].sweep.push_back({P, 0, c + 1});
    }
    step.scene = b.finish(onStage(columnOf({gridOf(J), gridOf(P), gridOf(G)}, false)), {}, 4000);
    return step;
}

}  // namespace
}  // namespace why_attention

Lesson buildWhyAttentionLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                               const LessonOptions& options) {
    const int S = int(trace.src_embedding.rows());
    if (int(words.size()) != S)
        throw InvalidArgument("lesson: " + std::to_string(words.size()) + " words for " + std::to_string(S) + " positions");
    const ExampleRun run = whyAttentionRun(trace, model, words);  // a short sentence: the lesson's own
    Lesson l;
    l.spec = options.spec;
    l.words = run.words;
    l.ownSentence = run.ownSentence;  // the sentence bar then shows it as the lesson's example
    l.d_k = run.model->config().headDim();
    l.d_model = run.model->config().d_model;
    l.hasPositionalEncoding = run.model->config().positional_encoding != PositionalEncoding::None;
    why_attention::Steps steps(run, options);
    l.steps = {steps.read(), steps.oneStep(), steps.path(), steps.gradient(), steps.jacobian()};
    return l;
}

}  // namespace alab::core
