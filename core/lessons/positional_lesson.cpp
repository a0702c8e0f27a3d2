// The positional-encoding lesson (see positional_lesson.h): five steps — order-blind, the waves,
// adding PE, the relative property, learned vs sinusoidal. The order check runs the model twice
// (positions off, words shuffled); the rest reads the run's trace or evaluates the paper's formula.
#include "core/lessons/positional_lesson.h"

#include "core/lessons/encoder_layer.h"
#include "core/lessons/positional_steps.h"
#include "core/lessons/shown_arithmetic.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace alab::core {

Model withoutPositions(const Model& model) {
    ModelConfig c = model.config();
    c.positional_encoding = PositionalEncoding::None;
    Weights w = model.weights();
    w.pos_embed = Matrix();
    return Model(c, std::move(w));
}

std::vector<int> shuffledOrder(int S) {
    const int turned = S <= 6 ? S : 4;  // a long sentence: its first four words, so the swap stays on the stage
    std::vector<int> order;
    for (int t = turned - 1; t >= 0; --t) order.push_back(t);
    for (int t = turned; t < S; ++t) order.push_back(t);
    return order;
}

double permutedWeightsGap(const Trace& a, const Trace& b, const std::vector<int>& order) {
    double gap = 0;
    const HeadStack &wa = a.encoder.at(0).self_attn.weights, &wb = b.encoder.at(0).self_attn.weights;
    for (size_t h = 0; h < wa.size(); ++h)
        for (int i = 0; i < int(order.size()); ++i)
            for (int j = 0; j < int(order.size()); ++j)
                gap = std::max(gap, std::abs(double(wb[h](i, j)) - double(wa[h](order[size_t(i)], order[size_t(j)]))));
    return gap;
}


Eigen::MatrixXd relativeShift(int k, int d_model) {
    using positional::omega;
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(d_model, d_model);
    for (int j = 0; j + 1 < d_model; j += 2) {  // (sin, cos)(p + k) from (sin, cos)(p): turn by k·ω
        const double c = std::cos(k * omega(j / 2, d_model)), s = std::sin(k * omega(j / 2, d_model));
        m(j, j) = c, m(j, j + 1) = s, m(j + 1, j) = -s, m(j + 1, j + 1) = c;
    }
    if (d_model % 2 == 1) m(d_model - 1, d_model - 1) = 1;
    return m;
}

Eigen::VectorXd sinusoid(int p, int d_model) {
    using positional::omega;
    Eigen::VectorXd v(d_model);
    for (int j = 0; j < d_model; ++j) v[j] = j % 2 == 0 ? std::sin(p * omega(j / 2, d_model)) : std::cos(p * omega(j / 2, d_model));
    return v;
}

int positionalAddFocus(const Trace& t, int columns) {
    const int S = int(t.encoder_input.rows()), cols = std::min<int>(columns, int(t.encoder_input.cols()));
    std::vector<int> order = {2, 1};
    for (int i = 3; i < S; ++i) order.push_back(i);
    int best = -1, bestDecimals = 5;
    for (int i : order) {
        if (i >= S) continue;
        std::vector<double> xs, ys, zs;
        for (int k = 0; k < cols; ++k) xs.push_back(t.src_embedding(i, k)), ys.push_back(t.src_positional_encoding(i, k)), zs.push_back(t.encoder_input(i, k));
        const int d = sumDecimals({xs, ys}, zs);
        if (d >= 0 && (best < 0 || d < bestDecimals)) best = i, bestDecimals = d;
    }
    return best >= 0 ? best : std::min(2, S - 1);
}

namespace positional {

// A small gap as people write it: "0" when exact, else e.g. "3·10⁻⁸".
std::string formatGap(double v) {
    if (v == 0) return "0";
    if (v >= 0.01) return formatFixed(v, 2);
    const int e = int(std::floor(std::log10(v)));
    static const char* sup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string exp;
    for (char ch : std::to_string(-e)) exp += sup[ch - '0'];
    return std::to_string(int(std::round(v / std::pow(10.0, e)))) + "·10⁻" + exp;
}

int Steps::weightsGrid(SceneBuilder& b, const std::string& title, const Matrix& w, const std::vector<int>& order) {
    const int g = b.matrix(title, {}, {}, w, firstRows(shown, shown), shown, labels(order), false);
    b.shares(g);
    std::vector<std::string> cols;
    for (int j = 0; j < b.grid(g).cols; ++j) cols.push_back(std::to_string(j + 1));
    b.grid(g).colLabels = cols;
    b.grid(g).widthGroup = 1;
    for (SceneCell& c : b.grid(g).cells) c.index.clear();
    return g;
}

LessonStep Steps::order() {
    LessonStep step{"order-blind", QT_TRANSLATE_NOOP("Lesson", "Attention alone does not see word order"), {}, {}, {}, {}, {}, {}};
    const Model bare = withoutPositions(*r.model);
    const std::vector<int> perm = shuffledOrder(S), ids = r.trace->src_ids;
    std::vector<int> shuffledIds;
    for (int t : perm) shuffledIds.push_back(ids[size_t(t)]);
    const Trace a = bare.forward(ids), b = bare.forward(shuffledIds);
    const double gap = permutedWeightsGap(a, b, perm);
    std::vector<int> identity;
    for (int t = 0; t < S; ++t) identity.push_back(t);
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Switch the positional encoding off and run the model twice: on “%1” and on the same words shuffled, “%2”. "
        "A word gets the same vector wherever it stands, so it makes the same query, key and value."),
        {sentence(identity), sentence(perm)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "So the right map holds the left map’s numbers, only with rows and columns reordered: put back in order, they "
        "differ by at most %1 over all %2 heads. Every word’s output is the same too, just at its new place."),
        {formatGap(gap), std::to_string(r.model->config().heads)}});
    if (untrained)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "This model is untrained: its word table and all its weight matrices hold random numbers. The arithmetic of "
            "every step is real, but what the words attend to means nothing yet."), {}});
    else if (r.model->config().positional_encoding != PositionalEncoding::None) {
        const Trace c = r.model->forward(shuffledIds);
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "With this model’s positional encoding on, the same shuffle changes the shares by up to %1."),
            {formatFixed(permutedWeightsGap(*r.trace, c, perm), 2)}});
    }
    step.formula = "Attention(Q, K, V) = softmax(Q·K^T/√d_k)·V";
    SceneBuilder sb;
    const int A = weightsGrid(sb, {}, a.encoder[0].self_attn.weights[0], identity);
    const int B = weightsGrid(sb, {}, b.encoder[0].self_attn.weights[0], perm);
    sb.schedule(A, 0.05, 0.45, true);
    sb.schedule(B, 0.5, 0.95, true);
    const SceneNode note = textOf({QT_TRANSLATE_NOOP("Lesson", "attention weights, layer 1, head 1, no positional encoding"), {}}, 0, 1.0);
    const SceneNode left = columnOf({textOf({QT_TRANSLATE_NOOP("Lesson", "in order"), {}}, 0, 1.0), gridOf(A)});
    const SceneNode right = columnOf({textOf({QT_TRANSLATE_NOOP("Lesson", "shuffled"), {}}, 0.5, 1.0), gridOf(B)});
    step.scene = sb.finish(columnOf({note, rowOf({left, right}, true)}), columnOf({note, left, right}), 4000);
    return step;
}

LessonStep Steps::waves() {
    LessonStep step{"waves", QT_TRANSLATE_NOOP("Lesson", "Sines and cosines of the position"), {}, {}, {}, {}, {}, {}};
    const int P = std::max(8, 2 * cap), pairs = d_model / 2;
    const double first = 2 * std::numbers::pi / omega(0, d_model), last = 2 * std::numbers::pi / omega(pairs - 1, d_model);
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "The fix: add to each word a vector PE that depends only on its position p. Its %1 numbers come in pairs, a sine "
        "and a cosine of p·ω_i, each pair with its own frequency ω_i = 1/10000^(2i/%1)."), {std::to_string(d_model)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "The formula counts from 0, the stage from 1: word t has p = t − 1, and number j of PE is index j − 1, so "
        "number 1 (2i = 0) is a sine, number 2 (2i + 1 = 1) a cosine."), {}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Each row on the stage is one number of PE along the words 1 … %1. Numbers 1 and 2 repeat every %2 words, the "
        "last two only every %3: together they give every position its own pattern."),
        {std::to_string(P), formatFixed(first, 2), groupedNumber(std::llround(last))}});
    step.formula = "PE(p, 2i) = sin(p/10000^(2i/d_model))   PE(p, 2i+1) = cos(p/10000^(2i/d_model))";
    SceneBuilder b;
    std::vector<std::string> cols;
    for (int t = 1; t <= P; ++t) cols.push_back(std::to_string(t));
    auto band = [&](std::vector<int> dims) {
        std::vector<double> values;
        std::vector<std::string> how;
        for (int j : dims)
            for (int t = 0; t < P; ++t) {
                values.push_back(sinusoid(t, d_model)[j]);
                how.push_back(std::string(j % 2 ? "cos(" : "sin(") + std::to_string(t) + "·" + formatFixed(omega(j / 2, d_model), 4) +
                              ") = " + formatFixed(values.back(), 4));
            }
        const int g = b.derived({}, {}, values, how, false, -1, 1);
        SceneGrid& grid = b.grid(g);
        grid.rows = int(dims.size());
        grid.cols = P;
        for (int j : dims) grid.rowLabels.push_back(std::to_string(j + 1) + (j % 2 ? " cos" : " sin"));
        grid.widthGroup = 1;
        for (SceneCell& c : grid.cells) c.text = formatFixed(c.value, 2);
        return g;
    };
    const bool wide = d_model > 6;
    const int top = band(wide ? std::vector<int>{0, 1, 2, 3} : firstRows(d_model, d_model));
    b.grid(top).colLabels = cols;
    b.grid(top).title = "PE";
    b.schedule(top, 0.05, 0.6, true);
    std::vector<SceneNode> nodes = {
        textOf({QT_TRANSLATE_NOOP("Lesson", "columns: words 1 … %1 (p = 0 … %2);  rows: numbers of PE"), {std::to_string(P), std::to_string(P - 1)}}, 0, 1.0),
        gridOf(top)};
    if (wide) {
        const int bottom = band({d_model - 2, d_model - 1});
        b.schedule(bottom, 0.65, 0.95, true);
        nodes.push_back(symbolOf("⋮", 0.6));
        nodes.push_back(gridOf(bottom));
    }
    step.scene = b.finish(columnOf(nodes), {}, 3500);
    return step;
}

LessonStep Steps::add() {
    LessonStep step{"add", QT_TRANSLATE_NOOP("Lesson", "PE is added to the embedding"), {}, {}, {}, {}, {}, {}};
    const ModelConfig& c = r.model->config();
    const Trace& t = *r.trace;
    if (c.scale_embedding)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "“%1” is word %2, so in the formula p = %3. Its embedding (its row of the learned table, times √d_model = %4) "
            "gets PE(p = %3) added, number by number. The same word elsewhere would get another PE, so from here on every vector "
            "carries its place."), {words[size_t(F)], std::to_string(F + 1), std::to_string(F), formatFixed(std::sqrt(double(d_model)), 2)}});
    else
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "“%1” is word %2, so in the formula p = %3. Its embedding gets PE(p = %3) added, number by number. The same word elsewhere would "
            "get another PE, so from here on every vector carries its place."), {words[size_t(F)], std::to_string(F + 1), std::to_string(F)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Adding, not appending: the vector keeps its %1 numbers, and the model learns to read word and place from the same sum."),
        {std::to_string(d_model)}});
    step.formula = "x_t = Embedding(word_t)·√d_model + PE(p = t − 1)";
    SceneBuilder b;
    std::vector<double> xs, ys, zs;
    const int cols = std::min(cap, d_model);
    for (int k = 0; k < cols; ++k) xs.push_back(t.src_embedding(F, k)), ys.push_back(t.src_positional_encoding(F, k)), zs.push_back(t.encoder_input(F, k));
    const int d = sumDecimals({xs, ys}, zs);
    const int X = b.matrix({}, "input.src_embedding", {}, t.src_embedding, {F}, cap, {c.scale_embedding ? "E·√d" : "E"}, !r.ownSentence);
    const int Y = b.matrix({}, "input.positional_encoding", {}, t.src_positional_encoding, {F}, cap, {"PE(p = " + std::to_string(F) + ")"}, !r.ownSentence);
    const int Z = b.matrix({}, "encoder.input", {}, t.encoder_input, {F}, cap, {"x" + subscriptNumber(F + 1)}, !r.ownSentence);
    double reach = 0;  // one colour scale for the whole equation: a number has the same colour in every row
    for (int g : {X, Y, Z})
        for (const SceneCell& cell : b.grid(g).cells) reach = std::max(reach, std::abs(cell.value));
    for (int g : {X, Y, Z}) {
        b.grid(g).widthGroup = 1;
        b.grid(g).lo = -reach, b.grid(g).hi = reach;
        for (SceneCell& cell : b.grid(g).cells) cell.text = formatFixed(cell.value, d < 0 ? 2 : d);
        detach(b, g);
    }
    for (int k = 0; k < cols; ++k) {
        SceneCell& cell = b.grid(Z).cells[size_t(k)];
        cell.sweep = {{X, 0, k}, {Y, 0, k}};
        cell.arithmetic = b.grid(X).cells[size_t(k)].text + " + " + b.grid(Y).cells[size_t(k)].text + (d < 0 ? " ≈ " : " = ") + cell.text;
    }
    b.schedule(X, 0.0, 0.25);
    b.schedule(Y, 0.3, 0.55);
    b.schedule(Z, 0.6, 0.95);
    const std::string eq = d < 0 ? "≈" : "=";
    const SceneNode word = textOf({quoted(words[size_t(F)]), {}}, 0, 1.2);
    step.scene = b.finish(columnOf({word, gridOf(X), symbolOf("+", 0.3), gridOf(Y), symbolOf(eq, 0.6), gridOf(Z)}), {}, 3500);
    return step;
}

}  // namespace positional
}  // namespace alab::core
