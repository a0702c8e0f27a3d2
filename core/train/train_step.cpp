// Batch gradients and the training step (see train_step.h). Each example's backward gives the mean
// over its own n_i counted labels; weighting it by n_i / N gives the mean over the batch's N labels.
#include "core/train/train_step.h"

#include "core/model.h"
#include "core/train/model_backward.h"

#include <limits>
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

}  // namespace

Weights batchGradients(const ModelConfig& c, const Weights& weights, const std::vector<TrainingPair>& batch,
                       float labelSmoothing, float& loss, int& tokens) {
    if (batch.empty()) throw InvalidArgument("the batch is empty");
    const Model model(c, weights);
    tokens = 0;
    for (const TrainingPair& e : batch) tokens += countedLabels(e, c.pad_id);
    Weights total = zeroWeightsLike(c);
    std::vector<ParamSpan> totalSpans = parameterSpans(c, total);
    double lossSum = 0;
    for (size_t i = 0; i < batch.size(); ++i) {
        const TrainingPair& e = batch[i];
        if (countedLabels(e, c.pad_id) == 0) continue;  // adds nothing to a batch mean (PyTorch agrees)
        try {
            Gradients g = backward(model, model.forward(e.src, e.tgt), e.labels, labelSmoothing);
            const float share = float(countedLabels(e, c.pad_id)) / float(tokens);
            std::vector<ParamSpan> spans = parameterSpans(c, g.params);
            addScaled(totalSpans, spans, share);
            lossSum += double(g.loss) * share;
        } catch (const InvalidArgument& err) {
            throw InvalidArgument("example " + std::to_string(i + 1) + " of the batch: " + err.what());
        }
    }
    if (tokens == 0) throw InvalidArgument("every label of the batch is the padding id, so there is no loss");
    loss = float(lossSum);
    return total;
}

StepResult trainStep(const ModelConfig& c, Weights& weights, Adam& adam, const std::vector<TrainingPair>& batch, float lr,
                     const StepOptions& options) {
    StepResult r;
    Weights grads = batchGradients(c, weights, batch, options.label_smoothing, r.loss, r.tokens);
    std::vector<ParamSpan> g = parameterSpans(c, grads);
    r.grad_norm = clipGradNorm(g, options.clip_norm > 0 ? options.clip_norm : std::numeric_limits<float>::infinity());
    adam.step(parameterSpans(c, weights), g, lr);
    return r;
}

}  // namespace alab::core
