// Checkpoints: N steps, written and read back, then N more steps give weights bit-identical to 2N
// steps in one run; a checkpoint of another shape, a folder not ours and missing files are refused;
// a checkpoint replaces the previous folder whole, and a write that fails (a file-size limit standing
// in for a full disk) leaves the previous one byte for byte; a run folder resumes from its checkpoint/.
#include "core/file_io.h"
#include "core/train/checkpoint.h"

#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <filesystem>
#include <map>
#include <sys/resource.h>

using namespace alab::core;

namespace {

TrainerOptions tiny(int steps)
{
    TrainerOptions o;
    o.d_model = 16, o.heads = 2, o.layers = 1, o.d_ff = 32, o.steps = steps, o.batch = 4, o.warmup = 3;
    o.seed = 5, o.evalExamples = 4;
    return o;
}

std::vector<float> flat(const Trainer& t)
{
    Weights w = t.weights();
    std::vector<float> out;
    for (const ParamSpan& s : parameterSpans(t.config(), w)) out.insert(out.end(), s.data, s.data + s.size);
    return out;
}

// Every file under `dir` with its bytes, by path relative to dir.
std::map<std::string, std::string> snapshot(const std::string& dir)
{
    std::map<std::string, std::string> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        std::string bytes;
        if (e.is_regular_file() && readFile(e.path().string(), bytes).empty())
            files[std::filesystem::relative(e.path(), dir).string()] = bytes;
    }
    return files;
}

}  // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT

private slots:
    void resumeIsBitIdentical() {
        Trainer whole(tiny(8));
        while (!whole.done()) whole.step();
        Trainer first(tiny(4));
        while (!first.done()) first.step();
        QTemporaryDir dir;
        const std::string path = dir.filePath("ckpt").toStdString();
        QCOMPARE(writeCheckpoint(path, checkpointOf(first, "step\n1\n2\n3\n4\n")), std::string());
        Checkpoint c;
        QCOMPARE(readCheckpoint(path, c), std::string());
        QCOMPARE(c.state.step, 4);
        QCOMPARE(logUpToStep(c.log, 2), std::string("step\n1\n2\n"));
        std::unique_ptr<Trainer> rest = resumeTrainer(c, tiny(8));
        while (!rest->done()) rest->step();
        const std::vector<float> a = flat(whole), b = flat(*rest);
        QVERIFY(a.size() == b.size());
        QVERIFY(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
    }
    void replacesWholeAndKeepsTheLastGoodOne() {
        Trainer t(tiny(4));
        t.step();
        QTemporaryDir dir;
        const std::string path = dir.filePath("ckpt").toStdString();
        QCOMPARE(writeCheckpoint(path, checkpointOf(t, "step\n1\n")), std::string());
        QCOMPARE(writeFileAtomic(path + "/stale.txt", "from before"), std::string());
        t.step();
        QCOMPARE(writeCheckpoint(path, checkpointOf(t, "step\n1\n2\n")), std::string());
        QVERIFY(!std::filesystem::exists(path + "/stale.txt"));  // a new folder, not files written over the old one
        const std::map<std::string, std::string> good = snapshot(path);
        t.step();
        std::signal(SIGXFSZ, SIG_IGN);  // as the program does: a failed write, not a killed process
        rlimit previous{};
        ::getrlimit(RLIMIT_FSIZE, &previous);
        const rlimit small{4096, previous.rlim_max};
        ::setrlimit(RLIMIT_FSIZE, &small);
        const std::string error = writeCheckpoint(path, checkpointOf(t, "step\n1\n2\n3\n"));
        ::setrlimit(RLIMIT_FSIZE, &previous);
        QVERIFY2(error.find("cannot write " + path + "/") == 0, error.c_str());
        QVERIFY(snapshot(path) == good);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{"ckpt"});
        Checkpoint c;
        QCOMPARE(readCheckpoint(path, c), std::string());
        QCOMPARE(c.state.step, 2);
    }
    void runFolderResumesFromItsCheckpoint() {
        Trainer t(tiny(4));
        t.step(), t.step();
        QTemporaryDir dir;
        const std::string run = dir.filePath("run").toStdString();
        QCOMPARE(saveTrainingRun(run, checkpointOf(t, "step\n1\n2\n")), std::string());
        LoadedModel model;
        QCOMPARE(loadModelFolder(run, model), std::string());  // the top opens as a model
        QVERIFY(!std::filesystem::exists(run + "/" + kTrainStateFile));
        QCOMPARE(checkpointFolderOf(run), run + "/" + kCheckpointFolder);
        QCOMPARE(checkpointFolderOf(run + "/" + kCheckpointFolder), run + "/" + kCheckpointFolder);
        Checkpoint c;
        QCOMPARE(readCheckpoint(checkpointFolderOf(run), c), std::string());
        QCOMPARE(c.state.step, 2);
    }
    void refusesAnotherShapeAndBadFolders() {
        Trainer t(tiny(2));
        t.step();
        QTemporaryDir dir;
        const std::string path = dir.filePath("ckpt").toStdString();
        QCOMPARE(writeCheckpoint(path, checkpointOf(t, "step\n1\n")), std::string());
        Checkpoint c;
        QCOMPARE(readCheckpoint(path, c), std::string());
        TrainerOptions other = tiny(4);
        other.d_model = 32;
        QVERIFY(checkResumable(c.options, other).find("--d-model 16, not 32") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, resumeTrainer(c, other));
        QVERIFY(readCheckpoint(dir.filePath("missing").toStdString(), c).find("not a folder") != std::string::npos);
        std::filesystem::create_directory(dir.filePath("theirs").toStdString());
        QVERIFY(readCheckpoint(dir.filePath("theirs").toStdString(), c).find("attention-lab") != std::string::npos);
        std::filesystem::remove(path + "/" + kOptimizerFile);
        QVERIFY(readCheckpoint(path, c).find(kOptimizerFile) != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
