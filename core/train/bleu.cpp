// Corpus BLEU-4 (see bleu.h).
#include "core/train/bleu.h"

#include "core/tensor.h"
#include "core/tokenizer.h"
#include "core/train/task_tsv.h"

#include <cmath>
#include <map>

namespace alab::core {
namespace {

using NGram = std::vector<std::string>;

std::map<NGram, int64_t> countNGrams(const std::vector<std::string>& tokens, size_t n) {
    std::map<NGram, int64_t> counts;
    for (size_t i = 0; i + n <= tokens.size(); ++i) ++counts[NGram(tokens.begin() + long(i), tokens.begin() + long(i + n))];
    return counts;
}

}  // namespace

void addSentence(BleuStats& stats, const std::vector<std::string>& hyp, const std::vector<std::string>& ref) {
    stats.hypLength += int64_t(hyp.size());
    stats.refLength += int64_t(ref.size());
    for (size_t n = 1; n <= 4; ++n) {
        const auto h = countNGrams(hyp, n), r = countNGrams(ref, n);
        for (const auto& [gram, count] : h) {
            auto it = r.find(gram);
            stats.matches[n - 1] += std::min(count, it == r.end() ? int64_t(0) : it->second);
            stats.totals[n - 1] += count;
        }
    }
}

BleuScore bleuFromStats(const BleuStats& stats) {
    BleuScore s;
    s.hypLength = stats.hypLength;
    s.refLength = stats.refLength;
    double logSum = 0;
    bool zero = false;
    for (size_t n = 0; n < 4; ++n) {
        const double p = stats.totals[n] > 0 ? double(stats.matches[n]) / double(stats.totals[n]) : 0.0;
        s.precisions[n] = 100.0 * p;
        if (p == 0) zero = true;
        else logSum += std::log(p) / 4.0;
    }
    const double c = double(stats.hypLength), r = double(stats.refLength);
    s.brevityPenalty = c == 0 ? 0.0 : c > r ? 1.0 : std::exp(1.0 - r / c);
    s.bleu = zero ? 0.0 : 100.0 * s.brevityPenalty * std::exp(logSum);
    return s;
}

BleuScore corpusBleu(const std::vector<std::vector<std::string>>& hyps, const std::vector<std::vector<std::string>>& refs) {
    if (hyps.size() != refs.size())
        throw InvalidArgument("BLEU needs one reference per hypothesis: " + std::to_string(hyps.size()) +
                              " hypotheses, " + std::to_string(refs.size()) + " references");
    BleuStats stats;
    for (size_t i = 0; i < hyps.size(); ++i) addSentence(stats, hyps[i], refs[i]);
    return bleuFromStats(stats);
}

std::string bleuOfTexts(const std::string& refText, const std::string& refName, const std::string& hypText,
                        const std::string& hypName, BleuScore& out) {
    const std::vector<std::string> refLines = splitLines(refText), hypLines = splitLines(hypText);
    if (refLines.empty()) return refName + " is empty";
    if (refLines.size() != hypLines.size())
        return refName + " has " + std::to_string(refLines.size()) + " lines, " + hypName + " has " +
               std::to_string(hypLines.size()) + " (one reference per hypothesis)";
    BleuStats stats;
    for (size_t i = 0; i < refLines.size(); ++i) {
        for (const auto& [text, name] : {std::pair{&refLines[i], &refName}, std::pair{&hypLines[i], &hypName}})
            if (!isValidUtf8(*text)) return *name + " line " + std::to_string(i + 1) + ": invalid UTF-8";
        addSentence(stats, splitWhitespace(hypLines[i]), splitWhitespace(refLines[i]));
    }
    out = bleuFromStats(stats);
    return {};
}

}  // namespace alab::core
