// The architecture map tab in the main window: it sits after the lesson tab; clicking a block whose
// lesson is registered opens that lesson and shows the lesson tab; a block whose lesson is not
// registered does nothing and its tooltip says so; the red outline follows setLesson (in the data and
// in the pixels); the map follows the loaded model (Thinking Machines: no decoder; a pre-norm file
// model: decoder and Norm blocks). With ALAB_SCREENSHOTS set, it also saves the tab at 1280×720 and
// 1920×1080 in English and 简体中文. Offscreen, no sleeps.
#include "core/lessons/registry.h"
#include "test_support.h"
#include "ui/lesson/architecture_map_view.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_view.h"
#include "ui/main_window.h"

#include <QImage>
#include <QTabWidget>
#include <QTest>

using namespace alab;
using namespace alab::ui;

class TestArchitectureMapView : public QObject {
    Q_OBJECT
private:
    MainWindow* m_window = nullptr;
    ArchitectureMapView* map() const { return m_window->findChild<ArchitectureMapView*>(QStringLiteral("architectureMap")); }
    QTabWidget* tabs() const { return m_window->findChild<QTabWidget*>(QStringLiteral("mainTabs")); }
    LessonController* lesson() const { return m_window->lessonView()->controller(); }
    int blockWithLesson(bool registered) const {
        for (size_t i = 0; i < map()->map().blocks.size(); ++i)
            if ((core::findLesson(map()->map().blocks[i].lessonId) != nullptr) == registered) return int(i);
        return -1;
    }
    void click(int block) {
        const QRectF r = block == ArchitectureMapView::kHeadsTab ? map()->headsTabRect() : map()->blockRect(block);
        QVERIFY(!r.isEmpty());
        QTest::mouseClick(map(), Qt::LeftButton, {}, r.center().toPoint());
    }

private slots:
    void init() {
        m_window = new MainWindow(false);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY(map());
        tabs()->setCurrentWidget(map());
    }
    void cleanup() { delete m_window; }

    void tabFollowsTheLesson() {
        QCOMPARE(tabs()->indexOf(map()), tabs()->indexOf(m_window->lessonView()) + 1);
        QCOMPARE(lesson()->lessonId(), std::string("thinking-machines"));
        QVERIFY(!map()->map().hasDecoder);  // the Thinking Machines model is an encoder
        QCOMPARE(map()->highlighted(), std::vector<int>{map()->map().indexOf("encoder.self_attn")});
        lesson()->setLesson("why-attention");
        QCOMPARE(map()->highlighted(), std::vector<int>{map()->map().indexOf("encoder.inputs")});
    }

    // The outline is drawn: the top edge of the shown lesson's block is red, another block's is not.
    void outlineIsPainted() {
        const auto red = [this](const std::string& id) {
            const QRectF r = map()->blockRect(map()->map().indexOf(id));
            const QImage image = map()->grab().toImage();
            const QColor c = image.pixelColor(QPoint(int(r.center().x()), int(r.top() + 0.5)) * image.devicePixelRatio());
            return c.red() > 150 && c.green() < 110 && c.blue() < 110;
        };
        QVERIFY(red("encoder.self_attn"));
        QVERIFY(!red("encoder.ffn"));
        if (!core::findLesson("encoder-layer")) QSKIP("no encoder-layer lesson registered");
        lesson()->setLesson("encoder-layer");
        QVERIFY(red("encoder.ffn"));
        QVERIFY(!red("encoder.self_attn"));
    }

    void clickOpensTheLesson() {
        const int block = blockWithLesson(true);
        QVERIFY(block >= 0);
        const std::string id = map()->map().blocks[size_t(block)].lessonId;
        lesson()->setLesson(id == "why-attention" ? "thinking-machines" : "why-attention");
        QVERIFY(lesson()->lessonId() != id);
        QVERIFY(map()->toolTipFor(block).contains(QStringLiteral("Click to open")));
        click(block);
        QCOMPARE(lesson()->lessonId(), id);
        QCOMPARE(tabs()->currentWidget(), m_window->lessonView());
        QVERIFY(std::find(map()->highlighted().begin(), map()->highlighted().end(), block) != map()->highlighted().end());
    }

    void unregisteredBlockIsInert() {
        const int block = blockWithLesson(false);
        if (block < 0) QSKIP("every lesson of the map is registered");
        QVERIFY(map()->openableLesson(block).empty());
        QVERIFY(map()->toolTipFor(block).contains(QStringLiteral("not in the course yet")));
        click(block);
        QCOMPARE(lesson()->lessonId(), std::string("thinking-machines"));
        QCOMPARE(tabs()->currentWidget(), map());
    }

    void headsTabOpensMultiHead() {
        QVERIFY(!map()->headsTabRect().isEmpty());
        QCOMPARE(map()->blockAt(map()->headsTabRect().center()), int(ArchitectureMapView::kHeadsTab));
        click(ArchitectureMapView::kHeadsTab);
        QCOMPARE(lesson()->lessonId(), std::string(core::findLesson("multi-head") ? "multi-head" : "thinking-machines"));
    }

    void followsTheLoadedModel() {
        const std::string dir = std::string(ALAB_SOURCE_DIR) + "/tests/golden/prenorm_h4/";
        core::ModelSource source;
        source.weightsPath = dir + "weights.safetensors";
        source.configPath = dir + "config.json";
        QCOMPARE(m_window->session()->loadIds(source, {7, 5, 3}, {1, 2}, true), QString());
        QCoreApplication::processEvents();
        const core::ArchitectureMap& m = map()->map();
        QVERIFY(m.hasDecoder);
        QVERIFY(m.preNorm);
        QCOMPARE(m.encoderLayers, 2);
        QVERIFY(m.indexOf("decoder.norm2") >= 0);
        QVERIFY(!map()->blockRect(m.indexOf("decoder.cross_attn")).isEmpty());
        // Every block lies inside the tab, none on top of another.
        for (size_t i = 0; i < m.blocks.size(); ++i) {
            QVERIFY(map()->rect().contains(map()->blockRect(int(i)).toRect()));
            for (size_t j = i + 1; j < m.blocks.size(); ++j)
                QVERIFY(!map()->blockRect(int(i)).intersects(map()->blockRect(int(j))));
        }
    }

    void screenshots() {
        const QString dir = qEnvironmentVariable("ALAB_SCREENSHOTS");
        if (dir.isEmpty()) QSKIP("set ALAB_SCREENSHOTS to save the map's pictures");
        for (const char* model : {"thinking-machines", "en-zh", "prenorm_h4"}) {
            core::ModelSource source;
            if (QString::fromLatin1(model) == QLatin1String("en-zh")) source.preset = model;
            if (QString::fromLatin1(model) == QLatin1String("prenorm_h4")) {
                source.weightsPath = std::string(ALAB_SOURCE_DIR) + "/tests/golden/prenorm_h4/weights.safetensors";
                source.configPath = std::string(ALAB_SOURCE_DIR) + "/tests/golden/prenorm_h4/config.json";
            }
            if (!source.preset.empty() || !source.weightsPath.empty()) {
                QCOMPARE(m_window->session()->loadIds(source, {4, 5, 6}, {1, 2}, true), QString());
                QCoreApplication::processEvents();
            }
            for (const char* lang : {"en", "zh_CN"})
                for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
                    QVERIFY(m_window->setLanguage(QString::fromLatin1(lang), false));
                    m_window->resize(size);
                    QCoreApplication::processEvents();
                    QVERIFY(m_window->grab().save(
                        QStringLiteral("%1/map-%2-%3-%4x%5.png").arg(dir, model, lang).arg(size.width()).arg(size.height())));
                }
        }
    }
};

QTEST_MAIN(TestArchitectureMapView)
#include "tst_architecture_map_view.moc"
