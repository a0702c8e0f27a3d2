// Forward-pass benchmark of the paper's base Transformer (d_model 512, 8 heads, d_ff 2048, 6+6 layers)
// on one sentence pair of S = T = 128 tokens, with the full trace captured and with no layer captured.
// Prints median / min milliseconds and GFLOP/s from an explicit count of the matmul FLOPs, plus one
// machine-readable "RESULT ..." line per policy that scripts/bench.sh parses. Every core by default, as
// the app; --threads 1 for the comparison with PyTorch at torch.set_num_threads(1).
#include "core/allocator.h"
#include "core/model.h"
#include "core/parallel.h"
#include "core/weights.h"

#include <Eigen/Core>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace alab::core;

namespace {

struct Options {
    int runs = 7;
    int warmup = 1;
    int seq = 128;     // S = T
    int layers = 6;    // encoder and decoder layers each
    int d_model = 512;
    int heads = 8;
    int d_ff = 2048;
    int vocab = 1000;  // source and target
    std::string capture = "both";  // full, none or both
    int threads = 0;   // 0: every core
};

// Multiply-adds count 2 FLOPs. Only the matmuls are counted (softmax, LayerNorm, bias, ReLU are
// O(S·d) or O(h·S²) and omitted). With d = d_model, f = d_ff, V = tgt_vocab, heads·d_k = d:
//   encoder layer:  Q,K,V projections 3·2·S·d·d + QKᵀ 2·S·S·d + weights·V 2·S·S·d + W^O 2·S·d·d
//                   + FFN 2·S·d·f + 2·S·f·d
//   decoder layer:  self-attention as above with T for S (QKᵀ and weights·V are 2·T·T·d each),
//                   cross-attention Q 2·T·d·d + K,V 2·2·S·d·d + QKᵀ 2·T·S·d + weights·V 2·T·S·d
//                   + W^O 2·T·d·d, FFN 4·T·d·f
//   generator:      2·T·d·V
// The causal mask does not save work here (full T×T products are computed), so it is not discounted.
double forwardFlops(const ModelConfig& c, double S, double T) {
    const double d = c.projDim(), dm = c.d_model, f = c.d_ff, V = c.tgt_vocab;
    const double enc = 3 * 2 * S * dm * d + 2 * S * S * d + 2 * S * S * d + 2 * S * d * dm + 4 * S * dm * f;
    const double decSelf = 3 * 2 * T * dm * d + 2 * T * T * d + 2 * T * T * d + 2 * T * d * dm;
    const double decCross = 2 * T * dm * d + 2 * 2 * S * dm * d + 2 * T * S * d + 2 * T * S * d + 2 * T * d * dm;
    const double decFfn = 4 * T * dm * f;
    return c.encoder_layers * enc + c.decoder_layers * (decSelf + decCross + decFfn) + 2 * T * dm * V;
}

bool parseInt(const char* text, int& out, int min = 1) {
    char* end = nullptr;
    const long v = std::strtol(text, &end, 10);
    if (!end || *end || v < min || v > 1000000) return false;
    out = int(v);
    return true;
}

bool parseOptions(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return false;
        const char* v = argv[++i];
        bool ok = true;
        if (a == "--runs") ok = parseInt(v, o.runs);
        else if (a == "--warmup") ok = parseInt(v, o.warmup, 0);
        else if (a == "--seq") ok = parseInt(v, o.seq);
        else if (a == "--layers") ok = parseInt(v, o.layers);
        else if (a == "--d-model") ok = parseInt(v, o.d_model);
        else if (a == "--heads") ok = parseInt(v, o.heads);
        else if (a == "--d-ff") ok = parseInt(v, o.d_ff);
        else if (a == "--vocab") ok = parseInt(v, o.vocab);
        else if (a == "--threads") ok = parseInt(v, o.threads, 0);
        else if (a == "--capture") { o.capture = v; ok = o.capture == "full" || o.capture == "none" || o.capture == "both"; }
        else ok = false;
        if (!ok) return false;
    }
    return true;
}

// Process CPU time (every thread) per timed pass of the last timeForward, in ms: on a loaded machine
// wall time mostly measures the other programs, CPU time the work.
double g_cpuMs = 0;

// Times `runs` forward passes after `warmup` untimed ones; returns the sorted milliseconds.
std::vector<double> timeForward(const Model& model, const std::vector<int>& src, const std::vector<int>& tgt,
                                const CapturePolicy& policy, const Options& o) {
    for (int i = 0; i < o.warmup; ++i) model.forward(src, tgt, policy);
    std::vector<double> ms;
    const std::clock_t cpuStart = std::clock();
    for (int i = 0; i < o.runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const Trace trace = model.forward(src, tgt, policy);
        const auto stop = std::chrono::steady_clock::now();
        if (trace.logits.rows() != Eigen::Index(tgt.size())) std::abort();  // keep the pass observable
        ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    }
    g_cpuMs = 1e3 * double(std::clock() - cpuStart) / CLOCKS_PER_SEC / double(ms.size());
    std::sort(ms.begin(), ms.end());
    return ms;
}

void report(const char* name, const std::vector<double>& ms, double flops) {
    const double median = ms.size() % 2 ? ms[ms.size() / 2] : 0.5 * (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]);
    const double best = ms.front();
    std::printf("capture %-4s  median %8.2f ms  min %8.2f ms  %6.1f GFLOP/s (median)  %6.1f GFLOP/s (min)\n", name,
                median, best, flops / median / 1e6, flops / best / 1e6);
    std::printf("RESULT impl=alab capture=%s median_ms=%.3f min_ms=%.3f cpu_ms=%.3f gflops=%.2f runs=%zu threads=%d\n",
                name, median, best, g_cpuMs, flops / median / 1e6, ms.size(), threadCount());
}

}  // namespace

int main(int argc, char** argv) {
    reuseFreedMemory();  // as attention-lab's main() does
    Options o;
    if (!parseOptions(argc, argv, o)) {
        std::fprintf(stderr, "usage: bench_forward [--runs N] [--warmup N] [--seq S] [--layers L] [--d-model D] "
                             "[--heads H] [--d-ff F] [--vocab V] [--capture full|none|both] [--threads N]\n");
        return 2;
    }
    setThreadCount(o.threads);

    ModelConfig c;
    c.d_model = o.d_model;
    c.heads = o.heads;
    c.d_ff = o.d_ff;
    c.encoder_layers = c.decoder_layers = o.layers;
    c.src_vocab = c.tgt_vocab = o.vocab;
    c.max_len = std::max(512, o.seq);
    try {
        const Model model(c, initWeights(c, 42));
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> id(0, o.vocab - 1);
        std::vector<int> src(size_t(o.seq)), tgt(size_t(o.seq));
        for (int& v : src) v = id(rng);
        for (int& v : tgt) v = id(rng);

        const double flops = forwardFlops(c, o.seq, o.seq);
        std::printf("model d_model %d heads %d d_ff %d layers %d+%d vocab %d, S = T = %d; %.3f GFLOP per pass; "
                    "Eigen %d.%d.%d, %d thread(s), SIMD %s\n",
                    c.d_model, c.heads, c.d_ff, c.encoder_layers, c.decoder_layers, o.vocab, o.seq, flops / 1e9,
                    EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION, threadCount(),
                    Eigen::SimdInstructionSetsInUse());
        if (o.capture != "none") report("full", timeForward(model, src, tgt, CapturePolicy{}, o), flops);
        if (o.capture != "full") report("none", timeForward(model, src, tgt, CapturePolicy::none(), o), flops);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_forward: %s\n", e.what());
        return 1;
    }
    return 0;
}
