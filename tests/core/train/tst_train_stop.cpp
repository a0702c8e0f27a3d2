// Stopping `attention-lab train` for real: SIGINT or SIGTERM sent to the running program makes it
// finish its step, save a checkpoint and exit with 130; `--resume` from that folder continues the
// same curve (the model equals an uninterrupted run's, byte for byte). SIGKILL, which nothing can
// catch, leaves the last checkpoint written every --checkpoint-every steps complete and resumable.
// A full disk (a 1 MiB tmpfs in a private mount namespace, or a file-size limit where namespaces
// are not allowed) fails with one line and leaves the previous checkpoint and model as they were.
#include "../core_test_support.h"
#include "core/train/checkpoint.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QMap>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>

using namespace alab;
using namespace alab::test;

namespace {

QStringList tiny(const QString& out, int steps)
{
    return {"train", "--task", "reverse", "--d-model", "16", "--heads", "2", "--layers", "1", "--d-ff", "32",
            "--steps", QString::number(steps), "--batch", "4", "--warmup", "2", "--seed", "5", "--threads", "1",
            "--out", out};
}

QByteArray bytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The step of the checkpoint in `out` (-1 when there is none yet or it cannot be read).
int checkpointStep(const QString& out)
{
    core::Checkpoint c;
    return core::readCheckpoint(core::checkpointFolderOf(out.toStdString()), c).empty() ? c.state.step : -1;
}

// Starts a long run and waits until its first checkpoint (every 5 steps) is on disk.
bool startLongRun(QProcess& p, const QString& out)
{
    p.setChildProcessModifier([] { std::signal(SIGINT, SIG_DFL); });  // as in a terminal, even under a background ctest
    p.start(QStringLiteral(ALAB_APP_PATH), tiny(out, 1000000) + QStringList{"--checkpoint-every", "5"});
    if (!p.waitForStarted()) return false;
    QDeadlineTimer deadline(60000);
    while (checkpointStep(out) < 5 && !deadline.hasExpired() && p.state() == QProcess::Running)
        QThread::msleep(20);  // polls for the file the run writes; nothing is timed
    return p.state() == QProcess::Running && checkpointStep(out) >= 5;
}

// Every file under `dir` (hidden ones too), by relative path, with its bytes.
QMap<QString, QByteArray> snapshot(const QString& dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(dir).relativeFilePath(path), bytes(path));
    }
    return files;
}

// The shell steps of the full-disk test inside a private mount namespace: a 1 MiB tmpfs at $D/disk,
// a first run that fits, a copy of it, a file that fills the rest, the resumed run, a copy again.
const char* kFullDiskScript = R"(
mount -t tmpfs -o size=1m tmpfs "$D/disk" || exit 99
"$APP" "$@" --out "$D/disk/run" >/dev/null 2>&1 || exit 98
cp -a "$D/disk/run" "$D/before"
dd if=/dev/zero of="$D/disk/fill" bs=4k >/dev/null 2>&1
"$APP" train --resume "$D/disk/run" --steps 40 --threads 1 --out "$D/disk/run" 2>"$D/err"
echo $? >"$D/rc"
cp -a "$D/disk/run" "$D/after"
)";

// Model bytes of an uninterrupted run of `steps` steps.
QByteArray straightRun(const QString& dir, int steps)
{
    const ProcessResult r = runApp(tiny(dir, steps));
    return r.exitCode == 0 ? bytes(dir + "/model.safetensors") : QByteArray();
}

}  // namespace

class TestTrainStop : public QObject {
    Q_OBJECT

private slots:
    void signalSavesAndResumeContinues_data() {
        QTest::addColumn<int>("sig");
        QTest::newRow("SIGINT (Ctrl-C)") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }
    void signalSavesAndResumeContinues() {
        QFETCH(int, sig);
        QTemporaryDir tmp;
        const QString out = tmp.filePath("run");
        QProcess p;
        QVERIFY(startLongRun(p, out));
        ::kill(pid_t(p.processId()), sig);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);  // it stopped by itself, after saving
        QCOMPARE(p.exitCode(), 130);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(sig == SIGINT ? "interrupted at step " : "stopped at step ") && err.contains(out),
                 qPrintable(err));
        const int stopped = checkpointStep(out);
        QVERIFY(stopped >= 5);
        const QList<QByteArray> log = bytes(out + "/log.csv").trimmed().split('\n');
        QCOMPARE(log.size(), stopped + 1);  // a row per step done, none lost and none beyond the checkpoint
        QVERIFY(bytes(out + "/checkpoint/model.safetensors") == bytes(out + "/model.safetensors"));

        const ProcessResult rest =
            runApp({"train", "--resume", out, "--steps", QString::number(stopped + 3), "--threads", "1", "--out", out});
        QVERIFY2(rest.exitCode == 0, qPrintable(rest.err));
        const QByteArray whole = straightRun(tmp.filePath("whole"), stopped + 3);
        QVERIFY(!whole.isEmpty() && whole == bytes(out + "/model.safetensors"));
        const QList<QByteArray> resumed = bytes(out + "/log.csv").trimmed().split('\n');
        const QList<QByteArray> straight = bytes(tmp.filePath("whole/log.csv")).trimmed().split('\n');
        QCOMPARE(resumed.size(), stopped + 4);
        for (int i = 1; i < resumed.size(); ++i)  // step, train loss and learning rate agree row by row
            QCOMPARE(resumed[i].split(',').mid(0, 2) + resumed[i].split(',').mid(4, 1),
                     straight[i].split(',').mid(0, 2) + straight[i].split(',').mid(4, 1));
    }
    void killLeavesTheLastCheckpoint() {
        QTemporaryDir tmp;
        const QString out = tmp.filePath("run");
        QProcess p;
        QVERIFY(startLongRun(p, out));
        p.kill();  // SIGKILL: no handler runs, whatever was being written is cut off
        QVERIFY(p.waitForFinished(60000));
        const int saved = checkpointStep(out);
        QVERIFY2(saved >= 5 && saved % 5 == 0, qPrintable(QString::number(saved)));
        const ProcessResult rest =
            runApp({"train", "--resume", out, "--steps", QString::number(saved + 2), "--threads", "1", "--out", out});
        QVERIFY2(rest.exitCode == 0, qPrintable(rest.err));
        QCOMPARE(checkpointStep(out), saved + 2);
        const QByteArray whole = straightRun(tmp.filePath("whole"), saved + 2);
        QVERIFY(!whole.isEmpty() && whole == bytes(out + "/model.safetensors"));
    }
    void fullDiskKeepsTheLastCheckpoint() {
        QTemporaryDir tmp;
        QVERIFY(QDir(tmp.path()).mkdir("disk"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("D", tmp.path());
        env.insert("APP", QStringLiteral(ALAB_APP_PATH));
        p.setProcessEnvironment(env);
        QStringList first = tiny("unused", 10);
        first.removeLast(), first.removeLast();  // the script names --out on the tmpfs
        p.start("unshare", QStringList{"--user", "--map-root-user", "--mount", "sh", "-c", kFullDiskScript, "sh"} + first);
        const bool ran = p.waitForStarted() && p.waitForFinished(120000);
        QString err, before = tmp.filePath("before"), after = tmp.filePath("after");
        if (!ran || p.exitStatus() != QProcess::NormalExit || p.exitCode() == 99) {
            qInfo("no private tmpfs here (%s); a 16 KiB file-size limit stands in for the full disk",
                  p.readAllStandardError().trimmed().constData());
            after = before = tmp.filePath("run");
            QVERIFY(runApp(tiny(before, 10)).exitCode == 0);
            const QMap<QString, QByteArray> previous = snapshot(before);
            QProcess limited;
            limited.setChildProcessModifier([] {
                const rlimit limit{16384, 16384};
                ::setrlimit(RLIMIT_FSIZE, &limit);
            });
            limited.start(QStringLiteral(ALAB_APP_PATH), {"train", "--resume", before, "--steps", "40", "--out", before});
            QVERIFY(limited.waitForFinished(120000));
            QVERIFY(limited.exitCode() != 0);
            err = QString::fromUtf8(limited.readAllStandardError());
            QCOMPARE(snapshot(after), previous);
        } else {
            QCOMPARE(p.exitCode(), 0);
            QVERIFY(bytes(tmp.filePath("rc")).trimmed() != "0");
            err = QString::fromUtf8(bytes(tmp.filePath("err")));
            QVERIFY2(err.contains("No space left on device"), qPrintable(err));
            QCOMPARE(snapshot(after), snapshot(before));  // the last good checkpoint and model, byte for byte
        }
        const QStringList said = err.trimmed().split('\n').filter("attention-lab:");  // progress lines aside
        QVERIFY2(said.size() == 1 && said[0].startsWith("attention-lab: cannot write ") && err.trimmed().endsWith(said[0]),
                 qPrintable(err));
        QVERIFY(snapshot(before).contains("checkpoint/train_state.json"));
        QCOMPARE(checkpointStep(before), 10);
    }
};

QTEST_APPLESS_MAIN(TestTrainStop)
#include "tst_train_stop.moc"
