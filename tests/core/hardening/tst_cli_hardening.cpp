// The built attention-lab under hostile conditions (issue 7): a user's folder as --out survives;
// SIGINT / SIGTERM while writing leave nothing beside OUT; stale staging folders of a dead process
// are swept; a read-only parent, a full disk (RLIMIT_FSIZE in the child) and a nested --out fail
// with one line and leave nothing; /dev/zero, a FIFO and a folder as inputs are refused without
// hanging; huge inputs and images are refused by the memory estimate; unknown options, missing
// values and a window without a display get one line and a non-zero exit.
#include "core/config.h"
#include "core/file_io.h"
#include "core/json.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct Result {
    bool finished = false;
    bool crashed = false;  // ended by a signal
    int exitCode = -1;
    QString out, err;
};

QStringList entries(const QString& dir) { return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System); }

// Environment without a display, plus `extra` ("NAME=value").
QProcessEnvironment environment(const QStringList& extra = {}) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "ALAB_MEMORY_LIMIT"}) env.remove(name);
    for (const QString& kv : extra) env.insert(kv.section('=', 0, 0), kv.section('=', 1));
    return env;
}

Result finish(QProcess& p, int timeoutMs = 60000) {
    Result r;
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) p.kill(), p.waitForFinished();
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Result run(const QStringList& args, const QStringList& env = {}, const std::function<void()>& inChild = {}) {
    QProcess p;
    p.setProcessEnvironment(environment(env));
    if (inChild) p.setChildProcessModifier(inChild);
    p.start(QStringLiteral(ALAB_APP_PATH), args);
    return finish(p);
}

// Exactly one "attention-lab: ..." line on stderr containing `keyword`, a non-zero exit.
bool oneLine(const Result& r, const QString& keyword) {
    const QStringList lines = r.err.split('\n', Qt::SkipEmptyParts);
    qInfo("%s", qPrintable(r.err.trimmed()));
    return r.finished && r.exitCode > 0 && lines.size() == 1 && lines[0].startsWith("attention-lab: ") &&
           lines[0].contains(keyword) && !lines[0].contains(".tmp-");
}

QString longIds(int n) {
    QStringList ids;
    for (int i = 0; i < n; ++i) ids << QString::number(i % 40 + 1);
    return ids.join(',');
}

// Runs the child as "nobody" when the tests run as root (root ignores folder permissions).
void dropRoot() {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(99);
}

// Whether dropRoot() leaves a child that may still run the app: a checkout under /root (mode 700)
// is out of nobody's reach, and then the permission test cannot run as anyone but root.
bool droppedChildCanRunTheApp() {
    if (::geteuid() != 0) return true;
    const pid_t child = ::fork();
    if (child == 0) {
        dropRoot();
        ::_exit(::access(ALAB_APP_PATH, X_OK) == 0 ? 0 : 1);
    }
    int status = 0;
    return child > 0 && ::waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void limitFileSize() {
    const rlimit limit{1 << 20, 1 << 20};  // 1 MiB per file: a full disk, without root or a tmpfs
    ::setrlimit(RLIMIT_FSIZE, &limit);
}

}  // namespace

class TestCliHardening : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void usersFolderSurvives_data();
    void usersFolderSurvives();
    void replacesItsOwnOutput();
    void signalRemovesTheUnfinishedOutput_data();
    void signalRemovesTheUnfinishedOutput();
    void sweepsStaleStagingFolders();
    void readOnlyParent();
    void fullDiskKeepsThePreviousOutput();
    void nestedOutLeavesNoParents();
    void specialFilesAsInputs_data();
    void specialFilesAsInputs();
    void hugeSizesAreRefused_data();
    void hugeSizesAreRefused();
    void outOfMemoryIsOneLine();
    void unknownOptions_data();
    void unknownOptions();
    void windowWithoutADisplay();

private:
    QTemporaryDir m_fixtures;
    QString m_golden;
    const QStringList m_demo{"--preset", "demo", "--src", "the cat sat"};
};

void TestCliHardening::initTestCase() {
    QVERIFY2(QFileInfo(QStringLiteral(ALAB_APP_PATH)).isExecutable(), ALAB_APP_PATH);
    m_golden = QStringLiteral(ALAB_SOURCE_DIR "/tests/golden/postnorm_h2");
    std::string text;
    QCOMPARE(alab::core::readFile(m_golden.toStdString() + "/config.json", text), std::string());
    alab::core::ModelConfig c = alab::core::ModelConfig::fromJson(alab::core::Json::parse(text));
    c.max_len = 1000000000;  // lets 30 000 ids through to the forward pass
    QCOMPARE(alab::core::writeFileAtomic(m_fixtures.filePath("long.json").toStdString(), c.toJson().dump()), std::string());
    QVERIFY(::mkfifo(m_fixtures.filePath("fifo").toLocal8Bit().constData(), 0600) == 0);
    QVERIFY(QDir(m_fixtures.path()).mkdir("folder"));
}

void TestCliHardening::usersFolderSurvives_data() {
    QTest::addColumn<QStringList>("args");  // OUT is the user's folder
    QTest::newRow("trace --out") << QStringList{"trace", "--out", "OUT"} + m_demo;
    QTest::newRow("export --all-heads") << QStringList{"export", "--all-heads", "OUT", "--format", "csv"} + m_demo;
}

void TestCliHardening::usersFolderSurvives() {
    QFETCH(QStringList, args);
    QTemporaryDir tmp;
    const QString out = tmp.filePath("thesis");
    QVERIFY(QDir().mkpath(out));
    QVERIFY(alab::core::writeFileAtomic((out + "/thesis.tex").toStdString(), "\\chapter{One}").empty());
    const Result r = run(args.replaceInStrings("OUT", out));
    QVERIFY(oneLine(r, out + ": the folder is not empty"));
    QCOMPARE(entries(out), QStringList{"thesis.tex"});
    QCOMPARE(entries(tmp.path()), QStringList{"thesis"});
}

void TestCliHardening::replacesItsOwnOutput() {
    QTemporaryDir tmp;
    const QString out = tmp.filePath("trace");
    QVERIFY(run(QStringList{"trace", "--out", out} + m_demo).exitCode == 0);
    const Result r = run({"trace", "--out", out, "--preset", "thinking-machines", "--src", "Thinking"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!QFile::exists(out + "/decoder.0.self_attn.weights.npy"));  // the demo's decoder output is gone
    QVERIFY(QFile::exists(out + "/.attention-lab") && QFile::exists(out + "/index.json"));
    QCOMPARE(entries(tmp.path()), QStringList{"trace"});
    const QString all = tmp.filePath("heads");
    for (int i = 0; i < 2; ++i) {
        const Result e = run(QStringList{"export", "--all-heads", all, "--format", "csv"} + m_demo);
        QVERIFY2(e.exitCode == 0, qPrintable(e.err));
    }
    QCOMPARE(entries(tmp.path()), (QStringList{"heads", "trace"}));
}

void TestCliHardening::signalRemovesTheUnfinishedOutput_data() {
    QTest::addColumn<int>("sig");
    QTest::addColumn<bool>("previous");
    QTest::newRow("SIGTERM, new folder") << int(SIGTERM) << false;
    QTest::newRow("SIGINT, new folder") << int(SIGINT) << false;
    QTest::newRow("SIGTERM, replacing an earlier output") << int(SIGTERM) << true;
}

// A long trace (demo preset, 1024 source and target tokens, about 340 MB of .npy) is stopped as
// soon as its staging folder appears.
void TestCliHardening::signalRemovesTheUnfinishedOutput() {
    QFETCH(int, sig);
    QFETCH(bool, previous);
    QTemporaryDir tmp;
    const QString out = tmp.filePath("trace");
    if (previous) QVERIFY(run(QStringList{"trace", "--out", out} + m_demo).exitCode == 0);
    const QStringList before = previous ? entries(out) : QStringList{};
    QProcess p;
    p.setProcessEnvironment(environment());
    p.setChildProcessModifier([] { std::signal(SIGINT, SIG_DFL); });  // as in a terminal, even if ctest runs in the background
    const QString ids = longIds(1024);
    p.start(QStringLiteral(ALAB_APP_PATH), {"trace", "--preset", "demo", "--src-ids", ids, "--tgt-ids", ids, "--out", out});
    QVERIFY(p.waitForStarted());
    QDeadlineTimer deadline(60000);
    auto writing = [&] {  // the staging folder holds a first .npy file
        const QStringList staging = QDir(tmp.path()).entryList({"trace.tmp-*"}, QDir::Dirs);
        return !staging.isEmpty() && !QDir(tmp.filePath(staging[0])).entryList({"*.npy"}, QDir::Files).isEmpty();
    };
    while (!writing() && !deadline.hasExpired() && p.state() == QProcess::Running)
        QThread::msleep(2);  // polls for the staging folder; the run takes seconds
    QVERIFY2(p.state() == QProcess::Running, "the trace finished before it could be stopped");
    ::kill(pid_t(p.processId()), sig);
    const Result r = finish(p);
    QVERIFY(r.finished && r.crashed);  // died of the signal, as a shell expects
    QVERIFY2(r.err.count('\n') == 1 && r.err.contains("while writing " + out), qPrintable(r.err));
    QCOMPARE(entries(tmp.path()), previous ? QStringList{"trace"} : QStringList{});
    if (previous) QCOMPARE(entries(out), before);
}

void TestCliHardening::sweepsStaleStagingFolders() {
    QTemporaryDir tmp;
    const pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    ::waitpid(dead, nullptr, 0);
    const QString out = tmp.filePath("trace"), stale = out + ".tmp-" + QString::number(dead) + "-0";
    QVERIFY(QDir().mkpath(stale));
    for (const char* f : {".attention-lab", "encoder.input.npy"}) QVERIFY(alab::core::writeFileAtomic((stale + "/" + f).toStdString(), "x").empty());
    QVERIFY(run(QStringList{"trace", "--out", out} + m_demo).exitCode == 0);
    QCOMPARE(entries(tmp.path()), QStringList{"trace"});
}

void TestCliHardening::readOnlyParent() {
    if (!droppedChildCanRunTheApp())
        QSKIP("running as root, and user nobody cannot reach " ALAB_APP_PATH " to test folder permissions");
    QTemporaryDir tmp;
    QVERIFY(::chmod(tmp.path().toLocal8Bit().constData(), 0755) == 0);
    const QString parent = tmp.filePath("ro");
    QVERIFY(QDir().mkpath(parent) && ::chmod(parent.toLocal8Bit().constData(), 0555) == 0);
    const Result r = run(QStringList{"trace", "--out", parent + "/trace"} + m_demo, {}, dropRoot);
    QVERIFY(oneLine(r, parent + "/trace: Permission denied"));
    QCOMPARE(entries(parent), QStringList{});
    const Result nested = run(QStringList{"trace", "--out", parent + "/a/b/trace"} + m_demo, {}, dropRoot);
    QVERIFY(oneLine(nested, parent + "/a/b/trace"));
    QCOMPARE(entries(parent), QStringList{});
}

void TestCliHardening::fullDiskKeepsThePreviousOutput() {
    QTemporaryDir tmp;
    const QString out = tmp.filePath("trace");
    QVERIFY(run(QStringList{"trace", "--out", out} + m_demo).exitCode == 0);
    const QStringList before = entries(out);
    const Result r = run({"trace", "--preset", "demo", "--src-ids", longIds(300), "--out", out}, {}, limitFileSize);
    QVERIFY(oneLine(r, "cannot write " + out + "/"));
    QVERIFY(r.err.contains("File too large"));
    QCOMPARE(entries(tmp.path()), QStringList{"trace"});
    QCOMPARE(entries(out), before);
}

void TestCliHardening::nestedOutLeavesNoParents() {
    QTemporaryDir tmp;
    const Result r = run({"trace", "--preset", "demo", "--src-ids", longIds(300), "--out", tmp.filePath("a/b/c")}, {},
                         limitFileSize);
    QVERIFY(oneLine(r, tmp.filePath("a/b/c")));
    QCOMPARE(entries(tmp.path()), QStringList{});
}

void TestCliHardening::specialFilesAsInputs_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("path");  // {F} the fixtures
    QTest::addColumn<QString>("keyword");
    for (const char* option : {"--config", "--weights", "--vocab"}) {
        QTest::addRow("%s /dev/zero", option) << option << "/dev/zero" << "device";
        QTest::addRow("%s FIFO", option) << option << "{F}/fifo" << "named pipe";
        QTest::addRow("%s folder", option) << option << "{F}/folder" << "directory";
    }
}

void TestCliHardening::specialFilesAsInputs() {
    QFETCH(QString, option);
    QFETCH(QString, path);
    QFETCH(QString, keyword);
    path.replace("{F}", m_fixtures.path());
    QStringList args{"trace", "--config", m_golden + "/config.json", "--weights", m_golden + "/weights.safetensors",
                     "--vocab", m_golden + "/config.json", "--src-ids", "1", "--out", m_fixtures.filePath("out")};
    args[args.indexOf(option) + 1] = path;
    if (option != "--vocab") args.remove(args.indexOf("--vocab"), 2);
    const Result r = run(args);  // a FIFO that blocked would time out: finished is false
    QVERIFY(oneLine(r, "cannot read " + path + ": it is a " + keyword));
    QVERIFY(!QFile::exists(m_fixtures.filePath("out")));
}

void TestCliHardening::hugeSizesAreRefused_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("keyword");
    QTest::newRow("max_len 1e9 with 30000 ids") << QStringList{"trace", "--config", "{F}/long.json", "--weights",
                                                               "{G}/weights.safetensors", "--src-ids", longIds(30000), "--out", "{F}/huge",
                                                               "--capture", "full"}  // lean capture would fit
                                                << "of memory for the forward pass (30000 source";
    QTest::newRow("export 20000 x 20000 at scale 8")
        << QStringList{"export", "--preset", "demo", "--src", "the cat", "--tensor", "encoder.0.self_attn.weights",
                       "--width", "20000", "--height", "20000", "--scale", "8", "--out", "{F}/big.png"}
        << "160000 x 160000 pixels";
}

void TestCliHardening::hugeSizesAreRefused() {
    QFETCH(QStringList, args);
    QFETCH(QString, keyword);
    args.replaceInStrings("{F}", m_fixtures.path()).replaceInStrings("{G}", m_golden);
    const Result r = run(args, {"ALAB_MEMORY_LIMIT=16G"});  // the same answer on every machine
    QVERIFY(oneLine(r, keyword));
    QCOMPARE(entries(m_fixtures.path()), (QStringList{"fifo", "folder", "long.json"}));
}

// The last resort: an allocation that fails anyway (address space capped at 256 MiB in the child,
// the estimate told that 100 GB are there) ends in one line, not in std::bad_alloc's abort.
void TestCliHardening::outOfMemoryIsOneLine() {
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer maps terabytes of shadow memory and aborts on a failed allocation itself, "
          "so an address-space limit cannot stand for running out of memory in this build");
#endif
    QTemporaryDir tmp;
    const QString ids = longIds(1024);
    const Result r = run({"trace", "--preset", "demo", "--src-ids", ids, "--tgt-ids", ids, "--out", tmp.filePath("t")},
                         {"ALAB_MEMORY_LIMIT=100G"}, [] {
                             const rlimit limit{256 << 20, 256 << 20};
                             ::setrlimit(RLIMIT_AS, &limit);
                         });
    QVERIFY(oneLine(r, "out of memory"));
    QCOMPARE(entries(tmp.path()), QStringList{});
}

void TestCliHardening::unknownOptions_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("line");
    QTest::newRow("window") << QStringList{"--bogus"} << "unknown option --bogus";
    QTest::newRow("trace") << QStringList{"trace", "--preset", "demo", "--bogus"} << "unknown option --bogus";
    QTest::newRow("export") << QStringList{"export", "--bogus", "1"} << "unknown option --bogus";
    QTest::newRow("--screenshot") << QStringList{"--screenshot", "a.png", "--bogus"} << "unknown option --bogus";
    QTest::newRow("--walkthrough") << QStringList{"--walkthrough", "--bogus"} << "unknown option --bogus";
    QTest::newRow("a stray word") << QStringList{"trace", "stray"} << "unexpected argument \"stray\"";
    QTest::newRow("trace --out at the end") << QStringList{"trace", "--src", "x", "--out"} << "--out needs a value";
    QTest::newRow("trace --out before an option") << QStringList{"trace", "--out", "--src", "x"} << "--out needs a value";
    QTest::newRow("export --tensor") << QStringList{"export", "--tensor"} << "--tensor needs a value";
    QTest::newRow("--screenshot alone") << QStringList{"--screenshot"} << "--screenshot needs a value";
    QTest::newRow("--screenshot --step") << QStringList{"--screenshot", "a.png", "--step"} << "--step needs a value";
    QTest::newRow("--step without --screenshot") << QStringList{"--step", "3"} << "--step works only with --screenshot";
}

void TestCliHardening::unknownOptions() {
    QFETCH(QStringList, args);
    QFETCH(QString, line);
    QTemporaryDir tmp;
    QProcess p;
    p.setProcessEnvironment(environment());
    p.setWorkingDirectory(tmp.path());
    p.start(QStringLiteral(ALAB_APP_PATH), args);
    const Result r = finish(p);
    QVERIFY(oneLine(r, line));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(entries(tmp.path()), QStringList{});
}

void TestCliHardening::windowWithoutADisplay() {
    const Result r = run({"-style", "fusion"});  // asks for the window
    QVERIFY(oneLine(r, "xvfb-run"));
    QCOMPARE(r.exitCode, 2);
    const Result unreachable = run({"-style", "fusion"}, {"DISPLAY=:79"});  // no X server there
    QVERIFY(oneLine(unreachable, "cannot open the window"));
    QCOMPARE(unreachable.exitCode, 2);
    const Result plain = run({});  // a plain start prints the walkthrough instead
    QVERIFY2(plain.exitCode == 0 && plain.out.contains("Thinking Machines") && plain.err.isEmpty(), qPrintable(plain.err));
}

QTEST_APPLESS_MAIN(TestCliHardening)
#include "tst_cli_hardening.moc"
