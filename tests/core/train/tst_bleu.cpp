// Corpus BLEU-4 against values computed by hand (the n-gram counts are written out below), plus the
// edge cases: a perfect hypothesis scores 100, no 4-gram match scores 0, clipping, the brevity
// penalty only for short hypotheses, and line-count errors for the two-file form.
#include "core/tensor.h"
#include "core/train/bleu.h"
#include "core/train/task_tsv.h"

#include <QtTest>

#include <cmath>

using namespace alab::core;

namespace {

std::vector<std::vector<std::string>> sentences(const std::vector<std::string>& lines) {
    std::vector<std::vector<std::string>> out;
    for (const std::string& l : lines) out.push_back(splitWhitespace(l));
    return out;
}

}  // namespace

class TestBleu : public QObject {
    Q_OBJECT

private slots:
    void twoSentenceCorpusByHand() {
        // 1: hyp "a b c d e" = ref: 1-grams 5/5, 2-grams 4/4, 3-grams 3/3, 4-grams 2/2.
        // 2: hyp "a b x d", ref "a b c d f g": 1-grams a b d of a b x d = 3/4; 2-grams "a b" of
        //    {a b, b x, x d} = 1/3; 3-grams 0/2; 4-grams 0/1.
        // corpus: p1 = 8/9, p2 = 5/7, p3 = 3/5, p4 = 2/3; c = 9, r = 11, BP = exp(1 − 11/9) = exp(−2/9).
        // BLEU = 100 · exp(−2/9) · (8/9 · 5/7 · 3/5 · 2/3)^(1/4) = 100 · exp(−2/9) · (16/63)^(1/4) = 56.8440...
        const BleuScore s = corpusBleu(sentences({"a b c d e", "a b x d"}), sentences({"a b c d e", "a b c d f g"}));
        QVERIFY(std::fabs(s.bleu - 100.0 * std::exp(-2.0 / 9.0) * std::pow(16.0 / 63.0, 0.25)) < 1e-9);
        QVERIFY(std::fabs(s.bleu - 56.844) < 1e-3);
        QVERIFY(std::fabs(s.precisions[0] - 100.0 * 8 / 9) < 1e-9);
        QVERIFY(std::fabs(s.precisions[1] - 100.0 * 5 / 7) < 1e-9);
        QVERIFY(std::fabs(s.precisions[2] - 60.0) < 1e-9);
        QVERIFY(std::fabs(s.precisions[3] - 100.0 * 2 / 3) < 1e-9);
        QVERIFY(std::fabs(s.brevityPenalty - std::exp(-2.0 / 9.0)) < 1e-12);
        QCOMPARE(s.hypLength, int64_t(9));
        QCOMPARE(s.refLength, int64_t(11));
    }

    void noFourGramMatchIsZero() {
        // hyp "the cat sat on the mat", ref "the cat is on the mat": 1-grams the×2 cat on mat = 5/6;
        // 2-grams the cat, on the, the mat = 3/5; 3-grams "on the mat" = 1/4; 4-grams 0/3 -> BLEU 0.
        const BleuScore s = corpusBleu(sentences({"the cat sat on the mat"}), sentences({"the cat is on the mat"}));
        QCOMPARE(s.bleu, 0.0);
        QVERIFY(std::fabs(s.precisions[0] - 100.0 * 5 / 6) < 1e-9);
        QVERIFY(std::fabs(s.precisions[1] - 60.0) < 1e-9);
        QVERIFY(std::fabs(s.precisions[2] - 25.0) < 1e-9);
        QCOMPARE(s.precisions[3], 0.0);
    }

    void perfectIsHundred() {
        const auto text = sentences({"我 们 今 天 吃 饭 。", "3 1 4 1 5", "a b c d"});
        QVERIFY(std::fabs(corpusBleu(text, text).bleu - 100.0) < 1e-9);
    }

    void clippingAndBrevity() {
        // "the the the the the" vs "the cat sat on it": "the" is clipped to 1 -> p1 = 1/5, and no 2-gram matches.
        BleuScore s = corpusBleu(sentences({"the the the the the"}), sentences({"the cat sat on it"}));
        QVERIFY(std::fabs(s.precisions[0] - 20.0) < 1e-9);
        QCOMPARE(s.bleu, 0.0);
        // a longer hypothesis has no penalty: hyp "a b c d e f" (6) vs ref "a b c d e" (5):
        // p1 = 5/6, p2 = 4/5, p3 = 3/4, p4 = 2/3, product 1/3, BLEU = 100 · (1/3)^(1/4) = 75.98...
        s = corpusBleu(sentences({"a b c d e f"}), sentences({"a b c d e"}));
        QCOMPARE(s.brevityPenalty, 1.0);
        QVERIFY(std::fabs(s.bleu - 100.0 * std::pow(1.0 / 3.0, 0.25)) < 1e-9);
        // the same hypothesis as reference, the other way round: BP = exp(1 − 6/5) = exp(−0.2);
        // p1 = 5/5, p2 = 4/4, p3 = 3/3, p4 = 2/2 -> BLEU = 100 · exp(−0.2) = 81.87...
        s = corpusBleu(sentences({"a b c d e"}), sentences({"a b c d e f"}));
        QVERIFY(std::fabs(s.bleu - 100.0 * std::exp(-0.2)) < 1e-9);
        // an empty hypothesis scores 0
        QCOMPARE(corpusBleu(sentences({""}), sentences({"a b c d"})).bleu, 0.0);
    }

    void texts() {
        BleuScore s;
        QCOMPARE(bleuOfTexts("a b c d e\na b c d f g\n", "ref", "a b c d e\r\na b x d", "hyp", s), std::string());
        QVERIFY(std::fabs(s.bleu - 56.844) < 1e-3);
        const std::string err = bleuOfTexts("a\nb\nc\n", "r.txt", "a\nb\n", "h.txt", s);
        QCOMPARE(err, std::string("r.txt has 3 lines, h.txt has 2 (one reference per hypothesis)"));
        QVERIFY(QString::fromStdString(bleuOfTexts("", "r.txt", "", "h.txt", s)).contains("empty"));
        QVERIFY(QString::fromStdString(bleuOfTexts("a\nb\xff\n", "r.txt", "a\nb\n", "h.txt", s)).contains("r.txt line 2"));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, corpusBleu(sentences({"a"}), sentences({"a", "b"})));
    }
};

QTEST_APPLESS_MAIN(TestBleu)
#include "tst_bleu.moc"
