// attention-lab train: drives a core Trainer from the command line, prints progress (a redrawn
// one-line bar on a terminal, plain lines otherwise), writes the model folder with log.csv at each
// evaluation and at the end, and on SIGINT / SIGTERM saves what it has and exits with a message.
#include "app/cli_args.h"
#include "app/commands.h"
#include "core/file_io.h"
#include "core/tensor.h"
#include "core/train/checkpoint.h"
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

volatile std::sig_atomic_t g_stop = 0;  // set by the handler only; read by the training loop
extern "C" void onStopSignal(int) { g_stop = 1; }

bool readOptions(const CliArgs& a, core::TrainerOptions& o, std::string& error)
{
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
    auto number = [&](const char* name, float& out) {
        if (!a.has(name)) return true;
        if (!parseNumber(a.value(name), x) || !(x >= 0) || x > 1e6) {
            error = std::string(name) + " needs a finite number ≥ 0, got '" + a.value(name) + "'";
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
                    integer("--warmup", o.warmup, 1) && integer("--seed", seed, 0) && number("--lr", o.lr_scale) &&
                    number("--label-smoothing", o.label_smoothing);
    o.seed = uint64_t(seed);
    if (ok && o.lr_scale <= 0) {
        error = "--lr needs a positive number";
        return false;
    }
    return ok;
}

std::string save(const core::Trainer& t, const std::string& dir, const std::string& log)
{
    return core::writeCheckpoint(dir, core::checkpointOf(t, log));  // model, log.csv and the optimizer state
}

void progress(const core::StepRecord& r, int steps, double secondsPerStep, bool tty)
{
    const double eta = secondsPerStep * (steps - r.step);
    std::fprintf(stderr, "%sstep %d/%d  loss %.4f  %.0f tokens/s  ETA %.0f s%s", tty ? "\r" : "", r.step, steps,
                 r.loss, r.tokens_per_second, eta, tty ? "   " : "\n");
}

}  // namespace

int runTrain(const std::vector<std::string>& args)
{
    const CliArgs a(args, {"--task", "--data", "--d-model", "--heads", "--layers", "--d-ff", "--steps", "--batch",
                           "--lr", "--warmup", "--label-smoothing", "--seed", "--out", "--resume"}, {});
    if (!a.error().empty()) return fail(a.error(), 2);
    if (!a.has("--out")) return fail("train needs --out DIR", 2);
    if (a.has("--task") && a.has("--data")) return fail("train needs exactly one of --task NAME or --data FILE.tsv", 2);
    if (!a.has("--resume") && !a.has("--task") && !a.has("--data"))
        return fail("train needs exactly one of --task NAME or --data FILE.tsv", 2);
    core::TrainerOptions o;
    core::Checkpoint resumed;
    std::string error;
    if (a.has("--resume") && !(error = core::readCheckpoint(a.value("--resume"), resumed)).empty()) return fail(error);
    if (a.has("--resume")) o = resumed.options;
    if (!readOptions(a, o, error)) return fail(error, 2);
    try {
        std::unique_ptr<core::Trainer> owned =
            a.has("--resume") ? core::resumeTrainer(resumed, o) : std::make_unique<core::Trainer>(o);
        core::Trainer& t = *owned;
        std::signal(SIGINT, onStopSignal);
        std::signal(SIGTERM, onStopSignal);
        const bool tty = isatty(STDERR_FILENO);
        const int evalEvery = std::max(1, o.steps / 10);
        std::ostringstream log;
        if (a.has("--resume") && !resumed.log.empty()) log << core::logUpToStep(resumed.log, t.stepsDone());
        else log << "step,train_loss,val_loss," << (o.dataPath.empty() && o.task != "en-zh" ? "val_exact_match" : "val_bleu")
            << ",lr,grad_norm,tokens_per_s\n";
        const auto start = std::chrono::steady_clock::now();
        while (!t.done() && !g_stop) {
            const core::StepRecord r = t.step();
            log << r.step << ',' << r.loss << ',';
            if (r.step % evalEvery == 0 || t.done()) {
                const core::EvalRecord e = t.evaluate();
                log << e.loss << ',' << (e.useBleu ? e.bleu : e.exact_match);
            } else {
                log << ',';
            }
            log << ',' << r.lr << ',' << r.grad_norm << ',' << r.tokens_per_second << '\n';
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            progress(r, o.steps, elapsed / r.step, tty);
            if ((r.step % evalEvery == 0 || t.done()) && !(error = save(t, a.value("--out"), log.str())).empty())
                return fail(error);
        }
        if (tty) std::fputc('\n', stderr);
        if (g_stop) {
            error = save(t, a.value("--out"), log.str());
            if (!error.empty()) return fail(error);
            std::fprintf(stderr, "attention-lab: interrupted at step %d; saved to %s\n", t.stepsDone(),
                         a.value("--out").c_str());
            return 130;
        }
        const core::EvalRecord e = t.evaluate();
        std::printf("held-out %s %.2f, loss %.4f; saved to %s\n", e.useBleu ? "BLEU" : "exact match",
                    e.useBleu ? e.bleu : e.exact_match, e.loss, a.value("--out").c_str());
    } catch (const std::exception& ex) {
        return fail(ex.what());
    }
    return 0;
}

}  // namespace alab::app
