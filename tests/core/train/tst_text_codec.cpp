// Typed source text to ids and target ids to text: whitespace words first, a word the vocabulary
// lacks split again as the tokenizer splits it, capitals found through the lower-case fallback,
// unknown words and empty or non-UTF-8 text named in the error; a final <eos> is not printed.
#include "core/train/task.h"
#include "core/train/text_codec.h"

#include <QtTest>

using namespace alab::core;

class TestTextCodec : public QObject {
    Q_OBJECT

private slots:
    void encodesAsTheTasksSplit() {
        const Vocabulary v = buildVocabulary(*makeTask("en-zh"));
        std::vector<int> ids;
        QCOMPARE(encodeSource(v, "Does the teacher eat the apple?", ids), std::string());
        std::vector<int> expected;
        for (const char* w : {"does", "the", "teacher", "eat", "the", "apple", "?"}) expected.push_back(v.id(w));
        QCOMPARE(ids, expected);
        QCOMPARE(encodeSource(v, "老师吃苹果", ids), std::string());  // one token per character
        QCOMPARE(ids.size(), size_t(5));
    }

    void userTokensStayWhole() {
        // a --data vocabulary may hold tokens the tokenizer would split ("don't", "a,b"); they stay whole
        const Vocabulary v({"<unk>", "<bos>", "<eos>", "<pad>", "a,b", "c"});
        std::vector<int> ids;
        QCOMPARE(encodeSource(v, "a,b c", ids), std::string());
        QCOMPARE(ids, (std::vector<int>{4, 5}));
    }

    void errors() {
        const Vocabulary v = buildVocabulary(*makeTask("reverse"));
        std::vector<int> ids;
        QCOMPARE(encodeSource(v, "1 2 zebra", ids), std::string("the word \"zebra\" is not in the vocabulary"));
        QCOMPARE(encodeSource(v, " \t ", ids), std::string("the sentence is empty"));
        QCOMPARE(encodeSource(v, "1 \xff", ids), std::string("the sentence is not valid UTF-8"));
        QVERIFY(QString::fromStdString(encodeSource(Vocabulary(), "1", ids)).contains("no vocabulary"));
    }

    void targetText() {
        const Vocabulary v = buildVocabulary(*makeTask("reverse"));  // "0".."9" are ids 4..13
        QCOMPARE(alab::core::targetText(v, {7, 5, 8, v.eos()}), std::string("3 1 4"));
        QCOMPARE(alab::core::targetText(v, {7, v.eos(), 8}), std::string("3 <eos> 4"));  // only a final <eos> is dropped
        QCOMPARE(alab::core::targetText(Vocabulary(), {7, 2}), std::string("7 2"));
    }
};

QTEST_APPLESS_MAIN(TestTextCodec)
#include "tst_text_codec.moc"
