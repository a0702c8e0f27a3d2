// The encoder-layer lesson, steps 5-7: the second Add & Norm (after the FFN), stacking N layers, and
// where the LayerNorm sits — post-norm (the paper) against pre-norm, both computed on the same
// weights and words. See encoder_layer.cpp for steps 1-4 and the lesson.
#include "core/lessons/encoder_layer_steps.h"

namespace alab::core::encoder_layer {
namespace {

std::string superscript(int n) {
    static const char* digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string out;
    for (char c : std::to_string(n)) out += digits[c - '0'];
    return out;
}

}  // namespace

LessonStep Steps::secondAddNorm() {
    LessonStep step{"add-norm-2", QT_TRANSLATE_NOOP("Lesson", "Back to d_model, Add & Norm again"), {}, {}, {}, {}, {}, {}};
    const std::string out = layerTensorName(false, l, "ffn.output");
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "The second layer of the FFN brings the %1 numbers back to %2. Like attention, the FFN only adds to the "
        "stream: its output is added to the vector that went into it."), {std::to_string(d_ff), std::to_string(d_model)}});
    if (post)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "A second LayerNorm follows, and its result is the output of the whole layer: again mean 0 and variance 1 "
            "before γ and β."), {}});
    else
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "This model is pre-norm: its second LayerNorm came before the FFN, so the sum itself is the layer’s output "
            "and is not normalised."), {}});
    step.formula = post ? "y = LayerNorm(x + FFN(x))" : "y = x + FFN(LayerNorm(x))";
    step.tensors = {out, n.ffnResidual, n.sum2};
    SceneBuilder b;
    m_cap = std::min(colCap, 4);  // three rows side by side, then the LayerNorm under them
    const std::vector<int> g = sumRow(b, out, n.ffnResidual, n.sum2, "FFN(x)", "x", "v");
    b.schedule(g[0], 0.0, 0.15);
    b.schedule(g[1], 0.15, 0.3);
    b.schedule(g[2], 0.3, 0.45);
    const SceneNode sum = columnOf({textOf({quoted(words[size_t(F)]), {}}, 0, 1.2),
                                    rowOf({gridOf(g[0]), symbolOf("+"), gridOf(g[1]), symbolOf(g[3] < 0 ? "≈" : "="), gridOf(g[2])})});
    if (!post) {
        m_cap = colCap;
        step.scene = b.finish(sum, {}, 3000);
        return step;
    }
    const SceneNode norm = layerNormScene(b, "LayerNorm(v)", n.sum2, 2, 0.5, 0.98, g[2]);
    m_cap = colCap;
    step.scene = b.finish(columnOf({sum, norm}), {}, 5000);
    return step;
}

LessonStep Steps::stack() {
    LessonStep step{"stack", QT_TRANSLATE_NOOP("Lesson", "Stacking N layers"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({N > 1
        ? QT_TRANSLATE_NOOP("Lesson",
              "A layer’s output has the shape of its input, one vector of %1 numbers per word, so layers can be stacked: the "
              "output x⁽¹⁾ of layer 1 is the input of layer 2, and so on. The paper stacks N = 6 encoder layers; this model "
              "has N = %2, each with its own weights.")
        : QT_TRANSLATE_NOOP("Lesson",
              "A layer’s output has the shape of its input, one vector of %1 numbers per word, so layers can be stacked: the "
              "output x⁽¹⁾ of layer 1 would be the input of layer 2, and so on. The paper stacks N = 6 encoder layers, each "
              "with its own weights; this model has a single one (N = %2)."), {std::to_string(d_model), std::to_string(N)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "One layer of this shape holds %1 weights. The paper’s layer holds %2, and its six encoder layers %3."),
        {groupedNumber(encoderLayerParameters(d_model, d_ff)), groupedNumber(encoderLayerParameters(512, 2048)),
         groupedNumber(6 * encoderLayerParameters(512, 2048))}});
    if (m.config().final_norm)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson", "After the last layer this model applies one more LayerNorm."), {}});
    step.formula = "x⁽ˡ⁾ = EncoderLayer_l(x⁽ˡ⁻¹⁾),   l = 1 … N";

    SceneBuilder b;
    struct Line {
        std::string tensor, label;
        int layer;  // the layer that made it (1-based), 0 for the input, -1 for the final LayerNorm
    };
    std::vector<Line> rows = {{"encoder.input", "x⁽⁰⁾", 0}};
    for (int k = 0; k < N; ++k)
        if (t.encoder[size_t(k)].captured) rows.push_back({layerTensorName(false, k, "output"), "x⁽" + superscript(k + 1) + "⁾", k + 1});
    if (m.config().final_norm) rows.push_back({"encoder.output", "LayerNorm(x⁽" + superscript(N) + "⁾)", -1});
    std::vector<SceneNode> lines;
    std::vector<int> grids;
    const double slot = 0.95 / double(rows.size());
    for (size_t k = 0; k < rows.size(); ++k) {
        const Line& r = rows[k];
        step.tensors.push_back(r.tensor);
        const double at = slot * double(k);
        if (k > 0)
            lines.push_back(r.layer > 0 ? textOf({QT_TRANSLATE_NOOP("Lesson", "↓  layer %1"), {std::to_string(r.layer)}}, at, 1.0)
                                        : symbolOf("↓  LayerNorm", at, 1.0));
        const int g = b.matrix(k == 0 ? quoted(words[size_t(F)]) : std::string(), r.tensor, {}, tensor(r.tensor), {F}, colCap, {r.label});
        b.grid(g).widthGroup = 1;
        b.schedule(g, at, at + slot * 0.8);
        lines.push_back(gridOf(g));
        grids.push_back(g);
    }
    b.oneScale(grids);  // one scale down the stack: a layer that grows or shrinks the numbers shows it
    step.scene = b.finish(columnOf(lines), {}, 1000 + 700 * int(rows.size()));
    return step;
}

LessonStep Steps::placement() {
    LessonStep step{"placement", QT_TRANSLATE_NOOP("Lesson", "Where the LayerNorm sits: post-norm or pre-norm"), {}, {}, {}, {}, {}, {}};
    const std::vector<Matrix> other = otherPlacementOutputs(t, m);
    const RowVector own = tensor(layerTensorName(false, N - 1, "output")).row(F);
    const RowVector flipped = other.back().row(F);
    const RowVector& postRow = post ? own : flipped;
    const RowVector& preRow = post ? flipped : own;
    const auto [postMean, postVar] = rowMeanVariance(postRow);
    const auto [preMean, preVar] = rowMeanVariance(preRow);
    step.paragraphs.push_back({post
        ? QT_TRANSLATE_NOOP("Lesson",
              "The paper, like this model, normalises after each residual sum (post-norm). Many later models normalise "
              "before each sublayer instead (pre-norm); the stream itself is then never normalised, and one LayerNorm "
              "after the last layer finishes the job.")
        : QT_TRANSLATE_NOOP("Lesson",
              "This model normalises before each sublayer (pre-norm), as many later models do; the stream itself is never "
              "normalised, and one LayerNorm after the last layer finishes the job. The paper normalises after each "
              "residual sum (post-norm)."), {}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Here the same weights and words run both ways, computed now. At the end of the stack (N = %1), “%2” has mean %3 and "
        "variance %4 in post-norm, but mean %5 and variance %6 in pre-norm: the stream keeps its own scale. Pre-norm usually trains "
        "more easily when there are many layers."),
        {std::to_string(N), words[size_t(F)], formatFixed(postMean, 2), formatFixed(postVar, 2), formatFixed(preMean, 2),
         formatFixed(preVar, 2)}});
    step.formula = "post: x ← LayerNorm(x + Sublayer(x))    pre: x ← x + Sublayer(LayerNorm(x))";
    step.tensors = {layerTensorName(false, N - 1, "output")};

    SceneBuilder b;
    const int cols = std::min(colCap, d_model);
    std::vector<int> rowGrids;
    auto line = [&](const RowVector& row, bool fromTrace, double mean, double var, double at) {
        int g;
        if (fromTrace) {
            g = b.matrix({}, layerTensorName(false, N - 1, "output"), {}, tensor(layerTensorName(false, N - 1, "output")), {F},
                         colCap, {"x⁽" + superscript(N) + "⁾"});
        } else {
            std::vector<double> values;
            for (int c = 0; c < cols; ++c) values.push_back(row[c]);
            g = b.derived({}, "x⁽" + superscript(N) + "⁾", values, {}, d_model > colCap);
        }
        const int mu = b.derived({}, "μ =", {mean}, {}, false, -2, 2);
        const int v = b.derived({}, "σ² =", {var}, {}, false, -2, 2);
        std::vector<double> shownRow;
        for (const SceneCell& c : b.grid(g).cells) shownRow.push_back(c.value);
        const int d = std::max(2, meanDecimals(shownRow, mean, d_model <= cols));  // the shown row averages to the shown μ
        if (d > 2)
            for (SceneCell& c : b.grid(g).cells) c.text = formatFixed(c.value, d);
        b.grid(mu).cells[0].text = formatFixed(mean, d);
        b.grid(v).cells[0].text = formatFixed(var, 2);
        b.grid(g).widthGroup = 1;
        b.plainNumber(mu);
        b.plainNumber(v);
        rowGrids.push_back(g);
        b.schedule(g, at, at + 0.3);
        b.grid(mu).cells[0].appear = b.grid(v).cells[0].appear = at + 0.32;
        return rowOf({gridOf(g), gridOf(mu), gridOf(v)});
    };
    const SceneNode postLine = line(postRow, post, postMean, postVar, 0.05);
    const SceneNode preLine = line(preRow, !post, preMean, preVar, 0.5);
    b.oneScale(rowGrids);  // post-norm's small numbers and pre-norm's large ones in one scale
    const SceneNode root = columnOf(
        {rowOf({textOf({QT_TRANSLATE_NOOP("Lesson", "Post-norm (the paper):"), {}}, 0, 1.1), symbolOf("x ← LayerNorm(x + Sublayer(x))", 0, 1.1)}),
         postLine,
         rowOf({textOf({QT_TRANSLATE_NOOP("Lesson", "Pre-norm:"), {}}, 0.45, 1.1), symbolOf("x ← x + Sublayer(LayerNorm(x))", 0.45, 1.1)}),
         preLine}, false);
    step.scene = b.finish(root, {}, 4000);
    return step;
}

}  // namespace alab::core::encoder_layer
