// What every lesson shares (see lesson.h): the attention formula's terms, the names and weights of
// the lesson's attention, the arithmetic behind a cell, and how numbers are written on the stage.
#include "core/lesson.h"

#include "core/lessons/registry.h"
#include "core/trace_names.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace alab::core {
namespace {

const AttentionTrace& attention(const Trace& trace, const LessonSpec& spec) {
    return trace.encoder[size_t(spec.layer)].self_attn;
}

}  // namespace

const std::vector<std::string>& attentionFormulaTerms() {
    static const std::vector<std::string> terms = {"Z", " = ", "softmax(", "Q", "Kᵀ", " / √d_k", ")", "·V"};
    return terms;
}

std::string lessonTensorName(const LessonSpec& spec, const std::string& leaf) {
    return attentionTensorName(AttentionKind::EncoderSelf, spec.layer, leaf);
}

std::string lessonInputName(const Model& model, const LessonSpec& spec) {
    if (model.config().norm_first) return layerTensorName(false, spec.layer, "norm1");
    if (spec.layer == 0) return "encoder.input";
    return layerTensorName(false, spec.layer - 1, "output");
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
    return inProjWeightName(AttentionKind::EncoderSelf, spec.layer);
}

std::vector<int64_t> lessonProjectionIndex(const Model& model, const LessonSpec& spec, char which, int row, int col) {
    const int block = which == 'q' ? 0 : which == 'k' ? 1 : 2;
    const int d_k = model.config().headDim();
    return {int64_t(block) * model.config().projDim() + int64_t(spec.head) * d_k + col, row};
}

Lesson buildLesson(const std::string& id, const Trace& trace, const Model& model, const std::vector<std::string>& words,
                   const LessonOptions& options) {
    const LessonEntry* entry = findLesson(id);
    if (!entry) throw InvalidArgument("lesson: no lesson called '" + id + "'");
    Lesson lesson = entry->build(trace, model, words, options);
    lesson.id = id;
    return lesson;
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

// α_ij = e^(s_ij − max) / Σ_m e^(s_im − max): the form the softmax step shows (no 1.2·10⁶ ÷ 1.4·10⁶).
std::string weightArithmetic(const AttentionTrace& a, const LessonSpec& s, int i, int j) {
    const Matrix& sc = a.scaled[size_t(s.head)];
    const std::string ij = subscriptNumber(i + 1) + (i >= 9 || j >= 9 ? "," : "") + subscriptNumber(j + 1);
    if (std::isinf(sc(i, j))) return "α" + ij + " = e^(−∞) / Σ = 0";
    double max = -INFINITY, total = 0;
    for (int m = 0; m < sc.cols(); ++m) max = std::max(max, double(sc(i, m)));
    for (int m = 0; m < sc.cols(); ++m) total += std::exp(double(sc(i, m)) - max);
    const double e = std::exp(double(sc(i, j)) - max);
    return "α" + ij + " = e^(" + formatLessonNumber(sc(i, j)) + " − " + formatLessonNumber(max) + ") / Σ = " +
           formatFixed(e, 4) + " / " + formatFixed(total, 4) + " = " + formatShare(a.weights[size_t(s.head)](i, j));
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
    const std::optional<AttentionName> parsed = parseAttentionName(tensor);
    if (index.size() == 3 && parsed && parsed->kind == AttentionKind::EncoderSelf && parsed->layer == s.layer && index[0] == s.head) {
        const std::string& leaf = parsed->leaf;
        const int i = int(index[1]), c = int(index[2]);
        const Matrix& q = a.q[size_t(s.head)];
        if (leaf.size() == 1 && (leaf == "q" || leaf == "k" || leaf == "v")) return projectionArithmetic(t, m, s, leaf[0], i, c);
        if (leaf == "scores")
            return "q" + subscriptNumber(i + 1) + "·k" + subscriptNumber(c + 1) + " = " +
                   sumOfProducts(q.row(i), a.k[size_t(s.head)].row(c), 4) + " = " +
                   formatLessonNumber(a.scores[size_t(s.head)](i, c));
        if (leaf == "scaled" && std::isinf(a.scaled[size_t(s.head)](i, c))) return "s" + subscriptNumber(i + 1) + "," + subscriptNumber(c + 1) + " = −∞";
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

namespace {

std::string withMinusSign(std::string s) {
    if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s = s.substr(1);  // "-0.00" is 0
    if (!s.empty() && s[0] == '-') s = "−" + s.substr(1);  // a real minus sign reads better on screen
    return s;
}

std::string superscriptNumber(int n) {
    static const char* digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string out = n < 0 ? "⁻" : "";
    for (char c : std::to_string(std::abs(n))) out += digits[c - '0'];
    return out;
}

}  // namespace

std::string formatLessonNumber(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "∞" : "−∞";
    char buf[48];
    if (std::abs(v) >= 1e5) {
        int exponent = int(std::floor(std::log10(std::abs(v))));
        double mantissa = v / std::pow(10.0, exponent);
        if (std::abs(std::round(mantissa * 10) / 10) >= 10) mantissa /= 10, ++exponent;  // 9.96 → 1.0·10^(e+1)
        std::snprintf(buf, sizeof buf, "%.1f", mantissa);
        return withMinusSign(buf) + "·10" + superscriptNumber(exponent);
    }
    // Integers (the article's hand-picked numbers) as integers; a number that merely rounds to one, such
    // as 0.0001, keeps its decimals ("0.00" beside "0.25", never "0"), and −0.00 is written 0.00.
    if (std::abs(v - std::round(v)) < 1e-6 * std::max(1.0, std::abs(v)))
        std::snprintf(buf, sizeof buf, "%.0f", std::round(v) == 0 ? 0.0 : v);
    else if (std::abs(v) >= 10)
        std::snprintf(buf, sizeof buf, "%.1f", v);
    else
        std::snprintf(buf, sizeof buf, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
    return withMinusSign(buf);
}

std::string formatFixed(double v, int decimals) {
    if (!std::isfinite(v)) return formatLessonNumber(v);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return withMinusSign(buf);
}

std::string formatShare(double v) { return formatFixed(v, 2); }

double parseLessonNumber(const std::string& text) {
    std::string s = text;
    double sign = 1;
    if (s.rfind("−", 0) == 0) sign = -1, s = s.substr(std::string("−").size());
    if (s == "∞") return sign * INFINITY;
    const size_t times = s.find("·10");
    std::string mantissa = s.substr(0, times);
    char* end = nullptr;
    const double m = std::strtod(mantissa.c_str(), &end);
    if (mantissa.empty() || *end != '\0') return NAN;
    if (times == std::string::npos) return sign * m;
    static const char* digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string rest = s.substr(times + std::string("·10").size());
    int exponent = 0, expSign = 1;
    if (rest.rfind("⁻", 0) == 0) expSign = -1, rest = rest.substr(std::string("⁻").size());
    while (!rest.empty()) {
        int d = -1;
        for (int k = 0; k < 10; ++k)
            if (rest.rfind(digits[k], 0) == 0) d = k;
        if (d < 0) return NAN;
        exponent = exponent * 10 + d;
        rest = rest.substr(std::string(digits[d]).size());
    }
    return sign * m * std::pow(10.0, expSign * exponent);
}

std::string subscriptNumber(int n) {
    static const char* digits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    std::string s = std::to_string(n), out;
    for (char c : s) out += digits[c - '0'];
    return out;
}

}  // namespace alab::core
