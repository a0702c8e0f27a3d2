// Batch gradients and the training step (see train_step.h). A batch is cut into chunks, each one packed
// pass (packed_batch.h) whose loss is the mean over its n_c counted labels; weighting its gradients by
// n_c / N gives the mean over the batch's N labels.
#include "core/train/train_step.h"

#include "core/model.h"
#include "core/parallel.h"
#include "core/train/gradients.h"
#include "core/train/model_backward.h"
#include "core/train/packed_batch.h"

#include <algorithm>
#include <limits>
#include <string>

namespace alab::core {
namespace {

int countedLabels(const std::vector<int>& labels, int pad_id) {
    int n = 0;
    for (int y : labels) n += y != pad_id;
    return n;
}

void addInto(std::vector<ParamSpan>& into, const std::vector<ParamSpan>& from, float scale = 1.0f) {
    for (size_t i = 0; i < into.size(); ++i)
        Eigen::Map<Eigen::VectorXf>(into[i].data, into[i].size) +=
            scale * Eigen::Map<Eigen::VectorXf>(from[i].data, from[i].size);
}

// With dropout, every example draws its own masks (Rng(dropoutSeed + i)), which a packed pass cannot
// do: the chunk's examples run one by one, each weighted by its n_i / N. Returns the chunk's share of
// the batch loss.
double chunkWithDropout(const ModelConfig& c, const Weights& weights, const std::vector<TrainingPair>& batch,
                        size_t begin, size_t end, float labelSmoothing, int tokens, float dropout,
                        uint64_t dropoutSeed, Weights& into) {
    const Model model(c, weights);
    std::vector<ParamSpan> intoSpans = parameterSpans(c, into);
    double loss = 0;
    for (size_t i = begin; i < end; ++i) {
        const TrainingPair& e = batch[i];
        const int n = countedLabels(e.labels, c.pad_id);
        if (n == 0) continue;
        Dropout drop(dropout, dropoutSeed + i);
        Gradients g = backward(model, model.forward(e.src, e.tgt, {}, &drop), e.labels, labelSmoothing);
        const float share = float(n) / float(tokens);
        addInto(intoSpans, parameterSpans(c, g.params), share);
        loss += double(g.loss) * share;
    }
    return loss;
}

// How many chunks a batch is cut into: a function of the shapes only, never of the thread count, so
// the same batch gives the same bits on any machine's core count. Wide models take the whole batch in
// one pass (their products are large enough to split across threads by blocks); narrow ones run a few
// chunks side by side, since their products are too small to split.
size_t chunkCount(const ModelConfig& c, size_t examples) {
    return c.d_model >= 256 ? 1 : std::min<size_t>(examples, 4);
}

}  // namespace

// Chunks are packed (and their examples checked) on the calling thread, then run on the pool's threads,
// each into its own gradient sum; the sums are added in chunk order.
Weights batchGradients(const ModelConfig& c, const Weights& weights, const std::vector<TrainingPair>& batch,
                       float labelSmoothing, float& loss, int& tokens, float dropout, uint64_t dropoutSeed) {
    if (batch.empty()) throw InvalidArgument("the batch is empty");
    c.validate();
    checkWeights(c, weights);
    const size_t chunks = chunkCount(c, batch.size());
    std::vector<PackedBatch> packed;
    tokens = 0;
    for (size_t k = 0; k < chunks; ++k) {
        packed.push_back(packExamples(c, batch, batch.size() * k / chunks, batch.size() * (k + 1) / chunks));
        tokens += countedLabels(packed.back().labels, c.pad_id);
    }
    if (tokens == 0) throw InvalidArgument("every label of the batch is the padding id, so there is no loss");
    std::vector<Weights> sums(chunks);
    std::vector<double> losses(chunks, 0.0);
    parallelFor(int(chunks), [&](int k) {
        const PackedBatch& b = packed[size_t(k)];
        sums[size_t(k)] = zeroWeightsLike(c);
        const int n = countedLabels(b.labels, c.pad_id);
        if (n == 0) return;  // adds nothing to a batch mean (PyTorch agrees)
        if (dropout > 0) {
            losses[size_t(k)] = chunkWithDropout(c, weights, batch, batch.size() * size_t(k) / chunks,
                                                 batch.size() * size_t(k + 1) / chunks, labelSmoothing, tokens,
                                                 dropout, dropoutSeed, sums[size_t(k)]);
            return;
        }
        const float share = float(n) / float(tokens);
        const Trace t = packedForward(c, weights, b);
        losses[size_t(k)] = double(packedBackward(c, weights, t, b, labelSmoothing, share, sums[size_t(k)])) * share;
    });
    double lossSum = 0;
    std::vector<ParamSpan> total = parameterSpans(c, sums[0]);
    for (size_t k = 0; k < chunks; ++k) {
        lossSum += losses[k];
        if (k > 0) addInto(total, parameterSpans(c, sums[k]));
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
    r.grad_norm = gradientNorm(g);
    const float maxNorm = options.clip_norm > 0 ? options.clip_norm : std::numeric_limits<float>::infinity();
    adam.step(parameterSpans(c, weights), g, lr, clipFactor(r.grad_norm, maxNorm));  // clipping inside Adam's pass
    return r;
}

}  // namespace alab::core
