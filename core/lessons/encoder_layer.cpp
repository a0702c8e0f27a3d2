// The encoder-layer lesson (see encoder_layer.h), steps 1-4 — the residual sum, Add & Norm, the FFN
// and its ReLU — with the numeric helpers and the lesson itself; steps 5-7 are in
// encoder_layer_stack.cpp. Every number shown is a cell of the trace or derived here from cells
// of the trace; sums are shown with as many decimals as it takes for them to add up on screen.
#include "core/lessons/encoder_layer_steps.h"

#include "core/attention.h"
#include "core/layers.h"

namespace alab::core {

std::pair<double, double> rowMeanVariance(const RowVector& x) {
    double mean = 0, variance = 0;
    for (Eigen::Index c = 0; c < x.size(); ++c) mean += x[c];
    mean /= double(x.size());
    for (Eigen::Index c = 0; c < x.size(); ++c) variance += (x[c] - mean) * (x[c] - mean);
    return {mean, variance / double(x.size())};
}

LayerNormRow layerNormRow(const RowVector& x, const LayerNormWeights& w, double eps) {
    LayerNormRow r;
    std::tie(r.mean, r.variance) = rowMeanVariance(x);
    r.rstd = 1.0 / std::sqrt(r.variance + eps);
    RowVector normalized(x.size());
    for (Eigen::Index c = 0; c < x.size(); ++c) {
        r.input.push_back(x[c]);
        r.normalized.push_back((x[c] - r.mean) * r.rstd);
        r.output.push_back(r.normalized.back() * w.gamma[c] + w.beta[c]);
        normalized[c] = float(r.normalized.back());
    }
    double after = 0, spread = 0;
    for (double v : r.normalized) after += v;
    after /= double(x.size());
    for (double v : r.normalized) spread += (v - after) * (v - after);
    r.meanAfter = after;
    r.varianceAfter = spread / double(x.size());
    return r;
}

std::vector<Matrix> stackOutputs(const Trace& trace, const Model& model, bool normFirst) {
    ModelConfig c = model.config();
    c.norm_first = normFirst;
    const Matrix mask = paddingMask(int(trace.encoder_input.rows()), trace.src_ids, c.pad_id);
    std::vector<Matrix> out;
    Matrix x = trace.encoder_input;
    for (const EncoderLayerWeights& w : model.weights().encoder) {
        x = encoderLayer(x, w, c, mask);
        out.push_back(x);
    }
    return out;
}

std::vector<Matrix> otherPlacementOutputs(const Trace& trace, const Model& model) {
    return stackOutputs(trace, model, !model.config().norm_first);
}

int64_t encoderLayerParameters(int64_t d_model, int64_t d_ff) {
    return 4 * d_model * d_model + 4 * d_model + 2 * d_model * d_ff + d_ff + d_model + 4 * d_model;
}

std::string groupedNumber(int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (size_t k = 0; k < digits.size(); ++k) {
        if (k && (digits.size() - k) % 3 == 0) out += ',';
        out += digits[k];
    }
    return (n < 0 ? "−" : "") + out;
}

namespace encoder_layer {

Steps::Steps(const Trace& t, const Model& m, const std::vector<std::string>& words, const LessonOptions& o)
    : t(t), m(m), o(o), e(t.encoder[size_t(o.spec.layer)]), words(words), l(o.spec.layer), F(o.spec.focus),
      S(int(words.size())), N(int(t.encoder.size())), d_model(m.config().d_model), d_ff(m.config().d_ff),
      colCap(std::max(1, o.columns)), rowCap(std::min(6, std::max(2, o.rows))), post(!m.config().norm_first), m_cap(colCap) {
    const auto name = [this](const char* leaf) { return layerTensorName(false, l, leaf); };
    n.input = l == 0 ? "encoder.input" : layerTensorName(false, l - 1, "output");
    n.attention = attentionTensorName(AttentionKind::EncoderSelf, l, "output");
    n.norm1 = name("norm1");
    n.output = name("output");
    n.sum1 = post ? name("residual1") : name("add_norm1");
    n.ffnIn = post ? n.norm1 : name("norm2");
    n.ffnResidual = post ? n.norm1 : n.sum1;
    n.sum2 = post ? name("residual2") : n.output;
}

const Matrix& Steps::tensor(const std::string& name) {
    auto it = m_tensors.find(name);
    if (it == m_tensors.end()) {
        const std::optional<Tensor> found = findTensor(t, name);
        if (!found) throw InvalidArgument("encoder-layer lesson: the trace has no tensor " + name);
        it = m_tensors.emplace(name, found->toMatrix()).first;
    }
    return it->second;
}

std::vector<std::string> Steps::wordLabels(int count) const {
    std::vector<std::string> out;
    for (int i = 0; i < count && i < S; ++i) out.push_back(quoted(words[size_t(i)]));
    return out;
}

std::vector<int> Steps::sumRow(SceneBuilder& b, const std::string& xName, const std::string& yName, const std::string& zName,
                               const std::string& xLabel, const std::string& yLabel, const std::string& zLabel) {
    const Matrix &x = tensor(xName), &y = tensor(yName), &z = tensor(zName);
    const int cols = std::min(m_cap, d_model);
    std::vector<double> xs, ys, zs;
    for (int c = 0; c < cols; ++c) xs.push_back(x(F, c)), ys.push_back(y(F, c)), zs.push_back(z(F, c));
    const int d = sumDecimals({xs, ys}, zs);
    const int decimals = d < 0 ? 2 : d;
    const int X = b.matrix({}, xName, {}, x, {F}, m_cap, {xLabel});
    const int Y = b.matrix({}, yName, {}, y, {F}, m_cap, {yLabel});
    const int Z = b.matrix({}, zName, {}, z, {F}, m_cap, {zLabel});
    b.oneScale({X, Y, Z});
    for (int g : {X, Y, Z}) {
        b.grid(g).widthGroup = 1;
        for (SceneCell& c : b.grid(g).cells) c.text = formatFixed(c.value, decimals);
    }
    for (int c = 0; c < cols; ++c) {
        SceneCell& cell = b.grid(Z).cells[size_t(c)];
        cell.sweep = {{X, 0, c}, {Y, 0, c}};
        cell.highlight = true;
        cell.arithmetic = b.grid(X).cells[size_t(c)].text + " + " + b.grid(Y).cells[size_t(c)].text + (d < 0 ? " ≈ " : " = ") + cell.text;
    }
    return {X, Y, Z, d};
}

namespace {

double shown(double v, int decimals) { return parseLessonNumber(formatFixed(v, decimals)); }

// How many decimals v, μ and 1/σ are shown with: the first choice (v from vFrom to vTo, μ with at least
// as many, 1/σ with 2-4) at which (v − μ)·(1/σ) computed from the shown numbers rounds to every shown
// normalised number; with sameMu, μ is shown like v (so that the mean of the shown v is the shown μ).
struct NormPrecision {
    int v = 2, mu = 2, rstd = 4;
    bool exact = false;
};

NormPrecision normPrecision(const std::vector<double>& v, double mu, double rstd, const std::vector<double>& normalized,
                            int vFrom, int vTo, bool sameMu) {
    for (int dv = vFrom; dv <= vTo; ++dv)
        for (int dm = dv; dm <= (sameMu ? dv : 4); ++dm)
            for (int dr = 2; dr <= 4; ++dr) {
                bool ok = true;
                for (size_t c = 0; c < v.size() && ok; ++c)
                    ok = formatLessonNumber((shown(v[c], dv) - shown(mu, dm)) * shown(rstd, dr)) == formatLessonNumber(normalized[c]);
                if (ok) return {dv, dm, dr, true};
            }
    return {vFrom, vFrom, 4, false};
}

int decimalsOf(const std::string& text) {
    const size_t dot = text.find('.');
    return dot == std::string::npos ? 0 : int(text.size() - dot - 1);
}

std::string listed(const std::vector<double>& values, int decimals, size_t cap = 4) {
    std::string out;
    for (size_t k = 0; k < values.size() && k < cap; ++k) out += (k ? " + " : "") + formatFixed(values[k], decimals);
    return values.size() > cap ? out + " + …" : out;
}

}  // namespace

SceneNode Steps::layerNormScene(SceneBuilder& b, const std::string& vTitle, const std::string& vName, int which,
                                double from, double to, int existingV) {
    const std::string p = layerTensorName(false, l, which == 1 ? "norm1" : "norm2");
    const LayerNormWeights& w = which == 1 ? m.weights().encoder[size_t(l)].norm1 : m.weights().encoder[size_t(l)].norm2;
    const LayerNormRow r = layerNormRow(tensor(vName).row(F), w, m.config().layer_norm_eps);
    const double span = to - from;
    const int md = meanDecimals(r.input, r.mean, d_model <= m_cap);
    const int V = existingV >= 0 ? existingV : b.matrix(vTitle, vName, {}, tensor(vName), {F}, m_cap, {"v"});
    const int cols = b.grid(V).cols;
    const std::vector<double> vShown(r.input.begin(), r.input.begin() + cols);
    const std::vector<double> zShown(r.normalized.begin(), r.normalized.begin() + cols);
    const int vFixed = existingV >= 0 ? decimalsOf(b.grid(V).cells[0].text) : -1;
    const NormPrecision pr = normPrecision(vShown, double(tensor(p + "_mean")(F, 0)), double(tensor(p + "_rstd")(F, 0)), zShown,
                                           vFixed >= 0 ? vFixed : std::max(2, md), vFixed >= 0 ? vFixed : 4, md >= 0 && vFixed < 0);
    if (existingV < 0) {
        for (SceneCell& c : b.grid(V).cells) c.text = formatFixed(c.value, pr.v);
        b.schedule(V, from, from + span * 0.15);
    }
    const std::string d = std::to_string(d_model);
    const int mu = b.cell(p + "_mean", {}, tensor(p + "_mean"), F, 0, {"μ ="});
    const std::string muText = formatFixed(b.grid(mu).cells[0].value, pr.mu);
    b.grid(mu).cells[0].text = muText;
    b.grid(mu).cells[0].arithmetic = "μ = (" + listed(r.input, pr.v) + ") / " + d + " = " + muText;
    const std::string varHow = "σ² = Σ (v − μ)² / " + d + " = " + formatFixed(r.variance, 4);
    const int var = b.derived({}, "σ² =", {r.variance}, {varHow}, false, -r.variance - 1, r.variance + 1);
    const int rstd = b.cell(p + "_rstd", {}, tensor(p + "_rstd"), F, 0, {"1/σ ="});
    b.grid(rstd).cells[0].text = formatFixed(b.grid(rstd).cells[0].value, pr.rstd);
    b.grid(rstd).cells[0].arithmetic = "1/σ = 1/√(σ² + ε) = 1/√(" + formatFixed(r.variance, 4) + " + " +
                                       formatLessonNumber(m.config().layer_norm_eps) + ") = " + formatFixed(r.rstd, 4);
    std::vector<std::string> how;
    for (int c = 0; c < cols; ++c)
        how.push_back("(" + b.grid(V).cells[size_t(c)].text + " − " + muText + ")·" + b.grid(rstd).cells[0].text +
                      (pr.exact ? " = " : " ≈ ") + formatLessonNumber(r.normalized[size_t(c)]));
    const std::vector<double>& shownNormalized = zShown;
    const int Z = b.derived("(v − μ)·(1/σ)", {}, shownNormalized, how, d_model > m_cap, -2.5, 2.5);
    const int mu2 = b.derived({}, "μ =", {r.meanAfter}, {}, false, -1, 1);
    const int var2 = b.derived({}, "σ² =", {r.varianceAfter}, {}, false, -2, 2);
    b.grid(var).cells[0].text = formatFixed(r.variance, 2);
    b.grid(mu2).cells[0].text = formatFixed(r.meanAfter, 2);
    b.grid(var2).cells[0].text = formatFixed(r.varianceAfter, 2);
    b.grid(mu2).cells[0].arithmetic = "μ = Σ (v − μ)·(1/σ) / " + d + " = " + formatFixed(r.meanAfter, 4);
    b.grid(var2).cells[0].arithmetic = "σ² = Σ ((v − μ)·(1/σ))² / " + d + " = σ² / (σ² + ε) = " + formatFixed(r.varianceAfter, 4);
    const int Y = b.matrix("γ·(v − μ)/σ + β", p, {}, tensor(p), {F}, m_cap, {"y"});
    for (int g : {mu, var, rstd}) b.grid(g).cells[0].appear = from + span * (0.2 + 0.1 * (g - mu));
    for (int c = 0; c < b.grid(Z).cols; ++c) b.grid(Z).cells[size_t(c)].sweep = {{V, 0, c}, {mu, 0, 0}, {rstd, 0, 0}};
    b.schedule(Z, from + span * 0.5, from + span * 0.7);
    b.grid(mu2).cells[0].appear = b.grid(var2).cells[0].appear = from + span * 0.75;
    b.schedule(Y, from + span * 0.82, to);
    for (int g : {V, Z, Y}) b.grid(g).widthGroup = 2;
    b.oneScale({V, mu, Z, Y});  // v, its mean and what LayerNorm makes of it, in one scale: the shrinking shows
    for (int g : {var, rstd, mu2, var2}) b.plainNumber(g);
    std::vector<SceneNode> lines;
    if (existingV < 0) lines.push_back(rowOf({gridOf(V)}));
    const std::vector<SceneNode> rest = {
                     rowOf({textOf({QT_TRANSLATE_NOOP("Lesson", "before:"), {}}, from, 1.1), gridOf(mu), gridOf(var), gridOf(rstd)}),
                     rowOf({gridOf(Z), textOf({QT_TRANSLATE_NOOP("Lesson", "after:"), {}}, from + span * 0.75, 1.1), gridOf(mu2), gridOf(var2)}),
                     rowOf({gridOf(Y)})};
    lines.insert(lines.end(), rest.begin(), rest.end());
    return columnOf(lines);
}

LessonStep Steps::residual() {
    LessonStep step{"residual", QT_TRANSLATE_NOOP("Lesson", "The residual stream"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Attention does not replace a word’s vector, it adds to it. What attention returns for “%1” is added, number "
        "by number, to the vector x that went in. This sum is the residual stream: each sublayer only adds a "
        "correction, and the original vector always gets through."), {words[size_t(F)]}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "In training the gradient flows back through the + unchanged, so even the first of many layers keeps learning."), {}});
    if (!post)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "This model is pre-norm: attention reads LayerNorm(x), not x (next step), but what it returns is added to x itself."), {}});
    step.formula = post ? "v = x + Attention(x)" : "v = x + Attention(LayerNorm(x))";
    step.tensors = {n.input, n.attention, n.sum1};
    for (int c = 0; c < d_model; ++c) step.highlights.push_back({n.sum1, {F, c}});

    SceneBuilder b;
    const std::vector<int> g = sumRow(b, n.input, n.attention, n.sum1, "x", "Attention(x)", "v");
    b.schedule(g[0], 0.0, 0.25);
    b.schedule(g[1], 0.3, 0.55);
    b.schedule(g[2], 0.6, 0.95);
    const std::string eq = g[3] < 0 ? "≈" : "=";
    const SceneNode word = textOf({quoted(words[size_t(F)]), {}}, 0, 1.2);
    const SceneNode wide = columnOf({word, rowOf({gridOf(g[0]), symbolOf("+", 0.3), gridOf(g[1]), symbolOf(eq, 0.6), gridOf(g[2])})});
    const SceneNode tall = columnOf({word, gridOf(g[0]), symbolOf("+", 0.3), gridOf(g[1]), symbolOf(eq, 0.6), gridOf(g[2])});
    step.scene = b.finish(wide, tall, 3500);
    return step;
}

LessonStep Steps::addNorm() {
    LessonStep step{"add-norm", QT_TRANSLATE_NOOP("Lesson", "Add & Norm: mean 0, variance 1"), {}, {}, {}, {}, {}, {}};
    const std::string vName = post ? n.sum1 : n.input;
    const LayerNormWeights& w = m.weights().encoder[size_t(l)].norm1;
    const LayerNormRow r = layerNormRow(tensor(vName).row(F), w, m.config().layer_norm_eps);
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "LayerNorm rescales each word’s vector v on its own. It takes the mean μ and the variance σ² of its %1 numbers, "
        "subtracts μ and divides by σ. For “%2”: μ = %3 and σ² = %4 before; mean %5 and variance %6 after."),
        {std::to_string(d_model), words[size_t(F)], formatLessonNumber(r.mean), formatLessonNumber(r.variance),
         formatFixed(r.meanAfter, 2), formatFixed(r.varianceAfter, 2)}});
    const bool identity = (w.gamma.array() == 1).all() && (w.beta.array() == 0).all();
    step.paragraphs.push_back(identity
        ? LessonParagraph{QT_TRANSLATE_NOOP("Lesson",
              "Then every number is multiplied by a learned scale γ and shifted by a learned β. Here γ = 1 and β = 0, so y "
              "is the normalised row itself. Whatever the layer before did, the next one gets numbers of the same size."), {}}
        : LessonParagraph{QT_TRANSLATE_NOOP("Lesson",
              "Then every number is multiplied by a learned scale γ and shifted by a learned β, so the model can choose "
              "another scale where it helps. Whatever the layer before did, the next one gets numbers of a known size."), {}});
    if (!post)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "In this pre-norm model the LayerNorm comes first: it normalises x before attention reads it, and the sum v "
            "of the previous step is left as it is."), {}});
    step.formula = "LayerNorm(v) = γ·(v − μ)/√(σ² + ε) + β";
    step.tensors = {vName, n.norm1 + "_mean", n.norm1 + "_rstd", n.norm1};
    step.highlights.push_back({n.norm1 + "_mean", {F, 0}});
    step.highlights.push_back({n.norm1 + "_rstd", {F, 0}});
    SceneBuilder b;
    const SceneNode root = layerNormScene(b, post ? "v = x + Attention(x)" : "v = x", vName, 1, 0.0, 0.97);
    step.scene = b.finish(root, {}, 5000);
    return step;
}

LessonStep Steps::ffn() {
    LessonStep step{"ffn", QT_TRANSLATE_NOOP("Lesson", "The feed-forward network: wider, then back"), {}, {}, {}, {}, {}, {}};
    const std::string ratio = d_ff % d_model == 0 ? std::to_string(d_ff / d_model) : formatFixed(double(d_ff) / d_model, 2);
    const int64_t params = 2 * int64_t(d_model) * d_ff + d_ff + d_model;
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Next, every word goes on its own through the same small network of two layers. “Position-wise” means that the "
        "words do not look at each other here: each row is done separately, with the same weights."), {}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "The first layer widens each vector. The paper goes from d_model = 512 to d_ff = 2048 = 4 × 512 numbers; this "
        "model goes from d_model = %1 to d_ff = %2 = %3 × %1. W₁, W₂ and their biases hold %4 numbers (the paper: %5)."),
        {std::to_string(d_model), std::to_string(d_ff), ratio, groupedNumber(params), groupedNumber(2 * 512 * 2048 + 2048 + 512)}});
    step.formula = "FFN(x) = max(0, x·W_1 + b_1)·W_2 + b_2";
    const std::string pre = layerTensorName(false, l, "ffn.pre_activation");
    step.tensors = {n.ffnIn, pre};
    for (int c = 0; c < d_ff; ++c) step.highlights.push_back({pre, {F, c}});

    SceneBuilder b;
    const std::vector<int> rows = firstRows(S, rowCap);
    const int X = b.matrix("x", n.ffnIn, {}, tensor(n.ffnIn), rows, colCap, wordLabels(int(rows.size())));
    const int P = b.matrix("x·W₁ + b₁", pre, {}, tensor(pre), rows, colCap + 2, {});
    const Linear& l1 = m.weights().encoder[size_t(l)].linear1;
    for (SceneCell& c : b.grid(P).cells) {
        const int i = int(c.index[0]), k = int(c.index[1]);
        c.arithmetic = "x" + sub(i + 1) + "·W₁[" + std::to_string(k + 1) + "] + b₁[" + std::to_string(k + 1) + "] = " +
                       formatLessonNumber(tensor(n.ffnIn).row(i).dot(l1.weight.row(k))) + " + " +
                       formatLessonNumber(l1.bias[k]) + " = " + c.text;
        c.sweep = {{X, int(std::find(rows.begin(), rows.end(), i) - rows.begin()), -1}};
    }
    b.schedule(X, 0.0, 0.2, true);
    b.schedule(P, 0.25, 0.95, true);
    const SceneNode widen = textOf({QT_TRANSLATE_NOOP("Lesson", "%1 → %2 numbers"), {std::to_string(d_model), std::to_string(d_ff)}}, 0.2, 1.1);
    step.scene = b.finish(rowOf({gridOf(X), columnOf({symbolOf("· W₁ + b₁ →", 0.2), widen}), gridOf(P)}),
                          columnOf({gridOf(X), rowOf({symbolOf("· W₁ + b₁ →", 0.2), widen}), gridOf(P)}), 4000);
    return step;
}

LessonStep Steps::relu() {
    const bool isRelu = m.config().activation == Activation::Relu;
    LessonStep step{"relu", isRelu ? QT_TRANSLATE_NOOP("Lesson", "ReLU: negative numbers become 0")
                                   : QT_TRANSLATE_NOOP("Lesson", "GELU: negative numbers are pressed towards 0"), {}, {}, {}, {}, {}, {}};
    const std::string pre = layerTensorName(false, l, "ffn.pre_activation"), hid = layerTensorName(false, l, "ffn.hidden");
    const Matrix& P = tensor(pre);
    const int rowNegatives = int((P.row(F).array() < 0).count()), allNegatives = int((P.array() < 0).count());
    if (isRelu)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "The wide vector z goes through ReLU, max(0, z): every negative number becomes 0 and every positive one passes "
            "unchanged. For “%1”, %2 of its %3 numbers were negative and are now 0; over the %4 words, %5 of %6."),
            {words[size_t(F)], std::to_string(rowNegatives), std::to_string(d_ff), std::to_string(S),
             std::to_string(allNegatives), std::to_string(S * d_ff)}});
    else
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "This model uses GELU instead of the paper’s ReLU: a negative number is not cut to 0 but pressed towards it. "
            "For “%1”, %2 of its %3 numbers were negative."), {words[size_t(F)], std::to_string(rowNegatives), std::to_string(d_ff)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Without this bend the two layers would be one matrix product, W₁·W₂, and could only compute linear functions."), {}});
    step.formula = isRelu ? "ReLU(z) = max(0, z)" : "GELU(z) = z·Φ(z)";
    step.tensors = {pre, hid};
    SceneBuilder b;
    const std::vector<int> rows = firstRows(S, rowCap);
    const int Pg = b.matrix("z = x·W₁ + b₁", pre, {}, P, rows, colCap + 2, wordLabels(int(rows.size())));
    const int H = b.matrix(isRelu ? "max(0, z)" : "GELU(z)", hid, {}, tensor(hid), rows, colCap + 2, wordLabels(int(rows.size())));
    for (int k = 0; k < int(b.grid(H).cells.size()); ++k) {
        SceneCell& c = b.grid(H).cells[size_t(k)];
        const SceneCell& z = b.grid(Pg).cells[size_t(k)];
        c.sweep = {{Pg, k / b.grid(H).cols, k % b.grid(H).cols}};
        c.highlight = z.value < 0;
        if (isRelu) c.arithmetic = "max(0, " + z.text + ") = " + c.text;
    }
    b.grid(Pg).widthGroup = b.grid(H).widthGroup = 1;
    b.oneScale({Pg, H});
    b.schedule(H, 0.1, 0.9, true);
    step.scene = b.finish(columnOf({gridOf(Pg), symbolOf("↓", 0.05), gridOf(H)}), {}, 3500);
    return step;
}

}  // namespace encoder_layer

Lesson buildEncoderLayerLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                               const LessonOptions& options) {
    const LessonSpec& spec = options.spec;
    if (spec.layer < 0 || spec.layer >= int(trace.encoder.size()) || !trace.encoder[size_t(spec.layer)].captured)
        throw InvalidArgument("lesson: the trace has no encoder layer " + std::to_string(spec.layer + 1));
    const int S = int(trace.encoder_input.rows());
    if (int(words.size()) != S)
        throw InvalidArgument("lesson: " + std::to_string(words.size()) + " words for " + std::to_string(S) + " positions");
    if (spec.focus < 0 || spec.focus >= S) throw InvalidArgument("lesson: focus word out of range");
    Lesson l;
    l.spec = spec;
    l.words = words;
    l.d_k = model.config().headDim();
    l.d_model = model.config().d_model;
    l.hasPositionalEncoding = model.config().positional_encoding != PositionalEncoding::None;
    encoder_layer::Steps steps(trace, model, words, options);
    l.steps = {steps.residual(), steps.addNorm(), steps.ffn(), steps.relu(), steps.secondAddNorm(), steps.stack(), steps.placement()};
    return l;
}

}  // namespace alab::core
