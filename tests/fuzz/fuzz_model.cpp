// Fuzzes loading and running a model: the input is "config JSON \0 safetensors bytes \0 src|tgt ids".
// Configs beyond a tiny size are skipped (so each input runs in microseconds); everything else goes
// through the same path as --config/--weights/--ids: refused with InvalidArgument, or a forward pass
// whose trace has the promised shapes.
#include "core/model.h"
#include "core/model_loader.h"
#include "core/safetensors.h"
#include "fuzz_support.h"

using namespace alab;

namespace {

// Small enough that one forward pass is cheap. projDim(), not heads, is capped: a config whose
// heads × d_k wrapped to a small width used to get past exactly this kind of check.
bool tiny(const core::ModelConfig& c) {
    return c.d_model <= 64 && c.d_ff <= 128 && c.projDim() <= 64 && c.src_vocab <= 64 && c.tgt_vocab <= 64 &&
           c.encoder_layers <= 2 && c.decoder_layers <= 2 && c.max_len <= 64;
}

void run(const std::string& configText, const std::string& weights, const std::string& idsText) {
    const core::ModelConfig config = core::ModelConfig::fromJson(core::Json::parse(configText));
    if (!tiny(config)) return;
    const core::TensorFile file = core::parseSafetensors(weights, "fuzz.safetensors");
    if (!file.ok()) return;
    const core::Model model(config, core::fromNamedTensors(config, file.tensors));
    const size_t bar = idsText.find('|');
    std::vector<int> src, tgt;
    if (!core::parseIds(idsText.substr(0, bar), src).empty()) return;
    if (bar != std::string::npos && !core::parseIds(idsText.substr(bar + 1), tgt).empty()) return;
    const core::Trace t = model.forward(src, tgt);
    fuzz::require(t.encoder_output.rows() == Eigen::Index(src.size()) && t.encoder_output.cols() == config.d_model,
                  "encoder output is [S, d_model]");
    if (!tgt.empty())
        fuzz::require(t.probs.rows() == Eigen::Index(tgt.size()) && t.probs.cols() == config.tgt_vocab,
                      "probabilities are [T, tgt_vocab]");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string input = fuzz::bytes(data, size);
    const size_t first = input.find('\0'), last = input.rfind('\0');
    if (first == std::string::npos || first == last) return 0;
    try {
        run(input.substr(0, first), input.substr(first + 1, last - first - 1), input.substr(last + 1));
    } catch (const core::InvalidArgument&) {
    }
    return 0;
}
