// Decoding: beam search with K = 1 picks what Model::greedyDecode picks; on a hand-made distribution
// beam search (K = 2) finds a sequence greedy misses, with the beam tree written out; every score is
// the sum of log-probabilities recomputed from one teacher-forced forward(); length normalisation
// changes the winner where it should; kept traces are the decoder's at each generated position.
#include "core/tensor.h"
#include "core/train/decode.h"

#include <QtTest>

#include <cmath>
#include <map>

using namespace alab::core;

namespace {

constexpr int kBos = 0, kEos = 1, kA = 2, kB = 3, kC = 4;

// A next-token table over 5 ids; prefixes not listed end with certainty.
NextLogProbs table(const std::map<std::vector<int>, std::vector<double>>& probs) {
    return [probs](const std::vector<int>& prefix) {
        std::vector<double> p{1e-12, 1.0, 1e-12, 1e-12, 1e-12};
        if (auto it = probs.find(prefix); it != probs.end()) p = it->second;
        for (double& x : p) x = std::log(x);
        return p;
    };
}

Model randomModel(uint64_t seed) {
    ModelConfig c;
    c.d_model = 16;
    c.heads = 2;
    c.d_ff = 32;
    c.encoder_layers = c.decoder_layers = 2;
    c.src_vocab = c.tgt_vocab = 12;
    c.max_len = 20;
    c.pad_id = 3;
    return Model(c, initWeights(c, seed));
}

// Sum of log-softmax(logits[t])[tokens[t]] from one forward over <bos> + tokens[0..n−2].
double teacherForcedScore(const Model& m, const std::vector<int>& src, const std::vector<int>& tokens) {
    std::vector<int> in{kBos};
    in.insert(in.end(), tokens.begin(), tokens.end() - 1);
    const Matrix logits = m.forward(src, in, CapturePolicy::none()).logits;
    double sum = 0;
    for (int t = 0; t < int(tokens.size()); ++t) {
        double z = 0;
        for (int j = 0; j < logits.cols(); ++j) z += std::exp(double(logits(t, j)));
        sum += double(logits(t, tokens[size_t(t)])) - std::log(z);
    }
    return sum;
}

}  // namespace

class TestDecode : public QObject {
    Q_OBJECT

private slots:
    void beamBeatsGreedyOnAConstructedCase() {
        // after <bos>: A 0.5, B 0.4; after A: C 0.4, B 0.3, eos 0.3; after B: eos 0.9; after A C: eos 1.
        // greedy: A C eos = 0.5 · 0.4 · 1 = 0.20.  K = 2: step 1 keeps A (0.5), B (0.4); step 2 the best
        // two of {A C 0.20, A B 0.15, A eos 0.15, B eos 0.36, ...} are B eos (finished) and A C; step 3
        // extends A C alone to A C eos 0.20. Best: B eos, 0.36 > 0.20.
        const NextLogProbs next = table({{{kBos}, {0.05, 0.05, 0.5, 0.4, 1e-12}},
                                         {{kBos, kA}, {1e-12, 0.3, 1e-12, 0.3, 0.4}},
                                         {{kBos, kB}, {0.025, 0.9, 0.025, 0.025, 0.025}}});
        DecodeOptions o;
        o.maxLen = 5;
        const DecodeResult greedy = beamSearch(next, kBos, kEos, o);
        QCOMPARE(greedy.hypotheses.front().tokens, (std::vector<int>{kA, kC, kEos}));
        QVERIFY(std::fabs(greedy.hypotheses.front().score - std::log(0.2)) < 1e-9);
        o.beam = 2;
        const DecodeResult beam = beamSearch(next, kBos, kEos, o);
        QCOMPARE(beam.hypotheses.size(), size_t(2));
        QCOMPARE(beam.hypotheses[0].tokens, (std::vector<int>{kB, kEos}));
        QVERIFY(std::fabs(beam.hypotheses[0].score - std::log(0.36)) < 1e-9);
        QCOMPARE(beam.hypotheses[1].tokens, (std::vector<int>{kA, kC, kEos}));
        QVERIFY(beam.hypotheses[0].finished && beam.hypotheses[1].finished);
        // the tree: root; {A, B}; {B→eos (parent 1), A→C (parent 0)}; {A C→eos (parent 1)}
        QCOMPARE(beam.tree.size(), size_t(4));
        QCOMPARE(beam.tree[1].size(), size_t(2));
        QCOMPARE(beam.tree[1][0].token, kA);
        QCOMPARE(beam.tree[1][1].token, kB);
        QCOMPARE(beam.tree[2][0].token, kEos);
        QCOMPARE(beam.tree[2][0].parent, 1);
        QVERIFY(beam.tree[2][0].finished);
        QCOMPARE(beam.tree[2][1].token, kC);
        QCOMPARE(beam.tree[2][1].parent, 0);
        QVERIFY(std::fabs(beam.tree[2][1].logProb - std::log(0.4)) < 1e-9);
        QCOMPARE(beam.tree[3].size(), size_t(1));
        QCOMPARE(beam.tree[3][0].parent, 1);
    }

    void lengthNormalisationPrefersTheLongerHere() {
        // after <bos>: eos 0.55, A 0.45; after A: B 0.9; after A B: eos 0.9.
        // raw: eos = log 0.55 = −0.598 beats A B eos = log 0.3645 = −1.009;
        // per token: −0.598 / 1 loses to −1.009 / 3 = −0.336.
        const NextLogProbs next = table({{{kBos}, {1e-12, 0.55, 0.45, 1e-12, 1e-12}},
                                         {{kBos, kA}, {0.025, 0.025, 0.025, 0.9, 0.025}},
                                         {{kBos, kA, kB}, {0.025, 0.9, 0.025, 0.025, 0.025}}});
        DecodeOptions o;
        o.beam = 2;
        o.maxLen = 6;
        QCOMPARE(beamSearch(next, kBos, kEos, o).hypotheses[0].tokens, std::vector<int>{kEos});
        o.lengthNormalize = true;
        QCOMPARE(beamSearch(next, kBos, kEos, o).hypotheses[0].tokens, (std::vector<int>{kA, kB, kEos}));
    }

    void lengthLimit() {
        const NextLogProbs loop = table({});  // unlisted prefixes end; list none, then ask for A forever:
        const NextLogProbs alwaysA = [](const std::vector<int>&) { return std::vector<double>{-9, -9, -0.01, -9, -9}; };
        DecodeOptions o;
        o.maxLen = 4;
        const DecodeResult r = beamSearch(alwaysA, kBos, kEos, o);
        QCOMPARE(r.hypotheses[0].tokens, (std::vector<int>{kA, kA, kA, kA}));
        QVERIFY(!r.hypotheses[0].finished);
        QCOMPARE(beamSearch(loop, kBos, kEos, o).hypotheses[0].tokens, std::vector<int>{kEos});
        o.beam = 0;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, beamSearch(loop, kBos, kEos, o));
    }

    void beamOneIsGreedy_data() {
        QTest::addColumn<qulonglong>("seed");
        for (qulonglong s : {1, 2, 3, 4, 5}) QTest::newRow(qPrintable(QString("model seed %1").arg(s))) << s;
    }
    void beamOneIsGreedy() {
        QFETCH(qulonglong, seed);
        const Model m = randomModel(seed);
        for (const std::vector<int>& src : {std::vector<int>{4, 5, 6}, {7, 8, 9, 10, 11}, {2, 11}}) {
            for (int eos : {kEos, 5}) {  // random weights rarely pick id 1; id 5 often stops early
                std::vector<int> expected = m.greedyDecode(src, kBos, eos, 12);
                expected.erase(expected.begin());
                DecodeOptions o;
                o.maxLen = 12;
                QCOMPARE(decode(m, src, kBos, eos, o).hypotheses.front().tokens, expected);
            }
        }
    }

    void scoresAreSumsOfLogProbs() {
        const Model m = randomModel(7);
        DecodeOptions o;
        o.beam = 3;
        o.maxLen = 8;
        int compared = 0;
        for (const std::vector<int>& src : {std::vector<int>{4, 5, 6}, {9, 10, 11, 4}}) {
            const DecodeResult r = decode(m, src, kBos, 5, o);
            QCOMPARE(r.hypotheses.size(), size_t(3));
            for (const Hypothesis& h : r.hypotheses) {
                const double recomputed = teacherForcedScore(m, src, h.tokens);
                QVERIFY2(std::fabs(h.score - recomputed) < 1e-4, qPrintable(QString("%1 vs %2").arg(h.score).arg(recomputed)));
                ++compared;
            }
            for (size_t i = 1; i < r.hypotheses.size(); ++i) QVERIFY(r.hypotheses[i - 1].score >= r.hypotheses[i].score);
        }
        QCOMPARE(compared, 6);
    }

    void keptTracesFollowTheBestHypothesis() {
        const Model m = randomModel(3);
        DecodeOptions o;
        o.maxLen = 6;
        o.keepTraces = true;
        const DecodeResult r = decode(m, {4, 5, 6}, kBos, 5, o);
        const Hypothesis& best = r.hypotheses.front();
        QCOMPARE(r.traces.size(), best.tokens.size());
        for (size_t t = 0; t < r.traces.size(); ++t) {
            const Trace& tr = r.traces[t];
            QCOMPARE(tr.tgt_ids.size(), t + 1);
            QVERIFY(tr.decoder.back().captured);
            QCOMPARE(int(tr.decoder.back().cross_attn.weights.front().cols()), 3);
            Eigen::Index arg = 0;
            tr.logits.row(tr.logits.rows() - 1).maxCoeff(&arg);
            QCOMPARE(int(arg), best.tokens[t]);
        }
    }

    void modelLengthLimit() {
        const Model m = randomModel(2);  // max_len 20: at most 19 generated tokens after <bos>
        DecodeOptions o;
        o.maxLen = 100;
        QVERIFY(decode(m, {4}, kBos, 99, o).hypotheses.front().tokens.size() <= 19);
        o.maxLen = 0;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, decode(m, {4}, kBos, kEos, o));
    }
};

QTEST_APPLESS_MAIN(TestDecode)
#include "tst_decode.moc"
