// Checkpoints: N steps, written and read back, then N more steps give weights bit-identical to 2N
// steps in one run; a checkpoint of another shape, a folder not ours and missing files are refused.
#include "core/file_io.h"
#include "core/train/checkpoint.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

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
