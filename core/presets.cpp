// The built-in models. The Thinking Machines weights are integers drawn from the core's own Rng
// (seed 10, entries in {-1, 0, 1}); the seed and the two word vectors were found by a search for
// q1·k1 = 112 and q1·k2 = 96 (the article's scores). The numbers themselves come out of forward().
#include "core/presets.h"

#include "core/rng.h"

namespace alab::core {
namespace {

constexpr uint64_t kThinkingSeed = 10;
const float kThinking[4] = {1, 3, 0, 2};  // x1
const float kMachines[4] = {2, 3, 2, 2};  // x2

// W^Q, W^K, W^V as the paper writes them, [d_model, d_k], stored as PyTorch's [d_k, d_model].
Matrix integerProjection(Rng& rng, int d_model, int d_k) {
    Matrix w(d_k, d_model);
    for (int i = 0; i < d_model; ++i)
        for (int j = 0; j < d_k; ++j) w(j, i) = float(int(rng.below(3)) - 1);
    return w;
}

}  // namespace

Preset thinkingMachinesPreset() {
    Preset p;
    p.name = "thinking-machines";
    p.vocab = Vocabulary({"<unk>", "<bos>", "<eos>", "<pad>", "Thinking", "Machines"});
    ModelConfig& c = p.config;
    c.d_model = 4;
    c.heads = 1;
    c.d_k = 64;
    c.d_ff = 16;
    c.encoder_layers = 1;
    c.decoder_layers = 0;
    c.src_vocab = c.tgt_vocab = p.vocab.size();
    c.max_len = 16;
    c.positional_encoding = PositionalEncoding::None;  // the example starts from the bare word vectors
    c.scale_embedding = false;
    c.final_norm = false;
    p.weights = initWeights(c, kThinkingSeed);  // out projection, FFN and norms: ordinary seeded weights
    Rng rng(kThinkingSeed);
    MhaWeights& attn = p.weights.encoder[0].self_attn;
    attn.wq = integerProjection(rng, c.d_model, c.d_k);
    attn.wk = integerProjection(rng, c.d_model, c.d_k);
    attn.wv = integerProjection(rng, c.d_model, c.d_k);
    p.weights.src_embed.setZero();
    for (int j = 0; j < 4; ++j) {
        p.weights.src_embed(p.vocab.id("Thinking"), j) = kThinking[j];
        p.weights.src_embed(p.vocab.id("Machines"), j) = kMachines[j];
    }
    p.defaultSrc = "Thinking Machines";
    return p;
}

Preset demoPreset(uint64_t seed) {
    Preset p;
    p.name = "demo";
    p.untrained = true;
    p.vocab = Vocabulary(demoWords());
    ModelConfig& c = p.config;
    c.d_model = 64;
    c.heads = 4;
    c.d_ff = 256;
    c.encoder_layers = 2;
    c.decoder_layers = 2;
    c.src_vocab = c.tgt_vocab = p.vocab.size();
    c.max_len = 16384;  // sinusoidal PE: no table, so long inputs cost only their trace (lean capture past ~1 GB)
    c.pad_id = p.vocab.pad();
    p.weights = initWeights(c, seed);
    p.defaultSrc = "the cat sat on the mat";
    p.defaultTgt = "<bos> 猫 坐 在 垫 子 上";
    return p;
}

std::optional<Preset> presetByName(const std::string& name, uint64_t seed) {
    if (name == "thinking-machines") return thinkingMachinesPreset();
    if (name == "demo") return demoPreset(seed);
    return std::nullopt;
}

std::vector<std::string> presetNames() { return {"thinking-machines", "demo"}; }

}  // namespace alab::core
