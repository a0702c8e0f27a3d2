// Training-step benchmark: one trainStep (forward + backward for every example of the batch, gradients
// combined, clipping, Adam) of a post-norm Transformer with seeded weights on random token ids, timed
// after a warm-up. The same model and batch shape in PyTorch is scripts/bench_pytorch_train.py; both
// print "RESULT impl=... case=... median_ms=... min_ms=..." lines that scripts/bench.sh parses.
//   bench_train_step [--case small|base] [--runs N] [--warmup N] [--threads N]
//   small: d 64, 4 heads, d_ff 256, 2+2 layers, vocab 16, batch 64 × 12 tokens
//   base:  d 512, 8 heads, d_ff 2048, 6+6 layers, vocab 1000, batch 8 × 64 tokens
#include "core/allocator.h"
#include "core/parallel.h"
#include "core/train/optimizer.h"
#include "core/train/train_step.h"
#include "core/weights.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

using namespace alab::core;

namespace {

struct Options {
    std::string name = "small";
    int runs = 5, warmup = 1, threads = 0;
};

struct Case {
    ModelConfig config;
    int batch = 0, len = 0;
};

Case makeCase(const std::string& name) {
    Case k;
    ModelConfig& c = k.config;
    if (name == "base") {
        c.d_model = 512, c.heads = 8, c.d_ff = 2048, c.encoder_layers = c.decoder_layers = 6;
        c.src_vocab = c.tgt_vocab = 1000;
        k.batch = 8, k.len = 64;
    } else {
        c.d_model = 64, c.heads = 4, c.d_ff = 256, c.encoder_layers = c.decoder_layers = 2;
        c.src_vocab = c.tgt_vocab = 16;
        k.batch = 64, k.len = 12;
    }
    c.max_len = 512;
    return k;
}

bool parseOptions(int argc, char** argv, Options& o) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--case" && (v == "small" || v == "base")) o.name = v;
        else if (a == "--runs") o.runs = std::max(1, std::atoi(v.c_str()));
        else if (a == "--warmup") o.warmup = std::max(0, std::atoi(v.c_str()));
        else if (a == "--threads") o.threads = std::max(0, std::atoi(v.c_str()));
        else return false;
    }
    return argc % 2 == 1;
}

}  // namespace

int main(int argc, char** argv) {
    reuseFreedMemory();
    Options o;
    if (!parseOptions(argc, argv, o)) {
        std::fprintf(stderr, "usage: bench_train_step [--case small|base] [--runs N] [--warmup N] [--threads N]\n");
        return 2;
    }
    setThreadCount(o.threads);
    const Case k = makeCase(o.name);
    const ModelConfig& c = k.config;
    Weights weights = initWeights(c, 42);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> id(0, c.tgt_vocab - 1);
    std::vector<TrainingPair> batch(size_t(k.batch));
    for (TrainingPair& p : batch)
        for (std::vector<int>* seq : {&p.src, &p.tgt, &p.labels})
            for (int i = 0; i < k.len; ++i) seq->push_back(id(rng));
    Adam adam;
    std::vector<double> ms;
    std::clock_t cpu = 0;  // process CPU time (every thread) of the timed steps
    for (int i = 0; i < o.warmup + o.runs; ++i) {
        const std::clock_t cpuStart = std::clock();
        const auto start = std::chrono::steady_clock::now();
        const StepResult r = trainStep(c, weights, adam, batch, 1e-4f, StepOptions{0.1f, 1.0f});
        const auto stop = std::chrono::steady_clock::now();
        if (!(r.loss > 0)) std::abort();  // keep the step observable
        if (i >= o.warmup) ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        if (i >= o.warmup) cpu += std::clock() - cpuStart;
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms.size() % 2 ? ms[ms.size() / 2] : 0.5 * (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]);
    std::printf("alab %s: d %d, %d heads, d_ff %d, %d+%d layers, batch %d x %d tokens, %d thread(s): "
                "median %.2f ms, min %.2f ms\n",
                o.name.c_str(), c.d_model, c.heads, c.d_ff, c.encoder_layers, c.decoder_layers, k.batch, k.len,
                threadCount(), median, ms.front());
    std::printf("RESULT impl=alab case=%s median_ms=%.3f min_ms=%.3f cpu_ms=%.3f runs=%zu threads=%d\n", o.name.c_str(),
                median, ms.front(), 1e3 * double(cpu) / CLOCKS_PER_SEC / double(ms.size()), ms.size(), threadCount());
    return 0;
}
