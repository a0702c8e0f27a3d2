// Model folders: what writeModelFolder writes loads back (config, weights, vocabulary, task.json)
// through loadModelFolder and through the --weights/--config/--vocab paths alike; an existing model
// folder is rewritten in place; a folder with other files, a regular file or a model that does not
// fit its vocabulary is refused without writing anything.
#include "core/train/model_folder.h"
#include "core/train/task.h"
#include "../core_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace alab;
using namespace alab::core;

namespace {

ModelConfig tinyShape() {
    ModelConfig c;
    c.d_model = 16;
    c.heads = 2;
    c.d_ff = 32;
    c.encoder_layers = c.decoder_layers = 1;
    c.max_len = 24;
    return c;
}

Matrix logitsOf(const Model& m) { return m.forward({4, 5, 6}, {1, 7, 8}, CapturePolicy::none()).logits; }

}  // namespace

class TestModelFolder : public QObject {
    Q_OBJECT

private slots:
    void roundTrip() {
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath("reverse-model").toStdString();
        const ModelFolder f = newModelFolder("reverse", buildVocabulary(*makeTask("reverse")), tinyShape(), 5);
        QCOMPARE(writeModelFolder(dir, f), std::string());
        QCOMPARE(test::entries(tmp.path()), QStringList{"reverse-model"});  // no staging folder left
        QCOMPARE(test::entries(test::qs(dir)), (QStringList{".attention-lab", "config.json", "model.safetensors", "task.json", "vocab.txt"}));

        LoadedModel viaFolder, viaFiles;
        QCOMPARE(loadModelFolder(dir, viaFolder), std::string());
        QCOMPARE(loadModel(modelFolderSource(dir), viaFiles), std::string());
        QCOMPARE(viaFolder.name, std::string("reverse-model"));
        QCOMPARE(viaFolder.model->config().toJson().dump(), f.config.toJson().dump());
        QCOMPARE(viaFolder.vocab.tokens(), f.vocab.tokens());
        QCOMPARE(viaFiles.vocab.tokens(), f.vocab.tokens());
        const Model original(f.config, f.weights);
        QCOMPARE(logitsOf(*viaFolder.model), logitsOf(original));  // bit-identical: F32 written as is
        QCOMPARE(logitsOf(*viaFiles.model), logitsOf(original));
        QCOMPARE(viaFolder.model->config().pad_id, 3);
        Json task;
        QCOMPARE(readTaskJson(dir, task), std::string());
        QCOMPARE(task.find("task")->toString(), std::string("reverse"));
        QCOMPARE(task.find("seed")->toInt(), int64_t(5));
    }

    // A folder of initial weights is untrained until a trainer's log.csv with a step sits beside them;
    // a header alone is no training. The same holds when the files are named one by one.
    void trainedOnlyWithATrainingLog() {
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath("fresh").toStdString();
        QCOMPARE(writeModelFolder(dir, newModelFolder("copy", buildVocabulary(*makeTask("copy")), tinyShape(), 1)), std::string());
        const auto untrained = [&dir] {
            LoadedModel viaFolder, viaFiles;
            if (!loadModelFolder(dir, viaFolder).empty() || !loadModel(modelFolderSource(dir), viaFiles).empty()) qFatal("load failed");
            if (viaFolder.untrained != viaFiles.untrained) qFatal("folder and files disagree");
            return viaFolder.untrained;
        };
        QVERIFY(untrained());
        QVERIFY(core::writeFileAtomic(dir + "/log.csv", "step,train_loss\n\n").empty());
        QVERIFY(untrained());
        QVERIFY(core::writeFileAtomic(dir + "/log.csv", "step,train_loss\n1,2.5\n").empty());
        QVERIFY(!untrained());
        LoadedModel golden;  // weights from elsewhere (PyTorch's), with no log or task.json: we cannot tell
        ModelSource source;
        source.weightsPath = std::string(ALAB_SOURCE_DIR) + "/tests/golden/prenorm_h4/weights.safetensors";
        source.configPath = std::string(ALAB_SOURCE_DIR) + "/tests/golden/prenorm_h4/config.json";
        QCOMPARE(loadModel(source, golden), std::string());
        QVERIFY(!golden.untrained);
        QVERIFY(golden.trainingUnknown);
        LoadedModel fresh;  // our trainer's folder says what it is
        QCOMPARE(loadModelFolder(dir, fresh), std::string());
        QVERIFY(!fresh.trainingUnknown);
    }

    void rewritesAModelFolderInPlace() {
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath("m").toStdString();
        const Vocabulary v = buildVocabulary(*makeTask("copy"));
        QCOMPARE(writeModelFolder(dir, newModelFolder("copy", v, tinyShape(), 1)), std::string());
        QVERIFY(core::writeFileAtomic(dir + "/log.csv", "step,loss\n").empty());  // the trainer's own file stays
        const ModelFolder second = newModelFolder("copy", v, tinyShape(), 2);
        QCOMPARE(writeModelFolder(dir, second), std::string());
        LoadedModel loaded;
        QCOMPARE(loadModelFolder(dir, loaded), std::string());
        QCOMPARE(logitsOf(*loaded.model), logitsOf(Model(second.config, second.weights)));
        QCOMPARE(test::entries(test::qs(dir)).size(), qsizetype(6));  // the marker, four model files, log.csv
        // What a writer killed mid-way leaves (pid 4194304 is beyond Linux's pid_max: no such process)
        for (const char* name : {"/model.safetensors.tmp-4194304-new", "/notes.txt.tmp-4194304-1"})
            QVERIFY(core::writeFileAtomic(dir + name, "half").empty());
        QCOMPARE(writeModelFolder(dir, second), std::string());
        QVERIFY(!QFileInfo::exists(test::qs(dir + "/model.safetensors.tmp-4194304-new")));
        QVERIFY(QFileInfo::exists(test::qs(dir + "/notes.txt.tmp-4194304-1")));  // not one of ours: it stays
    }

    void refusesWhatIsNotAModelFolder() {
        QTemporaryDir tmp;
        const ModelFolder f = newModelFolder("copy", buildVocabulary(*makeTask("copy")), tinyShape(), 1);
        QVERIFY(QDir(tmp.path()).mkdir("papers"));
        QVERIFY(core::writeFileAtomic(tmp.filePath("papers/config.json").toStdString(), "mine").empty());
        std::string err = writeModelFolder(tmp.filePath("papers").toStdString(), f);
        QVERIFY2(QString::fromStdString(err).contains("not empty"), err.c_str());
        QCOMPARE(test::entries(tmp.filePath("papers")), QStringList{"config.json"});
        std::string mine;
        QVERIFY(core::readFile(tmp.filePath("papers/config.json").toStdString(), mine).empty());
        QCOMPARE(mine, std::string("mine"));

        // Someone's own model folder (a model.safetensors exported from PyTorch, no marker) is not ours.
        QVERIFY(QDir(tmp.path()).mkdir("exported"));
        QVERIFY(core::writeFileAtomic(tmp.filePath("exported/model.safetensors").toStdString(), "theirs").empty());
        err = writeModelFolder(tmp.filePath("exported").toStdString(), f);
        QVERIFY2(QString::fromStdString(err).contains("exported"), err.c_str());
        QVERIFY(core::readFile(tmp.filePath("exported/model.safetensors").toStdString(), mine).empty());
        QCOMPARE(mine, std::string("theirs"));
        QCOMPARE(test::entries(tmp.filePath("exported")), QStringList{"model.safetensors"});

        err = writeModelFolder(tmp.filePath("papers/config.json").toStdString(), f);
        QVERIFY2(QString::fromStdString(err).contains("not a folder"), err.c_str());

        ModelFolder tooSmall = f;
        tooSmall.vocab = buildVocabulary(*makeTask("en-zh"));
        err = writeModelFolder(tmp.filePath("small").toStdString(), tooSmall);
        QVERIFY2(QString::fromStdString(err).contains("vocabulary has"), err.c_str());
        QVERIFY(!QFileInfo::exists(tmp.filePath("small")));
    }

    void loadErrors() {
        QTemporaryDir tmp;
        LoadedModel m;
        QVERIFY(QString::fromStdString(loadModelFolder(tmp.filePath("absent").toStdString(), m)).contains("not a folder"));
        QVERIFY(QString::fromStdString(loadModelFolder(tmp.path().toStdString(), m)).contains("no model.safetensors"));
    }
};

QTEST_APPLESS_MAIN(TestModelFolder)
#include "tst_model_folder.moc"
