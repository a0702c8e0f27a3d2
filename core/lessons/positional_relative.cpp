// The positional-encoding lesson, second half (see positional_steps.h): the relative property
// PE(p + k) = M_k × PE(p) with its numbers, learned vs sinusoidal, and the build function.
#include "core/lessons/encoder_layer.h"
#include "core/lessons/positional_steps.h"
#include "core/lessons/shown_arithmetic.h"

#include <algorithm>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace alab::core {
namespace positional {
namespace {

constexpr int kShown = 4;  // numbers of PE shown: two (sin, cos) pairs

// The fewest decimals d in [2, 4] at which every shown M·PE, summed from the shown (rounded) numbers,
// rounds to the shown PE(p + k); -1 when none.
int productDecimals(const Eigen::MatrixXd& m, const Eigen::VectorXd& x, const Eigen::VectorXd& y) {
    for (int d = 2; d <= 4; ++d) {
        bool ok = true;
        for (int r = 0; r < y.size() && ok; ++r) {
            double sum = 0;
            for (int c = 0; c < x.size(); ++c) sum += parseLessonNumber(formatFixed(m(r, c), d)) * parseLessonNumber(formatFixed(x[c], d));
            ok = formatFixed(sum, d) == formatFixed(y[r], d);
        }
        if (ok) return d;
    }
    return -1;
}

// A derived grid of `rows` × `cols` numbers, shown with `decimals`.
int table(SceneBuilder& b, const std::string& title, const Eigen::MatrixXd& values, int decimals, double lo, double hi) {
    std::vector<double> flat;
    for (int r = 0; r < values.rows(); ++r)
        for (int c = 0; c < values.cols(); ++c) flat.push_back(values(r, c));
    const int g = b.derived(title, {}, flat, {}, false, lo, hi);
    b.grid(g).rows = int(values.rows());
    b.grid(g).cols = int(values.cols());
    for (SceneCell& c : b.grid(g).cells) c.text = formatFixed(c.value, decimals);
    return g;
}

}  // namespace

LessonStep Steps::relative() {
    LessonStep step{"relative", QT_TRANSLATE_NOOP("Lesson", "Moving k places is a rotation"), {}, {}, {}, {}, {}, {}};
    const int p = F, n = std::min(kShown, d_model - d_model % 2);
    int kShift = 3, d = -1;  // the first k of 3, 2, 4, 1, 5 whose shown numbers multiply out exactly as shown
    for (int k : {3, 2, 4, 1, 5}) {
        d = productDecimals(relativeShift(k, d_model).topLeftCorner(n, n), sinusoid(p, d_model).head(n), sinusoid(p + k, d_model).head(n));
        if (d >= 0) {
            kShift = k;
            break;
        }
    }
    if (d < 0) kShift = 3;
    const Eigen::MatrixXd M = relativeShift(kShift, d_model);
    const Eigen::VectorXd pe = sinusoid(p, d_model), target = sinusoid(p + kShift, d_model), moved = M * pe;
    const double gap = (moved - target).cwiseAbs().maxCoeff();
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Why sines and cosines? Going k places further turns each (sin, cos) pair by the angle k·ω_i, and that turn does "
        "not depend on p. So PE(p + k) = M_k × PE(p) for every p, where M_k has 2 × 2 rotation blocks on its diagonal "
        "and zeros everywhere else."), {}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Here p = %1 (“%2”, word %7) and k = %3; the first %4 numbers are shown. Over all %5 numbers, M_k × PE(p) and PE(p + k) "
        "differ by at most %6. One fixed linear map thus means “%3 words further” wherever a word stands, which a "
        "layer can learn."), {std::to_string(p), words[size_t(F)], std::to_string(kShift), std::to_string(n),
                              std::to_string(d_model), formatGap(gap), std::to_string(p + 1)}});
    step.formula = "PE(p+k) = M_k × PE(p),   M_k = diag([cos kω_i, sin kω_i; −sin kω_i, cos kω_i])";
    const int decimals = d < 0 ? 2 : d;
    SceneBuilder b;
    const std::string ks = subscriptNumber(kShift);
    const int G = table(b, "M" + ks, M.topLeftCorner(n, n), decimals, -1, 1);
    const int X = table(b, "PE(" + std::to_string(p) + ")", pe.head(n), decimals, -1, 1);
    const int Y = table(b, "M" + ks + " × PE(" + std::to_string(p) + ")", moved.head(n), decimals, -1, 1);
    const int Z = table(b, "PE(" + std::to_string(p + kShift) + ")", target.head(n), decimals, -1, 1);
    for (int r = 0; r < n; ++r) {
        SceneCell& cell = b.grid(Y).cells[size_t(r)];
        std::string how;
        for (int c = 0; c < n; ++c)
            if (M(r, c) != 0) how += (how.empty() ? "" : " + ") + b.grid(G).at(r, c).text + "·" + b.grid(X).cells[size_t(c)].text;
        cell.arithmetic = how + (d < 0 ? " ≈ " : " = ") + cell.text;
        cell.sweep = {{G, r, -1}, {X, -1, 0}};
        b.grid(Z).cells[size_t(r)].arithmetic = std::string(r % 2 ? "cos(" : "sin(") + std::to_string(p + kShift) + "·" +
                                                formatFixed(omega(r / 2, d_model), 4) + ") = " + formatFixed(target[r], 4);
    }
    for (SceneCell& c : b.grid(G).cells) c.highlight = c.value != 0;
    std::vector<std::string> dims;
    for (int r = 0; r < n; ++r) dims.push_back(std::to_string(r + 1));
    b.grid(G).rowLabels = dims;
    b.grid(G).moreRows = b.grid(G).moreCols = n < d_model;
    b.grid(G).moreNote = {QT_TRANSLATE_NOOP("Lesson", "%1 × %2 numbers in all"), {std::to_string(d_model), std::to_string(d_model)}};
    for (int g : {X, Y, Z}) b.grid(g).moreRows = n < d_model;
    b.schedule(G, 0.05, 0.35);
    b.schedule(X, 0.4, 0.5);
    b.schedule(Y, 0.55, 0.8);
    b.schedule(Z, 0.85, 0.95);
    const SceneNode where = textOf({QT_TRANSLATE_NOOP("Lesson", "p counts from 0: PE(%1) belongs to word %2, “%3”, and PE(%4) to word %5"),
                                    {std::to_string(p), std::to_string(p + 1), words[size_t(F)], std::to_string(p + kShift),
                                     std::to_string(p + kShift + 1)}}, 0, 1.0);
    step.scene = b.finish(columnOf({where, rowOf({gridOf(G), symbolOf("×", 0.4), gridOf(X), symbolOf(d < 0 ? "≈" : "=", 0.55), gridOf(Y),
                                 symbolOf("=", 0.85), gridOf(Z)})}),
                          {}, 4000);
    return step;
}

LessonStep Steps::learned() {
    LessonStep step{"learned", QT_TRANSLATE_NOOP("Lesson", "Learned or sinusoidal?"), {}, {}, {}, {}, {}, {}};
    const ModelConfig& c = r.model->config();
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "A model can also learn its position vectors, like word embeddings: a table of max_len × d_model numbers (%1 × %2 "
        "= %3 for this model). The paper tried both and found almost the same quality. It kept the sinusoids: they cost "
        "no training and give a vector for any position, also past the longest training sentence, where a learned "
        "table has no row."), {groupedNumber(int64_t(c.max_len)), std::to_string(d_model), groupedNumber(int64_t(c.max_len) * d_model)}});
    step.paragraphs.push_back(c.positional_encoding == PositionalEncoding::Learned
        ? LessonParagraph{QT_TRANSLATE_NOOP("Lesson",
              "With sinusoids, PE(p)·PE(p + k) depends only on the distance k, not on p: the two rows on the stage are "
              "equal. This model learned its own table instead."), {}}
        : LessonParagraph{QT_TRANSLATE_NOOP("Lesson",
              "With sinusoids, PE(p)·PE(p + k) depends only on the distance k, not on p: the two rows on the stage are "
              "equal. This model uses the sinusoids."), {}});
    step.formula = "PE(p)·PE(p+k) = Σ_i cos(k·ω_i)";
    SceneBuilder b;
    const int K = std::max(6, cap + 2);
    std::vector<int> grids;
    std::vector<std::string> ks;
    for (int k = 0; k < K; ++k) ks.push_back(std::to_string(k));
    for (int p : {0, 5}) {
        std::vector<double> dots;
        std::vector<std::string> how;
        for (int k = 0; k < K; ++k) {
            dots.push_back(sinusoid(p, d_model).dot(sinusoid(p + k, d_model)));
            how.push_back("PE(" + std::to_string(p) + ")·PE(" + std::to_string(p + k) + ") = " + formatFixed(dots.back(), 4));
        }
        const int g = b.derived({}, "p = " + std::to_string(p), dots, how, false, -double(d_model) / 2, double(d_model) / 2);
        for (SceneCell& cell : b.grid(g).cells) cell.text = formatFixed(cell.value, 2);
        b.grid(g).widthGroup = 1;
        b.schedule(g, p == 0 ? 0.05 : 0.5, p == 0 ? 0.45 : 0.95);
        grids.push_back(g);
    }
    b.grid(grids[0]).colLabels = ks;
    b.grid(grids[0]).title = "PE(p)·PE(p + k),   k = 0 … " + std::to_string(K - 1);
    const SceneNode where = textOf({QT_TRANSLATE_NOOP("Lesson", "p counts from 0: p = 0 is word 1, p = 5 is word 6"), {}}, 0, 1.0);
    step.scene = b.finish(columnOf({where, gridOf(grids[0]), gridOf(grids[1])}), {}, 3500);
    return step;
}

}  // namespace positional

Lesson buildPositionalLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                             const LessonOptions& options) {
    if (int(words.size()) != int(trace.encoder_input.rows()))
        throw InvalidArgument("lesson: " + std::to_string(words.size()) + " words for " +
                              std::to_string(trace.encoder_input.rows()) + " positions");
    const ExampleRun run = courseRun(trace, model, words);
    if (run.words.size() < 2) throw InvalidArgument("lesson: needs at least 2 words, the sentence has " + std::to_string(run.words.size()));
    Lesson l;
    l.spec = options.spec;
    l.words = run.words;
    l.ownSentence = run.ownSentence;
    l.d_k = run.model->config().headDim();
    l.d_model = run.model->config().d_model;
    l.hasPositionalEncoding = run.model->config().positional_encoding != PositionalEncoding::None;
    positional::Steps steps(run, options);
    l.steps = {steps.order(), steps.waves(), steps.add(), steps.relative(), steps.learned()};
    return l;
}

}  // namespace alab::core
