// What a person reads in the analysis views: 1-based indices (with the 0-based data names said
// where the two meet), a real minus sign, one fixed [0, 1] colour scale for attention weights in
// the heatmap, the all-heads grid and the inspector, masked cells drawn apart from the scale,
// positional-encoding dimensions that exist in the model, file-naming (not flag-naming) errors,
// and "random weights (untrained)" beside an untrained model's name.
#include "ui/analysis/all_heads_view.h"
#include "ui/analysis/attention_view.h"
#include "ui/analysis/head_grid_widget.h"
#include "ui/analysis/heatmap_image.h"
#include "ui/analysis/heatmap_layers.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/analysis/model_caption.h"
#include "ui/analysis/open_model_dialog.h"
#include "ui/analysis/positional_view.h"
#include "ui/analysis/tensor_inspector.h"
#include "ui/analysis/tensor_table_model.h"
#include "ui/analysis/weight_explainer.h"
#include "ui/common/display_text.h"
#include "ui/common/trace_session.h"
#include "test_support.h"

#include <QComboBox>
#include <QSpinBox>
#include <QtTest>

using namespace alab;
using namespace alab::ui;

namespace {

int colorDistance(QColor a, QColor b) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

// The colour drawn at cell (r, c) of a shown plot, off the cell's centre where its number is printed.
QColor pixelOf(HeatmapPlot& plot, int r, int c) {
    plot.replot();
    const QImage image = plot.grab().toImage();
    const double cw = std::abs(plot.cellCenter(0, 1).x() - plot.cellCenter(0, 0).x());
    const double ch = std::abs(plot.cellCenter(1, 0).y() - plot.cellCenter(0, 0).y());
    const QPointF p = plot.cellCenter(r, c) + QPointF(cw * 0.35, -ch * 0.35);
    return image.pixelColor((p * image.devicePixelRatio()).toPoint());
}

}  // namespace

class TestAnalysisDisplay : public QObject {
    Q_OBJECT
private slots:
    void minusSign() {
        QCOMPARE(displayNumber(-0.5), QStringLiteral("−0.5"));
        QCOMPARE(displayNumber(1e-5), QStringLiteral("1e−05"));
        QCOMPARE(displayNumber(-INFINITY), QStringLiteral("−∞"));
        QCOMPARE(withMinusSign(QStringLiteral("x-1 = -3, encoder.0-b")), QStringLiteral("x-1 = −3, encoder.0-b"));
        QCOMPARE(cellText(-0.4f), QStringLiteral("−0.40"));
        QCOMPARE(cellText(-0.001f), QStringLiteral("0.00"));  // never "−0.00"
        TensorTableModel table;
        core::Matrix m(1, 2);
        m << -1.25f, 2.0f;
        table.setMatrix(m, {QStringLiteral("a")}, {QStringLiteral("x"), QStringLiteral("y")});
        QCOMPARE(table.index(0, 0).data().toString(), QStringLiteral("−1.25"));
        QCOMPARE(table.index(0, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("row 1 (a) · x: −1.25"));
        QCOMPARE(table.headerData(0, Qt::Vertical).toString(), QStringLiteral("1  a"));
        QVERIFY(table.toTsv({table.index(0, 0)}).contains(QStringLiteral("\t-1.25")));  // data for spreadsheets: ASCII
    }

    void explainerCountsFromOne() {
        TraceSession session;
        QCOMPARE(test::loadPreset(session, "thinking-machines", QStringLiteral("Thinking Machines")), QString());
        const core::AttentionTrace& a = session.snapshot()->trace->encoder[0].self_attn;
        WeightExplainer explainer;
        explainer.explain(a, 0, 0, 1, QStringLiteral("Thinking"), QStringLiteral("Machines"), session.snapshot()->srcTokens);
        const QString text = explainer.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("q1·k2 = ")), qPrintable(text));  // row 1, column 2 as people count
        QVERIFY2(text.contains(QStringLiteral("Machines (2)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(−3)")) && !text.contains(QLatin1Char('-')), qPrintable(text));
    }

    void selectorsGridAndInspectorCountFromOne() {
        TraceSession session;
        QCOMPARE(test::loadPreset(session, "demo", QStringLiteral("the cat sat"), QStringLiteral("<bos> 猫")), QString());
        AttentionView attention(&session);
        const QList<QComboBox*> boxes = attention.findChildren<QComboBox*>();
        QStringList items;
        for (QComboBox* b : boxes)
            for (int i = 0; i < b->count(); ++i) items << b->itemText(i);
        QVERIFY2(items.contains(QStringLiteral("layer 1")) && items.contains(QStringLiteral("layer 2")), qPrintable(items.join('|')));
        QVERIFY(items.contains(QStringLiteral("head 4")) && !items.contains(QStringLiteral("head 0")));
        QVERIFY(attention.plot()->heatmap().title().startsWith(QStringLiteral("layer 1 · head 1 — encoder.0.self_attn.weights[0]")));
        HeadGridWidget grid;
        grid.setGrid({QImage(2, 2, QImage::Format_RGB32)}, 1, 1);
        QCOMPARE(grid.describeHead(0, 0), QStringLiteral("Layer 1, head 1: press Enter or click to open"));
        TensorInspector inspector(&session);
        QVERIFY(inspector.selectTensor(QStringLiteral("encoder.1.self_attn.weights")));
        inspector.setHead(2);
        QCOMPARE(inspector.findChild<QSpinBox*>()->value(), 3);
        QCOMPARE(inspector.plot()->heatmap().head, 2);
        QVERIFY2(inspector.statsText().contains(QStringLiteral("layer 2 (tensor names count from 0)")), qPrintable(inspector.statsText()));
        QVERIFY2(inspector.statsText().contains(QStringLiteral("head 3 shown (index 2 in the data)")), qPrintable(inspector.statsText()));
    }

    // 0.5 is drawn in the colour of 0.5 on [0, 1] in every view, whatever else the map holds.
    void weightsShareOneFixedScale() {
        TraceSession session;
        QCOMPARE(test::loadPreset(session, "demo", QStringLiteral("the cat sat on the mat")), QString());
        HeatmapData d;
        QCOMPARE(heatmapFor(*session.snapshot(), QStringLiteral("encoder.0.self_attn.weights"), 0, &d), QString());
        QVERIFY(d.isWeights && d.values.maxCoeff() < 0.9f);  // a fitted range would stretch it to the top colour
        HeatmapPlot plot;
        plot.resize(700, 600);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setHeatmap(d, ColorMapKind::Viridis);
        for (int r = 0; r < 3; ++r) {
            const QColor expected = weightColor(d.values(r, 0));
            QVERIFY2(colorDistance(pixelOf(plot, r, 0), expected) < 30, qPrintable(expected.name()));
        }
        const QImage thumb = heatmapImage(d.values, ColorMapKind::Viridis, 0, 1);
        double lo = -1, hi = -1;
        weightRange(ColorMapKind::Viridis, &lo, &hi);
        QCOMPARE(lo, 0.0);
        QCOMPARE(hi, 1.0);
        QVERIFY(colorDistance(thumb.pixelColor(0, 1), weightColor(d.values(1, 0))) < 8);
        AllHeadsView all(&session);
        all.setKind(AttentionKind::EncoderSelf);
        QVERIFY2(all.findChildren<QLabel*>().size() > 0, "labels");
        bool saysRange = false;
        for (QLabel* l : all.findChildren<QLabel*>()) saysRange = saysRange || l->text().contains(QStringLiteral("colours from 0 to 1"));
        QVERIFY(saysRange);
    }

    void maskedCellsStayOffTheScale() {
        TraceSession session;
        QCOMPARE(test::loadPreset(session, "demo", QStringLiteral("the cat"), QStringLiteral("<bos> 猫 坐")), QString());
        HeatmapData d;
        QCOMPARE(heatmapFor(*session.snapshot(), QStringLiteral("decoder.0.self_attn.scaled"), 0, &d), QString());
        QVERIFY(d.hasMasked && std::isinf(d.values(0, 2)));
        HeatmapPlot plot;
        plot.resize(600, 600);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setHeatmap(d, ColorMapKind::BlueOrange);
        const QColor masked = pixelOf(plot, 0, 2);
        const bool grey = std::abs(masked.red() - masked.green()) < 12 && std::abs(masked.green() - masked.blue()) < 12;
        QVERIFY2(grey && masked.red() < 235, qPrintable(masked.name()));  // the grey or its hatching, never white 0
        double lo = 0, hi = 0;
        colorRange(d.values, ColorMapKind::BlueOrange, &lo, &hi);
        QVERIFY(std::isfinite(lo) && std::isfinite(hi));  // −∞ does not stretch the scale
        const QColor finite = pixelOf(plot, 1, 0);
        QVERIFY(colorDistance(finite, colorForValue(ColorMapKind::BlueOrange, d.values(1, 0), lo, hi)) < 30);
        QVERIFY(plot.describeCell(0, 2).endsWith(QStringLiteral("−∞ (masked)")));
        HeatmapData w;  // weights the causal mask forced to 0 are marked too, and say so
        QCOMPARE(heatmapFor(*session.snapshot(), QStringLiteral("decoder.0.self_attn.weights"), 0, &w), QString());
        QVERIFY(w.isMasked(0, 2) && !w.isMasked(2, 0));
        plot.setHeatmap(w, ColorMapKind::Viridis);
        QVERIFY(plot.describeCell(0, 2).endsWith(QStringLiteral("0 (masked)")));
    }

    // The all-heads thumbnails mark the causal mask's cells as the heatmap does: grey and hatched, never
    // the colour of a weight of 0; the cells a query may see keep their weight's colour.
    void thumbnailsHatchMaskedCells() {
        TraceSession session;
        QCOMPARE(test::loadPreset(session, "demo", QStringLiteral("the cat"), QStringLiteral("<bos> 猫 坐")), QString());
        AllHeadsView all(&session);
        all.setKind(AttentionKind::DecoderSelf);
        all.resize(900, 700);
        all.show();
        QVERIFY(QTest::qWaitForWindowExposed(&all));
        HeadGridWidget* grid = all.grid();
        QCOMPARE(grid->maskedCells().size(), grid->layers() * grid->heads());
        const QVector<QRect> runs = grid->maskedCells()[0];
        QCOMPARE(runs, (QVector<QRect>{QRect(1, 0, 2, 1), QRect(2, 1, 1, 1)}));  // T = 3: above the diagonal
        const QImage shot = grid->grab().toImage();
        const QRect thumb = grid->thumbnailRect(0, 0);
        const double cell = thumb.width() / 3.0;
        int hatch = 0, grey = 0;
        for (int y = int(thumb.top() + 2); y < int(thumb.top() + cell - 2); ++y)  // cell (row 1, column 3)
            for (int x = int(thumb.left() + 2 * cell + 2); x < int(thumb.left() + 3 * cell - 2); ++x) {
                const QColor c = shot.pixelColor(x, y);
                hatch += colorDistance(c, QColor(110, 110, 110)) < 20;
                grey += colorDistance(c, maskedColor()) < 20;
            }
        QVERIFY2(hatch > 0 && grey > 0, qPrintable(QStringLiteral("%1 hatch, %2 grey").arg(hatch).arg(grey)));
        const auto snap = session.snapshot();
        const double w = snap->trace->decoder[0].self_attn.weights[0](0, 0);  // row 1 sees only itself: 1
        const QColor seen = shot.pixelColor(int(thumb.left() + cell / 2), int(thumb.top() + cell / 2));
        QVERIFY(colorDistance(seen, colorAt(ColorMapKind::Viridis, w)) < 30);
    }

    void positionalDimensionsExistInTheModel() {
        QCOMPARE(PositionalView::defaultDimensions(64), (QList<int>{4, 5, 16, 32}));
        QCOMPARE(PositionalView::defaultDimensions(4), (QList<int>{0, 1, 2, 3}));
        QCOMPARE(PositionalView::defaultDimensions(2), (QList<int>{0, 1}));
        TraceSession session;
        QCOMPARE(test::loadPreset(session, "thinking-machines", QStringLiteral("Thinking Machines")), QString());
        PositionalView pe(&session);
        QCOMPARE(pe.dModel(), 4);
        QCOMPARE(pe.dimensionPlot()->graphCount(), 4);  // none of 4, 5, 16, 32 exists in a 4-wide encoding
        QCOMPARE(pe.findChild<QLineEdit*>()->text(), QStringLiteral("1, 2, 3, 4"));
        pe.setDimensions({40, 50});
        QCOMPARE(pe.dimensionPlot()->graphCount(), 0);
        auto* title = qobject_cast<QCPTextElement*>(pe.dimensionPlot()->plotLayout()->element(0, 0));
        QVERIFY2(title->text().contains(QStringLiteral("No dimension to draw")), qPrintable(title->text()));
        QCOMPARE(test::loadPreset(session, "demo", QStringLiteral("the cat")), QString());
        QCOMPARE(pe.dModel(), 64);
        QCOMPARE(pe.dimensions(), (QList<int>{4, 5, 16, 32}));  // a new width gets its own defaults
    }

    void errorsNameFilesNotFlags() {
        core::LoadedModel m;
        core::ModelSource onlyWeights;
        onlyWeights.weightsPath = "w.safetensors";
        const std::string err = core::loadModel(onlyWeights, m);
        QVERIFY2(err.find("--") == std::string::npos && err.find("w.safetensors") != std::string::npos, err.c_str());
        core::LoadedModel bare;
        bare.name = "model.safetensors";
        std::vector<int> ids;
        const std::string vocab = core::encodeText(bare, "hello", ids);
        QVERIFY2(vocab.find("--") == std::string::npos && vocab.find("vocabulary") != std::string::npos, vocab.c_str());
        TraceSession session;
        OpenModelDialog dialog(&session);
        dialog.setFiles(QStringLiteral("/tmp/x.safetensors"), QString());
        dialog.setInput(QStringLiteral("1,2"), QString(), true);
        dialog.load();
        QVERIFY2(dialog.errorText().contains(QStringLiteral("config file")) && !dialog.errorText().contains(QStringLiteral("--")),
                 qPrintable(dialog.errorText()));
    }

    void untrainedModelIsSaidToBe() {
        TraceSession session;
        ModelCaption caption(&session);
        QCOMPARE(test::loadPreset(session, "thinking-machines", QStringLiteral("Thinking Machines")), QString());
        QVERIFY(caption.text().contains(QStringLiteral("thinking-machines")));
        QVERIFY(!caption.text().contains(ModelCaption::untrainedText()));
        QCOMPARE(test::loadPreset(session, "demo", QStringLiteral("the cat")), QString());
        QVERIFY2(caption.text().contains(QStringLiteral("random weights (untrained)")), qPrintable(caption.text()));
        AttentionView attention(&session);
        QVERIFY(attention.findChild<ModelCaption*>());
        AllHeadsView all(&session);
        QVERIFY(all.findChild<ModelCaption*>());
    }
};

QTEST_MAIN(TestAnalysisDisplay)
#include "tst_analysis_display.moc"
