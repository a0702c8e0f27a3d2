// The optimiser of the paper (section 5.3): Adam with β1 0.9, β2 0.98, ε 1e−9, its learning-rate
// schedule lrate = scale · d_model^−0.5 · min(step^−0.5, step · warmup^−1.5), and global-norm
// gradient clipping. Each matches PyTorch 1.13 (torch.optim.Adam / AdamW, torch.nn.utils.
// clip_grad_norm_), checked by tests/core/train/tst_optimizer.cpp against make_optimizer_golden.py.
#pragma once

#include "core/config.h"
#include "core/weights.h"

#include <vector>

namespace alab::core {

/// A parameter (or gradient) tensor seen as a flat float array.
struct ParamSpan {
    float* data = nullptr;
    Eigen::Index size = 0;
};

/// Every parameter tensor of `weights` that config uses, in the name table's order (in_proj thirds
/// separately). Applied to a Weights of gradients it gives the matching spans, in the same order.
std::vector<ParamSpan> parameterSpans(const ModelConfig& config, Weights& weights);

/// How weight decay enters Adam.
enum class WeightDecay {
    L2,         ///< torch.optim.Adam: g ← g + λ·θ before the moments
    Decoupled,  ///< torch.optim.AdamW: θ ← θ·(1 − lr·λ) before the update
};

struct AdamOptions {
    float beta1 = 0.9f;
    float beta2 = 0.98f;
    float eps = 1e-9f;
    float weight_decay = 0.0f;  ///< λ; 0 turns decay off
    WeightDecay decay = WeightDecay::Decoupled;
};

/// Adam's moments for one set of parameters; step() updates the parameters in place.
class Adam {
public:
    explicit Adam(AdamOptions options = {});  ///< throws InvalidArgument on betas outside [0, 1) or eps/λ < 0

    /// One update with learning rate lr: params and grads are parallel lists of equal sizes (the first
    /// call fixes them; a different layout later throws InvalidArgument). gradScale (clipFactor) scales
    /// every gradient as clipGradNorm would, inside the update's one pass over the arrays.
    void step(const std::vector<ParamSpan>& params, const std::vector<ParamSpan>& grads, float lr,
              float gradScale = 1.0f);

    int steps() const { return m_step; }
    const AdamOptions& options() const { return m_options; }
    const std::vector<std::vector<float>>& firstMoments() const { return m_m; }   ///< one per span
    const std::vector<std::vector<float>>& secondMoments() const { return m_v; }  ///< one per span
    /// Continues a saved run: the step count and both moments (empty moments = before the first step).
    /// Throws InvalidArgument when steps < 0 or the two lists differ in layout.
    void restore(int steps, std::vector<std::vector<float>> m, std::vector<std::vector<float>> v);

private:
    AdamOptions m_options;
    int m_step = 0;
    std::vector<std::vector<float>> m_m, m_v;
};

/// The paper's learning rate at step (counted from 1): scale · d_model^−0.5 · min(step^−0.5,
/// step · warmup^−1.5). It rises linearly for `warmup` steps, then decays as 1/√step.
/// Throws InvalidArgument for step < 1, warmup < 1 or d_model < 1.
float paperLearningRate(int step, int d_model, int warmup, float scale = 1.0f);

/// The global L2 norm of all gradients (a double sum in a fixed order, on the pool's threads).
float gradientNorm(const std::vector<ParamSpan>& grads);

/// What clipping to maxNorm multiplies every gradient by: maxNorm / (norm + 1e−6) when that is < 1, else 1.
float clipFactor(float norm, float maxNorm);

/// torch.nn.utils.clip_grad_norm_: the global L2 norm of all gradients; when it exceeds maxNorm every
/// gradient is multiplied by maxNorm / (norm + 1e−6). Returns the norm before clipping.
float clipGradNorm(const std::vector<ParamSpan>& grads, float maxNorm);

}  // namespace alab::core
