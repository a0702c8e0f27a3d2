// The lesson script (see lesson.h). Texts are English sources marked with QT_TRANSLATE_NOOP so that
// Qt's lupdate collects them for the window's translations; here the macro is only an identity,
// since core never includes a Qt header.
#include "core/lesson.h"

#include <cmath>
#include <cstdio>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace alab::core {
namespace {

const AttentionTrace& attention(const Trace& trace, const LessonSpec& spec) {
    return trace.encoder[size_t(spec.layer)].self_attn;
}

std::string quoted(const std::string& word) { return word; }

LessonStep embedStep(const Lesson& l, const Trace& t, const Model& m, const LessonSpec& s) {
    LessonStep step{LessonStepKind::Embed, "embed", QT_TRANSLATE_NOOP("Lesson", "The words become vectors"), {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "A network cannot read letters, so each word is looked up in a table of learned numbers. "
        "“%1” becomes the vector x₁ and “%2” becomes x₂, each %3 numbers long. "
        "Stacked as rows, the vectors of the sentence form the matrix X."),
        {quoted(l.words[0]), quoted(l.words[1]), std::to_string(l.d_model)}});
    if (l.hasPositionalEncoding) {
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "This model also adds a positional encoding to every vector, so the same word at another "
            "place in the sentence gets different numbers."), {}});
        step.formula = m.config().scale_embedding ? "x_i = Embedding(w_i)·√d_model + PE_i" : "x_i = Embedding(w_i) + PE_i";
        step.tensors = {"input.src_embedding", "input.positional_encoding", lessonInputName(m, s)};
    } else {
        step.formula = "x_i = Embedding(w_i)";
        step.tensors = {lessonInputName(m, s)};
    }
    (void)t;
    for (int c = 0; c < l.d_model; ++c) step.highlights.push_back({lessonInputName(m, s), {s.focus, c}});
    return step;
}

LessonStep projectStep(const Lesson& l, const LessonSpec& s) {
    LessonStep step{LessonStepKind::Project, "project", QT_TRANSLATE_NOOP("Lesson", "Queries, keys and values"), {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Each word vector is multiplied by three weight matrices that were learned in training. "
        "X·W^Q gives every word a query (what it is looking for), X·W^K a key (what it offers) and "
        "X·W^V a value (what it passes on). Each is %1 numbers long: d_k = %1."),
        {std::to_string(l.d_k)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Watch a row of X run down a column of W: multiply pair by pair, add up, and one cell of the "
        "result is filled in."), {}});
    step.formula = "Q = X·W^Q    K = X·W^K    V = X·W^V";
    step.terms = {3, 4, 7};
    step.tensors = {lessonTensorName(s, "q"), lessonTensorName(s, "k"), lessonTensorName(s, "v")};
    step.highlights.push_back({lessonTensorName(s, "q"), {s.head, s.focus, 0}});
    return step;
}

std::vector<std::string> row(const Matrix& m, int r, int count) {
    std::vector<std::string> out;
    for (int c = 0; c < count && c < m.cols(); ++c) out.push_back(formatLessonNumber(m(r, c)));
    return out;
}

LessonStep scoreStep(const Lesson& l, const AttentionTrace& a, const LessonSpec& s) {
    LessonStep step{LessonStepKind::Scores, "scores", QT_TRANSLATE_NOOP("Lesson", "Scores: how well do two words match?"), {}, {}, {}, {}, {}};
    const auto sc = row(a.scores[size_t(s.head)], s.focus, 2);
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "How much should “%1” look at each word? Take its query q₁ and every key, multiply them number "
        "by number and add the products up: this is the dot product. Here q₁·k₁ = %2 and q₁·k₂ = %3. "
        "A larger score means a better match."), {quoted(l.words[size_t(s.focus)]), sc[0], sc[1]}});
    step.formula = "score_1j = q_1·k_j = Σ_n q_1n·k_jn";
    step.terms = {3, 4};
    step.tensors = {lessonTensorName(s, "q"), lessonTensorName(s, "k"), lessonTensorName(s, "scores")};
    for (int j = 0; j < int(l.words.size()); ++j) step.highlights.push_back({lessonTensorName(s, "scores"), {s.head, s.focus, j}});
    return step;
}

LessonStep scaleStep(const Lesson& l, const AttentionTrace& a, const LessonSpec& s) {
    LessonStep step{LessonStepKind::Scale, "scale", QT_TRANSLATE_NOOP("Lesson", "Scale by √dₖ"), {}, {}, {}, {}, {}};
    const auto sc = row(a.scores[size_t(s.head)], s.focus, 2);
    const auto sd = row(a.scaled[size_t(s.head)], s.focus, 2);
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Divide every score by √d_k = √%1 = %2, so %3 becomes %4 and %5 becomes %6."),
        {std::to_string(l.d_k), formatLessonNumber(std::sqrt(double(l.d_k))), sc[0], sd[0], sc[1], sd[1]}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Why? Dot products of long vectors grow large. Softmax of large numbers is nearly all zeros and "
        "a single one; there its gradients almost vanish and the model learns very slowly."), {}});
    step.formula = "s_1j = score_1j / √d_k";
    step.terms = {5};
    step.tensors = {lessonTensorName(s, "scores"), lessonTensorName(s, "scaled")};
    for (int j = 0; j < int(l.words.size()); ++j) step.highlights.push_back({lessonTensorName(s, "scaled"), {s.head, s.focus, j}});
    return step;
}

LessonStep softmaxStep(const Lesson& l, const AttentionTrace& a, const LessonSpec& s) {
    LessonStep step{LessonStepKind::Softmax, "softmax", QT_TRANSLATE_NOOP("Lesson", "Softmax: scores become shares"), {}, {}, {}, {}, {}};
    const auto w = row(a.weights[size_t(s.head)], s.focus, 2);
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Raise e to the power of each scaled score, add the results, and divide each one by that sum. "
        "The shares are positive and add up to 1: “%1” gives %2 of its attention to itself and %3 to “%4”."),
        {quoted(l.words[size_t(s.focus)]), w[0], w[1], quoted(l.words[1])}});
    step.formula = "α_1j = e^(s_1j) / Σ_m e^(s_1m)";
    step.terms = {2, 6};
    step.tensors = {lessonTensorName(s, "scaled"), lessonTensorName(s, "weights")};
    for (int j = 0; j < int(l.words.size()); ++j) step.highlights.push_back({lessonTensorName(s, "weights"), {s.head, s.focus, j}});
    return step;
}

LessonStep weighStep(const AttentionTrace& a, const LessonSpec& s) {
    LessonStep step{LessonStepKind::WeighValues, "weigh", QT_TRANSLATE_NOOP("Lesson", "Weight the values"), {}, {}, {}, {}, {}};
    const auto w = row(a.weights[size_t(s.head)], s.focus, 2);
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Multiply each word’s value vector by its share: %1·v₁ and %2·v₂. A word with a large share "
        "keeps most of its value; a word with a small share is turned down."), {w[0], w[1]}});
    step.formula = "α_1j·v_j";
    step.terms = {7};
    step.tensors = {lessonTensorName(s, "weights"), lessonTensorName(s, "v")};
    return step;
}

LessonStep sumStep(const Lesson& l, const AttentionTrace& a, const LessonSpec& s) {
    LessonStep step{LessonStepKind::Sum, "sum", QT_TRANSLATE_NOOP("Lesson", "Add them up: z₁, then z₂"), {}, {}, {}, {}, {}};
    const auto w2 = row(a.weights[size_t(s.head)], s.second, 2);
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Adding the weighted values gives z₁, the new vector for “%1”: it now carries information from "
        "the whole sentence. The same steps for “%2” give its own shares, %3 and %4, and its vector z₂."),
        {quoted(l.words[size_t(s.focus)]), quoted(l.words[size_t(s.second)]), w2[0], w2[1]}});
    step.formula = "z_1 = Σ_j α_1j·v_j";
    step.terms = {0, 7};
    step.tensors = {lessonTensorName(s, "weights"), lessonTensorName(s, "v"), lessonTensorName(s, "context")};
    for (int c = 0; c < l.d_k; ++c) step.highlights.push_back({lessonTensorName(s, "context"), {s.head, s.focus, c}});
    return step;
}

LessonStep matrixStep(const Trace& t, const AttentionTrace& a, const LessonSpec& s) {
    LessonStep step{LessonStepKind::MatrixForm, "matrix", QT_TRANSLATE_NOOP("Lesson", "All words at once: the matrix form"), {}, {}, {}, {}, {}};
    const Matrix& z = a.context[size_t(s.head)];
    double diff = 0;
    for (int i = 0; i < z.rows(); ++i) diff = std::max(diff, double((z.row(i) - stepByStepContext(t, s, i)).cwiseAbs().maxCoeff()));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1g", diff);
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "In practice every word is done at once. One matrix product QKᵀ gives all the scores, softmax runs "
        "along each row, and a second product with V mixes the values. Row 1 of Z is z₁ and row 2 is z₂: "
        "the same numbers as step by step (largest difference %1)."), {diff == 0 ? "0" : std::string(buf)}});
    step.formula = "A = softmax(QKᵀ / √d_k),   Z = A·V";
    for (int k = 0; k < int(attentionFormulaTerms().size()); ++k) step.terms.push_back(k);
    step.tensors = {lessonTensorName(s, "q"), lessonTensorName(s, "k"), lessonTensorName(s, "weights"),
                    lessonTensorName(s, "v"), lessonTensorName(s, "context")};
    return step;
}

}  // namespace

Lesson buildLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words, const LessonSpec& spec) {
    if (spec.layer < 0 || spec.layer >= int(trace.encoder.size()) || !trace.encoder[size_t(spec.layer)].captured)
        throw InvalidArgument("lesson: the trace has no encoder layer " + std::to_string(spec.layer));
    const AttentionTrace& a = attention(trace, spec);
    if (spec.head < 0 || spec.head >= int(a.q.size()))
        throw InvalidArgument("lesson: head " + std::to_string(spec.head) + " out of range [0, " + std::to_string(a.q.size()) + ")");
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
    l.steps = {embedStep(l, trace, model, spec), projectStep(l, spec), scoreStep(l, a, spec), scaleStep(l, a, spec),
               softmaxStep(l, a, spec), weighStep(a, spec), sumStep(l, a, spec), matrixStep(trace, a, spec)};
    return l;
}

const std::vector<std::string>& attentionFormulaTerms() {
    static const std::vector<std::string> terms = {"Z", " = ", "softmax(", "Q", "Kᵀ", " / √d_k", ")", "·V"};
    return terms;
}

std::string lessonTensorName(const LessonSpec& spec, const std::string& leaf) {
    return "encoder." + std::to_string(spec.layer) + ".self_attn." + leaf;
}

std::string lessonInputName(const Model& model, const LessonSpec& spec) {
    if (model.config().norm_first) return "encoder." + std::to_string(spec.layer) + ".norm1";
    if (spec.layer == 0) return "encoder.input";
    return "encoder." + std::to_string(spec.layer - 1) + ".output";
}

Matrix lessonProjection(const Model& model, const LessonSpec& spec, char which) {
    const MhaWeights& w = model.weights().encoder[size_t(spec.layer)].self_attn;
    const Matrix& m = which == 'q' ? w.wq : which == 'k' ? w.wk : w.wv;  // [heads*d_k, d_model]
    const int d_k = model.config().headDim();
    return m.middleRows(spec.head * d_k, d_k).transpose();
}

RowVector lessonBias(const Model& model, const LessonSpec& spec, char which) {
    const MhaWeights& w = model.weights().encoder[size_t(spec.layer)].self_attn;
    const RowVector& b = which == 'q' ? w.bq : which == 'k' ? w.bk : w.bv;
    const int d_k = model.config().headDim();
    return b.segment(spec.head * d_k, d_k);
}

std::string lessonProjectionName(const LessonSpec& spec) {
    return "encoder.layers." + std::to_string(spec.layer) + ".self_attn.in_proj_weight";
}

RowVector stepByStepContext(const Trace& trace, const LessonSpec& spec, int i) {
    const AttentionTrace& a = attention(trace, spec);
    const Matrix& w = a.weights[size_t(spec.head)];  // [S, S]
    const Matrix& v = a.v[size_t(spec.head)];        // [S, d_k]
    RowVector z = RowVector::Zero(v.cols());
    for (int j = 0; j < v.rows(); ++j) z += w(i, j) * v.row(j);
    return z;
}

namespace {

// "a·b + c·d + … = r" with at most `shown` products.
std::string sumOfProducts(const RowVector& a, const RowVector& b, int shown) {
    std::string out;
    for (int n = 0; n < a.size() && n < shown; ++n) {
        if (n) out += " + ";
        const std::string rhs = formatLessonNumber(b[n]);
        out += formatLessonNumber(a[n]) + "·" + (b[n] < 0 ? "(" + rhs + ")" : rhs);
    }
    if (a.size() > shown) out += " + …";
    return out;
}

std::string projectionArithmetic(const Trace& t, const Model& m, const LessonSpec& s, char which, int i, int c) {
    const Tensor x = *findTensor(t, lessonInputName(m, s));
    const RowVector xi = x.toMatrix().row(i);
    const RowVector col = lessonProjection(m, s, which).col(c).transpose();
    const RowVector b = lessonBias(m, s, which);
    const std::string sym = std::string(1, which), W = std::string(1, char(which - 'a' + 'A'));
    std::string out = sym + subscriptNumber(i + 1) + "[" + std::to_string(c + 1) + "] = x" + subscriptNumber(i + 1) +
                      "·W^" + W + "[:," + std::to_string(c + 1) + "] = " + sumOfProducts(xi, col, 4);
    if (b[c] != 0) out += " + " + formatLessonNumber(b[c]);
    return out + " = " + formatLessonNumber(xi.dot(col) + b[c]);
}

std::string weightArithmetic(const AttentionTrace& a, const LessonSpec& s, int i, int j) {
    const Matrix& sc = a.scaled[size_t(s.head)];
    std::string terms;
    const int S = int(sc.cols());
    for (int m = 0; m < S && m < 3; ++m) terms += (m ? " + e^" : "e^") + formatLessonNumber(sc(i, m));
    if (S > 3) terms += " + …";
    return "α" + subscriptNumber(i + 1) + (i >= 9 || j >= 9 ? "," : "") + subscriptNumber(j + 1) + " = e^" + formatLessonNumber(sc(i, j)) + " / (" + terms +
           ") = " + formatLessonNumber(a.weights[size_t(s.head)](i, j));
}

std::string contextArithmetic(const AttentionTrace& a, const LessonSpec& s, int i, int c) {
    const Matrix& w = a.weights[size_t(s.head)];  // [S, S]
    const Matrix& v = a.v[size_t(s.head)];        // [S, d_k]
    return "z" + subscriptNumber(i + 1) + "[" + std::to_string(c + 1) + "] = " +
           sumOfProducts(w.row(i), v.col(c).transpose(), 4) + " = " + formatLessonNumber(a.context[size_t(s.head)](i, c));
}

}  // namespace

std::string cellArithmetic(const Trace& t, const Model& m, const LessonSpec& s, const std::string& tensor,
                           const std::vector<int64_t>& index) {
    if (s.layer >= int(t.encoder.size()) || !t.encoder[size_t(s.layer)].captured) return {};
    const AttentionTrace& a = attention(t, s);
    const std::string prefix = lessonTensorName(s, "");
    if (index.size() == 3 && tensor.rfind(prefix, 0) == 0 && index[0] == s.head) {
        const std::string leaf = tensor.substr(prefix.size());
        const int i = int(index[1]), c = int(index[2]);
        const Matrix& q = a.q[size_t(s.head)];
        if (leaf.size() == 1 && (leaf == "q" || leaf == "k" || leaf == "v")) return projectionArithmetic(t, m, s, leaf[0], i, c);
        if (leaf == "scores")
            return "q" + subscriptNumber(i + 1) + "·k" + subscriptNumber(c + 1) + " = " +
                   sumOfProducts(q.row(i), a.k[size_t(s.head)].row(c), 4) + " = " +
                   formatLessonNumber(a.scores[size_t(s.head)](i, c));
        if (leaf == "scaled")
            return formatLessonNumber(a.scores[size_t(s.head)](i, c)) + " / √" + std::to_string(q.cols()) + " = " +
                   formatLessonNumber(a.scores[size_t(s.head)](i, c)) + " / " + formatLessonNumber(std::sqrt(double(q.cols()))) +
                   " = " + formatLessonNumber(a.scaled[size_t(s.head)](i, c));
        if (leaf == "weights") return weightArithmetic(a, s, i, c);
        if (leaf == "context") return contextArithmetic(a, s, i, c);
    }
    if (index.size() == 2 && tensor == lessonInputName(m, s) && tensor == "encoder.input" &&
        m.config().positional_encoding != PositionalEncoding::None) {
        const int i = int(index[0]), c = int(index[1]);
        return "x" + subscriptNumber(i + 1) + "[" + std::to_string(c + 1) + "] = " + formatLessonNumber(t.src_embedding(i, c)) +
               " + " + formatLessonNumber(t.src_positional_encoding(i, c)) + " = " + formatLessonNumber(t.encoder_input(i, c));
    }
    return {};
}

std::string formatLessonNumber(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "∞" : "−∞";
    char buf[32];
    if (std::abs(v - std::round(v)) < 5e-4 * std::max(1.0, std::abs(v)))
        std::snprintf(buf, sizeof buf, "%.0f", std::round(v) == 0 ? 0.0 : v);
    else if (std::abs(v) >= 10)
        std::snprintf(buf, sizeof buf, "%.1f", v);
    else
        std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    if (s == "-0.00" || s == "-0.0") s = s.substr(1);
    if (!s.empty() && s[0] == '-') s = "−" + s.substr(1);  // a real minus sign reads better on screen
    return s;
}

std::string subscriptNumber(int n) {
    static const char* digits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    std::string s = std::to_string(n), out;
    for (char c : s) out += digits[c - '0'];
    return out;
}

}  // namespace alab::core
