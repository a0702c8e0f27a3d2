// Batching for teacher forcing: padded source ids, decoder input <bos> + target, labels target +
// <eos>, padding with <pad> everywhere, checked cell by cell on a hand-written case and as an
// invariant (labels are the decoder input shifted left) on drawn en-zh pairs.
#include "core/tensor.h"
#include "core/train/batch.h"

#include <QtTest>

using namespace alab::core;

class TestBatch : public QObject {
    Q_OBJECT

private slots:
    void handWrittenCase() {
        const Vocabulary v({"<unk>", "<bos>", "<eos>", "<pad>", "a", "b", "c"});  // a 4, b 5, c 6
        const Batch batch = makeBatch({{{"a", "b", "c"}, {"c", "b"}, {}}, {{"a"}, {"b", "a", "c"}, {}}}, v);
        IdMatrix src(2, 3), tgtIn(2, 4), labels(2, 4);
        src << 4, 5, 6,  //
               4, 3, 3;
        tgtIn << 1, 6, 5, 3,  // <bos> c b <pad>
                 1, 5, 4, 6;  // <bos> b a c
        labels << 6, 5, 2, 3,  // c b <eos> <pad>
                  5, 4, 6, 2;  // b a c <eos>
        QCOMPARE(batch.src, src);
        QCOMPARE(batch.tgtIn, tgtIn);
        QCOMPARE(batch.labels, labels);
        QCOMPARE(batch.srcLengths, (std::vector<int>{3, 1}));
        QCOMPARE(batch.tgtLengths, (std::vector<int>{3, 4}));
        QCOMPARE(batch.labelCount(), 7);
        QCOMPARE(batch.padId, 3);
        QCOMPARE(batch.srcRow(1), std::vector<int>{4});
        QCOMPARE(batch.labelsRow(0), (std::vector<int>{6, 5, 2}));
    }

    void badPairs() {
        const Vocabulary v({"<unk>", "<bos>", "<eos>", "<pad>", "a"});
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeBatch({}, v));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeBatch({{{"a"}, {}, {}}}, v));
        try {
            makeBatch({{{"a"}, {"zebra"}, {}}}, v);
            QFAIL("an unknown token must throw");
        } catch (const InvalidArgument& e) {
            QVERIFY(QString(e.what()).contains("zebra"));
        }
    }

    void labelsAreTheInputShifted() {
        auto task = makeTask("en-zh");
        const Vocabulary v = buildVocabulary(*task);
        Rng rng(4);
        const Batch batch = makeBatch(task->draw(rng, Split::Train, 32), v);
        for (int b = 0; b < batch.size(); ++b) {
            const int n = batch.tgtLengths[size_t(b)];
            QCOMPARE(batch.tgtIn(b, 0), v.bos());
            for (int t = 0; t + 1 < n; ++t) QCOMPARE(batch.labels(b, t), batch.tgtIn(b, t + 1));
            QCOMPARE(batch.labels(b, n - 1), v.eos());
            for (int t = n; t < batch.tgtIn.cols(); ++t) {
                QCOMPARE(batch.tgtIn(b, t), v.pad());
                QCOMPARE(batch.labels(b, t), v.pad());
            }
            for (int s = batch.srcLengths[size_t(b)]; s < batch.src.cols(); ++s) QCOMPARE(batch.src(b, s), v.pad());
        }
    }
};

QTEST_APPLESS_MAIN(TestBatch)
#include "tst_batch.moc"
