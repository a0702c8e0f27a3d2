// scripts/torch_trace.py against our engine on the golden models: the trace folder it writes from the
// real nn.Transformer (forward hooks) holds exactly our tensor names, and `attention-lab compare` finds
// no divergence at 1e-4; with one weight changed in a copy of the weights file, compare names the first
// tensor that weight feeds. A missing weights file is one line and exit 1. Needs Debian's python3-torch
// (/usr/bin/python3); without it the test is skipped with a message saying so.
#include "core/debug/compare.h"
#include "core/safetensors.h"
#include "core/trace_writer.h"
#include "../core_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace alab;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

test::ProcessResult runTorchTrace(const QStringList& args) {
    QProcess p;
    p.start(kPython, QStringList{test::qs(std::string(ALAB_SOURCE_DIR) + "/scripts/torch_trace.py")} + args);
    test::ProcessResult r;
    r.finished = p.waitForStarted(60000) && p.waitForFinished(300000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString idList(const std::vector<int>& ids) {
    QStringList s;
    for (int i : ids) s << QString::number(i);
    return s.join(',');
}

}  // namespace

class TestTorchTrace : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void matchesOurTrace_data();
    void matchesOurTrace();
    void plantedWeightChange();
    void userModule();
    void badInput();
};

void TestTorchTrace::initTestCase() {
    QProcess p;
    p.start(kPython, {"-c", "import torch, numpy"});
    if (!p.waitForStarted(20000) || !p.waitForFinished(120000) || p.exitCode() != 0)
        QSKIP("scripts/torch_trace.py needs Debian's PyTorch: apt-get install python3-torch python3-numpy "
              "(/usr/bin/python3 cannot import torch and numpy)");
}

void TestTorchTrace::matchesOurTrace_data() {
    QTest::addColumn<QString>("name");
    for (const char* c : {"postnorm_h2", "prenorm_h4", "padding_h1", "learned_pe_h8", "nope"}) QTest::newRow(c) << c;
}

void TestTorchTrace::matchesOurTrace() {
    QFETCH(QString, name);
    const test::GoldenCase g = test::loadGolden(name.toStdString());
    QVERIFY2(g.error.empty(), g.error.c_str());
    QTemporaryDir tmp;
    const QString ours = tmp.filePath("ours"), theirs = tmp.filePath("torch"), dir = test::qs(test::goldenDir(name.toStdString()));
    const core::Trace trace = core::Model(g.config, core::fromNamedTensors(g.config, g.weights)).forward(g.src, g.tgt);
    QVERIFY(core::writeTraceFolder(trace, ours.toStdString(), {}, {}).empty());
    const test::ProcessResult t = runTorchTrace({"--config", dir + "/config.json", "--weights", dir + "/weights.safetensors",
                                                 "--src-ids", idList(g.src), "--tgt-ids", idList(g.tgt), "--out", theirs});
    QVERIFY2(t.exitCode == 0, qPrintable(t.err));
    core::TraceRun a, b;
    QVERIFY(core::readTraceFolder(ours.toStdString(), a).empty());
    QVERIFY(core::readTraceFolder(theirs.toStdString(), b).empty());
    const core::RunComparison c = core::compareRuns(a, b, 1e-4);
    const std::string only = !c.onlyA.empty() ? "only ours: " + c.onlyA[0] : !c.onlyB.empty() ? "only in torch: " + c.onlyB[0] : "";
    QVERIFY2(only.empty(), only.c_str());
    QCOMPARE(c.diffs.size(), a.names.size());
    double worst = 0;
    for (const core::TensorDiff& d : c.diffs) worst = std::max(worst, d.relative);
    qInfo("%s: %zu tensors, largest relative difference %.3g", qPrintable(name), c.diffs.size(), worst);
    const test::ProcessResult r = test::runApp({"compare", ours, theirs, "--tol", "1e-4"});
    QVERIFY2(r.exitCode == 0 && r.out.contains("no divergence"), qPrintable(r.out + r.err));
}

void TestTorchTrace::plantedWeightChange() {
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    QVERIFY2(g.error.empty(), g.error.c_str());
    QTemporaryDir tmp;
    const QString ours = tmp.filePath("ours"), theirs = tmp.filePath("torch"), weights = tmp.filePath("changed.safetensors");
    const core::Trace trace = core::Model(g.config, core::fromNamedTensors(g.config, g.weights)).forward(g.src, g.tgt);
    QVERIFY(core::writeTraceFolder(trace, ours.toStdString(), {}, {}).empty());
    core::NamedTensors changed = g.weights;
    changed.at("decoder.layers.1.linear1.weight").data[5] += 0.5f;
    QVERIFY(core::writeSafetensors(weights.toStdString(), changed).empty());
    const test::ProcessResult t = runTorchTrace({"--config", test::qs(test::goldenDir("postnorm_h2")) + "/config.json", "--weights",
                                                 weights, "--src-ids", idList(g.src), "--tgt-ids", idList(g.tgt), "--out", theirs});
    QVERIFY2(t.exitCode == 0, qPrintable(t.err));
    const test::ProcessResult r = test::runApp({"compare", ours, theirs});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("first divergence: decoder.1.ffn.pre_activation"), qPrintable(r.out));
}

// --module: a user's file builds its own nn.Transformer (here with the golden weights) and the config.
void TestTorchTrace::userModule() {
    const test::GoldenCase g = test::loadGolden("prenorm_h4");
    QVERIFY2(g.error.empty(), g.error.c_str());
    QTemporaryDir tmp;
    const QString ours = tmp.filePath("ours"), theirs = tmp.filePath("torch"), module = tmp.filePath("my_model.py");
    const std::string dir = test::goldenDir("prenorm_h4");
    const std::string py =
        "import json, torch, torch.nn as nn\n"
        "from safetensors_reader import read\n"
        "def build_model():\n"
        "    cfg = json.load(open('" + dir + "/config.json'))\n"
        "    m = nn.Transformer(d_model=16, nhead=4, num_encoder_layers=2, num_decoder_layers=2, dim_feedforward=32,\n"
        "                       dropout=0.0, activation='gelu', norm_first=True)\n"
        "    m.src_embed, m.tgt_embed, m.generator = nn.Embedding(15, 16), nn.Embedding(12, 16), nn.Linear(16, 12)\n"
        "    m.load_state_dict(read('" + dir + "/weights.safetensors'))\n"
        "    return m, cfg\n";
    QVERIFY(core::writeFileAtomic(module.toStdString(), py).empty());
    QVERIFY(core::writeFileAtomic(tmp.filePath("safetensors_reader.py").toStdString(),
                                  "import sys\nsys.path.insert(0, '" + std::string(ALAB_SOURCE_DIR) + "/scripts')\n"
                                  "from torch_trace import read_safetensors as read\n").empty());
    const core::Trace trace = core::Model(g.config, core::fromNamedTensors(g.config, g.weights)).forward(g.src, g.tgt);
    QVERIFY(core::writeTraceFolder(trace, ours.toStdString(), {}, {}).empty());
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PYTHONPATH", tmp.path());
    p.setProcessEnvironment(env);
    p.start(kPython, {test::qs(std::string(ALAB_SOURCE_DIR) + "/scripts/torch_trace.py"), "--module", module, "--src-ids",
                      idList(g.src), "--tgt-ids", idList(g.tgt), "--out", theirs});
    QVERIFY(p.waitForFinished(300000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const test::ProcessResult r = test::runApp({"compare", ours, theirs});
    QVERIFY2(r.exitCode == 0 && !r.out.contains(" only in "), qPrintable(r.out + r.err));
}

void TestTorchTrace::badInput() {
    QTemporaryDir tmp;
    const QString dir = test::qs(test::goldenDir("nope"));
    const test::ProcessResult t = runTorchTrace({"--config", dir + "/config.json", "--weights", tmp.filePath("missing.safetensors"),
                                                 "--src-ids", "1,2", "--out", tmp.filePath("out")});
    QCOMPARE(t.exitCode, 1);
    QCOMPARE(t.err.count('\n'), 1);
    QVERIFY2(t.err.contains("missing.safetensors"), qPrintable(t.err));
    QVERIFY(!QFileInfo::exists(tmp.filePath("out")));
}

QTEST_APPLESS_MAIN(TestTorchTrace)
#include "tst_torch_trace.moc"
