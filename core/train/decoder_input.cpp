// greedyDecoderInput (see decoder_input.h).
#include "core/train/decoder_input.h"

#include "core/train/decode.h"

#include <algorithm>

namespace alab::core {

std::vector<int> greedyDecoderInput(const Model& model, const Vocabulary& vocab, const std::vector<int>& src, int maxLen) {
    DecodeOptions options;
    options.maxLen = std::min(maxLen, model.config().max_len - 1);
    std::vector<int> out = decode(model, src, vocab.bos(), vocab.eos(), options).hypotheses.front().tokens;
    if (!out.empty() && out.back() == vocab.eos()) out.pop_back();
    out.insert(out.begin(), vocab.bos());
    return out;
}

std::vector<int> predictedTokens(const Trace& trace) {
    std::vector<int> out(size_t(trace.logits.rows()));
    for (Eigen::Index t = 0; t < trace.logits.rows(); ++t) {
        Eigen::Index best = 0;
        trace.logits.row(t).maxCoeff(&best);
        out[size_t(t)] = int(best);
    }
    return out;
}

}  // namespace alab::core
