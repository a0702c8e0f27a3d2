// The lesson on a model loaded from files (as --screenshot --weights/--config and File → Open do):
// for the pre-norm golden model, step 1 must say that X is LayerNorm(x), the tensor encoder.0.norm1,
// and draw that tensor as X; for the post-norm golden model X is the encoder input itself. Weights
// without a training record beside them are said to be read from files (trained or not, unknown).
#include "ui/common/trace_session.h"
#include "ui/lesson/explanation_panel.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_view.h"

#include "core/model_loader.h"

#include <QTest>

using namespace alab;

namespace {

QString loadGolden(ui::TraceSession& session, const QString& name) {
    const std::string dir = std::string(ALAB_SOURCE_DIR) + "/tests/golden/" + name.toStdString();
    core::ModelSource source;
    source.weightsPath = dir + "/weights.safetensors";
    source.configPath = dir + "/config.json";
    core::LoadedModel loaded;
    if (std::string err = core::loadModel(source, loaded); !err.empty()) return QString::fromStdString(err);
    return session.loadModel(loaded, {7, 5, 3, 1, 12, 4}, {}, true);  // six ids every golden vocabulary knows
}

// The tensor names bound to the grids whose title is `title` in the current step's scene.
QStringList gridTensors(const ui::LessonController& c, const QString& title) {
    QStringList out;
    for (const core::SceneGrid& g : c.lesson().steps[size_t(c.step())].scene.grids)
        if (QString::fromStdString(g.title) == title && !g.cells.empty()) out << QString::fromStdString(g.cells[0].tensor);
    return out;
}

}  // namespace

class TestLessonFileModel : public QObject {
    Q_OBJECT
private slots:
    void preNormStepOneSaysWhatXIs() {
        ui::TraceSession session;
        ui::LessonView view(&session);
        QCOMPARE(loadGolden(session, QStringLiteral("prenorm_h4")), QString());
        QTRY_COMPARE(int(view.controller()->lesson().words.size()), 6);
        view.controller()->setStep(0, false);
        const QString text = view.explanation()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("X = LayerNorm(x)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("encoder.0.norm1")), qPrintable(text));
        QCOMPARE(gridTensors(*view.controller(), QStringLiteral("X")), QStringList{QStringLiteral("encoder.0.norm1")});
        QCOMPARE(gridTensors(*view.controller(), QStringLiteral("x")), QStringList{QStringLiteral("encoder.input")});
        view.controller()->setStep(1, false);  // Q, K and V are made from that X
        QCOMPARE(gridTensors(*view.controller(), QStringLiteral("X")), QStringList{QStringLiteral("encoder.0.norm1")});
        // No training log beside these weights: the lesson claims neither training nor random weights.
        const QString step2 = view.explanation()->toPlainText();
        QVERIFY2(step2.contains(QStringLiteral("read from the model's files")) && !step2.contains(QStringLiteral("untrained")) &&
                     !step2.contains(QStringLiteral("learned in training")), qPrintable(step2));
    }

    void postNormStepOneHasNoLayerNorm() {
        ui::TraceSession session;
        ui::LessonView view(&session);
        QCOMPARE(loadGolden(session, QStringLiteral("postnorm_h2")), QString());
        QTRY_COMPARE(int(view.controller()->lesson().words.size()), 6);
        view.controller()->setStep(0, false);
        const QString text = view.explanation()->toPlainText();
        QVERIFY2(!text.contains(QStringLiteral("LayerNorm")), qPrintable(text));
        QVERIFY(gridTensors(*view.controller(), QStringLiteral("X")).isEmpty());
    }
};

QTEST_MAIN(TestLessonFileModel)
#include "tst_lesson_file_model.moc"
