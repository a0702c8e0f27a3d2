// Greedy and beam-search decoding (see decode.h).
#include "core/train/decode.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace alab::core {
namespace {

struct Candidate {
    int parent;  // index into the previous step's nodes
    int token;
    double logProb, score;
};

double rank(const Hypothesis& h, bool normalize) {
    return normalize && !h.tokens.empty() ? h.score / double(h.tokens.size()) : h.score;
}

// The prefix of a node: <bos> then the tokens on its path.
std::vector<int> pathOf(const std::vector<std::vector<BeamNode>>& tree, int step, int index) {
    std::vector<int> tokens;
    for (int s = step; s >= 0; --s) {
        tokens.push_back(tree[size_t(s)][size_t(index)].token);
        index = tree[size_t(s)][size_t(index)].parent;
    }
    std::reverse(tokens.begin(), tokens.end());
    return tokens;
}

// The best `width` continuations of the live nodes of the last step, best first; ties keep the
// earlier node, then the smaller id (as greedy's first-max argmax).
std::vector<Candidate> expand(const NextLogProbs& next, const std::vector<std::vector<BeamNode>>& tree, int width) {
    const int step = int(tree.size()) - 1;
    std::vector<Candidate> all;
    for (int i = 0; i < int(tree.back().size()); ++i) {
        const BeamNode& node = tree.back()[size_t(i)];
        if (node.finished) continue;
        const std::vector<double> lp = next(pathOf(tree, step, i));
        for (int v = 0; v < int(lp.size()); ++v) all.push_back({i, v, lp[size_t(v)], node.score + lp[size_t(v)]});
    }
    const auto better = [](const Candidate& a, const Candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.parent != b.parent ? a.parent < b.parent : a.token < b.token;
    };
    const size_t keep = std::min(all.size(), size_t(width));
    std::partial_sort(all.begin(), all.begin() + long(keep), all.end(), better);
    all.resize(keep);
    return all;
}

}  // namespace

std::vector<double> logSoftmax(const Eigen::Ref<const RowVector>& logits) {
    const double m = double(logits.maxCoeff());
    double sum = 0;
    for (Eigen::Index j = 0; j < logits.size(); ++j) sum += std::exp(double(logits(j)) - m);
    const double lse = m + std::log(sum);
    std::vector<double> out(size_t(logits.size()));
    for (Eigen::Index j = 0; j < logits.size(); ++j) out[size_t(j)] = double(logits(j)) - lse;
    return out;
}

DecodeResult beamSearch(const NextLogProbs& next, int bos, int eos, const DecodeOptions& options) {
    if (options.beam < 1) throw InvalidArgument("the beam width must be at least 1, got " + std::to_string(options.beam));
    DecodeResult r;
    r.tree.push_back({BeamNode{-1, bos, 0.0, 0.0, false}});
    int alive = 1;
    for (int step = 1; step <= options.maxLen && alive > 0; ++step) {
        const int width = options.beam - int(r.hypotheses.size());
        std::vector<BeamNode> nodes;
        for (const Candidate& c : expand(next, r.tree, width))
            nodes.push_back({c.parent, c.token, c.logProb, c.score, c.token == eos});
        r.tree.push_back(nodes);
        alive = 0;
        for (int i = 0; i < int(nodes.size()); ++i) {
            if (!nodes[size_t(i)].finished && step < options.maxLen) {
                ++alive;
                continue;
            }
            std::vector<int> path = pathOf(r.tree, step, i);
            r.hypotheses.push_back({{path.begin() + 1, path.end()}, nodes[size_t(i)].score, nodes[size_t(i)].finished});
        }
    }
    std::stable_sort(r.hypotheses.begin(), r.hypotheses.end(), [&](const Hypothesis& a, const Hypothesis& b) {
        return rank(a, options.lengthNormalize) > rank(b, options.lengthNormalize);
    });
    return r;
}

DecodeResult decode(const Model& model, const std::vector<int>& src, int bos, int eos, const DecodeOptions& options) {
    DecodeOptions o = options;
    o.maxLen = std::min(options.maxLen, model.config().max_len - 1);
    if (o.maxLen < 1) throw InvalidArgument("the length limit must be at least 1, got " + std::to_string(options.maxLen));
    const NextLogProbs next = [&](const std::vector<int>& prefix) {
        const Trace t = model.forward(src, prefix, CapturePolicy::none());
        return logSoftmax(t.logits.row(t.logits.rows() - 1));
    };
    DecodeResult r = beamSearch(next, bos, eos, o);
    if (options.keepTraces && !r.hypotheses.empty()) {
        std::vector<int> prefix{bos};
        for (int token : r.hypotheses.front().tokens) {
            r.traces.push_back(model.forward(src, prefix));
            prefix.push_back(token);
        }
    }
    return r;
}

}  // namespace alab::core
