// How the output lesson's own sentence was chosen: a held-out sentence of the en-zh grammar on which
// the trained model hesitates at one decoder row (its top probability well below 1, a visible
// runner-up) and beam search (K = 3) has a second hypothesis close to the best, or a different best.
// The search is deterministic (a seed, a count); a test re-runs it and checks it still picks
// kOutputSentence, so retraining the shipped model cannot silently leave a lesson that teaches nothing.
// Legend: T decoder rows of the greedy translation, r the least sure row, K the beam width.
#pragma once

#include "core/model_loader.h"

#include <cstdint>
#include <string>
#include <vector>

namespace alab::core {

/// The output lesson's own sentence: the first of hesitantSentences(model, kOutputSearchSeed,
/// kOutputSearchCount) for the shipped en-zh model (a test re-runs the search).
inline constexpr const char* kOutputSentence = "does he teach the boss on weekends ?";
inline constexpr uint64_t kOutputSearchSeed = 2017;
inline constexpr int kOutputSearchCount = 3000;

/// What greedy decoding and beam search do on one source sentence.
struct Hesitation {
    std::vector<std::string> src;  // [S] the sentence's words
    int rows = 0;                  // T: <bos> + the greedy translation
    int row = 0;                   // r: the row least sure of its token (leastSureRow), 0-based
    double top1 = 0, top2 = 0;     // the two largest probabilities of row r
    bool runnerUpRepeats = false;  // row r's runner-up is the token it reads (a stutter, not a choice)
    bool beamDiffers = false;      // beam search's best is not greedy's translation
    double gap = 0;                // best − second finished hypothesis score (≥ 0)
    bool greedyRight = false;      // greedy wrote the grammar's reference translation
    bool beamRight = false;        // so did beam search's best
};

/// Runs the model on `src` (greedy, then beam search with K = kOutputBeam as the lesson does).
Hesitation measureHesitation(const LoadedModel& model, const std::vector<std::string>& src,
                             const std::vector<std::string>& reference = {});

/// A sentence the lesson can teach choosing with: row r's top probability in [0.4, 0.8], its
/// runner-up at least 0.15 and not the token the row reads, at most 9 decoder rows (the beam tree
/// fits a 720p stage), and beam search's best is the grammar's reference translation.
bool teachesChoosing(const Hesitation& h);

/// Of `count` held-out en-zh examples drawn with `seed`, the ones teachesChoosing accepts, best
/// first: a beam that differs from greedy, then the smaller gap between the two best hypotheses,
/// then the order drawn.
std::vector<Hesitation> hesitantSentences(const LoadedModel& model, uint64_t seed, int count);

}  // namespace alab::core
