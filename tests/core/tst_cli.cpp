// The command line as a user meets it: the built attention-lab is run with QProcess for every bad
// input of `trace` (each must exit non-zero with exactly one "attention-lab: ..." line naming the
// problem, and leave no output folder or temporary sibling), for the happy paths of both presets
// (compared with the core's own trace), and for --walkthrough (its numbers taken from the core trace).
#include "core/lessons/registry.h"
#include "core/presets.h"
#include "core/trace.h"
#include "core_test_support.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>

using namespace alab;

namespace {

// Whether `number` appears in `text` as a whole number (not inside 1120 or 0.112).
bool containsNumber(const QString& text, const QString& number) {
    return text.contains(QRegularExpression("(?<![\\d.])" + QRegularExpression::escape(number) + "(?![\\d])"));
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void badInput_data();
    void badInput();
    void failedRunKeepsEarlierOutput();
    void thinkingMachinesTrace();
    void demoTrace();
    void walkthroughPrintsTheTraceNumbers();
    void listLessonsPrintsTheRegistry();
    void walkthroughInChinese();

private:
    // Writes the golden postnorm_h2 weights after `edit` into the fixture folder.
    void writeEditedWeights(const QString& name, const std::function<void(core::NamedTensors&)>& edit);
    QTemporaryDir m_fixtures;
    QString m_golden;
};

void TestCli::writeEditedWeights(const QString& name, const std::function<void(core::NamedTensors&)>& edit) {
    core::TensorFile f = core::readSafetensors(m_golden.toStdString() + "/weights.safetensors");
    QVERIFY2(f.ok(), f.error.c_str());
    edit(f.tensors);
    QCOMPARE(core::writeSafetensors(m_fixtures.filePath(name).toStdString(), f.tensors), std::string());
}

void TestCli::initTestCase() {
    QVERIFY2(QFileInfo(QStringLiteral(ALAB_APP_PATH)).isExecutable(), ALAB_APP_PATH);
    QVERIFY(m_fixtures.isValid());
    m_golden = test::qs(test::goldenDir("postnorm_h2"));
    const std::string linear1 = "encoder.layers.0.linear1.weight";
    writeEditedWeights("missing_tensor.safetensors", [&](core::NamedTensors& t) { t.erase(linear1); });
    writeEditedWeights("wrong_shape.safetensors", [&](core::NamedTensors& t) {
        t[linear1].shape = {t[linear1].shape[1], t[linear1].shape[0]};  // transposed [in, out]
    });
    writeEditedWeights("nan.safetensors", [&](core::NamedTensors& t) {
        t[linear1].data[3] = std::numeric_limits<float>::quiet_NaN();
    });
    std::string good;
    QVERIFY(core::readFile(m_golden.toStdString() + "/weights.safetensors", good).empty());
    QVERIFY(core::writeFileAtomic(m_fixtures.filePath("truncated.safetensors").toStdString(), good.substr(0, good.size() / 2)).empty());
    QVERIFY(core::writeFileAtomic(m_fixtures.filePath("broken.json").toStdString(), "{\"d_model\": 16,").empty());
    QVERIFY(core::writeFileAtomic(m_fixtures.filePath("indivisible.json").toStdString(), "{\"d_model\": 50, \"heads\": 8}").empty());
    QVERIFY(core::writeFileAtomic(m_fixtures.filePath("file").toStdString(), "a regular file").empty());
    QVERIFY(QDir(m_fixtures.path()).mkdir(QStringLiteral("folder")));
}

void TestCli::badInput_data() {
    QTest::addColumn<QStringList>("args");   // {F} is the fixture folder, {G} the golden case
    QTest::addColumn<QString>("keyword");    // must appear in the error line
    const QStringList golden{"--weights", "{G}/weights.safetensors", "--config", "{G}/config.json"};
    const QStringList withWeights{"--config", "{G}/config.json", "--src-ids", "1,2", "--weights"};
    const QStringList tm{"--preset", "thinking-machines"};
    QTest::newRow("missing weights file") << withWeights + QStringList{"{F}/absent.safetensors"} << "absent.safetensors";
    QTest::newRow("weights path is a folder") << withWeights + QStringList{"{F}/folder"} << "directory";
    QTest::newRow("truncated weights file") << withWeights + QStringList{"{F}/truncated.safetensors"} << "truncated.safetensors";
    QTest::newRow("tensor missing from weights") << withWeights + QStringList{"{F}/missing_tensor.safetensors"}
                                                 << "encoder.layers.0.linear1.weight is missing";
    QTest::newRow("tensor of the wrong shape") << withWeights + QStringList{"{F}/wrong_shape.safetensors"}
                                               << "has shape [16,32], expected [32,16]";
    QTest::newRow("NaN in the weights") << withWeights + QStringList{"{F}/nan.safetensors"} << "NaN";
    QTest::newRow("invalid config JSON") << QStringList{"--weights", "{G}/weights.safetensors", "--config", "{F}/broken.json",
                                                        "--src-ids", "1"} << "invalid JSON";
    QTest::newRow("config d_model not divisible") << QStringList{"--weights", "{G}/weights.safetensors", "--config",
                                                                 "{F}/indivisible.json", "--src-ids", "1"}
                                                  << "d_model 50 is not divisible by heads 8";
    QTest::newRow("missing config file") << QStringList{"--weights", "{G}/weights.safetensors", "--config", "{F}/none.json",
                                                        "--src-ids", "1"} << "none.json";
    QTest::newRow("token id out of range") << golden + QStringList{"--src-ids", "1,99"} << "99";
    QTest::newRow("negative token id") << golden + QStringList{"--src-ids", "-3"} << "-3";
    QTest::newRow("token ids that are not numbers") << golden + QStringList{"--src-ids", "1,x"} << "\"x\"";
    QTest::newRow("lone minus as an id") << golden + QStringList{"--src-ids", "-"} << "token id";
    QTest::newRow("target id out of range") << golden + QStringList{"--src-ids", "1", "--tgt-ids", "5,11"} << "11";
    QTest::newRow("empty sentence") << tm + QStringList{"--src", ""} << "empty";
    QTest::newRow("blank sentence") << tm + QStringList{"--src", "   "} << "empty";
    QTest::newRow("unknown word") << tm + QStringList{"--src", "Thinking Robots"} << "\"Robots\"";
    QTest::newRow("sentence longer than max_len") << tm + QStringList{"--src", QString("Thinking ").repeated(17)}
                                                  << "max_len 16";
    QTest::newRow("target for a model without decoder") << tm + QStringList{"--src", "Thinking", "--tgt", "Machines"}
                                                        << "no decoder";
    QTest::newRow("text for a model without vocabulary") << golden + QStringList{"--src", "hello"} << "vocabulary";
    QTest::newRow("no source") << tm << "--src";
    QTest::newRow("text and ids together") << tm + QStringList{"--src", "Thinking", "--src-ids", "4"} << "not both";
    QTest::newRow("unknown preset") << QStringList{"--preset", "gpt5", "--src", "x"} << "gpt5";
    QTest::newRow("preset and weights together") << tm + golden + QStringList{"--src", "Thinking"} << "not both";
    QTest::newRow("bad seed") << QStringList{"--preset", "demo", "--seed", "-1", "--src", "cat"} << "--seed";
    QTest::newRow("unknown option") << tm + QStringList{"--src", "Thinking", "--frobnicate"} << "--frobnicate";
    QTest::newRow("missing --out") << tm + QStringList{"--src", "Thinking", "NO_OUT"} << "--out";
    QTest::newRow("--out without a value") << tm + QStringList{"--src", "Thinking", "NO_OUT", "--out"} << "needs a value";
    QTest::newRow("empty --out") << tm + QStringList{"--src", "Thinking", "NO_OUT", "--out", ""} << "--out";
    QTest::newRow("out path is an existing file") << tm + QStringList{"--src", "Thinking", "NO_OUT", "--out", "{F}/file"}
                                                  << "not a folder";
    QTest::newRow("out folder under a regular file") << tm + QStringList{"--src", "Thinking", "NO_OUT", "--out", "{F}/file/trace"}
                                                     << "{F}/file/trace";
}

void TestCli::badInput() {
    QFETCH(QStringList, args);
    QFETCH(QString, keyword);
    QTemporaryDir outParent;
    const QString out = outParent.filePath(QStringLiteral("trace"));
    const bool ownOut = !args.contains(QStringLiteral("NO_OUT"));
    args.removeAll(QStringLiteral("NO_OUT"));
    args.replaceInStrings(QStringLiteral("{F}"), m_fixtures.path()).replaceInStrings(QStringLiteral("{G}"), m_golden);
    keyword.replace(QStringLiteral("{F}"), m_fixtures.path());
    if (ownOut) args << QStringLiteral("--out") << out;
    const QStringList fixturesBefore = test::entries(m_fixtures.path());

    const test::ProcessResult r = test::runApp(QStringList{"trace"} + args);
    QVERIFY2(r.finished, "attention-lab did not finish");
    QVERIFY2(r.exitCode > 0, qPrintable(QStringLiteral("exit code %1, stderr: %2").arg(r.exitCode).arg(r.err)));
    const QStringList lines = r.err.split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 1, qPrintable(r.err));
    qInfo("%s", qPrintable(lines[0]));
    QVERIFY2(lines[0].startsWith(QStringLiteral("attention-lab: ")), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(keyword), qPrintable(lines[0] + " lacks " + keyword));
    QVERIFY2(r.err.endsWith('\n'), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(test::entries(outParent.path()), QStringList{});        // no trace folder, no trace.tmp-* sibling
    QCOMPARE(test::entries(m_fixtures.path()), fixturesBefore);     // nothing written beside the fixtures
}

// A failing run over an existing trace folder leaves that folder exactly as it was.
void TestCli::failedRunKeepsEarlierOutput() {
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("trace"));
    QVERIFY(QDir(tmp.path()).mkdir(QStringLiteral("trace")));
    QVERIFY(core::writeFileAtomic((out + "/keep.txt").toStdString(), "earlier work").empty());
    const test::ProcessResult r = test::runApp({"trace", "--preset", "thinking-machines", "--src", "Robots", "--out", out});
    QVERIFY(r.finished && r.exitCode > 0);
    QCOMPARE(test::entries(tmp.path()), QStringList{"trace"});
    QCOMPARE(test::entries(out), QStringList{"keep.txt"});
}

void TestCli::thinkingMachinesTrace() {
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("tm"));
    const test::ProcessResult r =
        test::runApp({"trace", "--preset", "thinking-machines", "--src", "Thinking Machines", "--out", out});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.err.isEmpty());
    const core::Preset p = core::thinkingMachinesPreset();
    const core::Trace trace = core::Model(p.config, p.weights).forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
    const std::vector<std::string> names = core::traceNames(trace);
    QVERIFY(r.out.contains(QStringLiteral("wrote %1 tensors").arg(names.size())));
    std::string text;
    QVERIFY(core::readFile(out.toStdString() + "/index.json", text).empty());
    const core::Json index = core::Json::parse(text);
    std::vector<std::string> listed;
    for (const core::Json& e : index.find("tensors")->toArray()) listed.push_back(e.find("name")->toString());
    QCOMPARE(listed, names);
    QCOMPARE(index.find("src_tokens")->dump(), std::string(R"(["Thinking","Machines"])"));
    for (const std::string& name : names) {
        core::Tensor t;
        QCOMPARE(test::readNpy(out + "/" + test::qs(name) + ".npy", t), std::string());
        const core::Tensor expected = *core::findTensor(trace, name);
        QVERIFY2(t.shape == expected.shape && t.data == expected.data, name.c_str());  // same machine: same bits
    }
    QCOMPARE(test::entries(tmp.path()), QStringList{"tm"});
}

void TestCli::demoTrace() {
    const core::Preset p = core::demoPreset();
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("demo"));
    const test::ProcessResult r = test::runApp({"trace", "--preset", "demo", "--src", test::qs(p.defaultSrc), "--tgt",
                                                test::qs(p.defaultTgt), "--out", out});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
    const core::Tokenized src = core::tokenize(p.vocab, p.defaultSrc), tgt = core::tokenize(p.vocab, p.defaultTgt);
    QVERIFY(src.unknown.empty() && tgt.unknown.empty());
    const core::Trace trace = core::Model(p.config, p.weights).forward(src.ids, tgt.ids);
    std::string text;
    QVERIFY(core::readFile(out.toStdString() + "/index.json", text).empty());
    const core::Json index = core::Json::parse(text);
    QCOMPARE(index.find("tensors")->toArray().size(), core::traceNames(trace).size());
    QCOMPARE(index.find("tgt_tokens")->toArray().size(), tgt.tokens.size());
    QCOMPARE(index.find("tgt_tokens")->toArray()[1].toString(), tgt.tokens[1]);  // 猫 survives the round trip
    for (const char* name : {"decoder.1.cross_attn.weights", "decoder.0.self_attn.scaled", "output.probs"}) {
        core::Tensor t;
        QCOMPARE(test::readNpy(out + "/" + name + ".npy", t), std::string());
        const core::Tensor expected = *core::findTensor(trace, name);
        QVERIFY2(t.shape == expected.shape && t.data == expected.data, name);
    }
}

void TestCli::walkthroughPrintsTheTraceNumbers() {
    const test::ProcessResult r = test::runApp({"--walkthrough"});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
    const core::Preset p = core::thinkingMachinesPreset();
    const core::Trace trace = core::Model(p.config, p.weights).forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
    const core::AttentionTrace& a = trace.encoder[0].self_attn;
    const QStringList expected{
        QString::number(a.scores[0](0, 0), 'g', 6), QString::number(a.scores[0](0, 1), 'g', 6),  // 112, 96
        QString::number(a.scaled[0](0, 0), 'g', 6), QString::number(a.scaled[0](0, 1), 'g', 6),  // 14, 12
        QString::number(a.weights[0](0, 0), 'f', 2), QString::number(a.weights[0](0, 1), 'f', 2),  // 0.88, 0.12
        QString::number(a.weights[0](1, 0), 'f', 2), QString::number(a.weights[0](1, 1), 'f', 2)};
    QCOMPARE(expected.mid(0, 6), (QStringList{"112", "96", "14", "12", "0.88", "0.12"}));  // the article's numbers
    for (const QString& number : expected) QVERIFY2(containsNumber(r.out, number), qPrintable(number));
}

void TestCli::listLessonsPrintsTheRegistry() {
    const test::ProcessResult r = test::runApp({"--list-lessons"});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(size_t(lines.size()), core::lessonRegistry().size());
    const core::Preset p = core::thinkingMachinesPreset();
    const core::Model model(p.config, p.weights);
    const core::Trace trace = model.forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
    for (size_t i = 0; i < core::lessonRegistry().size(); ++i) {
        const core::LessonEntry& e = core::lessonRegistry()[i];
        const size_t steps = e.build(trace, model, {"Thinking", "Machines"}, {}).steps.size();
        QCOMPARE(lines[qsizetype(i)].split('\t'),
                 (QStringList{test::qs(e.id), QString::number(steps), test::qs(e.title)}));
    }
    QVERIFY(lines.contains(QStringLiteral("thinking-machines\t8\t") + test::qs(core::findLesson("thinking-machines")->title)));
    const test::ProcessResult bad = test::runApp({"--list-lessons", "--lang"});
    QVERIFY(bad.finished && bad.exitCode == 2 && bad.err.count('\n') == 1);
    // --walkthrough --lesson ID: every registered id prints its lesson; an unknown id is one line
    const test::ProcessResult plain = test::runApp({"--walkthrough"});
    const test::ProcessResult named = test::runApp({"--walkthrough", "--lesson", "thinking-machines"});
    QVERIFY2(named.finished && named.exitCode == 0, qPrintable(named.err));
    QCOMPARE(named.out, plain.out);
    const test::ProcessResult unknown = test::runApp({"--walkthrough", "--lesson", "no-such-lesson"});
    QVERIFY(unknown.finished && unknown.exitCode == 2 && unknown.err.count('\n') == 1);
    QVERIFY(unknown.err.contains("no-such-lesson") && unknown.out.isEmpty());
}

// --walkthrough --lesson ID --lang zh_CN: for every lesson, every step title and every paragraph is
// Chinese (it holds a CJK character, and the English line is gone), while the numbers — of every grid
// line, and every formula — are exactly the English walkthrough's, and so is the row marked ▶; the
// closing advice (no display) is Chinese too; an unknown language is one line, exit 2.
void TestCli::walkthroughInChinese() {
    const QRegularExpression cjk(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    for (const core::LessonEntry& e : core::lessonRegistry()) {
        const test::ProcessResult en = test::runApp({"--walkthrough", "--lesson", test::qs(e.id)});
        const test::ProcessResult zh = test::runApp({"--walkthrough", "--lesson", test::qs(e.id), "--lang", "zh_CN"});
        QVERIFY2(zh.finished && zh.exitCode == 0, qPrintable(zh.err));
        const QStringList enLines = en.out.split('\n'), zhLines = zh.out.split('\n');
        QCOMPARE(zhLines.size(), enLines.size());
        int texts = 0;
        for (qsizetype k = 0; k < enLines.size(); ++k) {
            const QString& line = zhLines[k];
            const bool title = QRegularExpression(QStringLiteral("^\\d+\\. ")).match(line).hasMatch();
            const bool paragraph = line.startsWith(QStringLiteral("   ")) && !line.startsWith(QStringLiteral("    "));
            if (k == 0 || title || paragraph) {
                QVERIFY2(line.contains(cjk), qPrintable(test::qs(e.id) + ": " + line));
                QVERIFY(line != enLines[k]);
                ++texts;
            } else if (line.startsWith(QStringLiteral("    ")) || line.startsWith(QStringLiteral("  ▶ "))) {
                // a grid row: its label may be a translated word ("chosen"), its numbers do not depend on the language
                QCOMPARE(line.mid(line.lastIndexOf(QStringLiteral(" ["))), enLines[k].mid(enLines[k].lastIndexOf(QStringLiteral(" ["))));
                QCOMPARE(line.startsWith(QStringLiteral("  ▶ ")), enLines[k].startsWith(QStringLiteral("  ▶ ")));
            }
            if (title) QCOMPARE(line.section(QStringLiteral("        "), -1), enLines[k].section(QStringLiteral("        "), -1));
        }
        QVERIFY(texts > 5);
        // Without a display, the advice on how to see the lesson closes it, in the language asked for.
        const QStringList advice = zh.out.section(QStringLiteral("\n\n"), -1).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(advice.size(), 5);
        for (const QString& line : advice) QVERIFY2(line.contains(cjk), qPrintable(test::qs(e.id) + ": " + line));
        QVERIFY(advice[3].contains(QStringLiteral("--lesson ") + test::qs(e.id)) && advice[3].endsWith(QStringLiteral("--lang zh_CN")));
        QVERIFY(en.out.section(QStringLiteral("\n\n"), -1).startsWith(QStringLiteral("No display was found")));
    }
    const test::ProcessResult bad = test::runApp({"--walkthrough", "--lang", "tlh"});
    QVERIFY(bad.finished && bad.exitCode == 2 && bad.err.count('\n') == 1 && bad.err.contains(QStringLiteral("tlh")));
}

QTEST_APPLESS_MAIN(TestCli)
#include "tst_cli.moc"
