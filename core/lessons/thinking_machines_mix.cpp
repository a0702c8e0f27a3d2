// The Thinking Machines lesson, steps 5-8: softmax (with the "what if" switches: no ÷√d_k, a
// temperature), weighting the values, the sums z₁ and z₂, and the matrix form. See
// thinking_machines.cpp for steps 1-4 and the lesson. The softmax is shown as e^(s − max) / Σ and
// the sums with as many decimals as it takes for the rounded numbers on screen to add up.
#include "core/lessons/thinking_machines.h"

namespace alab::core::thinking_machines {

LessonStep Steps::softmax() {
    LessonStep step{"softmax", QT_TRANSLATE_NOOP("Lesson", "Softmax: scores become shares"), {}, {}, {}, {}, {}, {}};
    const bool whatIf = !o.scale || o.temperature != 1;
    const double divisor = (o.scale ? std::sqrt(double(d_k)) : 1.0) * o.temperature;
    std::vector<double> in, e, alpha;
    double max = -INFINITY, total = 0;
    for (int j = 0; j < S; ++j) {
        in.push_back(whatIf ? double(a.scores[size_t(h)](F, j)) / divisor : double(a.scaled[size_t(h)](F, j)));
        if (std::isinf(a.scaled[size_t(h)](F, j))) in.back() = -INFINITY;
        max = std::max(max, in.back());
    }
    for (int j = 0; j < S; ++j) total += std::exp(in[size_t(j)] - max);
    for (int j = 0; j < S; ++j) {
        e.push_back(std::exp(in[size_t(j)] - max));
        alpha.push_back(whatIf ? e.back() / total : double(a.weights[size_t(h)](F, j)));
    }
    int best = F == 0 ? 1 : 0;
    for (int j = 0; j < S; ++j)
        if (j != F && alpha[size_t(j)] > alpha[size_t(best)]) best = j;
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Subtract the largest score from each (this changes no share, but keeps the numbers small), raise e to "
        "the power of each, add the results, and divide each one by that sum."), {}});
    if (S == 2)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "The shares are positive and add up to 1: “%1” gives %2 of its attention to itself and %3 to “%4”."),
            {words[size_t(F)], formatShare(alpha[size_t(F)]), formatShare(alpha[size_t(best)]), words[size_t(best)]}});
    else
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "The shares are positive and add up to 1: “%1” gives %2 of its attention to itself, and its largest "
            "share of the other %3 words, %4, to “%5”."),
            {words[size_t(F)], formatShare(alpha[size_t(F)]), std::to_string(S - 1), formatShare(alpha[size_t(best)]),
             words[size_t(best)]}});
    if (!o.scale)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "What if: without ÷√d_k softmax gets the raw scores, and the largest one takes almost everything."), {}});
    if (o.temperature != 1)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "What if: the scores are divided by a temperature T = %1 first. Below 1 the shares get sharper, above 1 "
            "more even."), {formatFixed(o.temperature, 2)}});
    if (rowMasked(F)) step.paragraphs.push_back(maskNote());
    step.formula = "α_" + std::to_string(F + 1) + "j = e^(s_" + std::to_string(F + 1) + "j − max) / Σ_m e^(s_" +
                   std::to_string(F + 1) + "m − max)";
    step.terms = {2, 6};
    step.tensors = {name("scaled"), name("weights")};
    for (int j = 0; j < S; ++j) step.highlights.push_back({name("weights"), {h, F, j}});

    SceneBuilder b = builder();
    const std::string sF = "s" + sub(F + 1) + "ⱼ";
    std::vector<double> inShown(in.begin(), in.begin() + shown), eShown(e.begin(), e.begin() + shown);
    const int D = whatIf ? b.derived(o.scale ? sF + " / T" : "q" + sub(F + 1) + "·kⱼ" + (o.temperature != 1 ? " / T" : ""),
                                     {}, inShown, {}, false)
                         : b.matrix(sF, name("scaled"), {h}, a.scaled[size_t(h)], {F}, shown, {});
    b.grid(D).colLabels = wordLabels();
    const int d = std::max(2, ratioDecimals(e, total, alpha));
    std::vector<std::string> how;
    for (int j = 0; j < shown; ++j)
        how.push_back("e^(" + formatLessonNumber(in[size_t(j)]) + " − " + formatLessonNumber(max) + ") = " + formatFixed(e[size_t(j)], d));
    const int E = b.derived("e^(" + sF + " − max)", {}, eShown, how, false);
    for (int j = 0; j < shown; ++j) b.grid(E).cells[size_t(j)].text = formatFixed(e[size_t(j)], d);
    b.schedule(E, 0.1, 0.4);
    const int W = whatIf ? b.derived("α" + sub(F + 1) + "ⱼ", {}, std::vector<double>(alpha.begin(), alpha.begin() + shown), {}, false)
                         : b.matrix("α" + sub(F + 1) + "ⱼ", name("weights"), {h}, a.weights[size_t(h)], {F}, shown, {});
    b.shares(W);
    SceneGrid& w = b.grid(W);
    w.bars = true;
    w.colLabels = wordLabels();
    b.schedule(W, 0.55, 0.95);
    for (int j = 0; j < shown; ++j) {
        b.grid(E).cells[size_t(j)].sweep = {{D, 0, j}};
        w.cells[size_t(j)].fade = std::min(0.3, 1.0 - w.cells[size_t(j)].appear);
        w.cells[size_t(j)].sweep = {{E, 0, j}};
        if (whatIf)
            w.cells[size_t(j)].arithmetic = formatFixed(e[size_t(j)], d) + " / " + formatFixed(total, d) + " = " + w.cells[size_t(j)].text;
    }
    const SceneNode divide = textOf({"÷ Σ = ÷ %1", {formatFixed(total, d)}}, 0.45, 1.4);
    const SceneNode alt = rowOf({columnOf({gridOf(D), gridOf(E), divide}), symbolOf("→", 0.5), gridOf(W)});
    step.scene = b.finish(columnOf({gridOf(D), gridOf(E), divide, gridOf(W)}), alt, 4000);
    return step;
}

LessonStep Steps::weigh() {
    LessonStep step{"weigh", QT_TRANSLATE_NOOP("Lesson", "Weight the values"), {}, {}, {}, {}, {}, {}};
    const Matrix& v = a.v[size_t(h)];
    const int cols = std::min(colCap, d_k);
    std::vector<int> decimals;  // per word: the share's decimals at which α × v = product holds as written (-1: ≈)
    for (int j = 0; j < S; ++j) {
        const double alpha = a.weights[size_t(h)](F, j);
        std::vector<std::string> values, products;
        for (int c = 0; c < cols; ++c)
            values.push_back(formatLessonNumber(v(j, c))), products.push_back(formatLessonNumber(alpha * v(j, c)));
        decimals.push_back(productDecimals(alpha, values, products));
    }
    const auto shareText = [&](int j) { return formatFixed(a.weights[size_t(h)](F, j), std::max(2, decimals[size_t(j)])); };
    std::vector<std::string> terms;
    for (int j = 0; j < S; ++j) terms.push_back(shareText(j) + "·v" + sub(j + 1));
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Multiply each word’s value vector by its share: %1. A word with a large share keeps most of its value; "
        "a word with a small share is turned down."), {joined(terms, 12)}});
    step.formula = "α_" + std::to_string(F + 1) + "j·v_j";
    step.terms = {7};
    step.tensors = {name("weights"), name("v")};

    SceneBuilder b = builder();
    std::vector<SceneNode> lines, tallLines;
    const double slot = 0.95 / shown;
    for (int j = 0; j < shown; ++j) {
        const int W = b.cell(name("weights"), {h}, a.weights[size_t(h)], F, j, {quoted(words[size_t(j)])});
        b.shares(W);
        b.grid(W).cells[0].text = shareText(j);
        const int V = b.matrix({}, name("v"), {h}, v, {j}, colCap, {"v" + sub(j + 1)});
        std::vector<double> weighted;
        std::vector<std::string> how;
        const double alpha = a.weights[size_t(h)](F, j);
        for (int c = 0; c < cols; ++c) {
            weighted.push_back(alpha * v(j, c));
            how.push_back("α" + pairSub(F + 1, j + 1) + "·v" + sub(j + 1) + "[" + std::to_string(c + 1) + "] = " +
                          formatFixed(alpha, 4) + "·" + formatLessonNumber(v(j, c)) + " = " + formatLessonNumber(weighted.back()));
        }
        const int P = b.derived({}, decimals[size_t(j)] < 0 ? "≈" : "=", weighted, how, d_k > colCap, v.minCoeff(), v.maxCoeff());
        b.grid(W).widthGroup = 1;
        b.grid(V).widthGroup = b.grid(P).widthGroup = 2;
        b.schedule(P, j * slot, (j + 0.8) * slot);
        for (int c = 0; c < b.grid(P).cols; ++c) b.grid(P).cells[size_t(c)].sweep = {{W, 0, 0}, {V, 0, c}};
        lines.push_back(rowOf({gridOf(W), symbolOf("×"), gridOf(V), gridOf(P)}));
        tallLines.push_back(rowOf({gridOf(W), symbolOf("×"), columnOf({gridOf(V), gridOf(P)}, false)}, true));
    }
    if (shown < S) {
        lines.push_back(textOf({QT_TRANSLATE_NOOP("Lesson", "⋮  %1 more words"), {std::to_string(S - shown)}}, 0.9, 1.0));
        tallLines.push_back(lines.back());
    }
    step.scene = b.finish(columnOf(lines, false), columnOf(tallLines, false), 2000 + 500 * shown);
    return step;
}

namespace {

// The rows step 7 writes: α_Fj·v_j for the `shown` first words, then (when words are hidden) one row
// with the others' terms added up, so what is written sums to z_F. [rows][cols]
std::vector<std::vector<double>> sumRows(const Matrix& weights, const Matrix& v, int F, int shown, int cols) {
    const int S = int(v.rows());
    std::vector<std::vector<double>> rows(size_t(shown < S ? shown + 1 : S), std::vector<double>(size_t(cols), 0.0));
    for (int j = 0; j < S; ++j)
        for (int c = 0; c < cols; ++c) rows[size_t(std::min(j, shown))][size_t(c)] += double(weights(F, j)) * v(j, c);
    return rows;
}

}  // namespace

LessonStep Steps::sum() {
    const int second = s.second;
    LessonStep step{"sum", QT_TRANSLATE_NOOP("Lesson", "Add them up: z₁, then z₂"), {}, {}, {}, {}, {}, {}};
    std::vector<std::string> shares2;
    for (int j = 0; j < S; ++j) shares2.push_back(formatShare(a.weights[size_t(h)](second, j)));
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Adding the weighted values gives %1, the new vector for “%2”: it now carries information from the whole "
        "sentence, %3 words. The same steps for “%4” give its own shares (%5) and its vector %6."),
        {"z" + sub(F + 1), words[size_t(F)], std::to_string(S), words[size_t(second)], joined(shares2, 12), "z" + sub(second + 1)}});
    step.formula = "z_" + std::to_string(F + 1) + " = Σ_j α_" + std::to_string(F + 1) + "j·v_j";
    step.terms = {0, 7};
    step.tensors = {name("weights"), name("v"), name("context")};
    for (int c = 0; c < d_k; ++c) step.highlights.push_back({name("context"), {h, F, c}});

    SceneBuilder b = builder();
    const Matrix& v = a.v[size_t(h)];
    const Matrix& z = a.context[size_t(h)];
    const int shownCols = std::min(colCap, d_k);
    std::vector<double> totals;
    for (int c = 0; c < shownCols; ++c) totals.push_back(z(F, c));
    const std::vector<std::vector<double>> written = sumRows(a.weights[size_t(h)], v, F, shown, shownCols);
    const SumPrecision d = sumPrecision(written, totals);  // the terms may need more decimals than z₁
    const int decimals = d.terms < 0 ? 2 : d.terms;
    std::vector<SceneNode> termNodes;
    std::vector<int> termGrids;
    for (size_t j = 0; j < written.size(); ++j) {
        const bool rest = int(j) == shown;  // the hidden words' terms, added up
        if (rest) termNodes.push_back(textOf({QT_TRANSLATE_NOOP("Lesson", "⋮  %1 more words, added up:"), {std::to_string(S - shown)}}, 0, 1.0));
        const std::string label = rest ? "α" + sub(F + 1) + "ⱼ·vⱼ, j = " + std::to_string(shown + 1) + "…" + std::to_string(S)
                                       : "α" + pairSub(F + 1, int(j) + 1) + "·v" + sub(int(j) + 1);
        termGrids.push_back(b.derived({}, label, written[j], {}, d_k > colCap, v.minCoeff(), v.maxCoeff()));
        for (SceneCell& c : b.grid(termGrids.back()).cells) c.text = formatFixed(c.value, decimals);
        b.grid(termGrids.back()).widthGroup = 1;
        termNodes.push_back(gridOf(termGrids.back()));
    }
    const int Z1 = b.matrix({}, name("context"), {h}, z, {F}, colCap, {(d.total < 0 ? "≈ z" : "= z") + sub(F + 1)});
    b.grid(Z1).widthGroup = 1;
    b.schedule(Z1, 0.1, 0.5);
    for (int c = 0; c < b.grid(Z1).cols; ++c) {
        SceneCell& cell = b.grid(Z1).cells[size_t(c)];
        cell.text = formatFixed(cell.value, d.total < 0 ? 2 : d.total);
        cell.highlight = true;
        for (int g : termGrids) cell.sweep.push_back({g, 0, c});
    }
    const int A2 = b.matrix("α" + sub(second + 1) + "ⱼ", name("weights"), {h}, a.weights[size_t(h)], {second}, shown,
                            {quoted(words[size_t(second)])});
    b.shares(A2);
    b.schedule(A2, 0.6, 0.75);
    const int Z2 = b.matrix({}, name("context"), {h}, z, {second}, colCap, {"z" + sub(second + 1)});
    b.schedule(Z2, 0.78, 0.98);
    const SceneNode secondLine = rowOf({gridOf(A2), symbolOf("· V  →", 0.75), gridOf(Z2)});
    std::vector<SceneNode> under = termNodes;
    under.push_back(gridOf(Z1));
    const SceneNode alt = columnOf({rowOf({symbolOf("Σ", 0, 2.2), columnOf(under, false)}), secondLine}, false);
    step.scene = b.finish(columnOf({rowOf({symbolOf("Σ", 0, 2.2), columnOf(termNodes, false), gridOf(Z1)}), secondLine}),
                          alt, 5000);
    return step;
}

LessonStep Steps::matrixForm() {
    LessonStep step{"matrix", QT_TRANSLATE_NOOP("Lesson", "All words at once: the matrix form"), {}, {}, {}, {}, {}, {}};
    const Matrix& z = a.context[size_t(h)];
    double diff = 0;
    for (int i = 0; i < z.rows(); ++i) diff = std::max(diff, double((z.row(i) - stepByStepContext(t, s, i)).cwiseAbs().maxCoeff()));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1g", diff);
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "In practice every word is done at once. One matrix product QKᵀ gives all the scores, softmax runs along "
        "each row, and a second product with V mixes the values. Row i of Z is the z_i of step 7: the same numbers "
        "as step by step (largest difference %1)."), {diff == 0 ? "0" : std::string(buf)}});
    step.formula = "A = softmax(QKᵀ / √d_k),   Z = A·V";
    for (int k = 0; k < int(attentionFormulaTerms().size()); ++k) step.terms.push_back(k);
    step.tensors = {name("q"), name("k"), name("weights"), name("v"), name("context")};

    SceneBuilder b = builder();
    const std::vector<int> rows = firstRows(S, wordCap);
    std::vector<std::string> zs;
    for (int i = 0; i < shown; ++i) zs.push_back("z" + sub(i + 1) + (i == s.focus || i == s.second ? " ✓" : ""));
    const int Q = b.matrix("Q", name("q"), {h}, a.q[size_t(h)], rows, colCap, wordLabels());
    const int K = b.matrix("Kᵀ", name("k"), {h}, a.k[size_t(h)], rows, colCap, {});
    SceneGrid& k = b.grid(K);  // Kᵀ: the cells of k laid out transposed, [d_k shown, S]
    std::vector<SceneCell> transposed;
    for (int c = 0; c < k.cols; ++c)
        for (int r = 0; r < k.rows; ++r) transposed.push_back(k.at(r, c));
    std::swap(k.rows, k.cols);
    std::swap(k.moreRows, k.moreCols);
    k.cells = transposed;
    k.colLabels = wordLabels();
    k.rowAxis = SceneAxis::Numbers;
    k.colAxis = SceneAxis::Words;
    const int A = b.matrix("A", name("weights"), {h}, a.weights[size_t(h)], rows, wordCap, wordLabels());
    b.shares(A);
    b.grid(A).colLabels = wordLabels();
    b.grid(A).colAxis = SceneAxis::Words;
    b.schedule(A, 0.1, 0.45, true);
    const int V = b.matrix("V", name("v"), {h}, a.v[size_t(h)], rows, colCap, {});
    const int Z = b.matrix("Z", name("context"), {h}, z, rows, colCap, zs);
    b.schedule(Z, 0.6, 0.95, true);
    for (SceneCell& c : b.grid(Z).cells) c.highlight = c.index[1] == s.focus || c.index[1] == s.second;
    const SceneNode root = columnOf({rowOf({symbolOf("softmax("), gridOf(Q), gridOf(K), textOf({"/ √%1 )  =", {std::to_string(d_k)}}),
                                           gridOf(A)}),
                                     rowOf({symbolOf("A ·"), gridOf(V), symbolOf("=", 0.55), gridOf(Z)})});
    // For a projector, narrower: two words (grids of two rows) fit three rows of grids; longer sentences
    // (three rows and ⋮ per grid) fit two, "= A" starting the second, then (a comma, as in the formula) A·V = Z.
    const SceneNode head = rowOf({symbolOf("softmax("), gridOf(Q), gridOf(K), textOf({"/ √%1 )", {std::to_string(d_k)}})});
    const SceneNode mix = rowOf({symbolOf("A ·"), gridOf(V), symbolOf("=", 0.55), gridOf(Z)});
    const SceneNode tall = rows.size() <= 2 ? columnOf({head, rowOf({symbolOf("="), gridOf(A)}), mix})
                                            : columnOf({head, rowOf({symbolOf("="), gridOf(A), symbolOf(","), mix})});
    step.scene = b.finish(root, tall, 4500);
    return step;
}

}  // namespace alab::core::thinking_machines
