// Text into the core: the JSON parser's edge cases (what it accepts and how it re-serialises, what
// it rejects with an offset), the word tokenizer (CJK characters, punctuation, special tokens),
// unknown-word reporting through tokenize/encodeText, and comma-separated token-id lists.
#include "core/json.h"
#include "core/model_loader.h"
#include "core/presets.h"
#include "core/tokenizer.h"

#include <QtTest>

using namespace alab;

class TestText : public QObject {
    Q_OBJECT

private slots:
    void jsonAccepts_data();
    void jsonAccepts();
    void jsonRejects_data();
    void jsonRejects();
    void splitWords_data();
    void splitWords();
    void splitLines_data();
    void splitLines();
    void tokenizeReportsUnknownWords();
    void parseIds_data();
    void parseIds();
};

void TestText::jsonAccepts_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("dumped");  // compact re-serialisation
    QTest::newRow("nested with whitespace") << " {\n\t\"a\" : [1, {\"b\": null}] , \"c\":true } " << R"({"a":[1,{"b":null}],"c":true})";
    QTest::newRow("empty containers") << R"([{}, []])" << R"([{},[]])";
    QTest::newRow("numbers") << "[-0.5e3, 1E2, 0, 3.25, 1e-3]" << "[-500,100,0,3.25,0.001]";
    QTest::newRow("escapes") << R"(["a\"b\\c\/d\n\t"])" << R"(["a\"b\\c/d\n\t"])";
    QTest::newRow("unicode escape") << R"(["\u00e9\u732b"])" << "[\"é猫\"]";
    QTest::newRow("surrogate pair") << R"(["\ud83d\ude00"])" << "[\"😀\"]";
    QTest::newRow("raw UTF-8") << "{\"词\":\"猫\"}" << "{\"词\":\"猫\"}";
    QTest::newRow("top-level scalar") << "42" << "42";
}

void TestText::jsonAccepts() {
    QFETCH(QString, text);
    QFETCH(QString, dumped);
    const core::Json j = core::Json::parse(text.toStdString());
    QCOMPARE(QString::fromStdString(j.dump()), dumped);
    QCOMPARE(core::Json::parse(j.dump(2)).dump(), j.dump());  // indented output parses back the same
}

void TestText::jsonRejects_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("trailing comma in array") << "[1,2,]";
    QTest::newRow("trailing comma in object") << R"({"a":1,})";
    QTest::newRow("single quotes") << "{'a':1}";
    QTest::newRow("unterminated string") << R"(["abc)";
    QTest::newRow("text after the value") << "{} x";
    QTest::newRow("NaN literal") << "[NaN]";
    QTest::newRow("bare minus") << "[-]";
    QTest::newRow("missing colon") << R"({"a" 1})";
    QTest::newRow("control character in string") << "[\"a\tb\"]";
    QTest::newRow("bad escape") << R"(["\x41"])";
    QTest::newRow("short unicode escape") << R"(["\u12"])";
    QTest::newRow("unpaired high surrogate") << R"(["\ud800\u0041"])";
    QTest::newRow("lone low surrogate") << R"(["\udc00"])";
    QTest::newRow("nesting too deep") << QString(300, '[') + QString(300, ']');
}

void TestText::jsonRejects() {
    QFETCH(QString, text);
    try {
        core::Json::parse(text.toStdString());
        QFAIL("the text was accepted");
    } catch (const core::InvalidArgument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).startsWith("invalid JSON at offset "), e.what());
    }
}

void TestText::splitWords_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("English words") << "Thinking Machines" << QStringList{"Thinking", "Machines"};
    QTest::newRow("punctuation stands alone") << "Hello, world!" << QStringList{"Hello", ",", "world", "!"};
    QTest::newRow("apostrophe and hyphen stay inside") << "don't re-use" << QStringList{"don't", "re-use"};
    QTest::newRow("each CJK character") << "猫坐在垫子上" << QStringList{"猫", "坐", "在", "垫", "子", "上"};
    QTest::newRow("Chinese punctuation") << "你好，世界。" << QStringList{"你", "好", "，", "世", "界", "。"};
    QTest::newRow("mixed text") << "the cat猫 sat." << QStringList{"the", "cat", "猫", "sat", "."};
    QTest::newRow("special token kept whole") << "<bos> 猫<eos>" << QStringList{"<bos>", "猫", "<eos>"};
    QTest::newRow("angle brackets otherwise") << "a < b" << QStringList{"a", "<", "b"};
    QTest::newRow("ideographic space and tabs") << "a\u3000b\tc\n" << QStringList{"a", "b", "c"};
    QTest::newRow("only spaces") << "   " << QStringList{};
}

void TestText::splitWords() {
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QStringList got;
    for (const std::string& w : core::splitWords(text.toStdString())) got << QString::fromStdString(w);
    QCOMPARE(got, words);
}

void TestText::splitLines_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("empty text") << "" << QStringList{};
    QTest::newRow("no final newline") << "a b\nc" << QStringList{"a b", "c"};
    QTest::newRow("a final newline starts no line") << "a\nb\n" << QStringList{"a", "b"};
    QTest::newRow("empty lines are kept") << "a\n\nb" << QStringList{"a", "", "b"};
    QTest::newRow("CRLF") << "a\r\nb\r\n" << QStringList{"a", "b"};
    QTest::newRow("only one CR dropped") << "a\r\r\n" << QStringList{"a\r"};
    QTest::newRow("a lone newline") << "\n" << QStringList{""};
}

void TestText::splitLines() {
    QFETCH(QString, text);
    QFETCH(QStringList, lines);
    QStringList got;
    for (const std::string& l : core::splitLines(text.toStdString())) got << QString::fromStdString(l);
    QCOMPARE(got, lines);
}

void TestText::tokenizeReportsUnknownWords() {
    const core::Vocabulary vocab = core::demoPreset().vocab;
    const core::Tokenized t = core::tokenize(vocab, "The zebra sat on the 猫 qwzx");
    QCOMPARE(t.unknown, (std::vector<std::string>{"zebra", "qwzx"}));
    QCOMPARE(t.ids[0], vocab.id("the"));  // lower-case fallback
    QCOMPARE(t.ids[1], vocab.unk());
    QCOMPARE(t.ids[5], vocab.id("猫"));
    QCOMPARE(vocab.token(vocab.bos()), std::string("<bos>"));
    QCOMPARE(vocab.token(100000), std::string("<unk>"));
    core::LoadedModel m;
    QCOMPARE(core::loadModel({"demo", "", "", "", 2017}, m), std::string());
    std::vector<int> ids;
    QVERIFY(QString::fromStdString(core::encodeText(m, "the zebra", ids)).contains("\"zebra\""));
    QVERIFY(QString::fromStdString(core::encodeText(m, "  ", ids)).contains("empty"));
    QCOMPARE(core::encodeText(m, "<bos> the cat", ids), std::string());
    QCOMPARE(ids, (std::vector<int>{vocab.bos(), vocab.id("the"), vocab.id("cat")}));
}

void TestText::parseIds_data() {
    QTest::addColumn<QString>("csv");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain list") << "1,2,3" << true;
    QTest::newRow("spaces around items") << " 4 , 5" << true;
    QTest::newRow("negative id (the model reports it)") << "-1" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("empty item") << "1,,2" << false;
    QTest::newRow("trailing comma") << "1,2," << false;
    QTest::newRow("word") << "one" << false;
    QTest::newRow("lone minus") << "-" << false;
    QTest::newRow("minus inside") << "4-5" << false;
    QTest::newRow("too many digits") << "12345678901" << false;
}

void TestText::parseIds() {
    QFETCH(QString, csv);
    QFETCH(bool, valid);
    std::vector<int> ids;
    const std::string err = core::parseIds(csv.toStdString(), ids);
    QCOMPARE(err.empty(), valid);
    if (valid) {
        QStringList back;
        for (int id : ids) back << QString::number(id);
        QCOMPARE(back.join(','), csv.remove(' '));
    }
}
QTEST_APPLESS_MAIN(TestText)
#include "tst_text.moc"
