// Debugger sessions (.alab): a session with every field set survives save and load unchanged; bad
// files (not JSON, another format, a future version, an unknown breakpoint condition, ids that are
// not whole numbers, no model) give one line naming the problem and leave the caller's session as it
// was; saving over an existing file is atomic; a moved or changed model file is reported, a touched
// but identical one is not. Interventions round-trip as spec texts; a malformed one is left out with
// a warning naming its place while everything else loads.
#include "core/debug/session.h"
#include "core/file_io.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace alab;

class TestSession : public QObject {
    Q_OBJECT

private slots:
    void roundTrip();
    void badFiles_data();
    void badFiles();
    void malformedIntervention();
    void unreadableFile();
    void movedOrChangedModel();
};

namespace {

core::DebugSession fullSession() {
    core::DebugSession s;
    s.model.weights = {"/models/m.safetensors", 1234, 1700000000, "fnv1a64:0011223344556677"};
    s.model.config = {"/models/m.json", 56, 1700000001, "fnv1a64:8899aabbccddeeff"};
    s.model.seed = 7;
    s.srcIds = {4, 10, 11};
    s.tgtIds = {10, 8};
    s.srcText = "das ist";
    s.tgtText = "这 是";
    s.breakpoints = {{"decoder.*.cross_attn.weights", core::BreakCondition::LowEntropy, 0.25, true},
                     {"*", core::BreakCondition::NanOrInf, 0, false}};
    s.watches = {"encoder.0.self_attn.weights", "output.probs"};
    s.interventions = {"encoder.1.self_attn.head=1:zero", "decoder.0.ffn.hidden[2,5]:set=0.25",
                       "encoder.output:patch-from=/runs/b"};
    s.second.kind = "sentence";
    s.second.srcIds = {4, 4};
    s.second.srcText = "a a";
    s.second.tolerance = 1e-3;
    s.tab = "debuggerView";
    s.currentOp = "encoder.1.ffn.hidden";
    s.rightPanel = "compare";
    return s;
}

void compareSessions(const core::DebugSession& a, const core::DebugSession& b) {
    QCOMPARE(core::sessionToJson(a), core::sessionToJson(b));
    QCOMPARE(a.model.weights.hash, b.model.weights.hash);
    QCOMPARE(a.breakpoints.size(), b.breakpoints.size());
    QCOMPARE(int(a.breakpoints[0].condition), int(b.breakpoints[0].condition));
    QCOMPARE(a.breakpoints[0].threshold, b.breakpoints[0].threshold);
    QCOMPARE(a.breakpoints[1].enabled, b.breakpoints[1].enabled);
    QCOMPARE(a.watches, b.watches);
    QCOMPARE(a.interventions, b.interventions);
    QVERIFY(b.warnings.empty());
    QCOMPARE(a.second.srcIds, b.second.srcIds);
    QCOMPARE(a.currentOp, b.currentOp);
    QCOMPARE(a.tgtText, b.tgtText);
}

}  // namespace

void TestSession::roundTrip() {
    QTemporaryDir tmp;
    const std::string path = tmp.filePath("s.alab").toStdString();
    const core::DebugSession s = fullSession();
    QCOMPARE(core::saveSession(path, s), std::string());
    core::DebugSession back;
    QCOMPARE(core::loadSession(path, back), std::string());
    compareSessions(s, back);
}

void TestSession::badFiles_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    const QString good = QString::fromStdString(core::sessionToJson(fullSession()));
    QTest::newRow("not JSON") << "{\"format\": " << "invalid JSON";
    QTest::newRow("a JSON list") << "[1, 2]" << "not a session";
    QTest::newRow("another format") << QString(good).replace("attention-lab-session", "x") << "not an AttentionLab session";
    QTest::newRow("a future version") << QString(good).replace("\"version\": 1", "\"version\": 2") << "version 2 is not supported";
    QTest::newRow("unknown condition") << QString(good).replace("low-entropy", "sometimes")
                                       << "breakpoint 1: unknown condition \"sometimes\"";
    QTest::newRow("fractional id") << QString(good).replace("\"src_ids\": [\n      4,", "\"src_ids\": [\n      4.5,")
                                   << "input: \"src_ids\" must be a list of token ids";
    QTest::newRow("no model") << QString(good).replace("\"path\": \"/models/m.json\"", "\"path\": \"\"")
                              << "model: names neither a preset nor a weights and a config file";
    QTest::newRow("interventions not a list")
        << QString(good).replace("\"interventions\": [", "\"interventions\": \"x\", \"unused\": [") << "\"interventions\" must be a list";
    QTest::newRow("watch not a name") << QString(good).replace("\"output.probs\"", "3") << "\"watches\" must be a list";
}

void TestSession::badFiles() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    const std::string path = tmp.filePath("bad.alab").toStdString();
    QCOMPARE(core::writeFileAtomic(path, text.toStdString()), std::string());
    core::DebugSession kept = fullSession();
    kept.currentOp = "decoder.0.norm1";
    const std::string before = core::sessionToJson(kept);
    const std::string err = core::loadSession(path, kept);
    QVERIFY2(err.find(message.toStdString()) != std::string::npos, err.c_str());
    QVERIFY2(err.rfind(path, 0) == 0, err.c_str());                  // names the file
    QVERIFY2(err.find('\n') == std::string::npos, err.c_str());      // one line
    QCOMPARE(core::sessionToJson(kept), before);                     // nothing lost
}

void TestSession::malformedIntervention() {
    core::DebugSession s = fullSession();
    s.second.kind = "intervened";
    std::string text = core::sessionToJson(s);
    const std::string good = "\"encoder.1.self_attn.head=1:zero\"";
    QVERIFY(text.find(good) != std::string::npos);
    text.replace(text.find(good), good.size(), good + ", \"encoder.1.self_attn.head=1\", 42");
    core::DebugSession back;
    QCOMPARE(core::sessionFromJson(text, back), std::string());
    QCOMPARE(back.interventions, s.interventions);  // the three good ones, in order
    QCOMPARE(back.warnings.size(), size_t(2));
    QVERIFY2(back.warnings[0].rfind("intervention 2: intervention \"encoder.1.self_attn.head=1\": expected TARGET:ACTION", 0) == 0,
             back.warnings[0].c_str());
    QVERIFY2(back.warnings[1].rfind("intervention 3: not a spec text", 0) == 0, back.warnings[1].c_str());
    QCOMPARE(back.second.kind, std::string("intervened"));  // the rest loads
    QCOMPARE(back.breakpoints.size(), size_t(2));
    QCOMPARE(back.watches, s.watches);
    QCOMPARE(back.currentOp, s.currentOp);
}

void TestSession::unreadableFile() {
    QTemporaryDir tmp;
    core::DebugSession s;
    const std::string err = core::loadSession(tmp.path().toStdString(), s);  // a folder
    QVERIFY2(err.find("cannot read") != std::string::npos, err.c_str());
    // Saving over a file replaces it whole (write to a sibling, then rename): no temporary is left.
    const std::string path = tmp.filePath("s.alab").toStdString();
    QCOMPARE(core::saveSession(path, fullSession()), std::string());
    QCOMPARE(core::saveSession(path, fullSession()), std::string());
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files), QStringList{"s.alab"});
    const std::string blocked = core::saveSession(tmp.filePath("no/such/dir/s.alab").toStdString(), fullSession());
    QVERIFY(!blocked.empty());
}

void TestSession::movedOrChangedModel() {
    QTemporaryDir tmp;
    const std::string weights = tmp.filePath("m.safetensors").toStdString(), config = tmp.filePath("m.json").toStdString();
    QCOMPARE(core::writeFileAtomic(weights, "0123456789"), std::string());
    QCOMPARE(core::writeFileAtomic(config, "{}"), std::string());
    core::SessionModel m;
    m.weights = core::describeFile(weights);
    m.config = core::describeFile(config);
    QCOMPARE(m.weights.size, int64_t(10));
    QVERIFY(core::modelFileChanges(m).empty());
    QCOMPARE(core::writeFileAtomic(weights, "0123456789"), std::string());  // same bytes, new mtime
    QVERIFY(core::modelFileChanges(m).empty());
    QCOMPARE(core::writeFileAtomic(weights, "0123456780"), std::string());  // same size, new bytes
    std::vector<std::string> changes = core::modelFileChanges(m);
    QCOMPARE(changes.size(), size_t(1));
    QVERIFY2(changes[0].find("has changed") != std::string::npos, changes[0].c_str());
    std::filesystem::rename(config, config + ".moved");
    changes = core::modelFileChanges(m);
    QCOMPARE(changes.size(), size_t(2));
    QVERIFY2(changes[1].find("m.json is missing") != std::string::npos, changes[1].c_str());
    m.preset = "demo";  // a preset has no files to check
    QVERIFY(core::modelFileChanges(m).empty());
}

QTEST_APPLESS_MAIN(TestSession)
#include "tst_session.moc"
