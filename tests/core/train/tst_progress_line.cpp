// What `attention-lab train` shows while it trains: the progress line's text (durations, the bar's
// fill, the score on plain lines), and the program itself on a pseudo-terminal (a bar redrawn with
// "\r", with step, loss, tokens/s and ETA) and on a pipe (plain lines, one per evaluation, no "\r").
#include "../core_test_support.h"
#include "core/train/progress_line.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace alab;

namespace {

QStringList tinyRun(const QString& out)
{
    return {"train", "--task", "reverse", "--d-model", "16", "--heads", "2", "--layers", "1", "--d-ff", "32",
            "--steps", "20", "--batch", "4", "--warmup", "2", "--threads", "1", "--out", out};
}

// Runs the program with a pseudo-terminal as its stdin, stdout and stderr; returns what it printed.
QByteArray runOnTerminal(const QStringList& args, int& exitCode)
{
    std::vector<QByteArray> owned{QByteArray(ALAB_APP_PATH)};
    for (const QString& a : args) owned.push_back(a.toUtf8());
    std::vector<char*> argv;
    for (QByteArray& a : owned) argv.push_back(a.data());
    argv.push_back(nullptr);
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    if (pid == 0) {
        ::unsetenv("DISPLAY"), ::unsetenv("WAYLAND_DISPLAY"), ::unsetenv("QT_QPA_PLATFORM");
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    QByteArray out;
    char buffer[4096];
    for (;;) {  // read until the child closes the terminal (EIO)
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        if (n > 0) out.append(buffer, int(n));
        else if (n < 0 && errno == EINTR) continue;
        else break;
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(master);
    exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

}  // namespace

class TestProgressLine : public QObject {
    Q_OBJECT

private slots:
    void durations_data() {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << 44.6 << "45 s";
        QTest::newRow("minutes") << 185.0 << "3 min 05 s";
        QTest::newRow("hours") << 7620.0 << "2 h 07 min";
        QTest::newRow("negative clamps to 0") << -3.0 << "0 s";
    }
    void durations() {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(core::formatDuration(seconds)), text);
    }
    void barAndPlainForms() {
        core::ProgressInfo p{30, 120, 1.23456, 5120.4, 83, "val loss 1.2000  exact match 85.00"};
        QCOMPARE(QString::fromStdString(core::progressLine(p, 8)),
                 QString("[##······] step 30/120  loss 1.2346  5120 tokens/s  ETA 1 min 23 s"));
        QCOMPARE(QString::fromStdString(core::progressLine(p, 0)),
                 QString("step 30/120  loss 1.2346  5120 tokens/s  ETA 1 min 23 s  val loss 1.2000  exact match 85.00"));
        p.step = 120, p.etaSeconds = -1;
        QVERIFY(QString::fromStdString(core::progressLine(p, 4)).startsWith("[####] step 120/120"));
        QVERIFY(QString::fromStdString(core::progressLine(p, 4)).endsWith("ETA ?"));
    }
    void terminalGetsABar() {
        QTemporaryDir dir;
        int code = -1;
        const QString shown = QString::fromUtf8(runOnTerminal(tinyRun(dir.filePath("m")), code));
        QCOMPARE(code, 0);
        QVERIFY2(shown.count("\r[") >= 20 && shown.contains("] step 20/20  loss ") && shown.contains(" tokens/s  ETA "),
                 qPrintable(shown));
    }
    void pipeGetsPlainLines() {
        QTemporaryDir dir;
        const test::ProcessResult r = test::runApp(tinyRun(dir.filePath("m")));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.err.contains('\r'));
        const QStringList lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 10);  // one per evaluation: every 2 of the 20 steps
        for (const QString& line : lines)
            QVERIFY2(line.startsWith("step ") && line.contains(" tokens/s  ETA ") && line.contains("exact match"),
                     qPrintable(line));
        QVERIFY(r.out.startsWith("held-out test exact match "));
    }
};

QTEST_APPLESS_MAIN(TestProgressLine)
#include "tst_progress_line.moc"
