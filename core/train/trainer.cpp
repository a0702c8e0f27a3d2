// Trainer: a task, a vocabulary, fresh weights from the seed, Adam with the paper's schedule; each
// step draws a batch from the training split with the run's own Rng, so the sequence of batches and
// hence the weights depend only on the options. The validation and test samples have streams of
// their own, drawn once at the start.
#include "core/train/trainer.h"

#include "core/model.h"
#include "core/tensor.h"
#include "core/train/batch.h"
#include "core/train/evaluate.h"
#include "core/train/loss.h"
#include "core/train/task_tsv.h"
#include "core/train/train_step.h"
#include "core/train/validation_split.h"

#include <chrono>
#include <cmath>

namespace alab::core {
namespace {

void checkOptions(const TrainerOptions& o)
{
    if (o.steps < 1)
        throw InvalidArgument("steps must be at least 1, got " + std::to_string(o.steps));
    if (o.batch < 1)
        throw InvalidArgument("batch must be at least 1, got " + std::to_string(o.batch));
    if (!std::isfinite(o.lr_scale) || o.lr_scale <= 0)
        throw InvalidArgument("learning-rate scale must be a positive finite number");
    if (o.warmup < 1)
        throw InvalidArgument("warmup must be at least 1 step, got " + std::to_string(o.warmup));
    if (!std::isfinite(o.label_smoothing) || o.label_smoothing < 0 || o.label_smoothing >= 1)
        throw InvalidArgument("label smoothing must be in [0, 1)");
    if (!std::isfinite(o.clip) || o.clip < 0)
        throw InvalidArgument("clip must be a finite number ≥ 0");
    if (!std::isfinite(o.dropout) || o.dropout < 0 || o.dropout >= 1)
        throw InvalidArgument("dropout must be in [0, 1)");
    if (!std::isfinite(o.weight_decay) || o.weight_decay < 0)
        throw InvalidArgument("weight decay must be a finite number ≥ 0");
    if (o.layers < 1)
        throw InvalidArgument("layers must be at least 1, got " + std::to_string(o.layers));
    if (!std::isfinite(o.valFraction) || o.valFraction <= 0 || o.valFraction >= 1)
        throw InvalidArgument("the validation fraction must be in (0, 1)");
}

std::unique_ptr<Task> loadTask(const TrainerOptions& o)
{
    std::unique_ptr<Task> task;
    if (!o.dataPath.empty()) {
        const std::string error = loadTsvTask(o.dataPath, task, o.valFraction, o.seed);
        if (!error.empty())
            throw InvalidArgument(error);
        return task;
    }
    task = makeTask(o.task);
    if (!task)
        throw InvalidArgument("unknown task '" + o.task + "'");
    return task;
}

TrainingPair pairOf(const Batch& b, int row)
{
    return TrainingPair{b.srcRow(row), b.tgtInRow(row), b.labelsRow(row)};
}

}  // namespace

Trainer::Trainer(const TrainerOptions& options) : m_options(options), m_rng(options.seed)
{
    checkOptions(m_options);
    AdamOptions adam;
    adam.weight_decay = m_options.weight_decay;
    m_adam = Adam(adam);
    m_task = loadTask(m_options);
    m_vocab = buildVocabulary(*m_task);
    m_config.d_model = m_options.d_model;
    m_config.heads = m_options.heads;
    m_config.d_ff = m_options.d_ff;
    m_config.encoder_layers = m_config.decoder_layers = m_options.layers;
    m_config.src_vocab = m_config.tgt_vocab = m_vocab.size();
    m_config.max_len = 64;
    m_config.pad_id = m_vocab.pad();
    m_config.validate();
    m_weights = initWeights(m_config, m_options.seed);
    Rng heldRng(m_options.seed ^ 0x9e3779b97f4a7c15ULL);
    m_heldOut = m_task->draw(heldRng, Split::HeldOut, m_options.evalExamples);
    m_validation = validationSplit(*m_task, m_options);
}

StepRecord Trainer::step()
{
    if (cancelled())
        throw InvalidArgument("training was cancelled");
    if (done())
        throw InvalidArgument("training is already done");
    const auto start = std::chrono::steady_clock::now();
    StepOptions so{m_options.label_smoothing, m_options.clip, m_options.dropout};
    m_lastBatch = drawTrainingBatch(*m_task, m_rng, m_options.batch, m_options.dropout, &so.dropout_seed);
    const Batch b = makeBatch(m_lastBatch, m_vocab);
    std::vector<TrainingPair> pairs;
    for (int r = 0; r < b.size(); ++r)
        pairs.push_back(pairOf(b, r));
    StepRecord rec;
    rec.step = m_step + 1;
    rec.lr = paperLearningRate(rec.step, m_config.d_model, m_options.warmup, m_options.lr_scale);
    const StepResult r = trainStep(m_config, m_weights, m_adam, pairs, rec.lr, so);
    m_step = rec.step;
    rec.loss = r.loss;
    rec.grad_norm = r.grad_norm;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rec.tokens_per_second = seconds > 0 ? r.tokens / seconds : 0;
    return rec;
}

TrainingState Trainer::state() const
{
    TrainingState s;
    s.step = m_step;
    s.rng = m_rng.state();
    s.adamSteps = m_adam.steps();
    s.m = m_adam.firstMoments();
    s.v = m_adam.secondMoments();
    return s;
}

void Trainer::restore(const Weights& weights, const TrainingState& s)
{
    checkWeights(m_config, weights);
    Weights copy = weights;
    const std::vector<ParamSpan> spans = parameterSpans(m_config, copy);
    if (!s.m.empty() && s.m.size() != spans.size())
        throw InvalidArgument("the saved optimizer state has " + std::to_string(s.m.size()) +
                              " tensors, the model " + std::to_string(spans.size()));
    for (size_t i = 0; i < s.m.size(); ++i)
        if (Eigen::Index(s.m[i].size()) != spans[i].size)
            throw InvalidArgument("the saved optimizer state's tensor " + std::to_string(i + 1) +
                                  " has another size than the model's");
    if (s.step < 0 || s.step > m_options.steps)
        throw InvalidArgument("the saved step " + std::to_string(s.step) + " is outside 0.." +
                              std::to_string(m_options.steps));
    m_adam.restore(s.adamSteps, s.m, s.v);
    m_weights = std::move(copy);
    m_rng.setState(s.rng);
    m_step = s.step;
}

const std::vector<Example>& Trainer::evaluationExamples(Split split) const
{
    if (split == Split::Train)
        throw InvalidArgument("the trainer evaluates the validation or the held-out split, not the training one");
    return split == Split::Validation ? m_validation : m_heldOut;
}

EvalRecord Trainer::evaluate(Split split) const
{
    EvalRecord out;
    const std::vector<Example>& examples = evaluationExamples(split);
    const Batch b = makeBatch(examples, m_vocab);
    std::vector<TrainingPair> pairs;
    for (int r = 0; r < b.size(); ++r)
        pairs.push_back(pairOf(b, r));
    float loss = 0;
    int tokens = 0;
    batchGradients(m_config, m_weights, pairs, 0.0f, loss, tokens);
    out.loss = loss;
    const Model model(m_config, m_weights);
    const Evaluation e = core::evaluate(model, m_vocab, examples, 40);
    out.exact_match = e.exactMatch();
    out.bleu = e.bleu;
    out.useBleu = m_options.task == "en-zh" || !m_options.dataPath.empty();
    return out;
}

}  // namespace alab::core
