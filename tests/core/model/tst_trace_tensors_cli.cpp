// `attention-lab trace --tensors GLOB[,GLOB…]` and `--capture`: the folder holds exactly the tensors the
// globs match (checked against the names of a full trace), each with the values of a full trace bit for
// bit (the same machine runs both), whether the maps were recorded or recomputed; the first line says
// which capture ran; bad globs and modes are one-line errors.
#include "core/file_io.h"
#include "core/json.h"
#include "core/model.h"
#include "core/model/tensor_selection.h"
#include "core/presets.h"
#include "../core_test_support.h"

#include <QTemporaryDir>
#include <cstring>
#include <QtTest>

using namespace alab;

namespace {

// Source and target with padding inside, so the masks matter.
const std::vector<std::string> kSrc = {"the", "cat", "sat", "on", "the", "mat", "<pad>", "the", "cat"};
const std::vector<std::string> kTgt = {"<bos>", "猫", "坐", "在", "<pad>"};

std::vector<int> toIds(const std::vector<std::string>& words) {
    const core::Preset p = core::demoPreset(2017);
    std::vector<int> out;
    for (const std::string& w : words) out.push_back(p.vocab.id(w));
    return out;
}

QString idList(const std::vector<std::string>& words) {
    QStringList out;
    for (int id : toIds(words)) out << QString::number(id);
    return out.join(',');
}

std::vector<std::string> listed(const QString& dir) {
    std::string text;
    if (!core::readFile(dir.toStdString() + "/index.json", text).empty()) return {};
    std::vector<std::string> out;
    const core::Json index = core::Json::parse(text);
    for (const core::Json& e : index.find("tensors")->toArray()) out.push_back(e.find("name")->toString());
    return out;
}

core::Trace fullTrace() {
    const core::Preset p = core::demoPreset(2017);
    return core::Model(p.config, p.weights).forward(toIds(kSrc), toIds(kTgt));
}

}  // namespace

class TestTraceTensorsCli : public QObject {
    Q_OBJECT

private slots:
    void writesExactlyTheMatches_data();
    void writesExactlyTheMatches();
    void badRequests_data();
    void badRequests();
};

void TestTraceTensorsCli::writesExactlyTheMatches_data() {
    QTest::addColumn<QString>("globs");
    QTest::addColumn<QString>("capture");
    QTest::addColumn<QString>("says");
    QTest::newRow("one map, lean") << "encoder.1.self_attn.weights" << "auto" << "capture: lean, only the layers";
    QTest::newRow("glob over layers and a non-layer tensor") << "decoder.*.cross_attn.*,output.logits" << "auto" << "capture: lean";
    QTest::newRow("masks and scores, recorded") << "*.mask,encoder.0.self_attn.scores" << "full" << "capture: full, only the layers";
    QTest::newRow("everything, forced lean") << "*" << "lean" << "capture: lean";
}

void TestTraceTensorsCli::writesExactlyTheMatches() {
    QFETCH(QString, globs);
    QFETCH(QString, capture);
    QFETCH(QString, says);
    QTemporaryDir tmp;
    const QString out = tmp.filePath("t");
    const test::ProcessResult r = test::runApp({"trace", "--preset", "demo", "--src-ids", idList(kSrc), "--tgt-ids", idList(kTgt), "--tensors", globs,
                                                "--capture", capture, "--out", out});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(says), qPrintable(r.out));
    const core::Trace full = fullTrace();
    std::vector<std::string> globList, expected;
    QCOMPARE(core::parseTensorGlobs(globs.toStdString(), globList), std::string());
    for (const std::string& n : core::traceNames(full))
        if (core::matchesAny(globList, n)) expected.push_back(n);
    QVERIFY(!expected.empty());
    QCOMPARE(listed(out), expected);
    QVERIFY(r.out.contains(QStringLiteral("wrote %1 tensors").arg(expected.size())));
    for (const std::string& name : expected) {
        core::Tensor t;
        QCOMPARE(test::readNpy(out + "/" + test::qs(name) + ".npy", t), std::string());
        const core::Tensor want = *core::findTensor(full, name);
        QVERIFY2(t.shape == want.shape && std::memcmp(t.data.data(), want.data.data(), 4 * want.data.size()) == 0, name.c_str());
    }
}

void TestTraceTensorsCli::badRequests_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no match") << QStringList{"--tensors", "encoder.9.self_attn.weights"} << "no tensor matches \"encoder.9.self_attn.weights\"";
    QTest::newRow("empty item") << QStringList{"--tensors", "encoder.0.q,,x"} << "has an empty name";
    QTest::newRow("unknown capture") << QStringList{"--capture", "half"} << "--capture \"half\" is not one of auto, full, lean";
    QTest::newRow("lean backward") << QStringList{"--capture", "lean", "--labels-ids", "5,6,7,8,9"} << "--labels-ids needs --capture full";
}

void TestTraceTensorsCli::badRequests() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    const test::ProcessResult r =
        test::runApp(QStringList{"trace", "--preset", "demo", "--src-ids", idList(kSrc), "--tgt-ids", idList(kTgt), "--out", tmp.filePath("t")} + args);
    QVERIFY(r.finished);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(message) && r.err.count('\n') == 1, qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(tmp.filePath("t")));
}

QTEST_APPLESS_MAIN(TestTraceTensorsCli)
#include "tst_trace_tensors_cli.moc"
