// The heatmap widget: orientation (row i / column j of the picture is query i / key j), hover text,
// clicks on cells, the weight explanation from the trace, and thinned token labels on long axes.
#include "ui/analysis/heatmap_image.h"
#include "ui/analysis/heatmap_layers.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/analysis/heatmap_source.h"
#include "ui/analysis/weight_explainer.h"
#include "ui/common/trace_session.h"
#include "test_support.h"

#include <QSignalSpy>
#include <QtTest>

using namespace alab;
using namespace alab::ui;

namespace {

HeatmapData asymmetric(int rows, int cols) {
    HeatmapData d;
    d.name = QStringLiteral("test.weights");
    d.values.resize(rows, cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) d.values(r, c) = float(r * cols + c);  // every cell distinct, not symmetric
    for (int r = 0; r < rows; ++r) d.rowLabels << QStringLiteral("q%1").arg(r);
    for (int c = 0; c < cols; ++c) d.colLabels << QStringLiteral("k%1").arg(c);
    d.isAttention = true;
    return d;
}

int colorDistance(QColor a, QColor b) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

std::shared_ptr<const Snapshot> thinkingMachines(TraceSession& session) {
    const QString err = alab::test::loadPreset(session, "thinking-machines", QStringLiteral("Thinking Machines"));
    return err.isEmpty() ? session.snapshot() : nullptr;
}

}  // namespace

class TestAnalysisHeatmap : public QObject {
    Q_OBJECT
private slots:
    void orientation_data() {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::newRow("wide 3x5") << 3 << 5;
        QTest::newRow("tall 6x2") << 6 << 2;
        QTest::newRow("small cells 40x30") << 40 << 30;
        QTest::newRow("one row 1x4") << 1 << 4;
    }
    void orientation() {
        QFETCH(int, rows);
        QFETCH(int, cols);
        HeatmapPlot plot;
        plot.resize(700, 560);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        const HeatmapData d = asymmetric(rows, cols);
        plot.setHeatmap(d, ColorMapKind::Viridis);
        plot.replot();
        const QImage image = plot.grab().toImage();
        double lo = 0, hi = 1;
        colorRange(d.values, ColorMapKind::Viridis, &lo, &hi);
        const double cw = std::abs(plot.cellCenter(0, 1).x() - plot.cellCenter(0, 0).x());
        const double ch = rows > 1 ? std::abs(plot.cellCenter(1, 0).y() - plot.cellCenter(0, 0).y()) : 20;
        QVERIFY(plot.cellCenter(rows - 1, 0).y() >= plot.cellCenter(0, 0).y());  // row 0 at the top
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < cols; ++c) {
                // Off the centre, where no cell text is printed.
                const QPointF p = plot.cellCenter(r, c) + QPointF(cw * 0.3, ch * 0.3);
                const QColor expected = colorForValue(ColorMapKind::Viridis, d.values(r, c), lo, hi);
                const QColor got = image.pixelColor(p.toPoint() * image.devicePixelRatio());
                QVERIFY2(colorDistance(expected, got) < 30,
                         qPrintable(QStringLiteral("cell (%1,%2): expected %3 got %4").arg(r).arg(c).arg(expected.name(), got.name())));
                int hr = -1, hc = -1;
                QVERIFY(plot.cellAt(p, &hr, &hc));
                QCOMPARE(hr, r);
                QCOMPARE(hc, c);
            }
        }
    }

    void hoverAndClickOnThinkingMachines() {
        TraceSession session;
        const auto snap = thinkingMachines(session);
        QVERIFY(snap);
        HeatmapData d;
        QCOMPARE(heatmapFor(*snap, QStringLiteral("encoder.0.self_attn.weights"), 0, &d), QString());
        const core::Matrix& w = snap->trace->encoder[0].self_attn.weights[0];
        QCOMPARE(d.values, w);
        HeatmapPlot plot;
        plot.resize(600, 500);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setHeatmap(d, ColorMapKind::Viridis);
        // Row 1 / column 2 as people count: query 1 "Thinking", key 2 "Machines".
        QCOMPARE(plot.describeCell(0, 1), QStringLiteral("Thinking (1) → Machines (2): %1").arg(double(w(0, 1)), 0, 'g', 4));
        QVERIFY(plot.describeCell(0, 1).startsWith(QStringLiteral("Thinking (1) → Machines (2): 0.1")));
        QSignalSpy clicked(&plot, &HeatmapPlot::cellClicked);
        QSignalSpy hovered(&plot, &HeatmapPlot::cellHovered);
        const QPoint at = plot.cellCenter(1, 0).toPoint();
        QTest::mouseMove(&plot, at);
        QTRY_VERIFY(!hovered.isEmpty());
        QCOMPARE(hovered.last().at(2).toString(), plot.describeCell(1, 0));
        QTest::mouseClick(&plot, Qt::LeftButton, {}, at);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().at(0).toInt(), 1);  // row = query "Machines"
        QCOMPARE(clicked.first().at(1).toInt(), 0);  // column = key "Thinking"
    }

    void explanationUsesTraceNumbers() {
        TraceSession session;
        const auto snap = thinkingMachines(session);
        QVERIFY(snap);
        const core::AttentionTrace& a = snap->trace->encoder[0].self_attn;
        WeightExplainer explainer;
        explainer.explain(a, 0, 0, 1, QStringLiteral("Thinking"), QStringLiteral("Machines"), snap->srcTokens);
        const QString text = explainer.toPlainText();
        QVERIFY2(text.contains(QString::number(double(a.scores[0](0, 1)), 'g', 4)), qPrintable(text));   // 96
        QVERIFY2(text.contains(QString::number(double(a.scaled[0](0, 1)), 'g', 4)), qPrintable(text));   // 12
        QVERIFY2(text.contains(QString::number(double(a.weights[0](0, 1)), 'g', 4)), qPrintable(text));  // 0.12
        QVERIFY(text.contains(QStringLiteral("√%1").arg(a.q[0].cols())));
    }

    void longAxesAreThinned() {
        HeatmapPlot plot;
        plot.resize(900, 800);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setHeatmap(asymmetric(1024, 1024), ColorMapKind::Viridis);
        plot.replot();
        plot.replot();
        const int ticks = int(plot.yAxis->tickVector().size());
        QVERIFY2(ticks > 5 && ticks < 100, qPrintable(QString::number(ticks)));
        const double cw = std::abs(plot.cellCenter(0, 1).x() - plot.cellCenter(0, 0).x());
        QVERIFY(cw < 2);  // cells of a 1024 map are tiny: no text is drawn
        QVERIFY(!CellTextLayer::readable(cw, cw));
    }

    // Attention names as the views read them (core/trace_names underneath): every kind round-trips,
    // other tensors are not attention maps.
    // On the trained en→zh model a decoder row reads its input token and writes the next one: rows are
    // labelled "<bos> → 我", so the <bos> row's cross-attention to "my" lines up with 我; the
    // encoder's rows keep their words, and the hover text names both.
    void decoderRowsNameWhatTheyPredict() {
        TraceSession session;
        core::ModelSource source;
        source.preset = "en-zh";
        QCOMPARE(session.load(source, QStringLiteral("my mother eats the rice ."),
                              QStringLiteral("<bos> 我 的 妈 妈 吃 米 饭 。"), true), QString());
        const auto snap = session.snapshot();
        HeatmapData cross;
        QCOMPARE(heatmapFor(*snap, QStringLiteral("decoder.0.cross_attn.weights"), 0, &cross), QString());
        QCOMPARE(cross.rowPredictions.size(), snap->tgtTokens.size());
        QCOMPARE(cross.rowLabel(0), QStringLiteral("<bos> → 我"));
        QCOMPARE(cross.rowLabel(1), QStringLiteral("我 → 的"));
        QCOMPARE(cross.rowLabel(8), QStringLiteral("。 → <eos>"));
        QCOMPARE(cross.rowLabels.value(0), QStringLiteral("<bos>"));  // the data keep the input tokens
        QVERIFY(cross.rowTitle.contains(QStringLiteral("predicts")));
        HeatmapData self;
        QCOMPARE(heatmapFor(*snap, QStringLiteral("decoder.1.self_attn.weights"), 2, &self), QString());
        QCOMPARE(self.rowLabel(3), QStringLiteral("妈 → 妈"));
        HeatmapData enc;
        QCOMPARE(heatmapFor(*snap, QStringLiteral("encoder.0.self_attn.weights"), 0, &enc), QString());
        QVERIFY(enc.rowPredictions.isEmpty());
        QCOMPARE(enc.rowLabel(1), QStringLiteral("mother"));
        HeatmapPlot plot;
        plot.setHeatmap(cross, ColorMapKind::Viridis);
        QVERIFY2(plot.describeCell(0, 0).startsWith(QStringLiteral("<bos> (1, writes 我) → my (1): ")), qPrintable(plot.describeCell(0, 0)));
    }

    void attentionNames() {
        for (AttentionKind kind : allAttentionKinds()) {
            AttentionKind k = AttentionKind::EncoderSelf;
            int layer = -1;
            QString part;
            const QString name = attentionTensorName(kind, 3, QStringLiteral("scaled"));
            QVERIFY2(parseAttentionName(name, &k, &layer, &part), qPrintable(name));
            QVERIFY(k == kind);
            QCOMPARE(layer, 3);
            QCOMPARE(part, QStringLiteral("scaled"));
        }
        QCOMPARE(attentionTensorName(AttentionKind::Cross, 1), QStringLiteral("decoder.1.cross_attn.weights"));
        AttentionKind k;
        int layer;
        QString part;
        for (const char* other : {"encoder.0.cross_attn.weights", "encoder.x.self_attn.weights", "encoder.0.norm1",
                                  "decoder.0.self_attn", "encoder.0.self_attn.weights.x"})
            QVERIFY2(!parseAttentionName(QLatin1String(other), &k, &layer, &part), other);

        TraceSession session;
        const std::shared_ptr<const Snapshot> snap = thinkingMachines(session);
        QVERIFY(snap);
        HeatmapData d;
        QCOMPARE(heatmapFor(*snap, QStringLiteral("encoder.0.self_attn.scaled"), 0, &d), QString());
        QVERIFY(d.isAttention);
        QCOMPARE(heatmapFor(*snap, QStringLiteral("encoder.0.self_attn.q"), 0, &d), QString());
        QVERIFY(!d.isAttention);
    }
};

QTEST_MAIN(TestAnalysisHeatmap)
#include "tst_analysis_heatmap.moc"
