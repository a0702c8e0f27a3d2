// Exact match, BLEU and cross-attention alignment over held-out examples (see evaluate.h).
#include "core/train/evaluate.h"

#include "core/train/batch.h"
#include "core/train/bleu.h"
#include "core/train/decode.h"

namespace alab::core {

void countAlignment(const Trace& trace, const Example& e, int& hits, int& total) {
    if (trace.decoder.empty() || !trace.decoder.back().captured) throw InvalidArgument("the trace has no captured last decoder layer");
    const HeadStack& heads = trace.decoder.back().cross_attn.weights;  // [h, T, S]
    for (size_t t = 0; t < e.links.size(); ++t) {
        const TokenLink& link = e.links[t];
        if (!link.content || link.first < 0) continue;
        if (heads.empty() || int(t) >= heads.front().rows()) throw InvalidArgument("the trace is shorter than the target");
        RowVector mean = RowVector::Zero(heads.front().cols());
        for (const Matrix& h : heads) mean += h.row(Eigen::Index(t));
        Eigen::Index peak = 0;
        mean.maxCoeff(&peak);
        ++total;
        hits += int(peak) >= link.first && int(peak) <= link.last;
    }
}

Evaluation evaluate(const Model& model, const Vocabulary& vocab, const std::vector<Example>& examples, int maxLen) {
    Evaluation ev;
    BleuStats stats;
    DecodeOptions options;
    options.maxLen = maxLen;
    CapturePolicy lastDecoder = CapturePolicy::none();
    lastDecoder.decoderLayers.insert(model.config().decoder_layers - 1);
    for (const Example& e : examples) {
        const std::vector<int> src = encodeTokens(vocab, e.src);
        std::vector<int> out = decode(model, src, vocab.bos(), vocab.eos(), options).hypotheses.front().tokens;
        if (!out.empty() && out.back() == vocab.eos()) out.pop_back();
        std::vector<std::string> hyp;
        for (int id : out) hyp.push_back(vocab.token(id));
        ++ev.examples;
        ev.exact += hyp == e.tgt;
        addSentence(stats, hyp, e.tgt);
        if (!e.links.empty()) {
            std::vector<int> in{vocab.bos()};
            for (int id : encodeTokens(vocab, e.tgt)) in.push_back(id);
            countAlignment(model.forward(src, in, lastDecoder), e, ev.alignedContent, ev.contentTokens);
        }
    }
    ev.bleu = bleuFromStats(stats).bleu;
    return ev;
}

}  // namespace alab::core
