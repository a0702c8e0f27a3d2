// A training run a window can drive as well as the CLI: built from options (a named task or a TSV
// task), it owns the model weights, the Adam state, the data stream and the paper's schedule.
// step() runs one optimisation step and returns what it measured; evaluate() scores the validation
// split (what log.csv shows) or the held-out test split (the final report). No printing, no globals;
// the same options on the same machine give bit-identical weights.
#pragma once

#include "core/config.h"
#include "core/tokenizer.h"
#include "core/train/optimizer.h"
#include "core/train/task.h"
#include "core/weights.h"

#include <array>
#include <atomic>
#include <memory>
#include <string>

namespace alab::core {

/// What a run trains and how.
struct TrainerOptions {
    std::string task = "reverse";  ///< copy | reverse | sort | en-zh; ignored when dataPath is set
    std::string dataPath;          ///< a TSV file of source<TAB>target lines
    int d_model = 64, heads = 4, layers = 2, d_ff = 256;
    int steps = 4000, batch = 32;
    float lr_scale = 1.0f;  ///< multiplies the paper's schedule
    int warmup = 200;
    float label_smoothing = 0.1f;
    uint64_t seed = 1;
    float clip = 1.0f;      ///< global gradient-norm clip; 0 = none
    float dropout = 0.0f;   ///< residual dropout p in [0, 1), training only (core/model/dropout.h)
    float weight_decay = 0.0f;  ///< decoupled weight decay λ (AdamW); 0 = none
    int evalExamples = 100; ///< examples of each split evaluate() decodes
    float valFraction = 0.1f;  ///< --data only: the share of non-test lines held for validation (task_tsv.h)
};

/// What a checkpoint saves besides the options and the weights: enough to continue bit-identically.
struct TrainingState {
    int step = 0;                          ///< steps done
    std::array<uint64_t, 4> rng{};         ///< the data (and dropout) stream
    int adamSteps = 0;
    std::vector<std::vector<float>> m, v;  ///< Adam's moments, one per parameter span (empty before step 1)
};

/// One step's record.
struct StepRecord {
    int step = 0;  ///< 1-based
    float loss = 0, lr = 0, grad_norm = 0;
    double tokens_per_second = 0;
};

/// Scores on a split: exact match for the digit tasks, BLEU for en-zh and TSV data.
struct EvalRecord {
    double loss = 0;
    double exact_match = 0;  ///< 0–100
    double bleu = 0;         ///< 0–100
    bool useBleu = false;    ///< which of the two the task reports
};

class Trainer {
public:
    /// Throws InvalidArgument on bad options (steps < 1, lr not finite or ≤ 0, …) or unreadable data.
    explicit Trainer(const TrainerOptions& options);
    /// One step; throws when cancelled() or done().
    StepRecord step();
    /// Loss and score on the fixed sample of `split` (Validation or HeldOut, the test split); does not
    /// touch the training stream.
    EvalRecord evaluate(Split split = Split::Validation) const;
    /// The examples evaluate(split) scores: Validation (validation_split.h) or HeldOut.
    const std::vector<Example>& evaluationExamples(Split split) const;
    /// The examples of the last step's batch (empty before the first step).
    const std::vector<Example>& lastBatch() const { return m_lastBatch; }
    bool done() const { return m_step >= m_options.steps; }
    int stepsDone() const { return m_step; }
    /// The step count, the stream and Adam's moments, for a checkpoint.
    TrainingState state() const;
    /// Continues a checkpointed run of the same options: `weights` (of config()'s shapes) and `state`.
    /// Throws InvalidArgument naming the first mismatch (a tensor's shape, the moments' layout).
    void restore(const Weights& weights, const TrainingState& state);
    void cancel() { m_cancel.store(true); }
    bool cancelled() const { return m_cancel.load(); }

    const TrainerOptions& options() const { return m_options; }
    const ModelConfig& config() const { return m_config; }
    const Weights& weights() const { return m_weights; }
    const Vocabulary& vocabulary() const { return m_vocab; }
    const Task& task() const { return *m_task; }

private:
    TrainerOptions m_options;
    std::unique_ptr<Task> m_task;
    Vocabulary m_vocab;
    ModelConfig m_config;
    Weights m_weights;
    Adam m_adam;
    Rng m_rng;
    std::vector<Example> m_validation, m_heldOut;
    std::vector<Example> m_lastBatch;
    int m_step = 0;
    std::atomic<bool> m_cancel{false};
};

}  // namespace alab::core
