// The self-attention lesson of the seed article ("Thinking Machines"), on any encoder trace: steps
// 1-4 (words → vectors, Q/K/V, scores, scaling) and the lesson itself; steps 5-8 are in
// thinking_machines_mix.cpp. Texts are English sources marked QT_TRANSLATE_NOOP for lupdate (an
// identity here: core includes no Qt). Every number shown is read from the trace or derived here.
#include "core/lessons/thinking_machines.h"

#include "core/lessons/multi_head.h"

namespace alab::core {
namespace thinking_machines {

LessonStep Steps::embed() {
    LessonStep step{"embed", QT_TRANSLATE_NOOP("Lesson", "The words become vectors"), {}, {}, {}, {}, {}, {}};
    const std::string x = lessonInputName(m, s), d_model = std::to_string(m.config().d_model);
    if (S == 2)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "A network cannot read letters, so each word is looked up in a table of numbers. “%1” becomes the "
            "vector x₁ and “%2” becomes x₂, each %3 numbers long. Stacked as rows, they form the matrix X."),
            {words[0], words[1], d_model}});
    else
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "A network cannot read letters, so each word is looked up in a table of numbers. “%1” becomes the "
            "vector x₁, “%2” becomes x₂, and so on up to %3, each %4 numbers long. Stacked as rows, the %5 vectors "
            "form the matrix X."), {words[0], words[1], "x" + sub(S), d_model, std::to_string(S)}});
    if (o.origin == WeightsOrigin::Random)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "This model is untrained: its word table and all its weight matrices hold random numbers. The "
            "arithmetic of every step is real, but what the words attend to means nothing yet."), {}});
    else if (o.origin == WeightsOrigin::HandPicked)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "The numbers of this example were chosen by hand, as in the article, so that the arithmetic is easy "
            "to follow. A real model learns them in training."), {}});
    const bool pe = m.config().positional_encoding != PositionalEncoding::None;
    if (pe)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "This model also adds a positional encoding to every vector, so the same word at another place in "
            "the sentence gets different numbers."), {}});
    if (m.config().norm_first)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "This model normalises first (pre-norm): attention reads X = LayerNorm(x), the word vectors scaled "
            "to mean 0 and variance 1 (tensor %1), not x itself."), {x}});
    step.formula = !pe ? "x_i = Embedding(w_i)"
                   : m.config().scale_embedding ? "x_i = Embedding(w_i)·√d_model + PE_i" : "x_i = Embedding(w_i) + PE_i";
    if (m.config().norm_first) step.formula += "    X = LayerNorm(x)";
    for (int c = 0; c < m.config().d_model; ++c) step.highlights.push_back({x, {F, c}});

    SceneBuilder b = builder();
    const std::vector<int> rows = firstRows(S, wordCap);
    const Matrix X = findTensor(t, x)->toMatrix();
    if (!pe && !m.config().norm_first) {
        step.tensors = {x};
        const int g = b.matrix("X", x, {}, X, rows, 8, wordLabels("x"));
        b.schedule(g, 0.05, 0.9, true);
        step.scene = b.finish(rowOf({gridOf(g)}), {}, 3000);
        return step;
    }
    const std::string emb = m.config().scale_embedding ? "Embedding·√d_model" : "Embedding";
    const int E = b.matrix(emb, "input.src_embedding", {}, t.src_embedding, rows, colCap, wordLabels());
    const int P = pe ? b.matrix("PE", "input.positional_encoding", {}, t.src_positional_encoding, rows, colCap, {}) : -1;
    const int I = pe ? b.matrix("x", "encoder.input", {}, t.encoder_input, rows, colCap, symbols("x", shown)) : E;
    const int N = m.config().norm_first ? b.matrix("X", x, {}, X, rows, colCap, symbols("x", shown)) : -1;
    const bool both = pe && N >= 0;
    b.schedule(E, 0.0, both ? 0.2 : 0.3, true);
    if (P >= 0) b.schedule(P, both ? 0.22 : 0.3, both ? 0.45 : 0.6, true);
    if (pe) b.schedule(I, both ? 0.47 : 0.6, both ? 0.7 : 0.95, true);
    if (N >= 0) b.schedule(N, both ? 0.72 : 0.5, 0.97, true);
    std::vector<SceneNode> sum = {gridOf(E)};
    if (P >= 0) sum = {gridOf(E), symbolOf("+"), gridOf(P), symbolOf("="), gridOf(I)};
    SceneNode wide = rowOf(sum), alt;
    if (P >= 0 && N < 0) alt = columnOf({rowOf({gridOf(E), symbolOf("+"), gridOf(P)}), rowOf({symbolOf("="), gridOf(I)})});
    if (N >= 0) {
        wide.children.push_back(symbolOf("→ LayerNorm →", 0.7, 1.0));
        wide.children.push_back(gridOf(N));
        alt = columnOf({rowOf(sum), rowOf({symbolOf("LayerNorm →", 0.7, 1.0), gridOf(N)})});
    }
    step.tensors = {"input.src_embedding"};
    if (pe) step.tensors.insert(step.tensors.end(), {"input.positional_encoding", "encoder.input"});
    if (N >= 0) step.tensors.push_back(x);
    step.scene = b.finish(wide, alt, 3000);
    return step;
}

LessonStep Steps::project() {
    LessonStep step{"project", QT_TRANSLATE_NOOP("Lesson", "Queries, keys and values"), {}, {}, {}, {}, {}, {}};
    const std::string dk = std::to_string(d_k), dm = std::to_string(m.config().d_model), heads = std::to_string(m.config().heads);
    if (o.origin == WeightsOrigin::Trained)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson", "Each word vector is multiplied by three weight matrices that were learned in training."), {}});
    else if (o.origin == WeightsOrigin::Random)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson", "Each word vector is multiplied by three weight matrices, here random ones: the model is untrained."), {}});
    else if (o.origin == WeightsOrigin::FromFiles)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson", "Each word vector is multiplied by three weight matrices, read from the model's files (no training log lies beside them, so whether they were trained is not known here)."), {}});
    else
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson", "Each word vector is multiplied by three weight matrices, chosen by hand for this example."), {}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "X·W^Q gives every word a query (what it is looking for), X·W^K a key (what it offers) and X·W^V a "
        "value (what it passes on)."), {}});
    if (d_k * m.config().heads == m.config().d_model)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "x has d_model = %1 numbers; q, k and v have d_k = %2. As in the paper, the %3 heads share the width: "
            "d_k = d_model / h = %1 / %3. The stage shows head %4."), {dm, dk, heads, std::to_string(h + 1)}});
    else
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "x has d_model = %1 numbers but q, k and v have d_k = %2, so W^Q is a %1 × %2 matrix. The paper splits "
            "d_model = %3 among h = %4 heads, so there d_k = %3 / %4 = %5; this model (h = %6) sets its own d_k. The "
            "article draws a smaller W^Q still, 4 × 3."),
            {dm, dk, std::to_string(baseModelConfig().d_model), std::to_string(baseModelConfig().heads),
             std::to_string(baseModelConfig().headDim()), heads}});
    step.formula = "Q = X·W^Q    K = X·W^K    V = X·W^V";
    step.terms = {3, 4, 7};
    step.tensors = {name("q"), name("k"), name("v")};
    step.highlights.push_back({name("q"), {h, F, 0}});

    SceneBuilder b = builder();
    const std::string xName = lessonInputName(m, s);
    const std::vector<int> rows = firstRows(S, rowCap);
    const int X = b.matrix("X", xName, {}, findTensor(t, xName)->toMatrix(), rows, colCap, symbols("x", int(rows.size())));
    std::vector<SceneNode> products;
    const HeadStack* outs[] = {&a.q, &a.k, &a.v};
    const int made = colCap <= 4 ? 1 : 3;  // on a projector: Q in full, K and V said in words
    for (int p = 0; p < made; ++p) {
        const char which = "qkv"[p];
        const std::string W = std::string("W^") + char(which - 'a' + 'A');
        const Matrix w = lessonProjection(m, s, which);  // [d_model, d_k]
        const int Wg = b.matrix(W, lessonProjectionName(s), {}, w, firstRows(int(w.rows()), rowCap), colCap, {}, false);
        for (SceneCell& c : b.grid(Wg).cells) {
            const int r = int(c.index[0]), col = int(c.index[1]);
            c.index = lessonProjectionIndex(m, s, which, r, col);
            c.arithmetic = W + "[" + std::to_string(r + 1) + "][" + std::to_string(col + 1) + "] = " + c.text;
        }
        const int out = b.matrix(std::string(1, char(which - 'a' + 'A')), name(std::string(1, which).c_str()), {h},
                                 (*outs[p])[size_t(h)], rows, colCap, symbols(std::string(1, which), int(rows.size())));
        b.schedule(out, p / double(made) + 0.02, (p + 1) / double(made) - 0.02);
        for (SceneCell& c : b.grid(out).cells) c.sweep = {{X, int(c.index[1]), -1}, {Wg, -1, int(c.index[2])}};
        products.push_back(rowOf({symbolOf("·"), gridOf(Wg), symbolOf("="), gridOf(out)}));
    }
    if (made == 1) products.push_back(symbolOf("K = X·W^K,   V = X·W^V", 0.9, 1.0));
    step.scene = b.finish(rowOf({gridOf(X), columnOf(products, false)}), {}, 7000);
    return step;
}

LessonStep Steps::scores() {
    LessonStep step{"scores", QT_TRANSLATE_NOOP("Lesson", "Scores: how well do two words match?"), {}, {}, {}, {}, {}, {}};
    std::vector<std::string> examples;
    for (int j = 0; j < S; ++j)
        examples.push_back("q" + sub(F + 1) + "·k" + sub(j + 1) + " = " + formatLessonNumber(a.scores[size_t(h)](F, j)));
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "How much should “%1” look at each word? Take its query %2 and every key, multiply them number by number "
        "and add the products up: this is the dot product. Here %3. A larger score means a better match."),
        {words[size_t(F)], "q" + sub(F + 1), joined(examples, 4)}});
    step.formula = "score_" + std::to_string(F + 1) + "j = q_" + std::to_string(F + 1) + "·k_j = Σ_n q_" +
                   std::to_string(F + 1) + "n·k_jn";
    step.terms = {3, 4};
    step.tensors = {name("q"), name("k"), name("scores")};
    for (int j = 0; j < S; ++j) step.highlights.push_back({name("scores"), {h, F, j}});

    SceneBuilder b = builder();
    const Matrix& q = a.q[size_t(h)];
    const Matrix& k = a.k[size_t(h)];
    const int Q = b.matrix({}, name("q"), {h}, q, {F}, colCap, {"q" + sub(F + 1)});
    std::vector<SceneNode> lines{rowOf({gridOf(Q)})}, tallLines = lines;
    const double slot = 0.95 / shown;
    const double range = q.row(F).cwiseAbs().maxCoeff() * k.cwiseAbs().maxCoeff();
    for (int j = 0; j < shown; ++j) {
        const int K = b.matrix({}, name("k"), {h}, k, {j}, colCap, {"k" + sub(j + 1)});
        std::vector<double> products;
        std::vector<std::string> how;
        for (int c = 0; c < colCap && c < d_k; ++c) {
            products.push_back(double(q(F, c)) * k(j, c));
            how.push_back("q" + sub(F + 1) + "[" + std::to_string(c + 1) + "]·k" + sub(j + 1) + "[" + std::to_string(c + 1) +
                          "] = " + formatLessonNumber(q(F, c)) + "·" + formatLessonNumber(k(j, c)) + " = " +
                          formatLessonNumber(products.back()));
        }
        const int P = b.derived({}, "→", products, how, d_k > colCap, -range, range);
        b.grid(Q).widthGroup = b.grid(K).widthGroup = b.grid(P).widthGroup = 1;
        b.schedule(P, j * slot, j * slot + slot * 0.7);
        for (int c = 0; c < b.grid(P).cols; ++c) b.grid(P).cells[size_t(c)].sweep = {{Q, 0, c}, {K, 0, c}};
        const int R = b.cell(name("scores"), {h}, a.scores[size_t(h)], F, j, {});
        SceneCell& r = b.grid(R).cells[0];
        b.grid(R).widthGroup = 3;
        r.appear = j * slot + slot * 0.75;
        r.highlight = true;
        r.sweep = {{P, 0, -1}};
        lines.push_back(rowOf({gridOf(K), gridOf(P), symbolOf("="), gridOf(R)}));
        tallLines.push_back(gridOf(K));
        tallLines.push_back(rowOf({gridOf(P), symbolOf("="), gridOf(R)}));
    }
    if (shown < S) {  // the words not shown on a projector: say how many
        lines.push_back(textOf({QT_TRANSLATE_NOOP("Lesson", "⋮  %1 more words"), {std::to_string(S - shown)}}, 0.9, 1.0));
        tallLines.push_back(lines.back());
    }
    step.scene = b.finish(columnOf(lines, false), columnOf(tallLines, false), 2500 + 600 * shown);
    return step;
}

LessonStep Steps::scale() {
    LessonStep step{"scale", QT_TRANSLATE_NOOP("Lesson", "Scale by √dₖ"), {}, {}, {}, {}, {}, {}};
    const Matrix& sc = a.scores[size_t(h)];
    const Matrix& sd = a.scaled[size_t(h)];
    const std::string root = formatLessonNumber(std::sqrt(double(d_k)));
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Divide every score by √d_k = √%1 = %2, so %3 becomes %4 and %5 becomes %6."),
        {std::to_string(d_k), root, formatLessonNumber(sc(F, 0)), formatLessonNumber(sd(F, 0)), formatLessonNumber(sc(F, 1)),
         formatLessonNumber(sd(F, 1))}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Why? Dot products of long vectors grow large. Softmax of large numbers is nearly all zeros and a single "
        "one; there its gradients almost vanish and the model learns very slowly."), {}});
    if (rowMasked(F)) step.paragraphs.push_back(maskNote());
    step.formula = "s_" + std::to_string(F + 1) + "j = score_" + std::to_string(F + 1) + "j / √d_k";
    step.terms = {5};
    step.tensors = {name("scores"), name("scaled")};
    for (int j = 0; j < S; ++j) step.highlights.push_back({name("scaled"), {h, F, j}});

    SceneBuilder b = builder();
    const int R = b.matrix("q" + sub(F + 1) + "·kⱼ", name("scores"), {h}, sc, {F}, shown, {});
    const int D = b.matrix("s" + sub(F + 1) + "ⱼ", name("scaled"), {h}, sd, {F}, shown, {});
    b.grid(R).colLabels = wordLabels();
    b.schedule(D, 0.35, 0.9);
    for (int j = 0; j < b.grid(D).cols; ++j) b.grid(D).cells[size_t(j)].sweep = {{R, 0, j}};
    const SceneNode divide = textOf({"÷ √d_k = ÷ √%1 = ÷ %2", {std::to_string(d_k), root}}, 0.1, 1.5);
    step.scene = b.finish(columnOf({gridOf(R), divide, gridOf(D)}), {}, 3000);
    return step;
}

}  // namespace thinking_machines

Lesson buildThinkingMachinesLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                                   const LessonOptions& options) {
    const LessonSpec& spec = options.spec;
    if (spec.layer < 0 || spec.layer >= int(trace.encoder.size()) || !trace.encoder[size_t(spec.layer)].captured)
        throw InvalidArgument("lesson: the trace has no encoder layer " + std::to_string(spec.layer + 1));
    const AttentionTrace& a = trace.encoder[size_t(spec.layer)].self_attn;
    if (spec.head < 0 || spec.head >= int(a.q.size()))
        throw InvalidArgument("lesson: head " + std::to_string(spec.head + 1) + " out of range 1-" + std::to_string(a.q.size()));
    const int S = int(a.q[0].rows());
    if (S < 2) throw InvalidArgument("lesson: needs at least 2 words, the sentence has " + std::to_string(S));
    if (int(words.size()) != S)
        throw InvalidArgument("lesson: " + std::to_string(words.size()) + " words for " + std::to_string(S) + " positions");
    if (spec.focus < 0 || spec.focus >= S || spec.second < 0 || spec.second >= S)
        throw InvalidArgument("lesson: focus word out of range");
    Lesson l;
    l.spec = spec;
    l.words = words;
    l.d_k = int(a.q[0].cols());
    l.d_model = model.config().d_model;
    l.hasPositionalEncoding = model.config().positional_encoding != PositionalEncoding::None;
    thinking_machines::Steps steps(trace, model, words, options);
    l.steps = {steps.embed(), steps.project(), steps.scores(), steps.scale(),
               steps.softmax(), steps.weigh(), steps.sum(), steps.matrixForm()};
    return l;
}

}  // namespace alab::core
