// Adam, the paper's schedule and gradient clipping (see optimizer.h). The update follows PyTorch
// 1.13's single-tensor Adam term by term (bias corrections, denominator √v̂ + ε), so the float
// results agree with torch.optim to rounding.
#include "core/train/optimizer.h"

#include "core/parallel.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace alab::core {
namespace {

void add(std::vector<ParamSpan>& spans, Matrix& m) { spans.push_back({m.data(), m.size()}); }
void add(std::vector<ParamSpan>& spans, RowVector& v) { spans.push_back({v.data(), v.size()}); }
void add(std::vector<ParamSpan>& spans, Linear& l) { add(spans, l.weight), add(spans, l.bias); }
void add(std::vector<ParamSpan>& spans, LayerNormWeights& n) { add(spans, n.gamma), add(spans, n.beta); }

void add(std::vector<ParamSpan>& spans, MhaWeights& w) {
    for (Matrix* m : {&w.wq, &w.wk, &w.wv}) add(spans, *m);
    for (RowVector* b : {&w.bq, &w.bk, &w.bv}) add(spans, *b);
    add(spans, w.out);
}

// One tensor's update. The arrays never overlap, and this file is built with -fno-math-errno
// (core/CMakeLists.txt), so the compiler vectorises the loop (sqrt and division are exact in IEEE
// arithmetic either way: the numbers are those of the scalar loop). Scaled: every gradient is read as
// g · scale, the float product that clipping in place would have stored (with L2 decay, whose sum the
// compiler could fuse with that product, the caller scales the gradients first instead).
template <bool Scaled>
void adamUpdate(const AdamOptions& o, float* __restrict p, const float* __restrict g, float* __restrict m,
                float* __restrict v, Eigen::Index n, float lr, float stepSize, float bc2Sqrt, float scale) {
    const bool l2 = o.weight_decay > 0 && o.decay == WeightDecay::L2;
    const bool decoupled = o.weight_decay > 0 && o.decay == WeightDecay::Decoupled;
    for (Eigen::Index j = 0; j < n; ++j) {
        float gj = g[j];
        if constexpr (Scaled) gj *= scale;
        if (l2) gj += o.weight_decay * p[j];
        if (decoupled) p[j] *= 1.0f - lr * o.weight_decay;
        m[j] = o.beta1 * m[j] + (1.0f - o.beta1) * gj;
        v[j] = o.beta2 * v[j] + (1.0f - o.beta2) * gj * gj;
        p[j] -= stepSize * (m[j] / (std::sqrt(v[j]) / bc2Sqrt + o.eps));
    }
}

// A run of one gradient tensor's elements: tensors are cut into runs of at most kPiece elements, by
// their sizes alone, so the runs (and the order their sums are added in) never depend on the threads.
struct Piece {
    size_t span;
    Eigen::Index begin, end;
};
constexpr Eigen::Index kPiece = Eigen::Index(1) << 15;

std::vector<Piece> piecesOf(const std::vector<ParamSpan>& spans) {
    std::vector<Piece> pieces;
    for (size_t i = 0; i < spans.size(); ++i)
        for (Eigen::Index b = 0; b < spans[i].size; b += kPiece)
            pieces.push_back({i, b, std::min(spans[i].size, b + kPiece)});
    return pieces;
}

// Σ x² in double over 8 interleaved lanes (lane l takes elements l, l + 8, …), added in lane order at
// the end: a fixed order that vectorises (a float's square is exact in double, so fused or not the
// lanes round alike).
double sumOfSquares(const float* x, Eigen::Index n) {
    double lane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    Eigen::Index j = 0;
    for (; j + 8 <= n; j += 8)
        for (int l = 0; l < 8; ++l) lane[l] += double(x[j + l]) * double(x[j + l]);
    for (; j < n; ++j) lane[0] += double(x[j]) * double(x[j]);
    double s = 0;
    for (double v : lane) s += v;
    return s;
}

}  // namespace

std::vector<ParamSpan> parameterSpans(const ModelConfig& c, Weights& w) {
    std::vector<ParamSpan> s;
    add(s, w.src_embed);
    add(s, w.tgt_embed);
    if (c.positional_encoding == PositionalEncoding::Learned) add(s, w.pos_embed);
    for (int l = 0; l < c.encoder_layers; ++l) {
        EncoderLayerWeights& e = w.encoder[size_t(l)];
        add(s, e.self_attn), add(s, e.linear1), add(s, e.linear2), add(s, e.norm1), add(s, e.norm2);
    }
    if (c.final_norm && c.encoder_layers > 0) add(s, w.encoder_norm);
    for (int l = 0; l < c.decoder_layers; ++l) {
        DecoderLayerWeights& d = w.decoder[size_t(l)];
        add(s, d.self_attn), add(s, d.cross_attn), add(s, d.linear1), add(s, d.linear2);
        add(s, d.norm1), add(s, d.norm2), add(s, d.norm3);
    }
    if (c.final_norm && c.decoder_layers > 0) add(s, w.decoder_norm);
    if (c.decoder_layers > 0) add(s, w.generator);
    return s;
}

Adam::Adam(AdamOptions o) : m_options(o) {
    if (!(o.beta1 >= 0 && o.beta1 < 1) || !(o.beta2 >= 0 && o.beta2 < 1))
        throw InvalidArgument("Adam's betas must lie in [0, 1), not " + std::to_string(o.beta1) + " and " +
                              std::to_string(o.beta2));
    if (!(o.eps >= 0) || !(o.weight_decay >= 0))
        throw InvalidArgument("Adam's eps and weight decay must be non-negative");
}

void Adam::step(const std::vector<ParamSpan>& params, const std::vector<ParamSpan>& grads, float lr, float gradScale) {
    if (params.size() != grads.size()) throw InvalidArgument("Adam got a gradient list of another length");
    if (m_m.empty()) {
        for (const ParamSpan& p : params) m_m.emplace_back(size_t(p.size), 0.0f), m_v.emplace_back(size_t(p.size), 0.0f);
    }
    if (m_m.size() != params.size()) throw InvalidArgument("Adam got parameters of another layout than before");
    ++m_step;
    const AdamOptions& o = m_options;
    // As PyTorch: the bias corrections in double (Python floats), the element updates in float.
    const double bc1 = 1.0 - std::pow(double(o.beta1), m_step);
    const float bc2Sqrt = float(std::sqrt(1.0 - std::pow(double(o.beta2), m_step)));
    const float stepSize = float(double(lr) / bc1);
    for (size_t i = 0; i < params.size(); ++i)
        if (params[i].size != grads[i].size || Eigen::Index(m_m[i].size()) != params[i].size)
            throw InvalidArgument("Adam: parameter " + std::to_string(i) + " and its gradient differ in size");
    // Every element's update is its own, so tensors can go to the pool's threads in any order.
    const bool l2 = o.weight_decay > 0 && o.decay == WeightDecay::L2;
    parallelFor(int(params.size()), [&](int t) {
        const size_t i = size_t(t);
        const ParamSpan& p = params[i];
        float* g = grads[i].data;
        if (gradScale != 1.0f && l2)
            for (Eigen::Index j = 0; j < p.size; ++j) g[j] *= gradScale;
        if (gradScale != 1.0f && !l2)
            adamUpdate<true>(o, p.data, g, m_m[i].data(), m_v[i].data(), p.size, lr, stepSize, bc2Sqrt, gradScale);
        else
            adamUpdate<false>(o, p.data, g, m_m[i].data(), m_v[i].data(), p.size, lr, stepSize, bc2Sqrt, 1.0f);
    });
}

void Adam::restore(int steps, std::vector<std::vector<float>> m, std::vector<std::vector<float>> v) {
    bool same = steps >= 0 && m.size() == v.size();
    for (size_t i = 0; same && i < m.size(); ++i) same = m[i].size() == v[i].size();
    if (!same) throw InvalidArgument("Adam's saved state is inconsistent (step count or moment sizes)");
    m_step = steps;
    m_m = std::move(m);
    m_v = std::move(v);
}

float paperLearningRate(int step, int d_model, int warmup, float scale) {
    if (step < 1 || warmup < 1 || d_model < 1)
        throw InvalidArgument("the learning-rate schedule needs step, warmup and d_model ≥ 1 (got " +
                              std::to_string(step) + ", " + std::to_string(warmup) + ", " + std::to_string(d_model) + ")");
    const double s = step;
    return float(double(scale) / std::sqrt(double(d_model)) * std::min(1.0 / std::sqrt(s), s * std::pow(warmup, -1.5)));
}

float gradientNorm(const std::vector<ParamSpan>& grads) {
    const std::vector<Piece> pieces = piecesOf(grads);
    std::vector<double> partial(pieces.size());
    parallelFor(int(pieces.size()), [&](int k) {
        const Piece& p = pieces[size_t(k)];
        partial[size_t(k)] = sumOfSquares(grads[p.span].data + p.begin, p.end - p.begin);
    });
    double sum = 0;
    for (double s : partial) sum += s;  // in piece order, whichever thread made each
    return float(std::sqrt(sum));
}

float clipFactor(float norm, float maxNorm) {
    const float coef = maxNorm / (norm + 1e-6f);
    return coef < 1.0f ? coef : 1.0f;
}

float clipGradNorm(const std::vector<ParamSpan>& grads, float maxNorm) {
    const float norm = gradientNorm(grads);
    const float coef = clipFactor(norm, maxNorm);
    if (coef != 1.0f) {
        const std::vector<Piece> pieces = piecesOf(grads);
        parallelFor(int(pieces.size()), [&](int k) {
            const Piece& p = pieces[size_t(k)];
            float* g = grads[p.span].data;
            for (Eigen::Index j = p.begin; j < p.end; ++j) g[j] *= coef;
        });
    }
    return norm;
}

}  // namespace alab::core
