// Per-word cross-attention alignment (see word_alignment.h).
#include "core/train/word_alignment.h"

#include "core/tensor.h"

namespace alab::core {

std::vector<LinkedWord> contentWords(const Example& e) {
    std::vector<LinkedWord> words;
    for (int t = 0; t < int(e.links.size());) {
        const TokenLink& link = e.links[size_t(t)];
        int end = t;
        while (end + 1 < int(e.links.size()) && e.links[size_t(end + 1)].first == link.first &&
               e.links[size_t(end + 1)].last == link.last && e.links[size_t(end + 1)].content == link.content)
            ++end;
        if (link.content && link.first >= 0) words.push_back({t, end, link});
        t = end + 1;
    }
    return words;
}

void countWordAlignment(const Trace& trace, const Example& e, int& hits, int& total) {
    if (trace.decoder.empty() || !trace.decoder.back().captured)
        throw InvalidArgument("the trace has no captured last decoder layer");
    const HeadStack& heads = trace.decoder.back().cross_attn.weights;  // [h, T, S]
    for (const LinkedWord& w : contentWords(e)) {
        if (heads.empty() || w.lastToken >= heads.front().rows())
            throw InvalidArgument("the trace is shorter than the target");
        RowVector mean = RowVector::Zero(heads.front().cols());
        for (const Matrix& h : heads)
            for (int t = w.firstToken; t <= w.lastToken; ++t) mean += h.row(Eigen::Index(t));
        Eigen::Index peak = 0;
        mean.maxCoeff(&peak);
        ++total;
        hits += int(peak) >= w.link.first && int(peak) <= w.link.last;
    }
}

}  // namespace alab::core
