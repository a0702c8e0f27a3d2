// `attention-lab translate` and `attention-lab bleu` as a user runs them, on tiny random models
// written by writeModelFolder (their output is arbitrary but deterministic): the printed lines equal
// the core's decode of the same input, one line per --batch-file line, --model works for trace too,
// and every bad input exits non-zero with one "attention-lab: ..." line and nothing on stdout.
#include "../core_test_support.h"
#include "core/train/decode.h"
#include "core/train/model_folder.h"
#include "core/train/task.h"
#include "core/train/text_codec.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace alab;
using namespace alab::core;

class TestCliTranslate : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void matchesTheCore_data();
    void matchesTheCore();
    void batchFileGivesOneLinePerLine();
    void srcIdsAndTextAgree();
    void maxLenLimitsTheOutput();
    void modelFolderOpensForTrace();
    void bleuCommand();
    void badInput_data();
    void badInput();

private:
    QString fixture(const QString& name) const { return m_dir.filePath(name); }
    void writeText(const QString& name, const QByteArray& bytes) {
        QVERIFY(core::writeFileAtomic(fixture(name).toStdString(), bytes.toStdString()).empty());
    }
    // What the core decodes for `text` with the model folder `name`.
    QString coreTranslation(const QString& name, const std::string& text, int beam);
    QTemporaryDir m_dir;
};

void TestCliTranslate::initTestCase() {
    QVERIFY2(QFileInfo(QStringLiteral(ALAB_APP_PATH)).isExecutable(), ALAB_APP_PATH);
    ModelConfig shape;
    shape.d_model = 16;
    shape.heads = 2;
    shape.d_ff = 32;
    shape.encoder_layers = shape.decoder_layers = 1;
    shape.max_len = 16;
    for (const char* task : {"reverse", "en-zh"})
        QCOMPARE(writeModelFolder(fixture(task).toStdString(), newModelFolder(task, buildVocabulary(*makeTask(task)), shape, 3)),
                 std::string());
    writeText("batch.txt", "3 1 4 1 5\n2 7\n9 9 9 9\n");
    writeText("ref.txt", "a b c d e\na b c d f g\n");
    writeText("hyp.txt", "a b c d e\na b x d\n");
    writeText("short.txt", "a b c d e\n");
    writeText("bad_utf8.txt", "1 2\n3 \xff 4\n");
    writeText("blank_line.txt", "1 2\n\n3 4\n");
    writeText("unknown.txt", "1 2\n3 x 4\n");
    writeText("too_long.txt", "1 2\n" + QByteArray("1 ").repeated(17) + "\n");
    writeText("empty.txt", "");
    QVERIFY(QDir(m_dir.path()).mkdir("not_a_model"));
}

QString TestCliTranslate::coreTranslation(const QString& name, const std::string& text, int beam) {
    LoadedModel m;
    if (!loadModelFolder(fixture(name).toStdString(), m).empty()) return "load failed";
    std::vector<int> ids;
    if (!encodeSource(m.vocab, text, ids).empty()) return "encode failed";
    DecodeOptions o;
    o.beam = beam;
    o.maxLen = 128;
    return test::qs(targetText(m.vocab, decode(*m.model, ids, m.vocab.bos(), m.vocab.eos(), o).hypotheses.front().tokens));
}

void TestCliTranslate::matchesTheCore_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("beam");
    QTest::newRow("reverse greedy") << "reverse" << "3 1 4 1 5" << 1;
    QTest::newRow("reverse beam 4") << "reverse" << "3 1 4 1 5" << 4;
    QTest::newRow("en-zh greedy, capitals and punctuation") << "en-zh" << "Does the teacher eat the apple?" << 1;
    QTest::newRow("en-zh beam 3") << "en-zh" << "i read the book in the library ." << 3;
}

void TestCliTranslate::matchesTheCore() {
    QFETCH(QString, model);
    QFETCH(QString, text);
    QFETCH(int, beam);
    QStringList args{"translate", "--model", fixture(model), "--src", text};
    if (beam > 1) args << "--beam" << QString::number(beam);
    const test::ProcessResult r = test::runApp(args);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.err.isEmpty());
    const QString expected = coreTranslation(model, text.toStdString(), beam);
    QVERIFY(!expected.isEmpty() && !expected.endsWith("failed"));
    QCOMPARE(r.out, expected + "\n");
}

void TestCliTranslate::batchFileGivesOneLinePerLine() {
    const test::ProcessResult r = test::runApp({"translate", "--model", fixture("reverse"), "--batch-file", fixture("batch.txt")});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.split('\n');
    QCOMPARE(lines.size(), 4);  // three lines, then the empty string after the final newline
    QCOMPARE(lines[0], coreTranslation("reverse", "3 1 4 1 5", 1));
    QCOMPARE(lines[1], coreTranslation("reverse", "2 7", 1));
    QCOMPARE(lines[2], coreTranslation("reverse", "9 9 9 9", 1));
}

void TestCliTranslate::srcIdsAndTextAgree() {
    // reverse vocabulary: <unk> <bos> <eos> <pad> 0 1 ... 9, so "3 1 4" is ids 7,5,8
    const test::ProcessResult a = test::runApp({"translate", "--model", fixture("reverse"), "--src-ids", "7,5,8"});
    const test::ProcessResult b = test::runApp({"translate", "--model", fixture("reverse"), "--src", "3 1 4"});
    QVERIFY2(a.exitCode == 0 && b.exitCode == 0, qPrintable(a.err + b.err));
    QCOMPARE(a.out, b.out);
}

void TestCliTranslate::maxLenLimitsTheOutput() {
    const test::ProcessResult r =
        test::runApp({"translate", "--model", fixture("en-zh"), "--src", "the cat is happy .", "--max-len", "2"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList tokens = r.out.trimmed().split(' ', Qt::SkipEmptyParts);
    QVERIFY(tokens.size() >= 1 && tokens.size() <= 2);
}

void TestCliTranslate::modelFolderOpensForTrace() {
    QTemporaryDir tmp;
    const QString out = tmp.filePath("trace");
    test::ProcessResult r = test::runApp({"trace", "--model", fixture("en-zh"), "--src", "the cat", "--tgt", "猫", "--out", out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFileInfo::exists(out + "/decoder.0.cross_attn.weights.npy"));
    r = test::runApp({"trace", "--model", fixture("en-zh"), "--preset", "demo", "--src", "the cat", "--out", out + "2"});
    QVERIFY(r.exitCode > 0 && r.err.contains("not both"));
}

void TestCliTranslate::bleuCommand() {
    const test::ProcessResult r = test::runApp({"bleu", "--ref", fixture("ref.txt"), "--hyp", fixture("hyp.txt")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith("BLEU = 56.84 "), qPrintable(r.out));  // the corpus worked by hand in tst_bleu
    const test::ProcessResult same = test::runApp({"bleu", "--ref", fixture("ref.txt"), "--hyp", fixture("ref.txt")});
    QVERIFY2(same.out.startsWith("BLEU = 100.00 "), qPrintable(same.out));
}

void TestCliTranslate::badInput_data() {
    QTest::addColumn<QStringList>("args");  // {F} is the fixture folder
    QTest::addColumn<QString>("keyword");
    const QStringList tr{"translate", "--model", "{F}/reverse"};
    QTest::newRow("no --model") << QStringList{"translate", "--src", "1 2"} << "--model";
    QTest::newRow("model folder missing") << QStringList{"translate", "--model", "{F}/absent", "--src", "1"} << "absent";
    QTest::newRow("folder without a model") << QStringList{"translate", "--model", "{F}/not_a_model", "--src", "1"}
                                            << "no model.safetensors";
    QTest::newRow("no source") << tr << "exactly one";
    QTest::newRow("two sources") << tr + QStringList{"--src", "1", "--batch-file", "{F}/batch.txt"} << "exactly one";
    QTest::newRow("unknown word") << tr + QStringList{"--src", "1 zebra"} << "\"zebra\"";
    QTest::newRow("empty sentence") << tr + QStringList{"--src", "  "} << "empty";
    QTest::newRow("source longer than max_len") << tr + QStringList{"--src", QString("1 ").repeated(17)} << "max_len 16";
    QTest::newRow("id out of range") << tr + QStringList{"--src-ids", "5,99"} << "99";
    QTest::newRow("ids that are not numbers") << tr + QStringList{"--src-ids", "5,x"} << "\"x\"";
    QTest::newRow("beam 0") << tr + QStringList{"--src", "1", "--beam", "0"} << "--beam";
    QTest::newRow("beam not a number") << tr + QStringList{"--src", "1", "--beam", "wide"} << "--beam \"wide\"";
    QTest::newRow("max-len 0") << tr + QStringList{"--src", "1", "--max-len", "0"} << "--max-len";
    QTest::newRow("unknown option") << tr + QStringList{"--src", "1", "--temperature", "2"} << "--temperature";
    QTest::newRow("batch file missing") << tr + QStringList{"--batch-file", "{F}/none.txt"} << "none.txt";
    QTest::newRow("batch file empty") << tr + QStringList{"--batch-file", "{F}/empty.txt"} << "empty";
    QTest::newRow("batch line invalid UTF-8") << tr + QStringList{"--batch-file", "{F}/bad_utf8.txt"} << "line 2: the sentence is not valid UTF-8";
    QTest::newRow("batch line blank") << tr + QStringList{"--batch-file", "{F}/blank_line.txt"} << "line 2: the sentence is empty";
    QTest::newRow("batch line unknown word") << tr + QStringList{"--batch-file", "{F}/unknown.txt"} << "line 2: the word \"x\"";
    QTest::newRow("batch line too long") << tr + QStringList{"--batch-file", "{F}/too_long.txt"} << "line 2: the source has 17 tokens";
    QTest::newRow("bleu without --hyp") << QStringList{"bleu", "--ref", "{F}/ref.txt"} << "--hyp";
    QTest::newRow("bleu line counts differ") << QStringList{"bleu", "--ref", "{F}/ref.txt", "--hyp", "{F}/short.txt"}
                                             << "has 2 lines";
    QTest::newRow("bleu file missing") << QStringList{"bleu", "--ref", "{F}/none.txt", "--hyp", "{F}/hyp.txt"} << "none.txt";
    QTest::newRow("bleu empty reference") << QStringList{"bleu", "--ref", "{F}/empty.txt", "--hyp", "{F}/empty.txt"} << "empty";
}

void TestCliTranslate::badInput() {
    QFETCH(QStringList, args);
    QFETCH(QString, keyword);
    args.replaceInStrings("{F}", m_dir.path());
    const test::ProcessResult r = test::runApp(args);
    QVERIFY2(r.finished, "attention-lab did not finish");
    QVERIFY2(r.exitCode > 0, qPrintable(QString("exit code %1, stderr: %2").arg(r.exitCode).arg(r.err)));
    const QStringList lines = r.err.split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 1, qPrintable(r.err));
    QVERIFY2(lines[0].startsWith("attention-lab: "), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(keyword), qPrintable(lines[0] + " lacks " + keyword));
    QVERIFY(r.out.isEmpty());
}

QTEST_APPLESS_MAIN(TestCliTranslate)
#include "tst_cli_translate.moc"
