// Corpus BLEU-4 (Papineni et al. 2002): clipped n-gram precisions for n = 1..4 summed over the whole
// corpus, their geometric mean with uniform weights, times the brevity penalty exp(1 − r/c) when the
// hypotheses are shorter than the references; no smoothing, so a missing 4-gram match gives 0.
// Tokens are split on whitespace; one reference per hypothesis. Scores are on 0–100.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace alab::core {

/// The counts BLEU is computed from, summed over sentences.
struct BleuStats {
    std::array<int64_t, 4> matches{};  // clipped n-gram matches, n = 1..4
    std::array<int64_t, 4> totals{};   // n-grams in the hypotheses
    int64_t hypLength = 0, refLength = 0;
};

/// BLEU and its parts.
struct BleuScore {
    double bleu = 0;                     // 0–100
    std::array<double, 4> precisions{};  // 0–100 each
    double brevityPenalty = 0;
    int64_t hypLength = 0, refLength = 0;
};

/// Adds one sentence pair's counts.
void addSentence(BleuStats& stats, const std::vector<std::string>& hyp, const std::vector<std::string>& ref);
/// The score of accumulated counts.
BleuScore bleuFromStats(const BleuStats& stats);
/// Corpus BLEU of tokenized sentences (same count; throws InvalidArgument otherwise).
BleuScore corpusBleu(const std::vector<std::vector<std::string>>& hyps, const std::vector<std::vector<std::string>>& refs);

/// Corpus BLEU of two texts, one sentence per line; returns "" or an error such as
/// "ref.txt has 3 lines, hyp.txt has 2". A final newline does not start another line.
std::string bleuOfTexts(const std::string& refText, const std::string& refName, const std::string& hypText,
                        const std::string& hypName, BleuScore& out);

}  // namespace alab::core
