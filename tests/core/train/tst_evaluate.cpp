// Evaluation plumbing: exact match and BLEU against targets made from the model's own greedy output
// (all right, then half of them spoiled), and the alignment count on a hand-built trace whose
// cross-attention peaks are known.
#include "core/train/decode.h"
#include "core/train/evaluate.h"

#include <QtTest>

using namespace alab::core;

class TestEvaluate : public QObject {
    Q_OBJECT

private slots:
    void exactMatchAndBleu() {
        const Vocabulary v = buildVocabulary(*makeTask("reverse"));
        ModelConfig c;
        c.d_model = 16;
        c.heads = 2;
        c.d_ff = 32;
        c.encoder_layers = c.decoder_layers = 1;
        c.src_vocab = c.tgt_vocab = v.size();
        c.pad_id = v.pad();
        c.max_len = 16;
        const Model m(c, initWeights(c, 9));
        Rng rng(2);
        std::vector<Example> examples = makeTask("reverse")->draw(rng, Split::HeldOut, 8);
        DecodeOptions o;
        o.maxLen = 6;
        for (Example& e : examples) {  // the target becomes what the model says, so every one matches
            std::vector<int> src;
            for (const std::string& t : e.src) src.push_back(v.id(t));
            std::vector<int> out = decode(m, src, v.bos(), v.eos(), o).hypotheses.front().tokens;
            if (!out.empty() && out.back() == v.eos()) out.pop_back();
            e.tgt.clear();
            for (int id : out) e.tgt.push_back(v.token(id));
            e.links.clear();
        }
        Evaluation ev = evaluate(m, v, examples, 6);
        QCOMPARE(ev.examples, 8);
        QCOMPARE(ev.exactMatch(), 100.0);
        QVERIFY(std::fabs(ev.bleu - 100.0) < 1e-9);
        for (size_t i = 0; i < examples.size(); i += 2) examples[i].tgt.push_back("<unk>");
        ev = evaluate(m, v, examples, 6);
        QCOMPARE(ev.exactMatch(), 50.0);
        QVERIFY(ev.bleu < 100.0);
    }

    void alignmentOnAHandBuiltTrace() {
        // 3 target tokens over 4 source words; two heads. Averaged rows peak at 2, 0 and 3.
        Trace t;
        t.decoder.resize(1);
        t.decoder[0].captured = true;
        Matrix h1(3, 4), h2(3, 4);
        h1 << 0.1f, 0.2f, 0.6f, 0.1f,   //
              0.5f, 0.3f, 0.1f, 0.1f,   //
              0.7f, 0.1f, 0.1f, 0.1f;   // head 1 alone would peak at 0 here ...
        h2 << 0.1f, 0.1f, 0.7f, 0.1f,   //
              0.4f, 0.4f, 0.1f, 0.1f,   //
              0.0f, 0.0f, 0.0f, 1.0f;   // ... but the mean (0.35, 0.05, 0.05, 0.55) peaks at 3
        t.decoder[0].cross_attn.weights = {h1, h2};
        Example e;
        e.links = {{2, 2, true}, {1, 1, true}, {3, 3, true}};
        int hits = 0, total = 0;
        countAlignment(t, e, hits, total);
        QCOMPARE(total, 3);
        QCOMPARE(hits, 2);  // token 2 peaks at 0, not at its word 1
        e.links = {{-1, -1, false}, {0, 1, true}, {2, 2, false}};  // a span counts; function tokens do not
        hits = total = 0;
        countAlignment(t, e, hits, total);
        QCOMPARE(total, 1);
        QCOMPARE(hits, 1);
    }
};

QTEST_APPLESS_MAIN(TestEvaluate)
#include "tst_evaluate.moc"
