// attention-lab train: drives a core Trainer from the command line, prints progress (a bar redrawn
// in place on a terminal, plain lines at each evaluation otherwise), and saves the run (the model
// folder with log.csv, and OUT/checkpoint) every --checkpoint-every steps and at the end. log.csv and
// the progress lines score the validation split; the last line, on stdout, the held-out test split. The first
// SIGINT / SIGTERM / SIGHUP lets the current step finish, saves, and exits with 130 (the program's
// one signal handler, core/tensor/signal_cleanup.h, records it); a second one stops at once.
#include "app/cli_args.h"
#include "app/commands.h"
#include "core/tensor.h"
#include "core/tensor/signal_cleanup.h"
#include "core/train/checkpoint.h"
#include "core/train/progress_line.h"
#include "core/train/trainer.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace alab::app {
namespace {

struct RunOptions {
    core::TrainerOptions trainer;
    int checkpointEvery = 0;  // 0: at each evaluation
    int evalEvery = 0;        // 0: a tenth of the steps
};

bool readOptions(const CliArgs& a, RunOptions& run, std::string& error)
{
    core::TrainerOptions& o = run.trainer;
    long long n = 0;
    double x = 0;
    auto integer = [&](const char* name, int& out, long long lo) {
        if (!a.has(name)) return true;
        if (!parseInteger(a.value(name), n) || n < lo || n > 1000000000) {
            error = std::string(name) + " needs an integer ≥ " + std::to_string(lo) + ", got '" + a.value(name) + "'";
            return false;
        }
        out = int(n);
        return true;
    };
    auto number = [&](const char* name, float& out, double below) {  // in [0, below)
        if (!a.has(name)) return true;
        if (!parseNumber(a.value(name), x) || !(x >= 0) || !(x < below)) {
            error = std::string(name) + (below < 2 ? " needs a number in [0, 1)" : " needs a finite number ≥ 0") +
                    ", got '" + a.value(name) + "'";
            return false;
        }
        out = float(x);
        return true;
    };
    o.task = a.value("--task", o.task);
    if (a.has("--data")) o.dataPath = a.value("--data");
    int seed = int(o.seed);
    const bool ok = integer("--d-model", o.d_model, 1) && integer("--heads", o.heads, 1) &&
                    integer("--layers", o.layers, 1) && integer("--d-ff", o.d_ff, 1) &&
                    integer("--steps", o.steps, 1) && integer("--batch", o.batch, 1) &&
                    integer("--warmup", o.warmup, 1) && integer("--seed", seed, 0) &&
                    integer("--checkpoint-every", run.checkpointEvery, 1) && integer("--eval-every", run.evalEvery, 1) &&
                    number("--lr", o.lr_scale, 1e6) &&
                    number("--label-smoothing", o.label_smoothing, 1) && number("--clip", o.clip, 1e6) &&
                    number("--dropout", o.dropout, 1) && number("--weight-decay", o.weight_decay, 1e6);
    o.seed = uint64_t(seed);
    if (ok && o.lr_scale <= 0) {
        error = "--lr needs a positive number";
        return false;
    }
    if (ok && a.has("--val-fraction") && o.dataPath.empty()) {
        error = "--val-fraction applies to --data only (a generated task validates on examples the run never draws)";
        return false;
    }
    if (ok && a.has("--val-fraction")) {
        if (!parseNumber(a.value("--val-fraction"), x) || !(x > 0) || !(x < 1)) {
            error = "--val-fraction needs a number in (0, 1), got '" + a.value("--val-fraction") + "'";
            return false;
        }
        o.valFraction = float(x);
    }
    return ok;
}

std::string save(const core::Trainer& t, const std::string& dir, const std::string& log)
{
    return core::saveTrainingRun(dir, core::checkpointOf(t, log));  // the model, log.csv and OUT/checkpoint
}

std::string logHeader(const core::TrainerOptions& o)
{
    return std::string("step,train_loss,val_loss,") +
           (o.dataPath.empty() && o.task != "en-zh" ? "val_exact_match" : "val_bleu") +
           ",lr,grad_norm,tokens_per_s\n";
}

// Steps until done or a stop signal, logging each step, evaluating the validation split every
// --eval-every steps (a tenth of the way by default) and saving every --checkpoint-every steps (by
// default at each evaluation); returns "" or the error that stopped it.
std::string trainLoop(core::Trainer& t, const RunOptions& run, const std::string& out, std::ostringstream& log)
{
    const int steps = t.options().steps, first = t.stepsDone(), checkpointEvery = run.checkpointEvery;
    const int evalEvery = run.evalEvery > 0 ? run.evalEvery : std::max(1, steps / 10);
    const bool tty = isatty(STDERR_FILENO);
    const auto start = std::chrono::steady_clock::now();
    while (!t.done() && !core::stopSignalPending()) {
        const core::StepRecord r = t.step();
        core::ProgressInfo p{r.step, steps, r.loss, r.tokens_per_second, -1, {}};
        log << r.step << ',' << r.loss << ',';
        const bool evaluated = r.step % evalEvery == 0 || t.done();
        if (evaluated) {
            const core::EvalRecord e = t.evaluate();
            log << e.loss << ',' << (e.useBleu ? e.bleu : e.exact_match);
            char score[96];
            std::snprintf(score, sizeof score, "val loss %.4f  %s %.2f", e.loss, e.useBleu ? "BLEU" : "exact match",
                          e.useBleu ? e.bleu : e.exact_match);
            p.score = score;
        } else {
            log << ',';
        }
        log << ',' << r.lr << ',' << r.grad_norm << ',' << r.tokens_per_second << '\n';
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        p.etaSeconds = elapsed / (r.step - first) * (steps - r.step);
        if (tty) std::fprintf(stderr, "\r%s ", core::progressLine(p, 24).c_str());
        else if (evaluated) std::fprintf(stderr, "%s\n", core::progressLine(p, 0).c_str());
        const bool checkpoint = checkpointEvery > 0 ? r.step % checkpointEvery == 0 : evaluated;
        if (checkpoint || t.done())
            if (std::string error = save(t, out, log.str()); !error.empty()) return error;
    }
    if (tty) std::fputc('\n', stderr);
    return {};
}

}  // namespace

int runTrain(const std::vector<std::string>& args)
{
    const CliArgs a(args, {"--task", "--data", "--d-model", "--heads", "--layers", "--d-ff", "--steps", "--batch",
                           "--lr", "--warmup", "--label-smoothing", "--seed", "--out", "--resume", "--clip", "--dropout",
                           "--weight-decay", "--checkpoint-every", "--eval-every", "--val-fraction"}, {});
    if (!a.error().empty()) return fail(a.error(), 2);
    if (!a.has("--out")) return fail("train needs --out DIR", 2);
    if (a.has("--task") && a.has("--data")) return fail("train needs exactly one of --task NAME or --data FILE.tsv", 2);
    if (!a.has("--resume") && !a.has("--task") && !a.has("--data"))
        return fail("train needs exactly one of --task NAME or --data FILE.tsv", 2);
    RunOptions run;
    core::Checkpoint resumed;
    std::string error;
    const std::string from = a.has("--resume") ? core::checkpointFolderOf(a.value("--resume")) : std::string();
    if (!from.empty() && !(error = core::readCheckpoint(from, resumed)).empty()) return fail(error);
    if (!from.empty()) run.trainer = resumed.options;
    if (!readOptions(a, run, error)) return fail(error, 2);
    const core::TrainerOptions& o = run.trainer;
    try {
        std::unique_ptr<core::Trainer> t =
            from.empty() ? std::make_unique<core::Trainer>(o) : core::resumeTrainer(resumed, o);
        std::ostringstream log;
        if (!from.empty() && !resumed.log.empty()) log << core::logUpToStep(resumed.log, t->stepsDone());
        else log << logHeader(o);
        core::deferStopSignals(true);
        if (std::string err = trainLoop(*t, run, a.value("--out"), log); !err.empty())
            return fail(err);
        if (const int sig = core::stopSignalPending()) {
            if (std::string err = save(*t, a.value("--out"), log.str()); !err.empty()) return fail(err);
            std::fprintf(stderr, "attention-lab: %s at step %d; saved to %s (continue with --resume)\n",
                         sig == SIGINT ? "interrupted" : "stopped", t->stepsDone(), a.value("--out").c_str());
            return 130;
        }
        core::deferStopSignals(false);
        const core::EvalRecord e = t->evaluate(core::Split::HeldOut);
        std::printf("held-out test %s %.2f, loss %.4f (%zu examples); saved to %s\n", e.useBleu ? "BLEU" : "exact match",
                    e.useBleu ? e.bleu : e.exact_match, e.loss, t->evaluationExamples(core::Split::HeldOut).size(),
                    a.value("--out").c_str());
    } catch (const std::exception& ex) {
        return fail(ex.what());
    }
    return 0;
}

}  // namespace alab::app
