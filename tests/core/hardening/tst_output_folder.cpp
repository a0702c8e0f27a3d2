// Output folders in core: StagingDirectory replaces only a folder attention-lab wrote (marker file),
// refuses a user's folder, a file and a symbolic link, removes the parent folders it created when it
// fails, names the user's path in messages, sweeps the leftovers of dead processes, and reports a
// previous version it could not remove. Reads accept only regular files (a FIFO must not hang).
#include "core/file_io.h"
#include "core/tensor/output_folder.h"
#include "core/tensor/signal_cleanup.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace alab;

namespace {

QStringList entries(const QString& dir) { return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System); }

std::string writeOutput(const std::string& dir, const std::string& file, const std::string& text) {
    core::StagingDirectory staging(dir);
    if (!staging.error().empty()) return staging.error();
    if (std::string err = core::writeFileAtomic(staging.path(file), text); !err.empty()) return err;
    return staging.commit();
}

// A pid that no process has now: a child that has exited and been reaped.
pid_t deadPid() {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    ::waitpid(pid, nullptr, 0);
    return pid;
}

void makeFolder(const QString& path, const QStringList& files) {
    QVERIFY(QDir().mkpath(path));
    for (const QString& f : files) {
        QFile file(path + "/" + f);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x");
    }
}

}  // namespace

class TestOutputFolder : public QObject {
    Q_OBJECT

private slots:
    void refusesAFolderItDidNotWrite();
    void replacesItsOwnAndEmptyFolders();
    void refusesALinkAndAFile();
    void removesTheParentsItCreated();
    void messagesNameTheUsersPath();
    void sweepsLeftoversOfDeadProcesses();
    void reportsAPreviousVersionItCannotRemove();
    void signalCleanupEmptiesTheFolder();
    void readsOnlyRegularFiles();
};

void TestOutputFolder::refusesAFolderItDidNotWrite() {
    QTemporaryDir tmp;
    const QString out = tmp.filePath("thesis");
    makeFolder(out, {"thesis.tex"});
    const std::string err = writeOutput(out.toStdString(), "a.npy", "data");
    QVERIFY2(QString::fromStdString(err).contains(out + ": the folder is not empty and was not written by attention-lab"),
             err.c_str());
    QCOMPARE(entries(out), QStringList{"thesis.tex"});
    QCOMPARE(entries(tmp.path()), QStringList{"thesis"});  // no staging sibling either
}

void TestOutputFolder::replacesItsOwnAndEmptyFolders() {
    QTemporaryDir tmp;
    const std::string out = tmp.filePath("out").toStdString();
    QVERIFY(QDir().mkpath(tmp.filePath("out")));  // an empty folder may be filled
    QCOMPARE(writeOutput(out, "first.npy", "1"), std::string());
    QVERIFY(core::isOwnedFolder(out));
    QCOMPARE(writeOutput(out, "second.npy", "2"), std::string());  // our own output is replaced
    QCOMPARE(entries(tmp.filePath("out")), (QStringList{".attention-lab", "second.npy"}));
    QCOMPARE(entries(tmp.path()), QStringList{"out"});
}

void TestOutputFolder::refusesALinkAndAFile() {
    QTemporaryDir tmp;
    QCOMPARE(writeOutput(tmp.filePath("real").toStdString(), "a.npy", "1"), std::string());
    QVERIFY(QFile::link(tmp.filePath("real"), tmp.filePath("link")));
    QVERIFY(QString::fromStdString(writeOutput(tmp.filePath("link").toStdString(), "b.npy", "2")).contains("symbolic link"));
    QCOMPARE(core::writeFileAtomic(tmp.filePath("file").toStdString(), "mine"), std::string());
    QVERIFY(QString::fromStdString(writeOutput(tmp.filePath("file").toStdString(), "b.npy", "2")).contains("not a folder"));
    QCOMPARE(entries(tmp.filePath("real")), (QStringList{".attention-lab", "a.npy"}));
    QCOMPARE(entries(tmp.path()), (QStringList{"file", "link", "real"}));
}

void TestOutputFolder::removesTheParentsItCreated() {
    QTemporaryDir tmp;
    const std::string out = tmp.filePath("a/b/c").toStdString();
    {
        core::StagingDirectory staging(out);
        QCOMPARE(staging.error(), std::string());
        QVERIFY(QDir(tmp.filePath("a/b")).exists());
    }  // abandoned, as after a failed write
    QCOMPARE(entries(tmp.path()), QStringList{});
    makeFolder(tmp.filePath("a"), {"keep.txt"});  // an existing parent stays, with its files
    {
        core::StagingDirectory staging(out);
        QCOMPARE(staging.error(), std::string());
    }
    QCOMPARE(entries(tmp.filePath("a")), QStringList{"keep.txt"});
}

void TestOutputFolder::messagesNameTheUsersPath() {
    QTemporaryDir tmp;
    const std::string out = tmp.filePath("out").toStdString();
    core::StagingDirectory staging(out);
    const std::string inside = staging.path("x.npy");
    QVERIFY(inside.find(".tmp-") != std::string::npos);
    QCOMPARE(staging.userMessage("cannot write " + inside + ": No space left on device"),
             "cannot write " + out + "/x.npy: No space left on device");
    QCOMPARE(core::writeFileAtomic(tmp.filePath("file").toStdString(), "mine"), std::string());
    core::StagingDirectory refused(tmp.filePath("file/out").toStdString());
    QVERIFY(!refused.error().empty());
    QCOMPARE(refused.path("x.npy"), std::string());  // after an error nothing can be written by accident
}

void TestOutputFolder::sweepsLeftoversOfDeadProcesses() {
    QTemporaryDir tmp;
    const QString dead = QString::number(deadPid()), alive = QString::number(::getpid());
    const QString out = tmp.filePath("out");
    makeFolder(out + ".tmp-" + dead + "-0", {".attention-lab", "a.npy"});    // ours, killed while writing
    makeFolder(out + ".old-" + dead + "-3", {".attention-lab", "b.npy"});    // ours, killed while replacing
    makeFolder(out + ".tmp-" + dead + "-1", {});                             // empty: killed before the marker
    makeFolder(out + ".tmp-" + dead + "-2", {"notes.txt"});                  // no marker: not ours, kept
    makeFolder(out + ".tmp-" + alive + "-77", {".attention-lab", "c.npy"});  // a live process: kept
    makeFolder(tmp.filePath("other.tmp-") + dead + "-0", {".attention-lab"});  // another output's: kept
    QCOMPARE(core::sweepStaleSiblings(out.toStdString()), 3);
    QStringList kept{"other.tmp-" + dead + "-0", "out.tmp-" + alive + "-77", "out.tmp-" + dead + "-2"}, left = entries(tmp.path());
    kept.sort();
    left.sort();
    QCOMPARE(left, kept);
    QCOMPARE(writeOutput(out.toStdString(), "d.npy", "4"), std::string());  // a writer sweeps first, too
    QCOMPARE(entries(tmp.path()).size(), 4);
}

// Root may delete anything, so the part that needs a permission error runs as "nobody" in a child.
void TestOutputFolder::reportsAPreviousVersionItCannotRemove() {
    QTemporaryDir tmp;
    QVERIFY(::chmod(tmp.path().toLocal8Bit().constData(), 0777) == 0);
    const std::string out = tmp.filePath("out").toStdString();
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(10);
        if (!writeOutput(out, "old.npy", "1").empty()) ::_exit(11);
        if (::mkdir((out + "/locked").c_str(), 0777) != 0) ::_exit(12);  // a user's folder inside our output
        if (!core::writeFileAtomic(out + "/locked/f", "x").empty() || ::chmod((out + "/locked").c_str(), 0555) != 0) ::_exit(13);
        const std::string err = writeOutput(out, "new.npy", "2");
        const bool named = err.rfind("wrote " + out + ", but its previous version could not be removed", 0) == 0;
        ::chmod((out + "/locked").c_str(), 0755);
        ::_exit(named ? 0 : 14);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(QFile::exists(tmp.filePath("out/new.npy")));  // the new output is in place all the same
    for (const QString& e : entries(tmp.path())) QDir(tmp.filePath(e)).removeRecursively();
}

void TestOutputFolder::signalCleanupEmptiesTheFolder() {
    QTemporaryDir tmp;
    const QString dir = tmp.filePath("x.tmp-1-1");
    makeFolder(dir, {".attention-lab", "a.npy", "b.npy.tmp-1-2"});
    makeFolder(dir + "/empty", {});
    QVERIFY(core::removeFlatFolder(dir.toLocal8Bit().constData()));
    QCOMPARE(entries(tmp.path()), QStringList{});
    QVERIFY(core::removeFlatFolder(dir.toLocal8Bit().constData()));  // already gone: fine
}

void TestOutputFolder::readsOnlyRegularFiles() {
    QTemporaryDir tmp;
    const std::string fifo = tmp.filePath("fifo").toStdString();
    QVERIFY(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string text;
    QVERIFY(QString::fromStdString(core::readFile(fifo, text)).contains("named pipe"));  // returns, does not block
    QVERIFY(QString::fromStdString(core::readFile("/dev/zero", text)).contains("device"));
    QVERIFY(QString::fromStdString(core::readFile(tmp.path().toStdString(), text)).contains("directory"));
    QCOMPARE(core::writeFileAtomic(tmp.filePath("f").toStdString(), std::string(100000, 'a')), std::string());
    QCOMPARE(core::readFile(tmp.filePath("f").toStdString(), text), std::string());
    QCOMPARE(text.size(), size_t(100000));
}

QTEST_APPLESS_MAIN(TestOutputFolder)
#include "tst_output_folder.moc"
