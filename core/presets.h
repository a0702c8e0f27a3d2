// Built-in models. "thinking-machines" is the seed article's worked example: two 4-d word vectors
// and one attention head with d_k = 64, whose weights make the core compute q1·k1 = 112 and
// q1·k2 = 96. "demo" is a small seeded encoder–decoder with an everyday English + Chinese vocabulary.
#pragma once

#include "core/config.h"
#include "core/tokenizer.h"
#include "core/weights.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace alab::core {

/// A built-in model with its vocabulary and the sentence the lesson starts with.
struct Preset {
    std::string name;
    ModelConfig config;
    Weights weights;
    Vocabulary vocab;        // shared by source and target
    std::string defaultSrc;  // a sentence the lesson starts with
    std::string defaultTgt;  // empty when the preset has no decoder
    bool untrained = false;  // random weights: nothing was learned (the demo preset)
};

/// The seed article's worked example (encoder only, one head, hand-set integer weights).
Preset thinkingMachinesPreset();
/// The seeded English + Chinese encoder-decoder (d_model 64, 4 heads, 2 + 2 layers).
Preset demoPreset(uint64_t seed = 2017);

/// "thinking-machines" or "demo"; nothing for another name.
std::optional<Preset> presetByName(const std::string& name, uint64_t seed = 2017);
/// The names presetByName knows.
std::vector<std::string> presetNames();

/// The words of the demo vocabulary (without the special tokens).
const std::vector<std::string>& demoWords();

}  // namespace alab::core
