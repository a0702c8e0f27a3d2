// Batch gradients and the training step (see train_step.h). Each example's backward gives the mean
// over its own n_i counted labels; weighting it by n_i / N gives the mean over the batch's N labels.
#include "core/train/train_step.h"

#include "core/model.h"
#include "core/parallel.h"
#include "core/train/model_backward.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>

namespace alab::core {
namespace {

int countedLabels(const TrainingPair& e, int pad_id) {
    int n = 0;
    for (int y : e.labels) n += y != pad_id;
    return n;
}

void addScaled(std::vector<ParamSpan>& into, std::vector<ParamSpan>& from, float scale) {
    for (size_t i = 0; i < into.size(); ++i)
        Eigen::Map<Eigen::VectorXf>(into[i].data, into[i].size) +=
            scale * Eigen::Map<Eigen::VectorXf>(from[i].data, from[i].size);
}

// One thread's share of a batch: examples [begin, end) summed in order into `into`; the first
// error (1-based example index and message) is recorded instead of thrown across threads.
struct ShareResult {
    double loss = 0;
    size_t failedAt = 0;  // 0: none
    std::string error;
};

ShareResult accumulateShare(const ModelConfig& c, const Model& model, const std::vector<TrainingPair>& batch,
                            size_t begin, size_t end, float labelSmoothing, int tokens, Weights& into,
                            float dropout, uint64_t dropoutSeed) {
    ShareResult r;
    std::vector<ParamSpan> intoSpans = parameterSpans(c, into);
    for (size_t i = begin; i < end; ++i) {
        const TrainingPair& e = batch[i];
        if (countedLabels(e, c.pad_id) == 0) continue;  // adds nothing to a batch mean (PyTorch agrees)
        try {
            std::optional<Dropout> drop;
            if (dropout > 0) drop.emplace(dropout, dropoutSeed + i);
            Gradients g = backward(model, model.forward(e.src, e.tgt, {}, drop ? &*drop : nullptr), e.labels,
                                   labelSmoothing);
            const float share = float(countedLabels(e, c.pad_id)) / float(tokens);
            std::vector<ParamSpan> spans = parameterSpans(c, g.params);
            addScaled(intoSpans, spans, share);
            r.loss += double(g.loss) * share;
        } catch (const InvalidArgument& err) {
            r.failedAt = i + 1;
            r.error = err.what();
            return r;
        }
    }
    return r;
}

}  // namespace

// Examples are split into one contiguous share per thread; each thread sums its share in order and the
// shares are added in thread order, so the same batch and thread count give bit-identical gradients.
// Inside a share the forward and backward run on its one thread (parallelFor does not nest).
Weights batchGradients(const ModelConfig& c, const Weights& weights, const std::vector<TrainingPair>& batch,
                       float labelSmoothing, float& loss, int& tokens, float dropout, uint64_t dropoutSeed) {
    if (batch.empty()) throw InvalidArgument("the batch is empty");
    const Model model(c, weights);
    tokens = 0;
    for (const TrainingPair& e : batch) tokens += countedLabels(e, c.pad_id);
    if (tokens == 0) throw InvalidArgument("every label of the batch is the padding id, so there is no loss");
    const int shares = int(std::min<size_t>(batch.size(), size_t(std::max(1, threadCount()))));
    std::vector<Weights> sums;
    std::vector<ShareResult> results(static_cast<size_t>(shares));
    for (int t = 0; t < shares; ++t) sums.push_back(t == 0 ? zeroWeightsLike(c) : Weights{});
    parallelFor(shares, [&](int t) {
        const size_t begin = batch.size() * size_t(t) / size_t(shares);
        const size_t end = batch.size() * size_t(t + 1) / size_t(shares);
        if (t > 0) sums[size_t(t)] = zeroWeightsLike(c);
        results[size_t(t)] = accumulateShare(c, model, batch, begin, end, labelSmoothing, tokens, sums[size_t(t)],
                                             dropout, dropoutSeed);
    });
    double lossSum = 0;
    std::vector<ParamSpan> totalSpans = parameterSpans(c, sums[0]);
    for (int t = 0; t < shares; ++t) {
        const ShareResult& r = results[size_t(t)];
        if (r.failedAt)
            throw InvalidArgument("example " + std::to_string(r.failedAt) + " of the batch: " + r.error);
        lossSum += r.loss;
        if (t == 0) continue;
        std::vector<ParamSpan> spans = parameterSpans(c, sums[size_t(t)]);
        addScaled(totalSpans, spans, 1.0f);
    }
    loss = float(lossSum);
    return std::move(sums[0]);
}

StepResult trainStep(const ModelConfig& c, Weights& weights, Adam& adam, const std::vector<TrainingPair>& batch, float lr,
                     const StepOptions& options) {
    StepResult r;
    Weights grads = batchGradients(c, weights, batch, options.label_smoothing, r.loss, r.tokens, options.dropout,
                                   options.dropout_seed);
    std::vector<ParamSpan> g = parameterSpans(c, grads);
    r.grad_norm = clipGradNorm(g, options.clip_norm > 0 ? options.clip_norm : std::numeric_limits<float>::infinity());
    adam.step(parameterSpans(c, weights), g, lr);
    return r;
}

}  // namespace alab::core
