// Core's messages (English, shared with the command line) in the window's language: the messages core
// really writes for a missing file, a folder, a wrong tensor shape, a bad token id list, an unknown word
// and an id outside the vocabulary all come out in 简体中文 with their file names and numbers kept, and
// positions count from 1; a message the table does not know is shown unchanged.
#include "ui/analysis/open_model_dialog.h"
#include "ui/common/core_messages.h"
#include "ui/common/trace_session.h"
#include "ui/language.h"

#include "core/model_loader.h"

#include <QTest>

using namespace alab;

namespace {

const std::string kGolden = std::string(ALAB_SOURCE_DIR) + "/tests/golden/";

std::string loadError(const std::string& weights, const std::string& config) {
    core::ModelSource source;
    source.weightsPath = weights;
    source.configPath = config;
    core::LoadedModel loaded;
    return core::loadModel(source, loaded);
}

QString zh(const std::string& message) { return ui::translateCoreMessage(QString::fromStdString(message)); }

bool hasLatinWords(const QString& text, const QStringList& kept) {
    QString rest = text;
    for (const QString& k : kept) rest.remove(k);
    int run = 0;
    for (QChar c : rest) {
        run = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ? run + 1 : 0;
        if (run >= 4) return true;  // an English word left untranslated
    }
    return false;
}

}  // namespace

class TestCoreMessages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_language.apply(QStringLiteral("zh_CN"), false)); }

    void realCoreMessagesAreTranslated() {
        const std::string missing = "/nonexistent-alab/weights.safetensors", config = kGolden + "prenorm_h4/config.json";
        const std::string shape = kGolden + "postnorm_h2/weights.safetensors";
        QString m = zh(loadError(missing, config));
        QCOMPARE(m, QStringLiteral("无法读取 /nonexistent-alab/weights.safetensors：没有这个文件或文件夹"));
        m = zh(loadError(kGolden + "prenorm_h4/weights.safetensors", "/tmp"));
        QCOMPARE(m, QStringLiteral("无法读取 /tmp：它是一个文件夹"));
        m = zh(loadError(shape, config));
        QVERIFY2(m.contains(QStringLiteral("张量 src_embed.weight 的形状是 [13,16]，应为 [15,16]")), qPrintable(m));
        std::vector<int> ids;
        m = zh(core::parseIds("1,x", ids));
        QVERIFY2(m.startsWith(QStringLiteral("“x”不是词元 id")), qPrintable(m));
        core::LoadedModel demo;
        core::ModelSource source;
        source.preset = "demo";
        QCOMPARE(core::loadModel(source, demo), std::string());
        m = zh(core::encodeText(demo, "the zzzq", ids));
        QVERIFY2(m.contains(QStringLiteral("“zzzq”")) && !hasLatinWords(m, {QStringLiteral("zzzq"), QStringLiteral("demo")}),
                 qPrintable(m));
        try {
            demo.model->forward({5, 99999}, {});
            QFAIL("an id outside the vocabulary must be refused");
        } catch (const core::InvalidArgument& e) {
            m = zh(e.what());
            QVERIFY2(m.startsWith(QStringLiteral("源句第 2 个位置的词元 id 99999")), qPrintable(m));  // core: position 1
        }
        QCOMPARE(ui::translateCoreMessage(QStringLiteral("something new")), QStringLiteral("something new"));
    }

    // File → Open model… shows the failure in the window's language.
    void openModelDialogShowsItInChinese() {
        ui::TraceSession session;
        ui::OpenModelDialog dialog(&session);
        dialog.setFiles(QStringLiteral("/nonexistent-alab/weights.safetensors"), QString::fromStdString(kGolden + "prenorm_h4/config.json"));
        dialog.setInput(QStringLiteral("1,2"), QString(), true);
        dialog.load();
        const QString shown = dialog.errorText();
        QVERIFY2(shown.contains(QStringLiteral("无法读取 /nonexistent-alab/weights.safetensors：没有这个文件或文件夹")), qPrintable(shown));
    }

private:
    ui::Language m_language;
};

QTEST_MAIN(TestCoreMessages)
#include "tst_core_messages.moc"
